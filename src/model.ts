/**
 * The neutral model: what every backend's datasets and jobs share (the `Dataset` and `Job` interfaces of the
 * schema), mapped from each wire format in one place per backend (`backends/<name>/to-model.ts`). A model keeps its
 * wire object beside the neutral fields, so the backend's own type resolvers read what only that backend has, and
 * it is plain JSON, so watch events can carry it between Durable Objects.
 */
/**
 * A platform: a value of the GraphQL enum `Provider`, which each backend's schema fragment extends with its own
 * (`NEXUS`). A plain string here: the registry is the list of them, and the model sits below the generated types
 * (which import the backends' parents, which import this file), so it cannot take the enum from them.
 */
export type Provider = string;

/** A job's normalised state (the GraphQL enum `JobState`). */
export type JobState = "WAITING" | "RUNNING" | "FINISHED" | "CANCELLED" | "FAILED";

/** A dataset's normalised state (the GraphQL enum `DatasetState`). */
export type DatasetState = "WAITING" | "UPLOADING" | "PROCESSING" | "READY" | "FAILED";

const TERMINAL_JOB_STATES: ReadonlySet<JobState> = new Set<JobState>(["FINISHED", "CANCELLED", "FAILED"]);
const TERMINAL_DATASET_STATES: ReadonlySet<DatasetState> = new Set<DatasetState>(["READY", "FAILED"]);

/** True for FINISHED, CANCELLED and FAILED: the job will not change any more. */
export function isTerminalJobState(state: JobState): boolean {
  return TERMINAL_JOB_STATES.has(state);
}

/** True for READY and FAILED: the dataset's content will not change any more. */
export function isTerminalDatasetState(state: DatasetState): boolean {
  return TERMINAL_DATASET_STATES.has(state);
}

/** The longest `failureReason` the API gives (`Job.failureReason`); a longer reason is cut, with `…` at its end. */
export const FAILURE_REASON_MAX_LENGTH = 500;

/**
 * A platform's failure text as `Job.failureReason`: its first non-blank line, with runs of white space made one
 * space, cut to {@link FAILURE_REASON_MAX_LENGTH} characters. Only the first line, because an upstream that puts a
 * stack or a dump under its message must not pass that on. Null for anything but a string with some text in it;
 * never throws.
 */
export function readableReason(text: unknown): string | null {
  if (typeof text !== "string") return null;
  const line = text
    .split(/\r?\n|\r/)
    .map((part) => part.replace(/\s+/g, " ").trim())
    .find((part) => part !== "");
  if (line === undefined) return null;
  return line.length <= FAILURE_REASON_MAX_LENGTH ? line : `${line.slice(0, FAILURE_REASON_MAX_LENGTH - 1)}…`;
}

/** What every object of a backend that has a global id carries: where it lives and how to find it again. */
export interface ModelBase<W> {
  provider: Provider;
  /** The GraphQL type of the object (`NexusJob`, …): `__resolveType` and `Node` route by it. */
  typename: string;
  /** The tenant the object belongs to in its backend (a Nexus project). */
  tenant: string;
  /** The backend's own reference, as it goes into the upstream's paths (a Nexus id: `batchjob_…`). */
  ref: string;
  /** Creation time, epoch milliseconds: lists are ordered by it, newest first. */
  createdAt: number;
  /** The upstream object, checked and unchanged. */
  wire: W;
}

/** A dataset of any backend. */
export interface DatasetModel<W = unknown> extends ModelBase<W> {
  kind: "dataset";
  name: string;
  updatedAt: number;
  state: DatasetState;
}

/** A job of any backend. */
export interface JobModel<W = unknown> extends ModelBase<W> {
  kind: "job";
  name: string;
  updatedAt: number;
  state: JobState;
  /** The reference of the dataset it runs over, in the same backend; null when it says none. */
  datasetRef: string | null;
}

/** Any object with a global id. */
export type NodeModel = ModelBase<unknown> & { kind: string };

/** One entry of a job's log, of a backend that has logs. */
export interface LogEntryModel<W = unknown> extends ModelBase<W> {
  kind: "logEntry";
  /** The job's reference. */
  jobRef: string;
  /** The raw level (open vocabulary; `log-levels.ts` orders the known ones). */
  level: string;
}
