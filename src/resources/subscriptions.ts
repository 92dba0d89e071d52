/**
 * The `Subscription` resolvers: `jobUpdated`, `datasetUpdated`, `jobLogAdded` and `jobListUpdated`, for every backend.
 *
 * - `subscribe` (SSE, run by Yoga in the Worker): opens the stream through the context's live port, which checks
 *   the subscriber with its own credentials and attaches it to the watch object of its topic.
 * - `resolve` (both transports): turns one watch event into the field's value, or throws the event's error. The
 *   WebSocket connection object executes the same `resolve` over the same events, so both transports answer alike.
 */
import { GraphQLError, responsePathAsArray, type GraphQLResolveInfo } from "graphql";
import { resolveIdOf } from "../backends/registry";
import type { GatewayContext } from "../backends/gateway-context";
import { badUserInput } from "../errors";
import type { JobListUpdate, SubscriptionResolvers } from "../generated/resolvers-types";
import { logLevelToWire, type LogLevel } from "../log-levels";
import type { DatasetModel, JobModel, JobState, LogEntryModel } from "../model";
import type { Connection } from "../pagination/connection";
import { DEFAULT_PAGE_SIZE, pageSize } from "../pagination/arguments";
import type { JobListRequest, LiveRequest, WatchEvent } from "../subscriptions/topics";

function stringArg(args: Record<string, unknown>, name: string): string {
  const value = args[name];
  if (typeof value !== "string") throw badUserInput(`Argument "${name}": expected an id string.`);
  return value;
}

/**
 * What a subscription field with its (already coerced) arguments asks to follow. Ids may be global ids or upstream
 * ids. Throws `BAD_USER_INPUT` naming the argument for an id of the wrong kind or no id at all, and for a log tail
 * of a backend that has no logs.
 */
export function liveRequestFromField(fieldName: string, args: Record<string, unknown>): LiveRequest {
  switch (fieldName) {
    case "jobUpdated": {
      const { backend, ref } = resolveIdOf(stringArg(args, "id"), { kind: "job" }, "id");
      return { kind: "job", provider: backend.provider, ref };
    }
    case "datasetUpdated": {
      const { backend, ref } = resolveIdOf(stringArg(args, "id"), { kind: "dataset" }, "id");
      return { kind: "dataset", provider: backend.provider, ref };
    }
    case "jobLogAdded": {
      const { backend, ref } = resolveIdOf(stringArg(args, "jobId"), { kind: "job" }, "jobId");
      if (!backend.capabilities.logs)
        throw badUserInput(`Argument "jobId": ${backend.name} jobs have no log to follow.`);
      const minLevel = typeof args["minLevel"] === "string" ? logLevelToWire(args["minLevel"] as LogLevel) : null;
      return { kind: "jobLogs", provider: backend.provider, ref, minLevel };
    }
    case "jobListUpdated":
      return jobListRequestOf(args);
    default:
      throw badUserInput(`Unknown subscription field "${fieldName}".`);
  }
}

/**
 * The list `jobListUpdated` asks for, checked as `jobs` checks the same arguments: `first` from 1 to 100 (default
 * 20), and a `datasetId` of the platform `provider` names, if it names one. Throws `BAD_USER_INPUT` naming the
 * argument.
 */
function jobListRequestOf(args: Record<string, unknown>): JobListRequest {
  const first = pageSize(typeof args["first"] === "number" ? args["first"] : null, "first") ?? DEFAULT_PAGE_SIZE;
  const states = Array.isArray(args["state"]) ? [...new Set(args["state"] as JobState[])] : [];
  const named = typeof args["provider"] === "string" ? args["provider"] : null;
  const datasetId = args["datasetId"];
  if (typeof datasetId !== "string") return { kind: "jobList", provider: named, first, states, datasetRef: null };
  const { backend, ref } = resolveIdOf(datasetId, { kind: "dataset" }, "datasetId");
  if (named !== null && backend.provider !== named) {
    throw badUserInput(
      `Argument "datasetId" is a ${backend.provider} dataset, but "provider" is ${named}: a job runs on its dataset's platform.`,
    );
  }
  // A job runs over a dataset of its own backend: with `datasetId`, only that backend is read.
  return { kind: "jobList", provider: backend.provider, first, states, datasetRef: ref };
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

/**
 * The job of a job event. The event's dataset (when the backend sent one) is what the job's progress needs: the
 * backend's loaders are primed with it, so `progress` costs no call.
 */
function jobFromEvent(event: WatchEvent, context: GatewayContext): JobModel {
  throwIfError(event);
  if (event.type !== "job") throw unexpected(event, "jobUpdated");
  const { job, dataset } = event;
  if (dataset !== null && context.backends.credentials[job.provider] !== undefined) {
    // A subscription's context lives as long as the stream: replace, not keep, what an earlier event loaded.
    context.backends.sessionOf(job.provider).prime?.(dataset);
  }
  return job;
}

function datasetFromEvent(event: WatchEvent): DatasetModel {
  throwIfError(event);
  if (event.type !== "dataset") throw unexpected(event, "datasetUpdated");
  return event.dataset;
}

/**
 * The entry of a log event, as the backend that logs made it. Its wire object is that backend's own, which only
 * the backend's type resolvers read: typed `never` here, so it fits whichever log entry type the field returns.
 */
function logEntryFromEvent(event: WatchEvent): LogEntryModel<never> {
  throwIfError(event);
  if (event.type !== "log") throw unexpected(event, "jobLogAdded");
  return event.entry as LogEntryModel<never>;
}

/** What `totalCount` says in a list message: it is not counted there (a walk per message and listener). */
function noCount(): Promise<number> {
  return Promise.reject(
    badUserInput(
      "jobListUpdated does not count the list: select totalCount in a jobs query, or use jobCounts, instead.",
    ),
  );
}

/**
 * The message of a list event. The datasets its unfinished jobs run over come with it: the backends' loaders are
 * primed with them, so `progress` costs no call, however many listeners resolve the message. A platform that was
 * unavailable for it is one error beside the data (as in a `jobs` query), at this field's path.
 */
function jobListFromEvent(
  event: WatchEvent,
  context: GatewayContext,
  info: GraphQLResolveInfo,
): Omit<JobListUpdate, "jobs"> & { jobs: Connection<JobModel> } {
  throwIfError(event);
  if (event.type !== "jobList") throw unexpected(event, "jobListUpdated");
  for (const { error } of event.unavailable ?? []) {
    context.fieldErrors.report(
      new GraphQLError(error.message, {
        nodes: info.fieldNodes,
        path: responsePathAsArray(info.path),
        extensions: error.extensions ?? {},
      }),
    );
  }
  for (const dataset of event.datasets) {
    if (context.backends.credentials[dataset.provider] !== undefined) {
      context.backends.sessionOf(dataset.provider).prime?.(dataset);
    }
  }
  return {
    jobs: { edges: event.page.edges, pageInfo: event.page.pageInfo, count: noCount },
    added: event.added,
    removed: event.removed,
    changed: event.changed,
  };
}

/** Opens the SSE stream of watch events for one field. */
function subscribe(fieldName: string, args: Record<string, unknown>, context: GatewayContext) {
  return context.live.open(liveRequestFromField(fieldName, args));
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
    jobListUpdated: {
      subscribe: (_root, args, context) => subscribe("jobListUpdated", args, context),
      resolve: (event: WatchEvent, _args: unknown, context: GatewayContext, info: GraphQLResolveInfo) =>
        jobListFromEvent(event, context, info),
    },
  },
};
