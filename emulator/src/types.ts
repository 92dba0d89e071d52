/**
 * Internal records (what the emulator stores) and wire shapes (what it answers). Records keep what the API never
 * returns (upload token, webhook secret, msPerItem); wire shapes follow nexus.md field by field.
 */

/** A project and its one `Secret-Key`. */
export interface ProjectRecord {
  id: string;
  secretKey: string;
  /** Ids of the deployments that exist in the project (for `ExistingDeployment`). */
  deploymentIds: string[];
}

/** Dataset status overview values (nexus.md); `Uploaded` means ready. */
export type DatasetOverview =
  "Waiting" | "Processing" | "Processed" | "FailedProcessing" | "Uploading" | "Uploaded" | "FailedUpload";

/** A stored dataset. */
export interface DatasetRecord {
  id: string;
  projectId: string;
  name: string;
  createDate: number;
  updateDate: number;
  expiryTime: number;
  overview: DatasetOverview;
  message: string;
  /** When the status last changed (the wire `status.updateTime`). */
  statusUpdateTime: number;
  itemCount: number;
  sizeBytes: number;
  /** Base64 of the big-endian CRC32C the creator announced. */
  crc32c: string;
  /** Secret part of the upload URL `/upload/<token>`. */
  uploadToken: string;
  uploadExpiresAt: number;
}

/** Where a job delivers its results. */
export interface WebhookDestination {
  kind: "Webhook";
  webhookId: string;
}

/** A job's deployment: an existing one or a template for an ephemeral one. */
export type Deployment =
  | { kind: "ExistingDeployment"; deploymentId: string }
  | { kind: "NewEphemeralDeployment"; template: Record<string, unknown> };

/** The job spec as the client gave it (and as it is returned). */
export interface JobSpec {
  startAtTime?: number;
  stopAtTime?: number;
  datasetId: string;
  deployment: Deployment;
  resultDelivery: { destinations: WebhookDestination[] };
}

/**
 * What a job runs on, settled once when the job starts: the item count of its dataset then, or why it cannot run.
 * Settling once keeps a running job stable when its dataset is deleted later.
 */
export type JobResolution = { itemCount: number } | { failedAt: number; reason: string };

/** A stored job; its status is derived from these fields and the clock on every read. */
export interface JobRecord {
  id: string;
  projectId: string;
  name: string;
  createDate: number;
  updateDate: number;
  spec: JobSpec;
  /** How long each item spends at each stage, captured from the reset setting when the job was created. */
  msPerItem: number;
  resolution?: JobResolution;
  /** A log set through the control API (`synthetic-log.ts`); when present it replaces the log of the lifecycle. */
  syntheticLog?: SyntheticLogSpec;
}

/** The shape of a synthetic job log: how many entries, and how many share each time (a cycle, newest first). */
export interface SyntheticLogSpec {
  entries: number;
  sameTime: number[];
}

/** A stored webhook, secret included (never returned). */
export interface WebhookRecord {
  id: string;
  projectId: string;
  name: string;
  endpoint: string;
  /** Base64 secret, as the client gave it. */
  secret: string;
  retries: { maxRetries: number; maxBackoffMs: number };
  createDate: number;
  updateDate: number;
}

/** The PascalCase item counters of a job. */
export interface ItemCounters {
  Gathered: number;
  FailedGather: number;
  Preprocessed: number;
  FailedProcess: number;
  Predicted: number;
  FailedPredict: number;
  Delivered: number;
  FailedDeliver: number;
}

/** Job status overview values (the SDK's complete enum). */
export type JobOverview = "Waiting" | "Reached" | "Failed";

/** The wire job status. */
export interface JobStatus {
  overview: JobOverview;
  message: string;
  updateDate: number;
  items: ItemCounters;
  reason?: string;
  cancelledAt?: number;
}

/** One job log entry on the wire. */
export interface LogEntry {
  id: string;
  kind: string;
  createTime: number;
  level: LogLevel;
  item: string;
  status: string;
  timeMs: number;
  reason?: string;
}

/** Log levels, in increasing order (emulator convention). */
export const LOG_LEVELS = ["Debug", "Info", "Warning", "Error"] as const;
/** A log level. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One list page on the wire. */
export interface Page<T> {
  nextPage: string | null;
  prevPage: string | null;
  data: T[];
}

/** One entry of the request log of the control API. */
export interface RequestLogEntry {
  method: string;
  path: string;
  query: string;
  status: number;
  durationMs: number;
  /** Length of the answer's body in bytes. */
  bytes: number;
  /**
   * The first 8 hex digits of the SHA-256 of the credential the request carried (`Secret-Key`, Graviti's `X-Token`,
   * ModelArts's `X-Auth-Token`), null when it carried none: which key, never the key (key-id.ts).
   */
  keyId: string | null;
  /**
   * The W3C `traceparent` the request carried, as sent (null without one): which trace and span of the caller's
   * the call belongs to, so tests can tie each upstream call to the gateway's span for it.
   */
  traceparent: string | null;
}

/** Filters of `GET …/logs`, parsed (`logs.ts`); the synthetic logs answer them too (`synthetic-log.ts`). */
export interface LogQuery {
  beforeTime?: number;
  afterTime?: number;
  minLevel: LogLevel;
  maxEntries: number;
}
