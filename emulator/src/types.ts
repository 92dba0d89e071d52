/**
 * Internal records (what the emulator stores) and wire shapes (what it answers). Records keep what the API never
 * returns (upload token, webhook secret, msPerItem). The wire shapes are the gateway's (src/backends/nexus/types.ts:
 * one definition of nexus.md, imported as types only); this file narrows them to what the emulator always sends
 * (every field it fills required, a known overview, level or object name) and adds what only it has.
 */
import type {
  NexusCreateJobBody,
  NexusDataset,
  NexusDatasetSource,
  NexusDatasetStatus,
  NexusDeploymentRead,
  NexusItemCounters,
  NexusJob,
  NexusJobSpec,
  NexusJobStatus,
  NexusKnownDatasetOverview,
  NexusKnownJobOverview,
  NexusKnownLogLevel,
  NexusLogEntry,
  NexusPage,
  NexusResultDestination,
  NexusUploadUrl,
  NexusWebhook,
  NexusWebhookRetries,
} from "../../src/backends/nexus/types";

/** A project and its one `Secret-Key`. */
export interface ProjectRecord {
  id: string;
  secretKey: string;
  /** Ids of the deployments that exist in the project (for `ExistingDeployment`). */
  deploymentIds: string[];
}

/** Dataset status overview values (nexus.md); `Uploaded` means ready. */
export type DatasetOverview = NexusKnownDatasetOverview;

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

/** Where a job delivers its results: always a webhook, named. */
export interface WebhookDestination extends NexusResultDestination {
  kind: "Webhook";
  webhookId: string;
}

/** A job's deployment: an existing one or a template for an ephemeral one. */
export type Deployment =
  | { kind: "ExistingDeployment"; deploymentId: string }
  | { kind: "NewEphemeralDeployment"; template: Record<string, unknown> };

/**
 * The job spec as the client gave it (the create body's, validated), and as it is returned but for the deployment,
 * which reads back whole (`JobSpecWire`).
 */
export interface JobSpec extends Omit<NexusCreateJobBody["spec"], "deployment" | "resultDelivery"> {
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
  retries: NexusWebhookRetries;
  createDate: number;
  updateDate: number;
}

/** The PascalCase item counters of a job: all eight, always. */
export type ItemCounters = Required<NexusItemCounters>;

/** Job status overview values (the SDK's complete enum). */
export type JobOverview = NexusKnownJobOverview;

/** The wire job status: a known overview, its message, time and counters always. */
export interface JobStatus extends NexusJobStatus {
  overview: JobOverview;
  message: string;
  updateDate: number;
  items: ItemCounters;
}

/** One job log entry on the wire: a known level, its item, status and time always. */
export interface LogEntry extends NexusLogEntry {
  level: LogLevel;
  item: string;
  status: string;
  timeMs: number;
}

/** Log levels, in increasing order (emulator convention); the known ones of nexus.md. */
export const LOG_LEVELS = ["Debug", "Info", "Warning", "Error"] as const satisfies readonly NexusKnownLogLevel[];
/** A log level. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** One list page on the wire. */
export type Page<T> = NexusPage<T>;

/** The upload URL on the wire: a `PUT` to the emulator's `/upload/<token>`. */
export interface UploadUrlWire extends NexusUploadUrl {
  method: "PUT";
}

/** A dataset's source on the wire: the uploaded NDJSON file and where to upload it. */
export interface DatasetSourceWire extends NexusDatasetSource {
  kind: "UploadedNewlineDelimitedJsonFile";
  uploadUrl: UploadUrlWire;
}

/** A dataset's status on the wire: every field, a known overview. */
export interface DatasetStatusWire extends NexusDatasetStatus {
  overview: DatasetOverview;
  message: string;
  updateTime: number;
  source: DatasetSourceWire;
  itemCount: number;
}

/** A dataset on the wire (`datasetToWire`): every field. */
export interface DatasetWire extends NexusDataset {
  object: "dataset";
  expiryTime: number;
  status: DatasetStatusWire;
}

/** A job's ephemeral deployment as it reads back (deployment.ts): the whole Deployment, `replicas` under `scaling`. */
export interface DeploymentReadWire extends NexusDeploymentRead {
  id: string;
  name: string;
  status: { overview: "Creating" | "Available" | "Deleted"; message: string; updateDate: number };
  createDate: number;
  updateDate: number;
  projectId: string;
  artifactId: string;
  versionTag: string;
  region: string;
  historyVersions: Array<{ versionTag: string; artifactId: string; updateDate: number }>;
  options: Record<string, unknown>;
  scaling: { replicas: number };
  url: string;
}

/** What a job runs on, on the wire: an existing deployment as given, or the whole ephemeral one. */
export type DeploymentWire =
  | Extract<Deployment, { kind: "ExistingDeployment" }>
  | { kind: "NewEphemeralDeployment"; template: DeploymentReadWire };

/** A job's spec on the wire: as given, with the deployment read back whole. */
export interface JobSpecWire extends NexusJobSpec {
  datasetId: string;
  deployment: DeploymentWire;
  resultDelivery: { destinations: WebhookDestination[] };
}

/** A job on the wire (`jobToWire`): its status derived at the time of the read. */
export interface JobWire extends NexusJob {
  object: "batch_job";
  spec: JobSpecWire;
  status: JobStatus;
}

/** A webhook on the wire (`webhookToWire`): everything but the secret, its retries always. */
export interface WebhookWire extends NexusWebhook {
  object: "webhook";
  retries: NexusWebhookRetries;
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
