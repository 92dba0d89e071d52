import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { NodeParent, DatasetParent, JobParent, DatasetConnectionParent, JobConnectionParent } from '../backends/parents';
import type { NexusDatasetParent, NexusJobParent, NexusWebhookParent, NexusJobStatusParent, NexusItemCountersParent, NexusDatasetStatusParent, NexusDeploymentParent, NexusDeploymentTemplateParent, NexusDeploymentStatusParent, NexusDeploymentVersionParent, NexusDeploymentScalingParent, NexusResultDestinationParent, UploadInstructionsParent, NexusLogEntryParent, WebhookTestResultParent, NexusWebhookConnectionParent, NexusLogEntryConnectionParent } from '../backends/nexus/parents';
import type { GravitiDatasetParent } from '../backends/graviti/parents';
import type { ModelArtsDatasetParent, ModelArtsExportTaskParent, ModelArtsExportTaskConnectionParent, ModelArtsExportParamsParent, ModelArtsLabelParent, ModelArtsDataSourceParent, ModelArtsSampleCountsParent } from '../backends/modelarts/parents';
import type { GatewayContext } from '../backends/gateway-context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * A point in time, as an ISO 8601 string in UTC with milliseconds (for example `2026-01-31T12:00:00.000Z`).
   * Inputs accept the same format (any ISO 8601 date-time with a time zone).
   */
  DateTime: { input: number; output: number | string; }
  /**
   * A file sent with the GraphQL multipart request spec
   * (https://github.com/jaydenseric/graphql-multipart-request-spec).
   */
  File: { input: File; output: never; }
  /** A JSON object, passed through as is (used for backend-specific options). */
  JSONObject: { input: Record<string, unknown>; output: Record<string, unknown>; }
};

/** The result of `cancelJob`. */
export type CancelJobPayload = {
  __typename?: 'CancelJobPayload';
  /** The job after cancelling (its `stopAt` is now). */
  job: NexusJob;
};

/** A new dataset. Give its content inline (`ndjson`), as a multipart `file`, or neither to upload it yourself. */
export type CreateDatasetInput = {
  /** The content as an NDJSON file sent with the GraphQL multipart request spec (treated like `ndjson`). Not with `ndjson`. */
  file?: InputMaybe<Scalars['File']['input']>;
  /** The dataset's name. */
  name: Scalars['String']['input'];
  /**
   * The content as NDJSON text: one JSON object per line. Blank lines are dropped and the gateway sends the lines
   * joined by newlines, with a final newline. Not with `file`.
   */
  ndjson?: InputMaybe<Scalars['String']['input']>;
  /**
   * Only when you upload yourself (no `ndjson` and no `file`): the size in bytes and the CRC32C (base64 of the 4
   * big-endian bytes) of the file you will send.
   */
  upload?: InputMaybe<DirectUploadInput>;
};

/** The result of `createDataset`. */
export type CreateDatasetPayload = {
  __typename?: 'CreateDatasetPayload';
  /** The new dataset, as it is after the upload (if the gateway uploaded) or as created. */
  dataset: NexusDataset;
  /** When you gave no content: where and how to upload it yourself. Null when the gateway uploaded. */
  upload?: Maybe<UploadInstructions>;
  /** True when the gateway uploaded the content itself. */
  uploaded: Scalars['Boolean']['output'];
};

/** A new Graviti dataset, in the workspace of the request's access key. */
export type CreateGravitiDatasetInput = {
  /** A display name. Default empty. */
  alias?: InputMaybe<Scalars['String']['input']>;
  /** The name: unique in the workspace (Graviti: 1 to 64 letters, digits, `-` or `_`, from a letter or digit). */
  name: Scalars['String']['input'];
  /** The storage config of the workspace to keep the files in. Default Graviti's own (`GRAVITI`). */
  storageConfig?: InputMaybe<Scalars['String']['input']>;
  /** True opens a draft at once (the dataset stays `WAITING` until its first commit). Default false. */
  withDraft?: InputMaybe<Scalars['Boolean']['input']>;
};

/** The result of `createGravitiDataset`. */
export type CreateGravitiDatasetPayload = {
  __typename?: 'CreateGravitiDatasetPayload';
  /** The new dataset, as created. */
  dataset: GravitiDataset;
};

/** A new batch job. Give exactly one of `deploymentId` and `ephemeralDeployment`. */
export type CreateJobInput = {
  /** The dataset to run over (global or upstream id). */
  datasetId: Scalars['ID']['input'];
  /** An existing deployment's upstream id (`deploy_…`). */
  deploymentId?: InputMaybe<Scalars['String']['input']>;
  /** A deployment to create for this job only. */
  ephemeralDeployment?: InputMaybe<EphemeralDeploymentInput>;
  /** The job's name. */
  name: Scalars['String']['input'];
  /** When to start; default now. */
  startAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** When to stop even if items remain; default when every item is handled. */
  stopAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The webhooks that receive the results (global or upstream ids), in order. */
  webhookIds: Array<Scalars['ID']['input']>;
};

/** The result of `createJob`. */
export type CreateJobPayload = {
  __typename?: 'CreateJobPayload';
  /** The new job. */
  job: NexusJob;
};

/**
 * A new ModelArts export task (modelarts.md's create body). Every field but `datasetId` is optional: the backend then
 * exports all samples (`ALL`) as a tree (`TREE`) of the current version into the dataset's work path + `export/`.
 */
