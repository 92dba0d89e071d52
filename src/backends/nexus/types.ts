/**
 * Wire shapes of the Datature Nexus batch API, exactly as `shared/backends/nexus.md` describes them: camelCase JSON,
 * PascalCase item counters, integer millisecond timestamps. Written once: the gateway reads them, and the Nexus
 * emulator (emulator/src/types.ts and the files beside it) answers with them, importing these types only (type-only
 * imports: no gateway code reaches the emulator's Worker).
 *
 * Each shape is typed as the gateway may rely on it: what the upstream can omit is optional, and open vocabularies
 * are `string` (with the known values listed for editors), because an unknown value from the upstream must never
 * break a response. The known values alone are the `NexusKnown…` types. The emulator, which always sends what it
 * can and only known values, narrows these shapes (its fields required, a `NexusKnown…` vocabulary) and adds what
 * only it stores.
 */

/** The dataset `status.overview` values nexus.md lists. `Uploaded` means ready. */
export type NexusKnownDatasetOverview =
  "Waiting" | "Processing" | "Processed" | "FailedProcessing" | "Uploading" | "Uploaded" | "FailedUpload";

/** A dataset `status.overview`: a known value, or another that may appear. */
export type NexusDatasetOverview = NexusKnownDatasetOverview | (string & {});

/** The job `status.overview` values (the SDK's complete enum). */
export type NexusKnownJobOverview = "Waiting" | "Reached" | "Failed";

/** A job `status.overview`: a known value, or another that may appear. */
export type NexusJobOverview = NexusKnownJobOverview | (string & {});

/** The log levels; emulator convention orders them Debug < Info < Warning < Error. */
export type NexusKnownLogLevel = "Debug" | "Info" | "Warning" | "Error";

/** A log level: a known one, or another that may appear. */
export type NexusLogLevel = NexusKnownLogLevel | (string & {});

/** Where and how to upload a dataset's bytes (a signed URL in production). */
export interface NexusUploadUrl {
  method: string;
  url: string;
  /** Headers the uploader must send, exactly. */
  headers: Record<string, string>;
  expiresAtTime: number;
}

/** A dataset's source as the status reports it. */
export interface NexusDatasetSource {
  kind: string;
  uploadUrl?: NexusUploadUrl;
}

/** A dataset's status. Note `updateTime` (not `updateDate` as on jobs and webhooks). */
export interface NexusDatasetStatus {
  overview: NexusDatasetOverview;
  message?: string;
  updateTime?: number;
  source?: NexusDatasetSource;
  itemCount?: number;
}

/** A dataset: `GET /projects/{p}/batch/datasets/{id}`. */
export interface NexusDataset {
  id: string;
  object?: "dataset" | (string & {});
  name: string;
  projectId: string;
  expiryTime?: number;
  status: NexusDatasetStatus;
  createDate: number;
  updateDate: number;
}

/** The job item counters, PascalCase on the wire. A missing counter counts as 0. */
export interface NexusItemCounters {
  Gathered?: number;
  FailedGather?: number;
  Preprocessed?: number;
  FailedProcess?: number;
  Predicted?: number;
  FailedPredict?: number;
  Delivered?: number;
  FailedDeliver?: number;
}

/** A job's status. */
export interface NexusJobStatus {
  overview: NexusJobOverview;
  message?: string;
  updateDate?: number;
  items?: NexusItemCounters;
  reason?: string;
  cancelledAt?: number;
}

/** Where a job delivers its results. */
export interface NexusResultDestination {
  kind: "Webhook" | (string & {});
  webhookId?: string;
}

/** The template of an ephemeral deployment as a create body gives it: `instanceId`, or `resources` instead. */
export interface NexusEphemeralDeploymentCreateTemplate {
  artifactId: string;
  instanceId?: string;
  resources?: Record<string, unknown>;
  replicas: number;
  name?: string;
  region?: string;
  versionTag?: string;
  options?: Record<string, unknown>;
}

/**
 * An ephemeral deployment as a job reads it back: a whole Deployment (the SDK's read model), every field optional.
 * `replicas` sits under `scaling`; a top-level `replicas` is what an upstream echoing the create body gives.
 */
