/**
 * What a subscription watches (its topic), which watch Durable Object serves it, and the events that object sends
 * to its listeners. Plain data (models are JSON), shared by the watch object, the WebSocket connection object and
 * the SSE bridge.
 */
import type { GraphQLFormattedError } from "graphql";
import type { DatasetModel, JobModel, JobState, LogEntryModel, Provider } from "../model";
import type { PageInfo } from "../pagination/connection";

/** What kind of thing a topic follows. */
export type WatchKind = "job" | "dataset" | "jobLogs" | "jobList";

/** One platform a watched list reads: its provider and the tenant the list's credentials act in there. */
export interface ListPart {
  provider: Provider;
  tenant: string;
}

/**
 * What a watched jobs list reads: the first `first` jobs of `parts` (merged newest first, as `jobs` does), only
 * those in `states` (every state when empty) and, with `datasetRef`, only that dataset's (of the one part).
 */
export interface JobListFilter {
  parts: ListPart[];
  /** The `provider` argument as given (null for every platform): part of the page cursors' filter. */
  named: Provider | null;
  first: number;
  states: JobState[];
  datasetRef: string | null;
}

/**
 * One watched thing: a backend, a tenant in it, a kind and the backend's reference. A job's updates and its log
 * tail share one watch object (and so one job poll); `minLevel` filters log entries per listener, so listeners with
 * different levels still share one log poll.
 */
export type WatchTopic = { provider: Provider; tenant: string; ref: string } & (
  | { kind: "job" }
  | { kind: "dataset" }
  | { kind: "jobLogs"; minLevel: string | null }
  | ({ kind: "jobList" } & JobListFilter)
);

/**
 * The topic of a jobs list. `provider` is its first part's (a list has no single one), `tenant` names every part's
 * tenant and a tag of the subscriber's credentials (`credentialsTag`), `ref` the filter, so that the object name
 * differs for any other tenant, credentials or filter.
 */
export type JobListTopic = Extract<WatchTopic, { kind: "jobList" }>;

/** The upstream resource behind a topic: the unit of polling. */
export type WatchedResource = "job" | "dataset" | "jobList";

/** The resource a topic polls: `job` for both job updates and job logs. */
export function resourceOfTopic(topic: Pick<WatchTopic, "kind">): WatchedResource {
  return topic.kind === "dataset" ? "dataset" : topic.kind === "jobList" ? "jobList" : "job";
}

/**
 * The name of the watch Durable Object for a topic: `${provider}:${tenant}:${resource}:${ref}`. The backend and the
 * tenant are part of the name so that two tenants never share a poller (nor its credentials); a list's tenant also
 * names its credentials, so that two keys never share one list.
 */
export function watchObjectName(topic: WatchTopic): string {
  return `${topic.provider}:${topic.tenant}:${resourceOfTopic(topic)}:${topic.ref}`;
}

/** A job of a watched list: what the page's jobs look like in every message. */
export interface JobListPage {
  edges: { cursor: string; node: JobModel }[];
  pageInfo: PageInfo;
}

/**
 * What a list watch remembers of one page it sent: the global ids of its jobs in order, and each job's fingerprint
 * (same index), from which the next message's `added`, `removed` and `changed` are worked out.
 */
export interface JobListDigest {
  ids: string[];
  prints: string[];
}

/**
 * An event from a watch object to one listener.
 * - `job` / `dataset`: a snapshot that differs from what this listener last got; `terminal` means it is the last.
 *   A job snapshot carries its dataset (or null) when the backend's progress needs it, so that `progress` needs
 *   no further call, and `progressInput`, the part of the dataset the job's fields depend on.
 * - `log`: one new log entry, oldest first.
 * - `error`: the stream ends with this error (already mapped to a GraphQL error with `extensions.code`).
 * - `complete`: the stream ends normally (log tails, after the last entries of a terminal job).
 */
export type WatchEvent =
  | { type: "job"; job: JobModel; dataset: DatasetModel | null; progressInput: unknown; terminal: boolean }
  | { type: "dataset"; dataset: DatasetModel; terminal: boolean }
  | JobListEvent
  | { type: "log"; entry: LogEntryModel }
  | { type: "error"; error: GraphQLFormattedError }
  | { type: "complete" };

/**
 * A message of a watched jobs list: the page, the datasets its jobs' fields need (so that resolving them costs no
 * call), and what changed since the listener's previous message. `digest` and `fingerprint` are the watch's own
 * (the listener's copy goes without the digest). A list never ends by itself (`terminal` is always false).
 */
export interface JobListEvent {
  type: "jobList";
  page: JobListPage;
  datasets: DatasetModel[];
  added: string[];
  removed: string[];
  changed: string[];
  fingerprint: string;
  digest?: JobListDigest;
  terminal: false;
  /**
   * The platforms whose outage left their jobs off this page (`job-list.ts`), with their errors as the message
   * reports them; absent when every platform answered.
   */
  unavailable?: UnavailablePlatform[];
}

/** A platform a list message lacks, and why: its coded error's JSON (`extensions.provider` names it). */
export interface UnavailablePlatform {
  provider: Provider;
  error: GraphQLFormattedError;
}

/** True when no event follows this one for its listener. */
export function isFinalEvent(event: WatchEvent): boolean {
  switch (event.type) {
    case "job":
    case "dataset":
    case "jobList":
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
 * covers the whole job and what of its dataset its fields depend on (`progressInput`). Log, error and complete
 * events have no fingerprint (null).
 */
export function eventFingerprint(event: WatchEvent): string | null {
  switch (event.type) {
    case "job":
      return stableStringify({ job: event.job, progressInput: event.progressInput ?? null });
    case "dataset":
      return stableStringify(event.dataset);
    case "jobList":
      return event.fingerprint;
    default:
      return null;
  }
}

/** What a subscription asks to follow: a topic without its tenant (the backend session knows it), or a jobs list. */
export type LiveRequest =
  | (Exclude<WatchTopic, JobListTopic> extends infer T ? (T extends WatchTopic ? Omit<T, "tenant"> : never) : never)
  | JobListRequest;

/**
 * A jobs list as a subscriber asks for it: `provider` names one platform, or null for every platform the
 * subscriber has credentials for; `datasetRef` (with its `provider`) narrows it to one dataset.
 */
export interface JobListRequest {
  kind: "jobList";
  provider: Provider | null;
  first: number;
  states: JobState[];
  datasetRef: string | null;
}

/** Opens live streams (SSE) for a request's subscriptions; implemented over the watch objects in `live-port.ts`. */
export interface LivePort {
  /**
   * Checks the subscriber with its own credentials and opens the stream of watch events. Rejects with the
   * subscriber check's error (`UNAUTHENTICATED`, `NOT_FOUND`, `FORBIDDEN`, …).
   */
  open(request: LiveRequest): Promise<AsyncIterableIterator<WatchEvent>>;
}