export type CreateModelArtsExportTaskInput = {
  /** The dataset to export (a `ModelArtsDataset` global id). */
  datasetId: Scalars['ID']['input'];
  /** Where to (`export_params.export_dest`); default `DIR`. `NEW_DATASET` needs `newDatasetName` and `newDatasetWorkPath`. */
  destination?: InputMaybe<ModelArtsExportDestination>;
  /** The layout (`export_format`); default `TREE`. `UNKNOWN` is refused. */
  exportFormat?: InputMaybe<ModelArtsExportFormat>;
  /** Which samples (`export_type`); default `ALL`. `UNKNOWN` is refused. */
  exportType?: InputMaybe<ModelArtsExportType>;
  /** For `NEW_DATASET`: the new dataset's name. */
  newDatasetName?: InputMaybe<Scalars['String']['input']>;
  /** For `NEW_DATASET`: the new dataset's OBS work path, `/bucket/dir/`. */
  newDatasetWorkPath?: InputMaybe<Scalars['String']['input']>;
  /** The destination OBS path, `/bucket/dir/` (with the trailing slash). */
  path?: InputMaybe<Scalars['String']['input']>;
  /** Only samples in this state (`export_params.sample_state`, passed as is). */
  sampleState?: InputMaybe<Scalars['String']['input']>;
  /** Only these sample ids (`export_params.samples`). */
  samples?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The version format (`version_format`), passed as is. */
  versionFormat?: InputMaybe<Scalars['String']['input']>;
  /** The dataset version to export (`version_id`); default the current one. */
  versionId?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `createModelArtsExportTask`. */
export type CreateModelArtsExportTaskPayload = {
  __typename?: 'CreateModelArtsExportTaskPayload';
  /** The new export task, as read back right after it was created (usually `INIT`). */
  task: ModelArtsExportTask;
};

/** A new webhook. */
export type CreateWebhookInput = {
  /** Where results are sent (an http or https URL). */
  endpoint: Scalars['String']['input'];
  /** The webhook's name. */
  name: Scalars['String']['input'];
  /** The retry policy; default 3 retries and at most 15000 ms between them (the SDK's advice). */
  retries?: InputMaybe<WebhookRetriesInput>;
  /** The signing secret, base64. Default: 32 random bytes, generated by the gateway and returned once. */
  secret?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `createWebhook`. */
export type CreateWebhookPayload = {
  __typename?: 'CreateWebhookPayload';
  /** The signing secret (base64). Shown this once: it cannot be read again. */
  secret: Scalars['String']['output'];
  /** The new webhook. */
  webhook: NexusWebhook;
};

/** A dataset: a list of items that batch jobs run over. Implemented once per backend. */
export type Dataset = {
  /** When the dataset was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The global id. */
  id: Scalars['ID']['output'];
  /** The dataset's name. */
  name: Scalars['String']['output'];
  /** The backend the dataset lives on. */
  provider: Provider;
  /** The normalised upload state. */
  state: DatasetState;
  /** When the dataset was last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of datasets, newest first. */
export type DatasetConnection = {
  __typename?: 'DatasetConnection';
  /** The datasets of this page, with their cursors. */
  edges: Array<DatasetEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /**
   * How many datasets the whole list holds under the same filters. Selecting it walks the whole upstream list once
   * per request (one call per 1000 items).
   */
  totalCount: Scalars['Int']['output'];
};

/** A dataset and its cursor. */
export type DatasetEdge = {
  __typename?: 'DatasetEdge';
  /** Opaque cursor of this edge, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The dataset. */
  node: Dataset;
};

/** A dataset's state, normalised across backends. */
export type DatasetState =
  /** The upload or its processing failed; see the status message. Terminal. */
  | 'FAILED'
  /** The content is being processed. */
  | 'PROCESSING'
  /** Uploaded and ready for jobs. Terminal. */
  | 'READY'
  /** The content is being uploaded. */
  | 'UPLOADING'
  /** Created, waiting for its content. */
  | 'WAITING';

/** The result of a delete. */
export type DeletePayload = {
  __typename?: 'DeletePayload';
  /** True when the backend deleted it. */
  deleted: Scalars['Boolean']['output'];
  /** The global id of the deleted object. */
  id: Scalars['ID']['output'];
};

/** The size and checksum of a file a client will upload directly. */
export type DirectUploadInput = {
  /** The file's CRC32C: base64 of the 4 big-endian bytes of the digest. */
  crc32c: Scalars['String']['input'];
  /** The file's length in bytes. */
  sizeBytes: Scalars['Int']['input'];
};

/** An ephemeral deployment made for one job. Give `instanceId`, or `resources` instead (as the SDK allows). */
export type EphemeralDeploymentInput = {
  /** The model artifact to deploy. */
  artifactId: Scalars['String']['input'];
  /** The instance type, for example `instance_t4-standard-1g`. */
  instanceId?: InputMaybe<Scalars['String']['input']>;
  /** Optional deployment name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Optional backend-specific options. */
  options?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Optional region. */
  region?: InputMaybe<Scalars['String']['input']>;
  /** How many replicas (at least 1). */
  replicas: Scalars['Int']['input'];
  /** The resources to ask for instead of an instance type, passed on as given. */
  resources?: InputMaybe<Scalars['JSONObject']['input']>;
  /** Optional runtime version tag. */
  versionTag?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A dataset on Graviti. Graviti addresses a dataset by workspace and name; its global `id` carries both and the
 * dataset's own `gravitiId`, so an id handed out before a rename still finds the dataset afterwards: when the name no
 * longer finds it (or finds another dataset that took the name since), the gateway walks the workspace's list for its
 * `gravitiId`, which costs up to ceil(datasets / 128) more list calls. After a rename the dataset's `id` is a new
 * one; both resolve.
 */
export type GravitiDataset = Dataset & Node & {
  __typename?: 'GravitiDataset';
  /** The dataset's alias (a display name); empty when none. */
  alias: Scalars['String']['output'];
  /** The storage backend of that config (open vocabulary: `OSS`, `S3`, `AZURE`, …). */
  backendType: Scalars['String']['output'];
  /** The head commit of the default branch; null while the dataset has no commit. */
  commitId?: Maybe<Scalars['String']['output']>;
  /** The cover image's URL; null when the dataset has none. */
  coverUrl?: Maybe<Scalars['String']['output']>;
  /** When the dataset was created (Graviti gives seconds). */
  createdAt: Scalars['DateTime']['output'];
  /** Who created the dataset. */
  creator: Scalars['String']['output'];
  /** The branch that `commitId` is the head of. */
  defaultBranch: Scalars['String']['output'];
  /** Graviti's own id: 32 hex digits that never change, even when the dataset is renamed. */
  gravitiId: Scalars['String']['output'];
  /** The global id (it names the workspace and name it was handed out with, and the `gravitiId`). */
  id: Scalars['ID']['output'];
  /** True when every workspace may read it. */
  isPublic: Scalars['Boolean']['output'];
  /** The dataset's name, unique in its workspace. */
  name: Scalars['String']['output'];
  /** Always `GRAVITI`. */
  provider: Provider;
  /**
   * A Graviti dataset has no upload life: its content arrives in commits. `READY` when its default branch has a
   * commit (`commitId` is set); `WAITING` while it has none (just created, or only an open draft). Never `UPLOADING`,
   * `PROCESSING` or `FAILED`.
   */
  state: DatasetState;
  /** The storage config the dataset's files live in (`GRAVITI` is Graviti's own). */
  storageConfig: Scalars['String']['output'];
  /** When the dataset was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /**
   * True when the dataset has an open draft (the upstream's `with_draft`, which a create with `withDraft: true`
   * opens); null when the upstream does not say.
   */
  withDraft?: Maybe<Scalars['Boolean']['output']>;
  /** The workspace (by name) the dataset belongs to. */
  workspace: Scalars['String']['output'];
};

/** One HTTP header. */
export type HttpHeader = {
  __typename?: 'HttpHeader';
  /** Header name. */
  name: Scalars['String']['output'];
  /** Header value. */
  value: Scalars['String']['output'];
};

/** A batch job: runs a model over a dataset and delivers the results. Implemented once per backend. */
export type Job = {
  /** When the job was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The global id. */
  id: Scalars['ID']['output'];
  /** The job's name. */
  name: Scalars['String']['output'];
  /** The share of items handled, from 0 to 1 (1 when finished). */
  progress: Scalars['Float']['output'];
  /** The backend the job lives on. */
  provider: Provider;
  /** The normalised state. */
  state: JobState;
  /** When the job was last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of jobs, newest first. */
export type JobConnection = {
  __typename?: 'JobConnection';
  /** The jobs of this page, with their cursors. */
  edges: Array<JobEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /**
   * How many jobs the whole list holds under the same filters. Selecting it walks the whole upstream list once
   * per request (one call per 1000 items).
   */
  totalCount: Scalars['Int']['output'];
};

/** A job and its cursor. */
export type JobEdge = {
  __typename?: 'JobEdge';
  /** Opaque cursor of this edge, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The job. */
  node: Job;
};

/** A job's state, normalised across backends. */
export type JobState =
  /** Stopped before the end (its stop time passed or it was cancelled). Terminal. */
  | 'CANCELLED'
  /** The job failed; see its `status.reason`. Terminal. */
  | 'FAILED'
  /** Every item has been handled. Terminal. */
  | 'FINISHED'
  /** Items are moving through the pipeline. */
  | 'RUNNING'
  /** Created, nothing has happened yet (it may wait for its start time or its dataset). */
  | 'WAITING';

/** Log levels, in increasing order of severity. */
export type LogLevel =
  /** Detail for debugging. */
  | 'DEBUG'
  /** An item or the job failed. */
  | 'ERROR'
  /** Normal progress. */
  | 'INFO'
  /** Something unusual that did not stop the item. */
  | 'WARNING';

/** Where a ModelArts dataset's data comes from. */
export type ModelArtsDataSource = {
  __typename?: 'ModelArtsDataSource';
  /** The raw `data_type` (0 is OBS). */
  dataType?: Maybe<Scalars['Int']['output']>;
  /** The data's path (an OBS path such as `/bucket/dir/`). */
  path?: Maybe<Scalars['String']['output']>;
};

/** A dataset on Huawei Cloud ModelArts. Its id is a global id only (ModelArts ids have no prefix to tell them apart). */
export type ModelArtsDataset = Dataset & Node & {
  __typename?: 'ModelArtsDataset';
  /** When the dataset was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The current version's id; null when the dataset has no version. */
  currentVersionId?: Maybe<Scalars['String']['output']>;
  /** The current version's name (`V001`, …); null when the dataset has no version. */
  currentVersionName?: Maybe<Scalars['String']['output']>;
  /** The raw `data_format` (for example `Default`, `Table`). */
  dataFormat?: Maybe<Scalars['String']['output']>;
  /** Where its data comes from. */
  dataSources: Array<ModelArtsDataSource>;
  /** Files or a table. */
  datasetFormat: ModelArtsDatasetFormat;
  /** The raw `dataset_format` code (null when absent). */
  datasetFormatCode?: Maybe<Scalars['Int']['output']>;
  /** The ModelArts dataset status (not `status`: that name is `NexusDataset`'s status object, and one query may select both). */
  datasetStatus: ModelArtsDatasetStatus;
  /** The raw `status` code (null when absent). */
  datasetStatusCode?: Maybe<Scalars['Int']['output']>;
  /** The dataset's type. */
  datasetType: ModelArtsDatasetType;
  /** The raw `dataset_type` code (null when absent). */
  datasetTypeCode?: Maybe<Scalars['Int']['output']>;
  /** The description (empty when none). */
  description?: Maybe<Scalars['String']['output']>;
  /**
   * The dataset's export tasks, newest first, optionally only those in the given states (one upstream call per 100
   * tasks; `totalCount` costs nothing more). Pass `first` (with `after`) or `last` (with `before`), 1 to 100;
   * without either, the first 20. Null only with an error (so the dataset itself still resolves).
   */
  exportTasks?: Maybe<ModelArtsExportTaskConnection>;
  /** The global id. */
  id: Scalars['ID']['output'];
  /** Its labels. */
  labels: Array<ModelArtsLabel>;
  /** The upstream `dataset_id`. */
  modelArtsId: Scalars['String']['output'];
  /** The dataset's name. */
  name: Scalars['String']['output'];
  /** The ModelArts project the dataset belongs to. */
  projectId: Scalars['String']['output'];
  /** Always `MODELARTS`. */
  provider: Provider;
  /** The sample counts. */
  samples: ModelArtsSampleCounts;
  /**
   * The normalised state, from `status`: 1 normal → `READY`; 0 creating → `WAITING`; 8 importing → `UPLOADING`;
   * 3 deleted and 4 abnormal → `FAILED`; 2, 5, 6, 7 and unknown codes → `PROCESSING`.
   */
  state: DatasetState;
  /** Its tags (`dataset_tags`). */
  tags: Array<Scalars['String']['output']>;
  /** When the dataset was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** How many versions the dataset has. */
  versionCount: Scalars['Int']['output'];
  /** The OBS directory the dataset works in. */
  workPath?: Maybe<Scalars['String']['output']>;
};


/** A dataset on Huawei Cloud ModelArts. Its id is a global id only (ModelArts ids have no prefix to tell them apart). */
export type ModelArtsDatasetExportTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<Array<JobState>>;
};

/** A ModelArts `dataset_format` (the raw code is beside it as `datasetFormatCode`). */
export type ModelArtsDatasetFormat =
  /** 0: files. */
  | 'FILE'
  /** 1: a table. */
  | 'TABLE'
  /** A code the gateway does not know (or none): read the raw code. */
  | 'UNKNOWN';

/** A ModelArts dataset `status` (the raw code is beside it as `datasetStatusCode`). */
export type ModelArtsDatasetStatus =
  /** 4: abnormal. */
  | 'ABNORMAL'
  /** 0: being created. */
  | 'CREATING'
  /** 3: deleted. */
  | 'DELETED'
  /** 2: being deleted. */
  | 'DELETING'
  /** 8: importing. */
  | 'IMPORTING'
  /** 1: normal (ready). */
  | 'NORMAL'
  /** 6: releasing a version. */
  | 'RELEASING'
  /** 7: switching versions. */
  | 'SWITCHING_VERSION'
  /** 5: synchronizing. */
  | 'SYNCHRONIZING'
  /** A code the gateway does not know (or none): read the raw code. */
  | 'UNKNOWN';

/** A ModelArts `dataset_type` (the documented integer codes; the raw code is beside it as `datasetTypeCode`). */
export type ModelArtsDatasetType =
  /** 900: custom format. */
  | 'CUSTOM'
  /** 0: image classification. */
  | 'IMAGE_CLASSIFICATION'
  /** 3: image segmentation. */
  | 'IMAGE_SEGMENTATION'
  /** 101: named entity recognition. */
  | 'NAMED_ENTITY_RECOGNITION'
  /** 1: object detection. */
  | 'OBJECT_DETECTION'
  /** 200: sound classification. */
  | 'SOUND_CLASSIFICATION'
  /** 201: speech content. */
  | 'SPEECH_CONTENT'
  /** 202: speech paragraph labeling. */
  | 'SPEECH_PARAGRAPH_LABELING'
  /** 400: table. */
  | 'TABLE'
  /** 100: text classification. */
  | 'TEXT_CLASSIFICATION'
  /** 102: text triplet. */
  | 'TEXT_TRIPLET'
  /** A code the gateway does not know (or none): read the raw code. */
  | 'UNKNOWN'
  /** 600: video. */
  | 'VIDEO';

/** Where an export task writes (`export_params.export_dest`). */
export type ModelArtsExportDestination =
  /** `DIR`: into the OBS directory `path` (the default). */
  | 'DIR'
  /** `NEW_DATASET`: into a new dataset (`newDatasetName`, `newDatasetWorkPath`). */
  | 'NEW_DATASET'
  /** A value the gateway does not know (output only; not accepted as input). */
  | 'UNKNOWN';

/** How an export task lays out what it exports (`export_format`). */
export type ModelArtsExportFormat =
  /** 2: tiled (flat). */
  | 'TILE'
  /** 1: a tree of directories. */
  | 'TREE'
  /** A code the gateway does not know (output only; not accepted as input). */
  | 'UNKNOWN';

/** What an export task was asked to export, and where to (`export_params`). */
export type ModelArtsExportParams = {
  __typename?: 'ModelArtsExportParams';
  /** Where it writes; `DIR` when the task does not say. */
  destination: ModelArtsExportDestination;
  /** The new dataset's name, for `NEW_DATASET`. */
  newDatasetName?: Maybe<Scalars['String']['output']>;
  /** The new dataset's OBS work path, for `NEW_DATASET`. */
  newDatasetWorkPath?: Maybe<Scalars['String']['output']>;
  /** The raw `export_dest` (null when absent). */
  rawDestination?: Maybe<Scalars['String']['output']>;
  /** The raw `sample_state` filter, if one was given. */
  sampleState?: Maybe<Scalars['String']['output']>;
  /** The sample ids it was asked to export, if a list was given. */
  samples?: Maybe<Array<Scalars['String']['output']>>;
};

/**
 * A dataset export task on Huawei Cloud ModelArts: a job that exports a dataset's samples to OBS or to a new
 * dataset. Its id is a global id that carries both the dataset and the task (an export task is addressed by both).
 */
export type ModelArtsExportTask = Job & Node & {
  __typename?: 'ModelArtsExportTask';
  /** When the task was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The dataset exported; null when it no longer exists. */
  dataset?: Maybe<ModelArtsDataset>;
  /** The dataset's upstream `dataset_id`, even when the dataset no longer exists. */
  datasetId?: Maybe<Scalars['String']['output']>;
  /** The upstream error code, when the task failed (for example `ModelArts.4903`). */
  errorCode?: Maybe<Scalars['String']['output']>;
  /** The upstream error message, when the task failed. */
  errorMessage?: Maybe<Scalars['String']['output']>;
  /** How it lays them out. */
  exportFormat: ModelArtsExportFormat;
  /** The raw `export_format` code (null when absent). */
  exportFormatCode?: Maybe<Scalars['Int']['output']>;
  /** What it was asked to export, and where to. */
  exportParams: ModelArtsExportParams;
  /** The ModelArts task status (not `status`: that name is `NexusJob`'s status object, and one query may select both). */
  exportStatus: ModelArtsExportTaskStatus;
  /** Which samples it exports. */
  exportType: ModelArtsExportType;
  /** The raw `export_type` code (null when absent). */
  exportTypeCode?: Maybe<Scalars['Int']['output']>;
  /** Samples exported so far; null while the backend does not say. */
  finishedSampleCount?: Maybe<Scalars['Int']['output']>;
  /** The global id. */
  id: Scalars['ID']['output'];
  /** The upstream `task_id`. */
  modelArtsId: Scalars['String']['output'];
  /** `export <task id>` (export tasks have no name upstream). */
  name: Scalars['String']['output'];
  /** The destination OBS path. */
  path?: Maybe<Scalars['String']['output']>;
  /** The upstream `progress` percentage as a share, from 0 to 1; 1 when `SUCCESSED`, 0 when absent. */
  progress: Scalars['Float']['output'];
  /** The raw `progress` percentage (0.0 to 100.0); null when absent. */
  progressPercent?: Maybe<Scalars['Float']['output']>;
  /** Always `MODELARTS`. */
  provider: Provider;
  /** The raw `status` text. */
  rawStatus: Scalars['String']['output'];
  /**
   * The normalised state, from `status`: `INIT` → `WAITING`; `RUNNING` → `RUNNING`; `STOPPING` → `RUNNING` (a
   * stopping task is not over until it has stopped); `STOPPED` → `CANCELLED`; `SUCCESSED` → `FINISHED`; `FAILED`
   * → `FAILED`; an unknown status → `RUNNING` when progress was made, else `WAITING` (never terminal).
   */
  state: JobState;
  /** Samples to export; null while the backend has not counted them (usually while `INIT`). */
  totalSampleCount?: Maybe<Scalars['Int']['output']>;
  /** When the task last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The version format, if the task says. */
  versionFormat?: Maybe<Scalars['String']['output']>;
  /** The dataset version exported, if the task says. */
  versionId?: Maybe<Scalars['String']['output']>;
};

/** A page of export tasks, newest first. */
export type ModelArtsExportTaskConnection = {
  __typename?: 'ModelArtsExportTaskConnection';
  /** The export tasks of this page, with their cursors. */
  edges: Array<ModelArtsExportTaskEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /** How many export tasks the whole list holds under the same filters (the upstream's total; no extra call unless `state` filters). */
  totalCount: Scalars['Int']['output'];
};

/** An export task and its cursor. */
export type ModelArtsExportTaskEdge = {
  __typename?: 'ModelArtsExportTaskEdge';
  /** Opaque cursor of this edge, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The export task. */
  node: ModelArtsExportTask;
};

/** An export task's `status` (the raw text is beside it as `rawStatus`). */
export type ModelArtsExportTaskStatus =
  /** Failed (see `errorCode` and `errorMessage`): state `FAILED`. */
  | 'FAILED'
  /** Created, not started: state `WAITING`. */
  | 'INIT'
  /** Exporting: state `RUNNING`. */
  | 'RUNNING'
  /** Stopped before the end: state `CANCELLED`. */
  | 'STOPPED'
  /** Asked to stop, still stopping: state `RUNNING` (not terminal). */
  | 'STOPPING'
  /** Done (ModelArts's spelling): state `FINISHED`. */
  | 'SUCCESSED'
  /** A status the gateway does not know: state `RUNNING` when progress was made, else `WAITING` (never terminal). */
  | 'UNKNOWN';

/** Which samples an export task exports (`export_type`). */
export type ModelArtsExportType =
  /** 2: all samples. */
  | 'ALL'
  /** 3: the samples a conditional search finds. */
  | 'CONDITIONAL_SEARCH'
  /** 0: the labeled samples. */
  | 'LABELED'
  /** A code the gateway does not know (output only; not accepted as input). */
  | 'UNKNOWN'
  /** 1: the unlabeled samples. */
  | 'UNLABELED';

/** A label of a ModelArts dataset. */
export type ModelArtsLabel = {
  __typename?: 'ModelArtsLabel';
  /** The label's name. */
  name: Scalars['String']['output'];
  /** The raw `property` object (for example `@modelarts:color`). */
  property?: Maybe<Scalars['JSONObject']['output']>;
  /** The label's type (a dataset type). */
  type: ModelArtsDatasetType;
  /** The raw `type` code. */
  typeCode?: Maybe<Scalars['Int']['output']>;
};

/** A ModelArts dataset's sample counts (a count the backend omits is 0). */
export type ModelArtsSampleCounts = {
  __typename?: 'ModelArtsSampleCounts';
  /** Annotated samples (`annotated_sample_count`). */
  annotated: Scalars['Int']['output'];
  /** Every sample (`total_sample_count`). */
  total: Scalars['Int']['output'];
  /** Samples whose annotation waits for confirmation (`unconfirmed_sample_count`). */
  unconfirmed: Scalars['Int']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Cancels a job by setting its stop time to now. */
  cancelJob: CancelJobPayload;
  /**
   * Creates a dataset. With `ndjson` or `file`, the gateway checks every line, computes the size and CRC32C, creates
   * the dataset and uploads the bytes to the signed URL. With neither, it creates the dataset from `upload` and
   * returns the upload instructions.
   */
  createDataset: CreateDatasetPayload;
  /**
   * Creates a Graviti dataset in the access key's workspace. A name the workspace already has is `BAD_USER_INPUT`
   * (Graviti's `NameConflict`).
   */
  createGravitiDataset: CreateGravitiDatasetPayload;
  /** Creates a batch job over a dataset. */
  createJob: CreateJobPayload;
  /**
   * Starts a ModelArts export task over a dataset (one create call, then one read of the new task). A dataset that
   * does not exist is `NOT_FOUND`; a body ModelArts refuses (a bad OBS path, …) is `BAD_USER_INPUT` with its message.
   */
  createModelArtsExportTask: CreateModelArtsExportTaskPayload;
  /** Creates a webhook; the payload carries its secret, this once. */
  createWebhook: CreateWebhookPayload;
  /** Deletes a dataset (global or upstream id). */
  deleteDataset: DeletePayload;
  /**
   * Deletes a Graviti dataset (its global id; found first like `updateGravitiDataset`, so a stale name never deletes
   * another dataset). Its name is free at once.
   */
  deleteGravitiDataset: DeletePayload;
  /** Deletes a job (global or upstream id). */
  deleteJob: DeletePayload;
  /** Deletes a webhook (global or upstream id). */
  deleteWebhook: DeletePayload;
  /** Replaces a webhook's secret; the payload carries the new secret, this once. */
  rotateWebhookSecret: RotateWebhookSecretPayload;
  /** Sends a sample payload to a webhook's endpoint and reports how it went. */
  testWebhook: WebhookTestResult;
  /**
   * Renames a Graviti dataset, or changes its alias or default branch. The gateway first finds the dataset by its id
   * (one GET; a list walk when it was renamed since), so a stale name never changes another dataset. A name that is
   * taken is `BAD_USER_INPUT`.
   */
  updateGravitiDataset: UpdateGravitiDatasetPayload;
  /** Changes a webhook's endpoint and/or retry policy. */
  updateWebhook: UpdateWebhookPayload;
};


export type MutationCancelJobArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateDatasetArgs = {
  input: CreateDatasetInput;
};


export type MutationCreateGravitiDatasetArgs = {
  input: CreateGravitiDatasetInput;
};


export type MutationCreateJobArgs = {
  input: CreateJobInput;
};


export type MutationCreateModelArtsExportTaskArgs = {
  input: CreateModelArtsExportTaskInput;
};


export type MutationCreateWebhookArgs = {
  input: CreateWebhookInput;
};


export type MutationDeleteDatasetArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteGravitiDatasetArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteJobArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteWebhookArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRotateWebhookSecretArgs = {
  input: RotateWebhookSecretInput;
};


export type MutationTestWebhookArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateGravitiDatasetArgs = {
  input: UpdateGravitiDatasetInput;
};


export type MutationUpdateWebhookArgs = {
  input: UpdateWebhookInput;
};

/** A dataset on Datature Nexus. */
export type NexusDataset = Dataset & Node & {
  __typename?: 'NexusDataset';
  /** When the dataset was created. */
  createdAt: Scalars['DateTime']['output'];
  /** True when `expiresAt` has passed. */
  expired: Scalars['Boolean']['output'];
  /** When the dataset expires (the backend deletes it then); null if it does not say. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The global id. */
  id: Scalars['ID']['output'];
  /** The number of items, once the backend has counted them; null before. */
  itemCount?: Maybe<Scalars['Int']['output']>;
  /**
   * The jobs that run over this dataset, newest first. Pass `first` (with `after`) or `last` (with `before`),
   * 1 to 100; without either, the first 20. Null only with an error (so the dataset itself still resolves).
   */
  jobs?: Maybe<JobConnection>;
  /** The dataset's name. */
  name: Scalars['String']['output'];
  /** The upstream id (`dataset_…`). */
  nexusId: Scalars['String']['output'];
  /** The Nexus project the dataset belongs to. */
  projectId: Scalars['String']['output'];
  /** Always `NEXUS`. */
  provider: Provider;
  /** The normalised upload state (the raw value is `status.overview`). */
  state: DatasetState;
  /** The full upstream status. */
  status: NexusDatasetStatus;
  /** When the dataset was last changed. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A dataset on Datature Nexus. */
export type NexusDatasetJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<Array<JobState>>;
};

/** A Nexus dataset's upload status. */
export type NexusDatasetStatus = {
  __typename?: 'NexusDatasetStatus';
  /** A human-readable message, if any (for example why processing failed). */
  message?: Maybe<Scalars['String']['output']>;
  /** The raw overview (open vocabulary: `Waiting`, `Uploading`, `Processing`, `Processed`, `Uploaded`, `FailedUpload`, `FailedProcessing`, …). */
  overview: Scalars['String']['output'];
  /** The raw source kind (for example `UploadedNewlineDelimitedJsonFile`). */
  sourceKind?: Maybe<Scalars['String']['output']>;
  /** When the status last changed. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where to upload the content, while the upload URL is offered. */
  upload?: Maybe<UploadInstructions>;
};

/** What a Nexus job runs on. */
export type NexusDeployment = {
  __typename?: 'NexusDeployment';
  /** The existing deployment's id (`deploy_…`), for `ExistingDeployment`. */
  deploymentId?: Maybe<Scalars['String']['output']>;
  /** The raw kind: `ExistingDeployment` or `NewEphemeralDeployment` (open vocabulary). */
  kind: Scalars['String']['output'];
  /** The template, for `NewEphemeralDeployment`. */
  template?: Maybe<NexusEphemeralDeploymentTemplate>;
};

/** How a deployment scales. */
export type NexusDeploymentScaling = {
  __typename?: 'NexusDeploymentScaling';
  /** How many replicas. */
  replicas?: Maybe<Scalars['Int']['output']>;
};

/** An ephemeral deployment's status. */
export type NexusDeploymentStatus = {
  __typename?: 'NexusDeploymentStatus';
  /** A human-readable message, if any. */
  message?: Maybe<Scalars['String']['output']>;
  /** The raw overview (open vocabulary; the emulator says `Creating`, `Available`, `Deleted`). */
  overview?: Maybe<Scalars['String']['output']>;
  /** When the status last changed. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** One earlier version of a deployment. */
export type NexusDeploymentVersion = {
  __typename?: 'NexusDeploymentVersion';
  /** The model artifact of that version. */
  artifactId?: Maybe<Scalars['String']['output']>;
  /** When that version was set. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The runtime version tag of that version. */
  versionTag?: Maybe<Scalars['String']['output']>;
};

/**
 * The deployment made for one job (`NewEphemeralDeployment`), as the platform reads it back: a whole Deployment.
 * Every field is optional upstream, so every field is nullable; an unknown field never breaks a response.
 */
export type NexusEphemeralDeploymentTemplate = {
  __typename?: 'NexusEphemeralDeploymentTemplate';
  /** The model artifact deployed. */
  artifactId?: Maybe<Scalars['String']['output']>;
  /** When the deployment was created. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The deployment's upstream id (`deploy_…`). */
  deploymentId?: Maybe<Scalars['String']['output']>;
  /** Earlier versions of the deployment, as the platform lists them. */
  historyVersions?: Maybe<Array<NexusDeploymentVersion>>;
  /** The instance type, for example `instance_t4-standard-1g` (a template made with `resources` has none). */
  instanceId?: Maybe<Scalars['String']['output']>;
  /** The deployment name. */
  name?: Maybe<Scalars['String']['output']>;
  /** Backend-specific options, as given. */
  options?: Maybe<Scalars['JSONObject']['output']>;
  /** The Nexus project the deployment belongs to. */
  projectId?: Maybe<Scalars['String']['output']>;
  /** The region. */
  region?: Maybe<Scalars['String']['output']>;
  /** `scaling.replicas` (or a top-level `replicas`, as a create body gives it). */
  replicas?: Maybe<Scalars['Int']['output']>;
  /** The resources asked for instead of an instance type, as given. */
  resources?: Maybe<Scalars['JSONObject']['output']>;
  /** How the deployment scales (the number of replicas). */
  scaling?: Maybe<NexusDeploymentScaling>;
  /** The deployment's status. */
  status?: Maybe<NexusDeploymentStatus>;
  /** When the deployment was last changed. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where the deployment serves predictions. */
  url?: Maybe<Scalars['String']['output']>;
  /** The runtime version tag. */
  versionTag?: Maybe<Scalars['String']['output']>;
};

/** A job's item counters: how many items reached, or failed at, each stage. A counter the backend omits is 0. */
export type NexusItemCounters = {
  __typename?: 'NexusItemCounters';
  /** Items whose results were delivered. */
  delivered: Scalars['Int']['output'];
  /** Items whose results could not be delivered. */
  failedDeliver: Scalars['Int']['output'];
  /** Items that failed to be gathered. */
  failedGather: Scalars['Int']['output'];
  /** Items that failed prediction. */
  failedPredict: Scalars['Int']['output'];
  /** Items that failed preprocessing. */
  failedProcess: Scalars['Int']['output'];
  /** Items gathered from the dataset. */
  gathered: Scalars['Int']['output'];
  /** Items predicted. */
  predicted: Scalars['Int']['output'];
  /** Items preprocessed. */
  preprocessed: Scalars['Int']['output'];
};

/** A batch job on Datature Nexus. */
export type NexusJob = Job & Node & {
  __typename?: 'NexusJob';
  /** When the job was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The dataset the job runs over; null when it no longer exists. */
  dataset?: Maybe<NexusDataset>;
  /** The dataset's upstream id, even when the dataset no longer exists. */
  datasetId?: Maybe<Scalars['String']['output']>;
  /** What the job runs on; null if the backend did not say. */
  deployment?: Maybe<NexusDeployment>;
  /** Every result destination, as the job specifies them. */
  destinations: Array<NexusResultDestination>;
  /** The global id. */
  id: Scalars['ID']['output'];
  /**
   * The job's log as a Relay connection, newest first (by `createdAt`, then by `nexusId` among entries of one time):
   * entries of at least `minLevel`, written strictly after `since` and strictly before `until`. 1 to 100 entries per
   * page (20 when neither `first` nor `last` is given). The latest entries are `logs(first: n)`, one upstream call;
   * `after` pages on into older entries, usually one call a page, however long the log (the gateway walks back by time
   * past the upstream's 1000 entries per call, and no entry is lost or repeated where entries share a time).
   * `last`/`before` pages back towards the newest entries, usually two calls a page; `last` without `before` reads the
   * oldest entries, which costs a call per 1000 entries newer than them. A cursor works only with the same filters;
   * null when the job does not exist.
   */
  logs?: Maybe<NexusLogEntryConnection>;
  /** The job's name. */
  name: Scalars['String']['output'];
  /** The upstream id (`batchjob_…`). */
  nexusId: Scalars['String']['output'];
  /** `(delivered + failedDeliver) / dataset.itemCount`, from 0 to 1; 1 when finished, 0 when the count is unknown. */
  progress: Scalars['Float']['output'];
  /** The Nexus project the job belongs to. */
  projectId: Scalars['String']['output'];
  /** Always `NEXUS`. */
  provider: Provider;
  /** When the job starts (or started), if set. */
  startAt?: Maybe<Scalars['DateTime']['output']>;
  /** The normalised state, derived from the status (overview, message, `cancelledAt`, counters). */
  state: JobState;
  /** The full upstream status with every item counter. */
  status: NexusJobStatus;
  /** When the job stops, if set (cancelling sets it to the moment of cancelling). */
  stopAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the job was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The webhooks that receive the results (those that still exist), in the job's order; null only with an error. */
  webhooks?: Maybe<Array<NexusWebhook>>;
};


/** A batch job on Datature Nexus. */
export type NexusJobLogsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  minLevel?: InputMaybe<LogLevel>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A Nexus job's full status. */
export type NexusJobStatus = {
  __typename?: 'NexusJobStatus';
  /** When the job was cancelled, if it was. */
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  /** Every item counter. */
  items: NexusItemCounters;
  /** The raw message (for example `Running`, `Finished`, `Cancelled`). */
  message?: Maybe<Scalars['String']['output']>;
  /** The raw overview (open vocabulary: `Waiting`, `Reached`, `Failed`, …). */
  overview: Scalars['String']['output'];
  /** Why the job failed, when it did. */
  reason?: Maybe<Scalars['String']['output']>;
  /** When the status last changed. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** One entry of a Nexus job's log. */
export type NexusLogEntry = Node & {
  __typename?: 'NexusLogEntry';
  /** When the entry was written. */
  createdAt: Scalars['DateTime']['output'];
  /** The global id (routes back to this entry through `node`). */
  id: Scalars['ID']['output'];
  /** The item the entry is about, if any. */
  item?: Maybe<Scalars['String']['output']>;
  /** The job the entry belongs to. */
  jobId: Scalars['ID']['output'];
  /** The raw kind (open vocabulary, for example `ItemPredicted`). */
  kind: Scalars['String']['output'];
  /** The raw level (open vocabulary: `Debug`, `Info`, `Warning`, `Error`, …). */
  level: Scalars['String']['output'];
  /** The upstream id of the entry. */
  nexusId: Scalars['String']['output'];
  /** Why the item failed, when it did. */
  reason?: Maybe<Scalars['String']['output']>;
  /** The normalised level; null for a level this gateway does not know. */
  severity?: Maybe<LogLevel>;
  /** The raw item status (open vocabulary, for example `Delivered`). */
  status?: Maybe<Scalars['String']['output']>;
  /** How long the step took, in milliseconds, if the backend says. */
  timeMs?: Maybe<Scalars['Float']['output']>;
};

/** A page of a Nexus job's log, newest first. */
export type NexusLogEntryConnection = {
  __typename?: 'NexusLogEntryConnection';
  /** The entries of this page, each with its cursor. */
  edges: Array<NexusLogEntryEdge>;
  /** Where this page sits in the whole log. */
  pageInfo: PageInfo;
};

/** A log entry and its cursor. */
export type NexusLogEntryEdge = {
  __typename?: 'NexusLogEntryEdge';
  /** Opaque cursor of this edge, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The log entry. */
  node: NexusLogEntry;
};

/** Where a Nexus job delivers its results. */
export type NexusResultDestination = {
  __typename?: 'NexusResultDestination';
  /** The raw kind (`Webhook`). */
  kind: Scalars['String']['output'];
  /** The webhook, or null when it no longer exists. */
  webhook?: Maybe<NexusWebhook>;
  /** The webhook's upstream id, for `Webhook` destinations. */
  webhookId?: Maybe<Scalars['String']['output']>;
};

/** A Nexus webhook: an HTTPS endpoint that receives job results. Its secret is never returned after creation. */
export type NexusWebhook = Node & {
  __typename?: 'NexusWebhook';
  /** When the webhook was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Where results are sent. */
  endpoint: Scalars['String']['output'];
  /** The global id. */
  id: Scalars['ID']['output'];
  /** The webhook's name. */
  name: Scalars['String']['output'];
  /** The upstream id (`webhook_…`). */
  nexusId: Scalars['String']['output'];
  /** The Nexus project the webhook belongs to. */
  projectId: Scalars['String']['output'];
  /** The retry policy; null if the backend did not say. */
  retries?: Maybe<NexusWebhookRetries>;
  /** When the webhook was last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of webhooks, newest first. */
export type NexusWebhookConnection = {
  __typename?: 'NexusWebhookConnection';
  /** The webhooks of this page, with their cursors. */
  edges: Array<NexusWebhookEdge>;
  /** Where this page sits in the whole list. */
  pageInfo: PageInfo;
  /**
   * How many webhooks the whole list holds under the same filters. Selecting it walks the whole upstream list once
   * per request (one call per 1000 items).
   */
  totalCount: Scalars['Int']['output'];
};

/** A webhook and its cursor. */
export type NexusWebhookEdge = {
  __typename?: 'NexusWebhookEdge';
  /** Opaque cursor of this edge, for `after`/`before`. */
  cursor: Scalars['String']['output'];
  /** The webhook. */
  node: NexusWebhook;
};

/** A webhook's retry policy. */
export type NexusWebhookRetries = {
  __typename?: 'NexusWebhookRetries';
  /** The longest wait between two retries, in milliseconds (the SDK advises at least 15000). */
  maxBackoffMs: Scalars['Int']['output'];
  /** How many times a failed delivery is retried (the SDK advises at most 3). */
  maxRetries: Scalars['Int']['output'];
};

/**
 * An object with a globally unique id. Every id the API returns can be passed back to `node(id:)` and to the typed
 * query field of its type.
 */
export type Node = {
  /** The global id of the object (opaque; do not parse it). */
  id: Scalars['ID']['output'];
};

/** Relay page information of a connection. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** The cursor of the last edge, or null when there are no edges. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow the last edge (reliable with `first`; with `last` it says whether `before` cut any). */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items come before the first edge (reliable with `last`; with `first` it says whether `after` cut any). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** The cursor of the first edge, or null when there are no edges. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** The batch platform an object lives on. */
export type Provider =
  /** Graviti (its OpenAPI v2 datasets; Graviti has no jobs). */
  | 'GRAVITI'
  /** Huawei Cloud ModelArts (datasets and their export tasks). */
  | 'MODELARTS'
  /** Datature Nexus. */
  | 'NEXUS';

/**
 * The entry points. Lists are nullable so that an upstream failure of one list gives an error at its path and leaves
 * the rest of the query intact; they are null only together with an error.
 */
export type Query = {
  __typename?: 'Query';
  /** A dataset by id (global, or the upstream `dataset_…`); null when it does not exist. */
  dataset?: Maybe<Dataset>;
  /**
   * Datasets of every platform the request has credentials for (or only `provider`'s), newest first, ties broken by
   * provider and then by the platform's own id. Expired datasets are hidden unless `includeExpired` is true. Pass
   * `first` (with `after`) or `last` (with `before`), 1 to 100; without either, the first 20. When one platform of
   * several fails, the others' datasets still come back, with one error per failed platform at this field's path
   * (its usual code, and `extensions.provider`); when every platform fails, the field is null with the first error.
   * `totalCount` adds the platforms' totals.
   */
  datasets?: Maybe<DatasetConnection>;
  /**
   * A Graviti dataset by workspace and name: one of the key's workspace, or a public dataset of another workspace
   * (for example `graviti-example`/`OxfordIIITPet`). Null when it does not exist, or when it is another workspace's
   * private dataset (Graviti answers both with `AccessDenied`, so that a stranger cannot tell them apart).
   */
  gravitiDataset?: Maybe<GravitiDataset>;
  /** A job by id (global, or the upstream `batchjob_…`); null when it does not exist. */
  job?: Maybe<Job>;
  /**
   * Jobs of every platform the request has credentials for (or only `provider`'s), newest first, ties broken by
   * provider and then by the platform's own id; optionally only those in the given states and/or over one dataset
   * (`datasetId`, global or upstream id: only that dataset's platform is asked). Pass `first` (with `after`) or `last`
   * (with `before`), 1 to 100; without either, the first 20. When one platform of several fails, the others' jobs
   * still come back, with one error per failed platform at this field's path (its usual code, and
   * `extensions.provider`); when every platform fails, the field is null with the first error.
   *
   * ModelArts cost: it has no list of every export task of a project, so without `datasetId` the gateway lists the
   * project's datasets (1 call) and each dataset's export tasks (1 call per dataset, 100 tasks each): `1 + D` calls
   * for `D` datasets, `totalCount` included. A project with more datasets than `MODELARTS_JOBS_MAX_DATASETS`
   * (default 30) is not scanned: the ModelArts part fails with `BAD_USER_INPUT` saying so. With a ModelArts
   * `datasetId` it is 1 call.
   */
  jobs?: Maybe<JobConnection>;
  /** Any object by its global id; null when it does not exist (or not in your project). */
  node?: Maybe<Node>;
  /** Several objects by their global ids (at most 100), in the same order; null where one does not exist. */
  nodes: Array<Maybe<Node>>;
  /** A webhook by id (global, or the upstream `webhook_…`); null when it does not exist. */
  webhook?: Maybe<NexusWebhook>;
  /**
   * Webhooks, newest first. Pass `first` (with `after`) or `last` (with `before`), 1 to 100; without either, the
   * first 20.
   */
  webhooks?: Maybe<NexusWebhookConnection>;
};


/**
 * The entry points. Lists are nullable so that an upstream failure of one list gives an error at its path and leaves
 * the rest of the query intact; they are null only together with an error.
 */
export type QueryDatasetArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The entry points. Lists are nullable so that an upstream failure of one list gives an error at its path and leaves
 * the rest of the query intact; they are null only together with an error.
 */
export type QueryDatasetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeExpired?: InputMaybe<Scalars['Boolean']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  provider?: InputMaybe<Provider>;
};


/**
 * The entry points. Lists are nullable so that an upstream failure of one list gives an error at its path and leaves
 * the rest of the query intact; they are null only together with an error.
 */
export type QueryGravitiDatasetArgs = {
  name: Scalars['String']['input'];
  workspace: Scalars['String']['input'];
};


/**
 * The entry points. Lists are nullable so that an upstream failure of one list gives an error at its path and leaves
 * the rest of the query intact; they are null only together with an error.
 */
export type QueryJobArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The entry points. Lists are nullable so that an upstream failure of one list gives an error at its path and leaves
 * the rest of the query intact; they are null only together with an error.
 */
export type QueryJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  datasetId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  provider?: InputMaybe<Provider>;
  state?: InputMaybe<Array<JobState>>;
};


/**
 * The entry points. Lists are nullable so that an upstream failure of one list gives an error at its path and leaves
 * the rest of the query intact; they are null only together with an error.
 */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The entry points. Lists are nullable so that an upstream failure of one list gives an error at its path and leaves
 * the rest of the query intact; they are null only together with an error.
 */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/**
 * The entry points. Lists are nullable so that an upstream failure of one list gives an error at its path and leaves
 * the rest of the query intact; they are null only together with an error.
 */
export type QueryWebhookArgs = {
  id: Scalars['ID']['input'];
};


/**
 * The entry points. Lists are nullable so that an upstream failure of one list gives an error at its path and leaves
 * the rest of the query intact; they are null only together with an error.
 */
export type QueryWebhooksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** A webhook secret rotation. */
export type RotateWebhookSecretInput = {
  /** The webhook (global or upstream id). */
  id: Scalars['ID']['input'];
  /** The new secret, base64. Default: 32 random bytes, generated by the gateway and returned once. */
  secret?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `rotateWebhookSecret`. */
export type RotateWebhookSecretPayload = {
  __typename?: 'RotateWebhookSecretPayload';
  /** The new signing secret (base64). Shown this once. */
  secret: Scalars['String']['output'];
  /** The webhook after the rotation. */
  webhook: NexusWebhook;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** A dataset: sent at once, then on every status change; completes at `Uploaded` or a failure. */
  datasetUpdated: Dataset;
  /**
   * New log entries of a job, each once and in order, from the moment of subscribing; completes when the job is
   * terminal and its last entries have been sent. Only Nexus jobs have logs: a ModelArts export task (ModelArts has
   * no task log) is `BAD_USER_INPUT`.
   */
  jobLogAdded: NexusLogEntry;
  /**
   * A job (global or upstream id; a ModelArts export task by its global id): sent at once, then each time its state,
   * message, counters or progress change; completes after the terminal state (a finished job is sent once).
   */
  jobUpdated: Job;
};


export type SubscriptionDatasetUpdatedArgs = {
  id: Scalars['ID']['input'];
};


export type SubscriptionJobLogAddedArgs = {
  jobId: Scalars['ID']['input'];
  minLevel?: InputMaybe<LogLevel>;
};


export type SubscriptionJobUpdatedArgs = {
  id: Scalars['ID']['input'];
};

/** Changes to a Graviti dataset; omitted fields stay as they are. At least one of `name`, `alias`, `defaultBranch`. */
export type UpdateGravitiDatasetInput = {
  /** The new alias. */
  alias?: InputMaybe<Scalars['String']['input']>;
  /** The new default branch: one of the dataset's branches. */
  defaultBranch?: InputMaybe<Scalars['String']['input']>;
  /** The dataset (its global id; one handed out before a rename works too). */
  id: Scalars['ID']['input'];
  /** The new name: unique in the workspace. The old name is free at once. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `updateGravitiDataset`. */
export type UpdateGravitiDatasetPayload = {
  __typename?: 'UpdateGravitiDatasetPayload';
  /** The dataset after the change (after a rename, its `id` is a new one; the old one still resolves). */
  dataset: GravitiDataset;
};

/** Changes to a webhook; omitted fields stay as they are. */
export type UpdateWebhookInput = {
  /** The new endpoint. */
  endpoint?: InputMaybe<Scalars['String']['input']>;
  /** The webhook (global or upstream id). */
  id: Scalars['ID']['input'];
  /** The new retry policy. */
  retries?: InputMaybe<WebhookRetriesInput>;
};

/** The result of `updateWebhook`. */
export type UpdateWebhookPayload = {
  __typename?: 'UpdateWebhookPayload';
  /** The webhook after the change. */
  webhook: NexusWebhook;
};

/** How to upload a dataset's content directly: send the raw NDJSON bytes with exactly this method and these headers. */
export type UploadInstructions = {
  __typename?: 'UploadInstructions';
  /** When the URL stops working, if the backend says. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Headers to send, exactly (they carry the size and the CRC32C). */
  headers: Array<HttpHeader>;
  /** HTTP method, usually `PUT`. */
  method: Scalars['String']['output'];
  /** The signed URL (a credential in itself: keep it private). */
  url: Scalars['String']['output'];
};

/** A retry policy for webhook deliveries. */
export type WebhookRetriesInput = {
  /** The longest wait between two retries, in milliseconds (the SDK advises at least 15000). */
  maxBackoffMs: Scalars['Int']['input'];
  /** How many times a failed delivery is retried (the SDK advises at most 3). */
  maxRetries: Scalars['Int']['input'];
};

/** The outcome of sending a sample payload to a webhook. */
export type WebhookTestResult = {
  __typename?: 'WebhookTestResult';
  /** How many attempts were made. */
  attemptCount?: Maybe<Scalars['Int']['output']>;
  /** The endpoint's response body, if the backend reports it. */
  body?: Maybe<Scalars['String']['output']>;
  /** How long the delivery took, in milliseconds. */
  latencyMs?: Maybe<Scalars['Float']['output']>;
  /** Why the delivery failed, when it did. */
  reason?: Maybe<Scalars['String']['output']>;
  /** The endpoint's HTTP status, if it answered. */
  responseCode?: Maybe<Scalars['Int']['output']>;
  /** The raw outcome (open vocabulary, for example `Ok`). */
  status: Scalars['String']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CancelJobPayload: ResolverTypeWrapper<Omit<CancelJobPayload, 'job'> & { job: ResolversTypes['NexusJob'] }>;
  CreateDatasetInput: CreateDatasetInput;
  CreateDatasetPayload: ResolverTypeWrapper<Omit<CreateDatasetPayload, 'dataset' | 'upload'> & { dataset: ResolversTypes['NexusDataset'], upload?: Maybe<ResolversTypes['UploadInstructions']> }>;
  CreateGravitiDatasetInput: CreateGravitiDatasetInput;
  CreateGravitiDatasetPayload: ResolverTypeWrapper<Omit<CreateGravitiDatasetPayload, 'dataset'> & { dataset: ResolversTypes['GravitiDataset'] }>;
  CreateJobInput: CreateJobInput;
  CreateJobPayload: ResolverTypeWrapper<Omit<CreateJobPayload, 'job'> & { job: ResolversTypes['NexusJob'] }>;
  CreateModelArtsExportTaskInput: CreateModelArtsExportTaskInput;
  CreateModelArtsExportTaskPayload: ResolverTypeWrapper<Omit<CreateModelArtsExportTaskPayload, 'task'> & { task: ResolversTypes['ModelArtsExportTask'] }>;
  CreateWebhookInput: CreateWebhookInput;
  CreateWebhookPayload: ResolverTypeWrapper<Omit<CreateWebhookPayload, 'webhook'> & { webhook: ResolversTypes['NexusWebhook'] }>;
  Dataset: ResolverTypeWrapper<DatasetParent>;
  DatasetConnection: ResolverTypeWrapper<DatasetConnectionParent>;
  DatasetEdge: ResolverTypeWrapper<Omit<DatasetEdge, 'node'> & { node: ResolversTypes['Dataset'] }>;
  DatasetState: DatasetState;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeletePayload: ResolverTypeWrapper<DeletePayload>;
  DirectUploadInput: DirectUploadInput;
  EphemeralDeploymentInput: EphemeralDeploymentInput;
  File: ResolverTypeWrapper<Scalars['File']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GravitiDataset: ResolverTypeWrapper<GravitiDatasetParent>;
  HttpHeader: ResolverTypeWrapper<HttpHeader>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSONObject: ResolverTypeWrapper<Scalars['JSONObject']['output']>;
  Job: ResolverTypeWrapper<JobParent>;
  JobConnection: ResolverTypeWrapper<JobConnectionParent>;
  JobEdge: ResolverTypeWrapper<Omit<JobEdge, 'node'> & { node: ResolversTypes['Job'] }>;
  JobState: JobState;
  LogLevel: LogLevel;
  ModelArtsDataSource: ResolverTypeWrapper<ModelArtsDataSourceParent>;
  ModelArtsDataset: ResolverTypeWrapper<ModelArtsDatasetParent>;
  ModelArtsDatasetFormat: ModelArtsDatasetFormat;
  ModelArtsDatasetStatus: ModelArtsDatasetStatus;
  ModelArtsDatasetType: ModelArtsDatasetType;
  ModelArtsExportDestination: ModelArtsExportDestination;
  ModelArtsExportFormat: ModelArtsExportFormat;
  ModelArtsExportParams: ResolverTypeWrapper<ModelArtsExportParamsParent>;
  ModelArtsExportTask: ResolverTypeWrapper<ModelArtsExportTaskParent>;
  ModelArtsExportTaskConnection: ResolverTypeWrapper<ModelArtsExportTaskConnectionParent>;
  ModelArtsExportTaskEdge: ResolverTypeWrapper<Omit<ModelArtsExportTaskEdge, 'node'> & { node: ResolversTypes['ModelArtsExportTask'] }>;
  ModelArtsExportTaskStatus: ModelArtsExportTaskStatus;
  ModelArtsExportType: ModelArtsExportType;
  ModelArtsLabel: ResolverTypeWrapper<ModelArtsLabelParent>;
  ModelArtsSampleCounts: ResolverTypeWrapper<ModelArtsSampleCountsParent>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NexusDataset: ResolverTypeWrapper<NexusDatasetParent>;
  NexusDatasetStatus: ResolverTypeWrapper<NexusDatasetStatusParent>;
  NexusDeployment: ResolverTypeWrapper<NexusDeploymentParent>;
  NexusDeploymentScaling: ResolverTypeWrapper<NexusDeploymentScalingParent>;
  NexusDeploymentStatus: ResolverTypeWrapper<NexusDeploymentStatusParent>;
  NexusDeploymentVersion: ResolverTypeWrapper<NexusDeploymentVersionParent>;
  NexusEphemeralDeploymentTemplate: ResolverTypeWrapper<NexusDeploymentTemplateParent>;
  NexusItemCounters: ResolverTypeWrapper<NexusItemCountersParent>;
  NexusJob: ResolverTypeWrapper<NexusJobParent>;
  NexusJobStatus: ResolverTypeWrapper<NexusJobStatusParent>;
  NexusLogEntry: ResolverTypeWrapper<NexusLogEntryParent>;
  NexusLogEntryConnection: ResolverTypeWrapper<NexusLogEntryConnectionParent>;
  NexusLogEntryEdge: ResolverTypeWrapper<Omit<NexusLogEntryEdge, 'node'> & { node: ResolversTypes['NexusLogEntry'] }>;
  NexusResultDestination: ResolverTypeWrapper<NexusResultDestinationParent>;
  NexusWebhook: ResolverTypeWrapper<NexusWebhookParent>;
  NexusWebhookConnection: ResolverTypeWrapper<NexusWebhookConnectionParent>;
  NexusWebhookEdge: ResolverTypeWrapper<Omit<NexusWebhookEdge, 'node'> & { node: ResolversTypes['NexusWebhook'] }>;
  NexusWebhookRetries: ResolverTypeWrapper<NexusWebhookRetries>;
  Node: ResolverTypeWrapper<NodeParent>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Provider: Provider;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RotateWebhookSecretInput: RotateWebhookSecretInput;
  RotateWebhookSecretPayload: ResolverTypeWrapper<Omit<RotateWebhookSecretPayload, 'webhook'> & { webhook: ResolversTypes['NexusWebhook'] }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UpdateGravitiDatasetInput: UpdateGravitiDatasetInput;
  UpdateGravitiDatasetPayload: ResolverTypeWrapper<Omit<UpdateGravitiDatasetPayload, 'dataset'> & { dataset: ResolversTypes['GravitiDataset'] }>;
  UpdateWebhookInput: UpdateWebhookInput;
  UpdateWebhookPayload: ResolverTypeWrapper<Omit<UpdateWebhookPayload, 'webhook'> & { webhook: ResolversTypes['NexusWebhook'] }>;
  UploadInstructions: ResolverTypeWrapper<UploadInstructionsParent>;
  WebhookRetriesInput: WebhookRetriesInput;
  WebhookTestResult: ResolverTypeWrapper<WebhookTestResultParent>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Boolean: Scalars['Boolean']['output'];
  CancelJobPayload: Omit<CancelJobPayload, 'job'> & { job: ResolversParentTypes['NexusJob'] };
  CreateDatasetInput: CreateDatasetInput;
  CreateDatasetPayload: Omit<CreateDatasetPayload, 'dataset' | 'upload'> & { dataset: ResolversParentTypes['NexusDataset'], upload?: Maybe<ResolversParentTypes['UploadInstructions']> };
  CreateGravitiDatasetInput: CreateGravitiDatasetInput;
  CreateGravitiDatasetPayload: Omit<CreateGravitiDatasetPayload, 'dataset'> & { dataset: ResolversParentTypes['GravitiDataset'] };
  CreateJobInput: CreateJobInput;
  CreateJobPayload: Omit<CreateJobPayload, 'job'> & { job: ResolversParentTypes['NexusJob'] };
  CreateModelArtsExportTaskInput: CreateModelArtsExportTaskInput;
  CreateModelArtsExportTaskPayload: Omit<CreateModelArtsExportTaskPayload, 'task'> & { task: ResolversParentTypes['ModelArtsExportTask'] };
  CreateWebhookInput: CreateWebhookInput;
  CreateWebhookPayload: Omit<CreateWebhookPayload, 'webhook'> & { webhook: ResolversParentTypes['NexusWebhook'] };
  Dataset: DatasetParent;
  DatasetConnection: DatasetConnectionParent;
  DatasetEdge: Omit<DatasetEdge, 'node'> & { node: ResolversParentTypes['Dataset'] };
  DateTime: Scalars['DateTime']['output'];
  DeletePayload: DeletePayload;
  DirectUploadInput: DirectUploadInput;
  EphemeralDeploymentInput: EphemeralDeploymentInput;
  File: Scalars['File']['output'];
  Float: Scalars['Float']['output'];
  GravitiDataset: GravitiDatasetParent;
  HttpHeader: HttpHeader;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  JSONObject: Scalars['JSONObject']['output'];
  Job: JobParent;
  JobConnection: JobConnectionParent;
  JobEdge: Omit<JobEdge, 'node'> & { node: ResolversParentTypes['Job'] };
  ModelArtsDataSource: ModelArtsDataSourceParent;
  ModelArtsDataset: ModelArtsDatasetParent;
  ModelArtsExportParams: ModelArtsExportParamsParent;
  ModelArtsExportTask: ModelArtsExportTaskParent;
  ModelArtsExportTaskConnection: ModelArtsExportTaskConnectionParent;
  ModelArtsExportTaskEdge: Omit<ModelArtsExportTaskEdge, 'node'> & { node: ResolversParentTypes['ModelArtsExportTask'] };
  ModelArtsLabel: ModelArtsLabelParent;
  ModelArtsSampleCounts: ModelArtsSampleCountsParent;
  Mutation: Record<PropertyKey, never>;
  NexusDataset: NexusDatasetParent;
  NexusDatasetStatus: NexusDatasetStatusParent;
  NexusDeployment: NexusDeploymentParent;
  NexusDeploymentScaling: NexusDeploymentScalingParent;
  NexusDeploymentStatus: NexusDeploymentStatusParent;
  NexusDeploymentVersion: NexusDeploymentVersionParent;
  NexusEphemeralDeploymentTemplate: NexusDeploymentTemplateParent;
  NexusItemCounters: NexusItemCountersParent;
  NexusJob: NexusJobParent;
  NexusJobStatus: NexusJobStatusParent;
  NexusLogEntry: NexusLogEntryParent;
  NexusLogEntryConnection: NexusLogEntryConnectionParent;
  NexusLogEntryEdge: Omit<NexusLogEntryEdge, 'node'> & { node: ResolversParentTypes['NexusLogEntry'] };
  NexusResultDestination: NexusResultDestinationParent;
  NexusWebhook: NexusWebhookParent;
  NexusWebhookConnection: NexusWebhookConnectionParent;
  NexusWebhookEdge: Omit<NexusWebhookEdge, 'node'> & { node: ResolversParentTypes['NexusWebhook'] };
  NexusWebhookRetries: NexusWebhookRetries;
  Node: NodeParent;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  RotateWebhookSecretInput: RotateWebhookSecretInput;
  RotateWebhookSecretPayload: Omit<RotateWebhookSecretPayload, 'webhook'> & { webhook: ResolversParentTypes['NexusWebhook'] };
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  UpdateGravitiDatasetInput: UpdateGravitiDatasetInput;
  UpdateGravitiDatasetPayload: Omit<UpdateGravitiDatasetPayload, 'dataset'> & { dataset: ResolversParentTypes['GravitiDataset'] };
  UpdateWebhookInput: UpdateWebhookInput;
  UpdateWebhookPayload: Omit<UpdateWebhookPayload, 'webhook'> & { webhook: ResolversParentTypes['NexusWebhook'] };
  UploadInstructions: UploadInstructionsParent;
  WebhookRetriesInput: WebhookRetriesInput;
  WebhookTestResult: WebhookTestResultParent;
};

export type CancelJobPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CancelJobPayload'] = ResolversParentTypes['CancelJobPayload']> = {
  job?: Resolver<ResolversTypes['NexusJob'], ParentType, ContextType>;
};

export type CreateDatasetPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CreateDatasetPayload'] = ResolversParentTypes['CreateDatasetPayload']> = {
  dataset?: Resolver<ResolversTypes['NexusDataset'], ParentType, ContextType>;
  upload?: Resolver<Maybe<ResolversTypes['UploadInstructions']>, ParentType, ContextType>;
  uploaded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type CreateGravitiDatasetPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CreateGravitiDatasetPayload'] = ResolversParentTypes['CreateGravitiDatasetPayload']> = {
  dataset?: Resolver<ResolversTypes['GravitiDataset'], ParentType, ContextType>;
};

export type CreateJobPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CreateJobPayload'] = ResolversParentTypes['CreateJobPayload']> = {
  job?: Resolver<ResolversTypes['NexusJob'], ParentType, ContextType>;
};

export type CreateModelArtsExportTaskPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CreateModelArtsExportTaskPayload'] = ResolversParentTypes['CreateModelArtsExportTaskPayload']> = {
  task?: Resolver<ResolversTypes['ModelArtsExportTask'], ParentType, ContextType>;
};

export type CreateWebhookPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CreateWebhookPayload'] = ResolversParentTypes['CreateWebhookPayload']> = {
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  webhook?: Resolver<ResolversTypes['NexusWebhook'], ParentType, ContextType>;
};

export type DatasetResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Dataset'] = ResolversParentTypes['Dataset']> = {
  __resolveType: TypeResolveFn<'GravitiDataset' | 'ModelArtsDataset' | 'NexusDataset', ParentType, ContextType>;
};

export type DatasetConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DatasetConnection'] = ResolversParentTypes['DatasetConnection']> = {
  edges?: Resolver<Array<ResolversTypes['DatasetEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type DatasetEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DatasetEdge'] = ResolversParentTypes['DatasetEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Dataset'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeletePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DeletePayload'] = ResolversParentTypes['DeletePayload']> = {
  deleted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export interface FileScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['File'], any> {
  name: 'File';
}

export type GravitiDatasetResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['GravitiDataset'] = ResolversParentTypes['GravitiDataset']> = {
  alias?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  backendType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  commitId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  coverUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  creator?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  defaultBranch?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gravitiId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  isPublic?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['DatasetState'], ParentType, ContextType>;
  storageConfig?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  withDraft?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  workspace?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type HttpHeaderResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['HttpHeader'] = ResolversParentTypes['HttpHeader']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface JsonObjectScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSONObject'], any> {
  name: 'JSONObject';
}

export type JobResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Job'] = ResolversParentTypes['Job']> = {
  __resolveType: TypeResolveFn<'ModelArtsExportTask' | 'NexusJob', ParentType, ContextType>;
};

export type JobConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['JobConnection'] = ResolversParentTypes['JobConnection']> = {
  edges?: Resolver<Array<ResolversTypes['JobEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type JobEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['JobEdge'] = ResolversParentTypes['JobEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Job'], ParentType, ContextType>;
};

export type ModelArtsDataSourceResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsDataSource'] = ResolversParentTypes['ModelArtsDataSource']> = {
  dataType?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  path?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ModelArtsDatasetResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsDataset'] = ResolversParentTypes['ModelArtsDataset']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currentVersionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  currentVersionName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dataFormat?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dataSources?: Resolver<Array<ResolversTypes['ModelArtsDataSource']>, ParentType, ContextType>;
  datasetFormat?: Resolver<ResolversTypes['ModelArtsDatasetFormat'], ParentType, ContextType>;
  datasetFormatCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  datasetStatus?: Resolver<ResolversTypes['ModelArtsDatasetStatus'], ParentType, ContextType>;
  datasetStatusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  datasetType?: Resolver<ResolversTypes['ModelArtsDatasetType'], ParentType, ContextType>;
  datasetTypeCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  exportTasks?: Resolver<Maybe<ResolversTypes['ModelArtsExportTaskConnection']>, ParentType, ContextType, Partial<ModelArtsDatasetExportTasksArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['ModelArtsLabel']>, ParentType, ContextType>;
  modelArtsId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  samples?: Resolver<ResolversTypes['ModelArtsSampleCounts'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['DatasetState'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  versionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  workPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ModelArtsExportParamsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsExportParams'] = ResolversParentTypes['ModelArtsExportParams']> = {
  destination?: Resolver<ResolversTypes['ModelArtsExportDestination'], ParentType, ContextType>;
  newDatasetName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  newDatasetWorkPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rawDestination?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sampleState?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  samples?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
};

export type ModelArtsExportTaskResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsExportTask'] = ResolversParentTypes['ModelArtsExportTask']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataset?: Resolver<Maybe<ResolversTypes['ModelArtsDataset']>, ParentType, ContextType>;
  datasetId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errorMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  exportFormat?: Resolver<ResolversTypes['ModelArtsExportFormat'], ParentType, ContextType>;
  exportFormatCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  exportParams?: Resolver<ResolversTypes['ModelArtsExportParams'], ParentType, ContextType>;
  exportStatus?: Resolver<ResolversTypes['ModelArtsExportTaskStatus'], ParentType, ContextType>;
  exportType?: Resolver<ResolversTypes['ModelArtsExportType'], ParentType, ContextType>;
  exportTypeCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  finishedSampleCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  modelArtsId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  progressPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  rawStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['JobState'], ParentType, ContextType>;
  totalSampleCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  versionFormat?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  versionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ModelArtsExportTaskConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsExportTaskConnection'] = ResolversParentTypes['ModelArtsExportTaskConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ModelArtsExportTaskEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ModelArtsExportTaskEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsExportTaskEdge'] = ResolversParentTypes['ModelArtsExportTaskEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ModelArtsExportTask'], ParentType, ContextType>;
};

export type ModelArtsLabelResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsLabel'] = ResolversParentTypes['ModelArtsLabel']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  property?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ModelArtsDatasetType'], ParentType, ContextType>;
  typeCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ModelArtsSampleCountsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsSampleCounts'] = ResolversParentTypes['ModelArtsSampleCounts']> = {
  annotated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unconfirmed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelJob?: Resolver<ResolversTypes['CancelJobPayload'], ParentType, ContextType, RequireFields<MutationCancelJobArgs, 'id'>>;
  createDataset?: Resolver<ResolversTypes['CreateDatasetPayload'], ParentType, ContextType, RequireFields<MutationCreateDatasetArgs, 'input'>>;
  createGravitiDataset?: Resolver<ResolversTypes['CreateGravitiDatasetPayload'], ParentType, ContextType, RequireFields<MutationCreateGravitiDatasetArgs, 'input'>>;
  createJob?: Resolver<ResolversTypes['CreateJobPayload'], ParentType, ContextType, RequireFields<MutationCreateJobArgs, 'input'>>;
  createModelArtsExportTask?: Resolver<ResolversTypes['CreateModelArtsExportTaskPayload'], ParentType, ContextType, RequireFields<MutationCreateModelArtsExportTaskArgs, 'input'>>;
  createWebhook?: Resolver<ResolversTypes['CreateWebhookPayload'], ParentType, ContextType, RequireFields<MutationCreateWebhookArgs, 'input'>>;
  deleteDataset?: Resolver<ResolversTypes['DeletePayload'], ParentType, ContextType, RequireFields<MutationDeleteDatasetArgs, 'id'>>;
  deleteGravitiDataset?: Resolver<ResolversTypes['DeletePayload'], ParentType, ContextType, RequireFields<MutationDeleteGravitiDatasetArgs, 'id'>>;
  deleteJob?: Resolver<ResolversTypes['DeletePayload'], ParentType, ContextType, RequireFields<MutationDeleteJobArgs, 'id'>>;
  deleteWebhook?: Resolver<ResolversTypes['DeletePayload'], ParentType, ContextType, RequireFields<MutationDeleteWebhookArgs, 'id'>>;
  rotateWebhookSecret?: Resolver<ResolversTypes['RotateWebhookSecretPayload'], ParentType, ContextType, RequireFields<MutationRotateWebhookSecretArgs, 'input'>>;
  testWebhook?: Resolver<ResolversTypes['WebhookTestResult'], ParentType, ContextType, RequireFields<MutationTestWebhookArgs, 'id'>>;
  updateGravitiDataset?: Resolver<ResolversTypes['UpdateGravitiDatasetPayload'], ParentType, ContextType, RequireFields<MutationUpdateGravitiDatasetArgs, 'input'>>;
  updateWebhook?: Resolver<ResolversTypes['UpdateWebhookPayload'], ParentType, ContextType, RequireFields<MutationUpdateWebhookArgs, 'input'>>;
};