export interface NexusDeploymentRead {
  id?: string;
  name?: string;
  status?: { overview?: string; message?: string; updateDate?: number };
  createDate?: number;
  updateDate?: number;
  projectId?: string;
  artifactId?: string;
  versionTag?: string;
  region?: string;
  historyVersions?: Array<{ versionTag?: string; artifactId?: string; updateDate?: number }>;
  options?: Record<string, unknown>;
  instanceId?: string;
  resources?: Record<string, unknown>;
  scaling?: { replicas?: number };
  replicas?: number;
  url?: string;
}

/** What a job runs on, as read back: an existing deployment or a whole ephemeral one. */
export type NexusDeployment =
  | { kind: "ExistingDeployment"; deploymentId: string }
  | { kind: "NewEphemeralDeployment"; template: NexusDeploymentRead };

/** What a job runs on, in a create body. */
export type NexusDeploymentCreate =
  | { kind: "ExistingDeployment"; deploymentId: string }
  | { kind: "NewEphemeralDeployment"; template: NexusEphemeralDeploymentCreateTemplate };

/** A job's spec. */
export interface NexusJobSpec {
  startAtTime?: number;
  stopAtTime?: number;
  datasetId?: string;
  resultDelivery?: { destinations?: NexusResultDestination[] };
  deployment?: NexusDeployment;
}

/** A batch job: `GET /projects/{p}/batch/jobs/{id}`. */
export interface NexusJob {
  id: string;
  object?: "batch_job" | (string & {});
  name: string;
  projectId: string;
  spec: NexusJobSpec;
  status: NexusJobStatus;
  createDate: number;
  updateDate: number;
}

/** Retry settings of a webhook. */
export interface NexusWebhookRetries {
  maxRetries: number;
  maxBackoffMs: number;
}

/** A webhook. The secret is never returned. */
export interface NexusWebhook {
  id: string;
  object?: "webhook" | (string & {});
  projectId: string;
  name: string;
  endpoint: string;
  retries?: NexusWebhookRetries;
  createDate: number;
  updateDate: number;
}

/** One job log entry. */
export interface NexusLogEntry {
  id: string;
  kind: string;
  createTime: number;
  level: NexusLogLevel;
  item?: string;
  status?: string;
  timeMs?: number;
  reason?: string;
}

/** The answer of `GET /projects/{p}/batch/jobs/{id}/logs`: entries newest first (emulator convention). */
export interface NexusJobLogs {
  id: string;
  object?: "batch_job_log" | (string & {});
  projectId: string;
  entries: NexusLogEntry[];
}

/** One page of a list: opaque page tokens and the items. */
export interface NexusPage<T> {
  nextPage: string | null;
  prevPage: string | null;
  data: T[];
}

/** The answer of `POST /projects/{p}/batch/webhooks/{id}:test`. */
export interface NexusWebhookTestResult {
  status: string;
  responseCode?: number;
  latencyMs?: number;
  attemptCount?: number;
  body?: string;
  reason?: string;
}

/** The answer of a delete. */
export interface NexusDelete {
  id?: string;
  deleted: boolean;
}

/** The upstream error body. */
export interface NexusErrorBody {
  code: string;
  message: string;
}

/** Body of `POST /projects/{p}/batch/datasets`. */
export interface NexusCreateDatasetBody {
  name: string;
  spec: { source: { kind: "UploadedNewlineDelimitedJsonFile"; sizeBytes: number; crc32c: string } };
}

/** Body of `POST /projects/{p}/batch/jobs`. */
export interface NexusCreateJobBody {
  name: string;
  spec: {
    startAtTime?: number;
    stopAtTime?: number;
    datasetId: string;
    deployment: NexusDeploymentCreate;
    resultDelivery: { destinations: NexusResultDestination[] };
  };
}

/** Body of `POST /projects/{p}/batch/webhooks`. */
export interface NexusCreateWebhookBody {
  name: string;
  spec: { endpoint: string; secret: { contents: string }; retries?: NexusWebhookRetries };
}

/** Body of `PATCH /projects/{p}/batch/webhooks/{id}`. */
export interface NexusUpdateWebhookBody {
  spec: { endpoint?: string; retries?: NexusWebhookRetries };
}

/** Query of `GET /projects/{p}/batch/jobs/{id}/logs`. */
export interface NexusLogsQuery {
  beforeTime?: number;
  afterTime?: number;
  minLevel?: string;
  /** At most 1000. */
  maxEntries?: number;
}
