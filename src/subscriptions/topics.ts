/**
 * What a subscription watches (its topic), which watch Durable Object serves it, and the events that object sends
 * to its listeners. Plain data, shared by the watch object, the WebSocket connection object and the SSE bridge.
 */
import type { GraphQLFormattedError } from "graphql";
import type { NexusDataset, NexusJob, NexusLogEntry } from "../backends/nexus/types";

/**
 * One watched thing. A job's updates and its log tail share one watch object (and so one job poll); `minLevel`
 * filters log entries per listener, so listeners with different levels still share one log poll.
 */
export type WatchTopic =
  | { kind: "job"; id: string }
  | { kind: "dataset"; id: string }
  | { kind: "jobLogs"; id: string; minLevel: string | null };

/** The upstream resource behind a topic: the unit of polling. */
export type WatchedResource = "job" | "dataset";

/** The resource a topic polls: `job` for both job updates and job logs. */
export function resourceOfTopic(topic: WatchTopic): WatchedResource {
  return topic.kind === "dataset" ? "dataset" : "job";
}

/**
 * The name of the watch Durable Object for a topic in a project: `${projectId}:${resource}:${id}`. The project is
 * part of the name so that two projects never share a poller (nor its credentials).
 */
export function watchObjectName(projectId: string, topic: WatchTopic): string {
  return `${projectId}:${resourceOfTopic(topic)}:${topic.id}`;
}

/**
 * An event from a watch object to one listener.
 * - `job` / `dataset`: a snapshot that differs from what this listener last got; `terminal` means it is the last.
 *   A job snapshot carries its dataset (or null when it is gone) so that `progress` needs no further call.
 * - `log`: one new log entry, oldest first.
 * - `error`: the stream ends with this error (already mapped to a GraphQL error with `extensions.code`).
 * - `complete`: the stream ends normally (log tails, after the last entries of a terminal job).
 */
export type WatchEvent =
  | { type: "job"; job: NexusJob; dataset: NexusDataset | null; terminal: boolean }
  | { type: "dataset"; dataset: NexusDataset; terminal: boolean }
  | { type: "log"; jobId: string; entry: NexusLogEntry }
  | { type: "error"; error: GraphQLFormattedError }
  | { type: "complete" };

/** True when no event follows this one for its listener. */
export function isFinalEvent(event: WatchEvent): boolean {
  switch (event.type) {
    case "job":
    case "dataset":
      return event.terminal;
    case "log":
      return false;
    case "error":
    case "complete":
      return true;
  }
}

/** JSON with object keys sorted, so that equal snapshots give equal strings whatever the key order upstream. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, raw: unknown) => {
    if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(raw).sort()) sorted[key] = (raw as Record<string, unknown>)[key];
      return sorted;
    }
    return raw;
  });
}

/**
 * The fingerprint of a snapshot event: equal fingerprints mean a client could select nothing different. A job's
 * covers the whole job (state, message, counters, reason, times) and its dataset's item count (progress).
 * Log, error and complete events have no fingerprint (null).
 */
export function eventFingerprint(event: WatchEvent): string | null {
  switch (event.type) {
    case "job":
      return stableStringify({ job: event.job, itemCount: event.dataset?.status?.itemCount ?? null });
    case "dataset":
      return stableStringify(event.dataset);
    default:
      return null;
  }
}