export type NexusDatasetResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusDataset'] = ResolversParentTypes['NexusDataset']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  jobs?: Resolver<Maybe<ResolversTypes['JobConnection']>, ParentType, ContextType, Partial<NexusDatasetJobsArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nexusId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['DatasetState'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NexusDatasetStatus'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type NexusDatasetStatusResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusDatasetStatus'] = ResolversParentTypes['NexusDatasetStatus']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  overview?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceKind?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  upload?: Resolver<Maybe<ResolversTypes['UploadInstructions']>, ParentType, ContextType>;
};

export type NexusDeploymentResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusDeployment'] = ResolversParentTypes['NexusDeployment']> = {
  deploymentId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  template?: Resolver<Maybe<ResolversTypes['NexusEphemeralDeploymentTemplate']>, ParentType, ContextType>;
};

export type NexusDeploymentScalingResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusDeploymentScaling'] = ResolversParentTypes['NexusDeploymentScaling']> = {
  replicas?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type NexusDeploymentStatusResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusDeploymentStatus'] = ResolversParentTypes['NexusDeploymentStatus']> = {
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  overview?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type NexusDeploymentVersionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusDeploymentVersion'] = ResolversParentTypes['NexusDeploymentVersion']> = {
  artifactId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  versionTag?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NexusEphemeralDeploymentTemplateResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusEphemeralDeploymentTemplate'] = ResolversParentTypes['NexusEphemeralDeploymentTemplate']> = {
  artifactId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  deploymentId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  historyVersions?: Resolver<Maybe<Array<ResolversTypes['NexusDeploymentVersion']>>, ParentType, ContextType>;
  instanceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  options?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  projectId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  region?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  replicas?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  resources?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  scaling?: Resolver<Maybe<ResolversTypes['NexusDeploymentScaling']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['NexusDeploymentStatus']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  versionTag?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NexusItemCountersResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusItemCounters'] = ResolversParentTypes['NexusItemCounters']> = {
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failedDeliver?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failedGather?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failedPredict?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failedProcess?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  gathered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  predicted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  preprocessed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NexusJobResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusJob'] = ResolversParentTypes['NexusJob']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataset?: Resolver<Maybe<ResolversTypes['NexusDataset']>, ParentType, ContextType>;
  datasetId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  deployment?: Resolver<Maybe<ResolversTypes['NexusDeployment']>, ParentType, ContextType>;
  destinations?: Resolver<Array<ResolversTypes['NexusResultDestination']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  logs?: Resolver<Maybe<ResolversTypes['NexusLogEntryConnection']>, ParentType, ContextType, Partial<NexusJobLogsArgs>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nexusId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  startAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['JobState'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['NexusJobStatus'], ParentType, ContextType>;
  stopAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  webhooks?: Resolver<Maybe<Array<ResolversTypes['NexusWebhook']>>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type NexusJobStatusResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusJobStatus'] = ResolversParentTypes['NexusJobStatus']> = {
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  items?: Resolver<ResolversTypes['NexusItemCounters'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  overview?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type NexusLogEntryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusLogEntry'] = ResolversParentTypes['NexusLogEntry']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  item?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  jobId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  level?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nexusId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  severity?: Resolver<Maybe<ResolversTypes['LogLevel']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timeMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type NexusLogEntryConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusLogEntryConnection'] = ResolversParentTypes['NexusLogEntryConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NexusLogEntryEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type NexusLogEntryEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusLogEntryEdge'] = ResolversParentTypes['NexusLogEntryEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['NexusLogEntry'], ParentType, ContextType>;
};

export type NexusResultDestinationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusResultDestination'] = ResolversParentTypes['NexusResultDestination']> = {
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  webhook?: Resolver<Maybe<ResolversTypes['NexusWebhook']>, ParentType, ContextType>;
  webhookId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NexusWebhookResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusWebhook'] = ResolversParentTypes['NexusWebhook']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  endpoint?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nexusId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  retries?: Resolver<Maybe<ResolversTypes['NexusWebhookRetries']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type NexusWebhookConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusWebhookConnection'] = ResolversParentTypes['NexusWebhookConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NexusWebhookEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NexusWebhookEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusWebhookEdge'] = ResolversParentTypes['NexusWebhookEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['NexusWebhook'], ParentType, ContextType>;
};

