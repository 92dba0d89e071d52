/**
 * The `Subscription` resolvers: `jobUpdated`, `datasetUpdated`, `jobLogAdded`.
 *
 * - `subscribe` (SSE, run by Yoga in the Worker): checks the subscriber with its own credentials, then streams
 *   watch events from the watch Durable Object (`sse-bridge.ts`).
 * - `resolve` (both transports): turns one watch event into the field's value, or throws the event's error. The
 *   WebSocket connection object executes the same `resolve` over the same events, so both transports answer alike.
 */
import { GraphQLError } from "graphql";
import type { NexusLogEntry } from "../backends/nexus/types";
import type { GatewayContext } from "../context";
import { badUserInput } from "../errors";
import type { SubscriptionResolvers } from "../generated/resolvers-types";
import { rawIdFor } from "../global-id";
import { watchNamespace } from "../subscriptions/bindings";
import { subscriptionSettingsFromEnv } from "../subscriptions/settings";
import { watchStream } from "../subscriptions/sse-bridge";
import { startSubscription } from "../subscriptions/subscription-start";
import type { WatchEvent, WatchTopic } from "../subscriptions/topics";
import type { NexusDatasetParent, NexusJobParent, NexusLogEntryParent } from "./parents";

/** The wire level for a `LogLevel` enum value (`WARNING` → `Warning`). */
export function wireLogLevel(level: string): string {
  return level.charAt(0).toUpperCase() + level.slice(1).toLowerCase();
}

function stringArg(args: Record<string, unknown>, name: string): string {
  const value = args[name];
  if (typeof value !== "string") throw badUserInput(`Argument "${name}": expected an id string.`);
  return value;
}

/**
 * The watch topic of a subscription field and its (already coerced) arguments. Ids may be global ids or upstream
 * ids. Throws `BAD_USER_INPUT` naming the argument for an id of the wrong type or no id at all.
 */
export function topicFromSubscriptionField(fieldName: string, args: Record<string, unknown>): WatchTopic {
  switch (fieldName) {
    case "jobUpdated":
      return { kind: "job", id: rawIdFor("NexusJob", stringArg(args, "id"), "id") };
    case "datasetUpdated":
      return { kind: "dataset", id: rawIdFor("NexusDataset", stringArg(args, "id"), "id") };
    case "jobLogAdded": {
      const minLevel = typeof args["minLevel"] === "string" ? wireLogLevel(args["minLevel"]) : null;
      return { kind: "jobLogs", id: rawIdFor("NexusJob", stringArg(args, "jobId"), "jobId"), minLevel };
    }
    default:
      throw badUserInput(`Unknown subscription field "${fieldName}".`);
  }
}

/** Throws the error an `error` event carries, so it reaches the client as a GraphQL error with its code. */
function throwIfError(event: WatchEvent): void {
  if (event.type === "error") {
    throw new GraphQLError(event.error.message, { extensions: event.error.extensions ?? {} });
  }
}

function unexpected(event: WatchEvent, field: string): Error {
  return new Error(`${field}: unexpected watch event "${event.type}"`);
}

/** The job of a job event. Primes the dataset loader with the event's dataset, so `progress` costs no call. */
function jobFromEvent(event: WatchEvent, context: GatewayContext): NexusJobParent {
  throwIfError(event);
  if (event.type !== "job") throw unexpected(event, "jobUpdated");
  const datasetId = event.job.spec?.datasetId;
  if (datasetId !== undefined && context.credentials !== null) {
    // A subscription's context lives as long as the stream: replace, not keep, what an earlier event loaded.
    context.loaders().datasetById.clear(datasetId).prime(datasetId, event.dataset);
  }
  return event.job;
}

function datasetFromEvent(event: WatchEvent): NexusDatasetParent {
  throwIfError(event);
  if (event.type !== "dataset") throw unexpected(event, "datasetUpdated");
  return event.dataset;
}

function logEntryFromEvent(event: WatchEvent): NexusLogEntryParent {
  throwIfError(event);
  if (event.type !== "log") throw unexpected(event, "jobLogAdded");
  const entry: NexusLogEntry = event.entry;
  return { ...entry, jobId: event.jobId };
}

function requestSignal(context: GatewayContext): AbortSignal | undefined {
  const request: unknown = (context as GatewayContext & { request?: unknown }).request;
  return request instanceof Request ? request.signal : undefined;
}

/** Checks the subscriber and opens the SSE stream of watch events for one field. */
async function subscribe(fieldName: string, args: Record<string, unknown>, context: GatewayContext) {
  const topic = topicFromSubscriptionField(fieldName, args);
  const start = await startSubscription(context.client(), topic);
  // client() succeeded, so the credentials are there.
  const credentials = context.credentials;
  if (credentials === null) throw new Error("subscribe: credentials vanished after the check");
  const settings = subscriptionSettingsFromEnv(context.env);
  return watchStream({
    namespace: watchNamespace(context.env),
    credentials,
    start,
    maxLifetimeMs: settings.maxLifetimeMs,
    // Yoga puts the HTTP request in every context; its signal tells when an SSE client has gone.
    signal: requestSignal(context),
    heartbeatMs: settings.sseHeartbeatMs,
  });
}

/** The `Subscription` resolvers, assembled into the schema with the other resource modules. */
export const subscriptionResolvers: { Subscription: SubscriptionResolvers } = {
  Subscription: {
    jobUpdated: {
      subscribe: (_root, args, context) => subscribe("jobUpdated", args, context),
      resolve: (event: WatchEvent, _args: unknown, context: GatewayContext) => jobFromEvent(event, context),
    },
    datasetUpdated: {
      subscribe: (_root, args, context) => subscribe("datasetUpdated", args, context),
      resolve: (event: WatchEvent) => datasetFromEvent(event),
    },
    jobLogAdded: {
      subscribe: (_root, args, context) => subscribe("jobLogAdded", args, context),
      resolve: (event: WatchEvent) => logEntryFromEvent(event),
    },
  },
};