export type NexusWebhookRetriesResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NexusWebhookRetries'] = ResolversParentTypes['NexusWebhookRetries']> = {
  maxBackoffMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxRetries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NodeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'GravitiDataset' | 'ModelArtsDataset' | 'ModelArtsExportTask' | 'NexusDataset' | 'NexusJob' | 'NexusLogEntry' | 'NexusWebhook', ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType, RequireFields<QueryDatasetArgs, 'id'>>;
  datasets?: Resolver<Maybe<ResolversTypes['DatasetConnection']>, ParentType, ContextType, RequireFields<QueryDatasetsArgs, 'includeExpired'>>;
  gravitiDataset?: Resolver<Maybe<ResolversTypes['GravitiDataset']>, ParentType, ContextType, RequireFields<QueryGravitiDatasetArgs, 'name' | 'workspace'>>;
  job?: Resolver<Maybe<ResolversTypes['Job']>, ParentType, ContextType, RequireFields<QueryJobArgs, 'id'>>;
  jobs?: Resolver<Maybe<ResolversTypes['JobConnection']>, ParentType, ContextType, Partial<QueryJobsArgs>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['Node']>>, ParentType, ContextType, RequireFields<QueryNodesArgs, 'ids'>>;
  webhook?: Resolver<Maybe<ResolversTypes['NexusWebhook']>, ParentType, ContextType, RequireFields<QueryWebhookArgs, 'id'>>;
  webhooks?: Resolver<Maybe<ResolversTypes['NexusWebhookConnection']>, ParentType, ContextType, Partial<QueryWebhooksArgs>>;
};

export type RotateWebhookSecretPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RotateWebhookSecretPayload'] = ResolversParentTypes['RotateWebhookSecretPayload']> = {
  secret?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  webhook?: Resolver<ResolversTypes['NexusWebhook'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  datasetUpdated?: SubscriptionResolver<ResolversTypes['Dataset'], "datasetUpdated", ParentType, ContextType, RequireFields<SubscriptionDatasetUpdatedArgs, 'id'>>;
  jobLogAdded?: SubscriptionResolver<ResolversTypes['NexusLogEntry'], "jobLogAdded", ParentType, ContextType, RequireFields<SubscriptionJobLogAddedArgs, 'jobId'>>;
  jobUpdated?: SubscriptionResolver<ResolversTypes['Job'], "jobUpdated", ParentType, ContextType, RequireFields<SubscriptionJobUpdatedArgs, 'id'>>;
};

export type UpdateGravitiDatasetPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UpdateGravitiDatasetPayload'] = ResolversParentTypes['UpdateGravitiDatasetPayload']> = {
  dataset?: Resolver<ResolversTypes['GravitiDataset'], ParentType, ContextType>;
};

export type UpdateWebhookPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UpdateWebhookPayload'] = ResolversParentTypes['UpdateWebhookPayload']> = {
  webhook?: Resolver<ResolversTypes['NexusWebhook'], ParentType, ContextType>;
};

export type UploadInstructionsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UploadInstructions'] = ResolversParentTypes['UploadInstructions']> = {
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  headers?: Resolver<Array<ResolversTypes['HttpHeader']>, ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookTestResultResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['WebhookTestResult'] = ResolversParentTypes['WebhookTestResult']> = {
  attemptCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  body?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  latencyMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  responseCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  CancelJobPayload?: CancelJobPayloadResolvers<ContextType>;
  CreateDatasetPayload?: CreateDatasetPayloadResolvers<ContextType>;
  CreateGravitiDatasetPayload?: CreateGravitiDatasetPayloadResolvers<ContextType>;
  CreateJobPayload?: CreateJobPayloadResolvers<ContextType>;
  CreateModelArtsExportTaskPayload?: CreateModelArtsExportTaskPayloadResolvers<ContextType>;
  CreateWebhookPayload?: CreateWebhookPayloadResolvers<ContextType>;
  Dataset?: DatasetResolvers<ContextType>;
  DatasetConnection?: DatasetConnectionResolvers<ContextType>;
  DatasetEdge?: DatasetEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeletePayload?: DeletePayloadResolvers<ContextType>;
  File?: GraphQLScalarType;
  GravitiDataset?: GravitiDatasetResolvers<ContextType>;
  HttpHeader?: HttpHeaderResolvers<ContextType>;
  JSONObject?: GraphQLScalarType;
  Job?: JobResolvers<ContextType>;
  JobConnection?: JobConnectionResolvers<ContextType>;
  JobEdge?: JobEdgeResolvers<ContextType>;
  ModelArtsDataSource?: ModelArtsDataSourceResolvers<ContextType>;
  ModelArtsDataset?: ModelArtsDatasetResolvers<ContextType>;
  ModelArtsExportParams?: ModelArtsExportParamsResolvers<ContextType>;
  ModelArtsExportTask?: ModelArtsExportTaskResolvers<ContextType>;
  ModelArtsExportTaskConnection?: ModelArtsExportTaskConnectionResolvers<ContextType>;
  ModelArtsExportTaskEdge?: ModelArtsExportTaskEdgeResolvers<ContextType>;
  ModelArtsLabel?: ModelArtsLabelResolvers<ContextType>;
  ModelArtsSampleCounts?: ModelArtsSampleCountsResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NexusDataset?: NexusDatasetResolvers<ContextType>;
  NexusDatasetStatus?: NexusDatasetStatusResolvers<ContextType>;
  NexusDeployment?: NexusDeploymentResolvers<ContextType>;
  NexusDeploymentScaling?: NexusDeploymentScalingResolvers<ContextType>;
  NexusDeploymentStatus?: NexusDeploymentStatusResolvers<ContextType>;
  NexusDeploymentVersion?: NexusDeploymentVersionResolvers<ContextType>;
  NexusEphemeralDeploymentTemplate?: NexusEphemeralDeploymentTemplateResolvers<ContextType>;
  NexusItemCounters?: NexusItemCountersResolvers<ContextType>;
  NexusJob?: NexusJobResolvers<ContextType>;
  NexusJobStatus?: NexusJobStatusResolvers<ContextType>;
  NexusLogEntry?: NexusLogEntryResolvers<ContextType>;
  NexusLogEntryConnection?: NexusLogEntryConnectionResolvers<ContextType>;
  NexusLogEntryEdge?: NexusLogEntryEdgeResolvers<ContextType>;
  NexusResultDestination?: NexusResultDestinationResolvers<ContextType>;
  NexusWebhook?: NexusWebhookResolvers<ContextType>;
  NexusWebhookConnection?: NexusWebhookConnectionResolvers<ContextType>;
  NexusWebhookEdge?: NexusWebhookEdgeResolvers<ContextType>;
  NexusWebhookRetries?: NexusWebhookRetriesResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RotateWebhookSecretPayload?: RotateWebhookSecretPayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  UpdateGravitiDatasetPayload?: UpdateGravitiDatasetPayloadResolvers<ContextType>;
  UpdateWebhookPayload?: UpdateWebhookPayloadResolvers<ContextType>;
  UploadInstructions?: UploadInstructionsResolvers<ContextType>;
  WebhookTestResult?: WebhookTestResultResolvers<ContextType>;
};

