import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { NodeParent, DatasetParent, JobParent, DatasetConnectionParent, JobConnectionParent } from '../backends/parents';
import type { NexusDatasetParent, NexusJobParent, NexusWebhookParent, NexusJobStatusParent, NexusItemCountersParent, NexusDatasetStatusParent, NexusDeploymentParent, NexusDeploymentTemplateParent, NexusDeploymentStatusParent, NexusDeploymentVersionParent, NexusDeploymentScalingParent, NexusResultDestinationParent, UploadInstructionsParent, NexusLogEntryParent, WebhookTestResultParent, NexusWebhookConnectionParent, NexusLogEntryConnectionParent } from '../backends/nexus/parents';
import type { GravitiDatasetParent } from '../backends/graviti/parents';
import type { ModelArtsDatasetParent, ModelArtsExportTaskParent, ModelArtsExportTaskConnectionParent, ModelArtsExportParamsParent, ModelArtsLabelParent, ModelArtsDataSourceParent, ModelArtsSampleCountsParent, ModelArtsWireObjectParent } from '../backends/modelarts/parents';
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
  /** The label file format (`annotation_format`). */
  annotationFormat?: InputMaybe<ModelArtsAnnotationFormat>;
  /** Whether to clear `difficult` marks (`export_params.clear_difficult`). */
  clearDifficult?: InputMaybe<Scalars['Boolean']['input']>;
  /** Whether to clear hard-example properties (`export_params.clear_hard_property`). */
  clearHardProperty?: InputMaybe<Scalars['Boolean']['input']>;
  /** The dataset to export (a `ModelArtsDataset` global id). */
  datasetId: Scalars['ID']['input'];
  /** The dataset type (`dataset_type`). `UNKNOWN` is refused. */
  datasetType?: InputMaybe<ModelArtsDatasetType>;
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
  /** The format of that version (`export_params.export_dataset_version_format`). */
  newVersionFormat?: InputMaybe<ModelArtsVersionFormat>;
  /** The name of the version to release with the export (`export_params.export_dataset_version_name`): 1 to 32 letters, digits, `_` or `-`. */
  newVersionName?: InputMaybe<Scalars['String']['input']>;
  /** The destination OBS path, `/bucket/dir/` (with the trailing slash). */
  path?: InputMaybe<Scalars['String']['input']>;
  /** Whether to split the samples into training and validation at `trainSampleRatio` (`export_params.ratio_sample_usage`). */
  ratioSampleUsage?: InputMaybe<Scalars['Boolean']['input']>;
  /**
   * Only samples in this state: sent as `sample_state` both at the top level and in `export_params` (the API documents
   * it in both places). `UNKNOWN` is refused.
   */
  sampleState?: InputMaybe<ModelArtsSampleState>;
  /** Only these sample ids (`export_params.samples`). */
  samples?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only samples matching one of these conditions (`export_params.search_conditions`), 1 to 100 of them. */
  searchConditions?: InputMaybe<Array<ModelArtsSearchConditionInput>>;
  /** The OBS path prefix written into the exported label files (`source_type_header`); ModelArts's default is `OBS`. */
  sourceTypeHeader?: InputMaybe<ModelArtsSourceTypeHeader>;
  /** The training share of that split, 0 to 1 (`export_params.train_sample_ratio`, sent as text with two decimals: `"0.80"`). */
  trainSampleRatio?: InputMaybe<Scalars['Float']['input']>;
  /** The version format (`version_format`). */
  versionFormat?: InputMaybe<ModelArtsVersionFormat>;
  /** The dataset version to export (`version_id`); default the current one. */
  versionId?: InputMaybe<Scalars['String']['input']>;
  /** Whether an exported CSV starts with the column names (`with_column_header`; table datasets). */
  withColumnHeader?: InputMaybe<Scalars['Boolean']['input']>;
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
  /**
   * Why the job failed, as the platform words it, on one line (at most 500 characters): null unless `state` is
   * `FAILED`, and null when the platform gives no reason. The platform's own text, never a gateway error or a stack.
   */
  failureReason?: Maybe<Scalars['String']['output']>;
  /** The global id. */
  id: Scalars['ID']['output'];
  /** How many items the job has handled successfully so far; null when the platform does not say (yet). */
  itemsDone?: Maybe<Scalars['Int']['output']>;
  /** How many items have failed so far (each counted once); null when the platform does not count failed items. */
  itemsFailed?: Maybe<Scalars['Int']['output']>;
  /**
   * How many items the job runs over in all; null while the platform has not counted them, or when it cannot say (its
   * dataset is gone). `itemsDone + itemsFailed` reaches it when every item has been handled.
   */
  itemsTotal?: Maybe<Scalars['Int']['output']>;
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

/** One message of `jobListUpdated`: the page now, and what changed since the previous message. */
export type JobListUpdate = {
  __typename?: 'JobListUpdate';
  /** Global ids of jobs that entered the page since the previous message (empty in the first message). */
  added: Array<Scalars['ID']['output']>;
  /** Global ids of jobs on the page whose fields changed since the previous message. */
  changed: Array<Scalars['ID']['output']>;
  /** The list's first page now, as `jobs(first, provider, state, datasetId)` would answer it. */
  jobs: JobConnection;
  /** Global ids of jobs that left the page since the previous message. */
  removed: Array<Scalars['ID']['output']>;
};

/** A job's state, normalised across backends. */
export type JobState =
  /** Stopped before the end (its stop time passed or it was cancelled). Terminal. */
  | 'CANCELLED'
  /** The job failed; see its `failureReason`. Terminal. */
  | 'FAILED'
  /** Every item has been handled. Terminal. */
  | 'FINISHED'
  /** Items are moving through the pipeline. */
  | 'RUNNING'
  /** Created, nothing has happened yet (it may wait for its start time or its dataset). */
  | 'WAITING';

/** How many jobs one platform holds in one state. */
export type JobStateCount = {
  __typename?: 'JobStateCount';
  /** How many of the platform's jobs are in this state (at least 1). */
  count: Scalars['Int']['output'];
  /** The platform. */
  provider: Provider;
  /** The state. */
  state: JobState;
};

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

/** The label file format of an export (`annotation_format`). */
export type ModelArtsAnnotationFormat =
  /** `COCO`. */
  | 'COCO'
  /** `VOC`. */
  | 'VOC';

/** Where a ModelArts dataset's data comes from. */
export type ModelArtsDataSource = {
  __typename?: 'ModelArtsDataSource';
  /** The raw `data_type` (0 is OBS). */
  dataType?: Maybe<Scalars['Int']['output']>;
  /** The data's path (an OBS path such as `/bucket/dir/`). */
  path?: Maybe<Scalars['String']['output']>;
  /** A table source's column mappings (`schema_maps`); empty when none. */
  schemaMaps: Array<ModelArtsSchemaMap>;
  /** What importing a table source needs (`source_info`); null when none. */
  sourceInfo?: Maybe<ModelArtsSourceInfo>;
  /** Where the data lives. */
  sourceType: ModelArtsDataSourceType;
  /** Whether a table source's first row holds the column names (`with_column_header`). */
  withColumnHeader?: Maybe<Scalars['Boolean']['output']>;
};

/** Where a data source's data lives (`data_type`; the raw code is beside it as `dataType`). */
export type ModelArtsDataSourceType =
  /** 5: AI Gallery. */
  | 'AI_GALLERY'
  /** 2: DLI. */
  | 'DLI'
  /** 1: GaussDB(DWS). */
  | 'DWS'
  /** 6: an inference service. */
  | 'INFERENCE_SERVICE'
  /** 4: MRS. */
  | 'MRS'
  /** 0: OBS. */
  | 'OBS'
  /** 3: RDS. */
  | 'RDS'
  /** A code the gateway does not know (or none): read the raw code. */
  | 'UNKNOWN';

/** A dataset on Huawei Cloud ModelArts. Its id is a global id only (ModelArts ids have no prefix to tell them apart). */
export type ModelArtsDataset = Dataset & Node & {
  __typename?: 'ModelArtsDataset';
  /** For speech paragraph labeling: whether the content is labeled too (`content_labeling`). */
  contentLabeling?: Maybe<Scalars['Boolean']['output']>;
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
  /** Sample statistics, including those of sample metadata (`data_statistics`), as ModelArts writes them. */
  dataStatistics?: Maybe<Scalars['JSONObject']['output']>;
  /** When its samples or labels last changed (`data_update_time`); null when absent. */
  dataUpdatedAt?: Maybe<Scalars['DateTime']['output']>;
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
  /** Deleted samples by reason (`deletion_stats`). */
  deletionStats?: Maybe<Scalars['JSONObject']['output']>;
  /** The description (empty when none). */
  description?: Maybe<Scalars['String']['output']>;
  /** The enterprise project (`enterprise_project_id`; `0` is the default). */
  enterpriseProjectId?: Maybe<Scalars['String']['output']>;
  /**
   * The dataset's export tasks, newest first, optionally only those in the given states (one upstream call per 100
   * tasks; `totalCount` costs nothing more). Pass `first` (with `after`) or `last` (with `before`), 1 to 100;
   * without either, the first 20. Null only with an error (so the dataset itself still resolves).
   */
  exportTasks?: Maybe<ModelArtsExportTaskConnection>;
  /** The features the dataset supports (`feature_supports`), as ModelArts writes them. */
  featureSupports: Array<Scalars['String']['output']>;
  /** Whether the dataset has team labelling tasks (`exist_workforce_task`). */
  hasTeamLabelingTask?: Maybe<Scalars['Boolean']['output']>;
  /** The global id. */
  id: Scalars['ID']['output'];
  /** Whether data was imported (`import_data`). */
  importData?: Maybe<Scalars['Boolean']['output']>;
  /** The import task's id (`import_task_id`); null when none. */
  importTaskId?: Maybe<Scalars['String']['output']>;
  /** Where its labels are stored (`inner_annotation_path`). */
  innerAnnotationPath?: Maybe<Scalars['String']['output']>;
  /** Where its internal data is stored (`inner_data_path`). */
  innerDataPath?: Maybe<Scalars['String']['output']>;
  /** Where its internal logs are stored (`inner_log_path`). */
  innerLogPath?: Maybe<Scalars['String']['output']>;
  /** Where its internal tasks are stored (`inner_task_path`). */
  innerTaskPath?: Maybe<Scalars['String']['output']>;
  /** Where its temporary files are stored (`inner_temp_path`). */
  innerTempPath?: Maybe<Scalars['String']['output']>;
  /** The dataset's internal output directory (`inner_work_path`). */
  innerWorkPath?: Maybe<Scalars['String']['output']>;
  /** Its labelling tasks (`label_task_count`). */
  labelTaskCount?: Maybe<Scalars['Int']['output']>;
  /** Its labels. */
  labels: Array<ModelArtsLabel>;
  /** Whether the dataset is hosted (`managed`). */
  managed?: Maybe<Scalars['Boolean']['output']>;
  /** The upstream `dataset_id`. */
  modelArtsId: Scalars['String']['output'];
  /** The dataset's name. */
  name: Scalars['String']['output'];
  /** The number its next version will take (`next_version_num`). */
  nextVersionNumber?: Maybe<Scalars['Int']['output']>;
  /** The ModelArts project the dataset belongs to. */
  projectId: Scalars['String']['output'];
  /** Always `MODELARTS`. */
  provider: Provider;
  /**
   * The dataset's running (or initialising) tasks of one kind, or of every kind without `type`: one more read of the
   * dataset with `check_running_task=true` (and `running_task_type`). Null only with an error.
   */
  runningTasks?: Maybe<ModelArtsRunningTasks>;
  /** The sample counts. */
  samples: ModelArtsSampleCounts;
  /** A table dataset's columns (`schema`); empty when none. */
  schema: Array<ModelArtsSchemaColumn>;
  /**
   * The normalised state, from `status`: 1 normal → `READY`; 0 creating → `WAITING`; 8 importing → `UPLOADING`;
   * 3 deleted and 4 abnormal → `FAILED`; 2, 5, 6, 7 and unknown codes → `PROCESSING`.
   */
  state: DatasetState;
  /** Its tags (`dataset_tags`). */
  tags: Array<Scalars['String']['output']>;
  /** Its team labelling (`workforce_descriptor`); null when none. */
  teamLabeling?: Maybe<ModelArtsTeamLabeling>;
  /** How many team labelling tasks it has (`workforce_task_count`). */
  teamLabelingTaskCount?: Maybe<Scalars['Int']['output']>;
  /** The third-party path (`third_path`); null when none. */
  thirdPath?: Maybe<Scalars['String']['output']>;
  /** When the dataset was last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** How many versions the dataset has. */
  versionCount: Scalars['Int']['output'];
  /** Its released versions (`versions`), as the detail lists them; empty when none. */
  versions: Array<ModelArtsDatasetVersion>;
  /** The OBS directory the dataset works in. */
  workPath?: Maybe<Scalars['String']['output']>;
  /** Where the output directory lives. */
  workPathType: ModelArtsWorkPathType;
  /** The raw `work_path_type` code. */
  workPathTypeCode?: Maybe<Scalars['Int']['output']>;
  /** The workspace (`workspace_id`; `0` is the default workspace). */
  workspaceId?: Maybe<Scalars['String']['output']>;
};


/** A dataset on Huawei Cloud ModelArts. Its id is a global id only (ModelArts ids have no prefix to tell them apart). */
export type ModelArtsDatasetExportTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  state?: InputMaybe<Array<JobState>>;
};


/** A dataset on Huawei Cloud ModelArts. Its id is a global id only (ModelArts ids have no prefix to tell them apart). */
export type ModelArtsDatasetRunningTasksArgs = {
  type?: InputMaybe<ModelArtsRunningTaskType>;
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

/** A released version of a ModelArts dataset (an item of the dataset detail's `versions`). */
export type ModelArtsDatasetVersion = {
  __typename?: 'ModelArtsDatasetVersion';
  /** Samples added since the previous version (`add_sample_count`). */
  addedSampleCount?: Maybe<Scalars['Int']['output']>;
  /** Its labeled samples (`annotated_sample_count`). */
  annotatedSampleCount?: Maybe<Scalars['Int']['output']>;
  /** Labeled subsamples (`annotated_sub_sample_count`). */
  annotatedSubSampleCount?: Maybe<Scalars['Int']['output']>;
  /** Whether hard-example properties were cleared on release (`clear_hard_property`). */
  clearHardProperty?: Maybe<Scalars['Boolean']['output']>;
  /** The raw status code of that task (`code`). */
  code?: Maybe<Scalars['String']['output']>;
  /** When it was created; null when absent. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether images were cropped (`crop`). */
  crop?: Maybe<Scalars['Boolean']['output']>;
  /** Where the cropped files are (`crop_path`). */
  cropPath?: Maybe<Scalars['String']['output']>;
  /** The rotate-and-crop task's scratch directory (`crop_rotate_cache_path`). */
  cropRotateCachePath?: Maybe<Scalars['String']['output']>;
  /** Where the version's data is stored (`data_path`). */
  dataPath?: Maybe<Scalars['String']['output']>;
  /** Sample statistics (`data_statistics`), as ModelArts writes them. */
  dataStatistics?: Maybe<Scalars['JSONObject']['output']>;
  /** Whether the data was validated before release (`data_validate`). */
  dataValidate?: Maybe<Scalars['Boolean']['output']>;
  /** Samples deleted since the previous version (`deleted_sample_count`). */
  deletedSampleCount?: Maybe<Scalars['Int']['output']>;
  /** Deleted samples by reason (`deletion_stats`). */
  deletionStats?: Maybe<Scalars['JSONObject']['output']>;
  /** The description. */
  description?: Maybe<Scalars['String']['output']>;
  /** Whether images were exported to the version directory (`export_images`). */
  exportImages?: Maybe<Scalars['Boolean']['output']>;
  /** Whether subsample numbers were parsed on release (`extract_serial_number`). */
  extractSerialNumber?: Maybe<Scalars['Boolean']['output']>;
  /** Whether the dataset's source data is included (`include_dataset_data`). */
  includeDatasetData?: Maybe<Scalars['Boolean']['output']>;
  /** Whether it is the dataset's current version (`is_current`). */
  isCurrent?: Maybe<Scalars['Boolean']['output']>;
  /** Its labels' statistics (`label_stats`). */
  labelStats: Array<ModelArtsLabelStats>;
  /** The raw `label_type` (for example `single`, `multi`). */
  labelType?: Maybe<Scalars['String']['output']>;
  /** The manifest cache input path of the release (`manifest_cache_input_path`). */
  manifestCacheInputPath?: Maybe<Scalars['String']['output']>;
  /** The manifest file of the version (`manifest_path`). */
  manifestPath?: Maybe<Scalars['String']['output']>;
  /** What the release recorded (an error, …) (`message`). */
  message?: Maybe<Scalars['String']['output']>;
  /** Samples modified since the previous version (`modified_sample_count`). */
  modifiedSampleCount?: Maybe<Scalars['Int']['output']>;
  /** The version's name (`V001`, …). */
  name?: Maybe<Scalars['String']['output']>;
  /** The previous version's labeled samples (`previous_annotated_sample_count`). */
  previousAnnotatedSampleCount?: Maybe<Scalars['Int']['output']>;
  /** The previous version's samples (`previous_total_sample_count`). */
  previousTotalSampleCount?: Maybe<Scalars['Int']['output']>;
  /** The version it was released after (`previous_version_id`); null for the first. */
  previousVersionId?: Maybe<Scalars['String']['output']>;
  /** The preprocessing (rotate, crop) task's id (`processor_task_id`). */
  processorTaskId?: Maybe<Scalars['String']['output']>;
  /** The raw status of that task (`processor_task_status`). */
  processorTaskStatus?: Maybe<Scalars['Int']['output']>;
  /** Whether the dataset's usage information was cleared on release (`remove_sample_usage`). */
  removeSampleUsage?: Maybe<Scalars['Boolean']['output']>;
  /** Whether images were rotated (`rotate`). */
  rotate?: Maybe<Scalars['Boolean']['output']>;
  /** Where the rotated files are (`rotate_path`). */
  rotatePath?: Maybe<Scalars['String']['output']>;
  /** The raw sample state the version was released with (`sample_state`). */
  sampleState?: Maybe<Scalars['String']['output']>;
  /** The version's status. */
  status: ModelArtsVersionStatus;
  /** The raw `status` code. */
  statusCode?: Maybe<Scalars['Int']['output']>;
  /** The version's tags (`tags`). */
  tags: Array<Scalars['String']['output']>;
  /** The labelling task type of the version (the dataset's type). */
  taskType: ModelArtsDatasetType;
  /** The raw `task_type` code. */
  taskTypeCode?: Maybe<Scalars['Int']['output']>;
  /** Its samples (`total_sample_count`). */
  totalSampleCount?: Maybe<Scalars['Int']['output']>;
  /** Subsamples (`total_sub_sample_count`). */
  totalSubSampleCount?: Maybe<Scalars['Int']['output']>;
  /** The training share of the train/validation split, as ModelArts writes it (`"0.80"`). */
  trainEvaluateSampleRatio?: Maybe<Scalars['String']['output']>;
  /** When it last changed; null when absent. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The raw `version_format` (`Default`, `CarbonData`, `CSV`). */
  versionFormat?: Maybe<Scalars['String']['output']>;
  /** The upstream `version_id`. */
  versionId: Scalars['String']['output'];
  /** Whether a released CSV starts with the column names (`with_column_header`). */
  withColumnHeader?: Maybe<Scalars['Boolean']['output']>;
};

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
  /** Whether `difficult` marks are cleared (`clear_difficult`). */
  clearDifficult?: Maybe<Scalars['Boolean']['output']>;
  /** Whether hard-example properties are cleared (`clear_hard_property`). */
  clearHardProperty?: Maybe<Scalars['Boolean']['output']>;
  /** Where it writes; `DIR` when the task does not say. */
  destination: ModelArtsExportDestination;
  /** The new dataset's name, for `NEW_DATASET`. */
  newDatasetName?: Maybe<Scalars['String']['output']>;
  /** The new dataset's OBS work path, for `NEW_DATASET`. */
  newDatasetWorkPath?: Maybe<Scalars['String']['output']>;
  /** Whether samples are split into training and validation at `trainSampleRatio` (`ratio_sample_usage`). */
  ratioSampleUsage?: Maybe<Scalars['Boolean']['output']>;
  /** The raw `export_dest` (null when absent). */
  rawDestination?: Maybe<Scalars['String']['output']>;
  /** The raw `sample_state` filter, if one was given. */
  sampleState?: Maybe<Scalars['String']['output']>;
  /** The sample ids it was asked to export, if a list was given. */
  samples?: Maybe<Array<Scalars['String']['output']>>;
  /** The search conditions it was asked to export by (`search_conditions`), if any. */
  searchConditions?: Maybe<Array<ModelArtsSearchCondition>>;
  /** The training share of that split, from 0 to 1 (`train_sample_ratio`); null when absent or not a number. */
  trainSampleRatio?: Maybe<Scalars['Float']['output']>;
  /** The raw format of the version the export releases (`export_dataset_version_format`). */
  versionFormat?: Maybe<Scalars['String']['output']>;
  /** The name of the version the export releases (`export_dataset_version_name`). */
  versionName?: Maybe<Scalars['String']['output']>;
};

/**
 * A dataset export task on Huawei Cloud ModelArts: a job that exports a dataset's samples to OBS or to a new
 * dataset. Its id is a global id that carries both the dataset and the task (an export task is addressed by both).
 */
export type ModelArtsExportTask = Job & Node & {
  __typename?: 'ModelArtsExportTask';
  /** The raw label file format it was asked for (`annotation_format`: `VOC`, `COCO`), when the task says. */
  annotationFormat?: Maybe<Scalars['String']['output']>;
  /** When the task was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The dataset exported; null when it no longer exists. */
  dataset?: Maybe<ModelArtsDataset>;
  /** The dataset's upstream `dataset_id`, even when the dataset no longer exists. */
  datasetId?: Maybe<Scalars['String']['output']>;
  /** The raw `dataset_type` the task was given, when it says. */
  datasetTypeCode?: Maybe<Scalars['Int']['output']>;
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
  /** When `FAILED`: `errorMessage` (or `errorCode` when the task gives no message); null otherwise. */
  failureReason?: Maybe<Scalars['String']['output']>;
  /** Samples exported so far; null while the backend does not say. */
  finishedSampleCount?: Maybe<Scalars['Int']['output']>;
  /** The global id. */
  id: Scalars['ID']['output'];
  /** `finishedSampleCount`: samples exported so far; null while the backend does not say. */
  itemsDone?: Maybe<Scalars['Int']['output']>;
  /** Always null: ModelArts does not count samples that failed to export (a failed task fails as a whole). */
  itemsFailed?: Maybe<Scalars['Int']['output']>;
  /** `totalSampleCount`: samples to export; null while the backend has not counted them (usually while `INIT`). */
  itemsTotal?: Maybe<Scalars['Int']['output']>;
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
  /** The raw top-level `sample_state` the task was given, when it says. */
  sampleState?: Maybe<Scalars['String']['output']>;
  /** The raw OBS path prefix of the exported label files (`source_type_header`: `obs://`, `s3://`), when the task says. */
  sourceTypeHeader?: Maybe<Scalars['String']['output']>;
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
  /** Whether an exported CSV starts with the column names (`with_column_header`), when the task says. */
  withColumnHeader?: Maybe<Scalars['Boolean']['output']>;
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
  /** Its multi-dimensional attributes; empty when none. */
  attributes: Array<ModelArtsLabelAttribute>;
  /** The label's name. */
  name: Scalars['String']['output'];
  /** The raw `property` object (for example `@modelarts:color`). */
  property?: Maybe<Scalars['JSONObject']['output']>;
  /** The label's type. */
  type: ModelArtsLabelType;
  /** The raw `type` code. */
  typeCode?: Maybe<Scalars['Int']['output']>;
};

/** A multi-dimensional attribute of a label (a "music" label's "style"). */
export type ModelArtsLabelAttribute = {
  __typename?: 'ModelArtsLabelAttribute';
  /** Its default value (`default_value`). */
  defaultValue?: Maybe<Scalars['String']['output']>;
  /** The attribute's id. */
  id?: Maybe<Scalars['String']['output']>;
  /** The attribute's name. */
  name?: Maybe<Scalars['String']['output']>;
  /** The attribute's type (for example `select`, `text`). */
  type?: Maybe<Scalars['String']['output']>;
  /** The values it can take. */
  values: Array<ModelArtsLabelAttributeValue>;
};

/** A value a label attribute can take. */
export type ModelArtsLabelAttributeValue = {
  __typename?: 'ModelArtsLabelAttributeValue';
  /** The value's id. */
  id?: Maybe<Scalars['String']['output']>;
  /** The value. */
  value?: Maybe<Scalars['String']['output']>;
};

/** A label's statistics in a released version (`label_stats`). */
export type ModelArtsLabelStats = {
  __typename?: 'ModelArtsLabelStats';
  /** Its attributes; empty when none. */
  attributes: Array<ModelArtsLabelAttribute>;
  /** How many times it is used (`count`). */
  count?: Maybe<Scalars['Int']['output']>;
  /** The label's name. */
  name?: Maybe<Scalars['String']['output']>;
  /** The raw `property` object. */
  property?: Maybe<Scalars['JSONObject']['output']>;
  /** How many samples carry it (`sample_count`). */
  sampleCount?: Maybe<Scalars['Int']['output']>;
  /** The label's type. */
  type: ModelArtsLabelType;
  /** The raw `type` code. */
  typeCode?: Maybe<Scalars['Int']['output']>;
};

/** A label's `type`: a labelling task type (the documented label codes; the raw code is beside it as `typeCode`). */
export type ModelArtsLabelType =
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
  /** 100: text classification. */
  | 'TEXT_CLASSIFICATION'
  /** 103: a text triplet's entity. */
  | 'TEXT_TRIPLET_ENTITY'
  /** 102: a text triplet's relationship. */
  | 'TEXT_TRIPLET_RELATIONSHIP'
  /** A code the gateway does not know (or none): read the raw code. */
  | 'UNKNOWN'
  /** 600: video labeling. */
  | 'VIDEO';

/** Which kind of running task `ModelArtsDataset.runningTasks` looks for (`running_task_type`). */
export type ModelArtsRunningTaskType =
  /** 7: auto grouping. */
  | 'AUTO_GROUPING'
  /** 0: auto labeling. */
  | 'AUTO_LABELING'
  /** 2: export. */
  | 'EXPORT'
  /** 4: manifest export. */
  | 'MANIFEST_EXPORT'
  /** 5: manifest import. */
  | 'MANIFEST_IMPORT'
  /** 1: pre-labeling. */
  | 'PRE_LABELING'
  /** 6: version publishing. */
  | 'VERSION_PUBLISH'
  /** 3: version switching. */
  | 'VERSION_SWITCH';

/** The running tasks of a dataset that `runningTasks` found (`exist_running_task`, `running_tasks_id`). */
export type ModelArtsRunningTasks = {
  __typename?: 'ModelArtsRunningTasks';
  /** Whether any task of the asked kind is running or initialising. */
  exists: Scalars['Boolean']['output'];
  /** Their ids. */
  taskIds: Array<Scalars['String']['output']>;
};

/** A ModelArts dataset's sample counts (a count the backend omits is 0). */
export type ModelArtsSampleCounts = {
  __typename?: 'ModelArtsSampleCounts';
  /** Annotated samples (`annotated_sample_count`). */
  annotated: Scalars['Int']['output'];
  /** Annotated subsamples (`annotated_sub_sample_count`). */
  annotatedSub: Scalars['Int']['output'];
  /** Deleted samples (`deleted_sample_count`). */
  deleted: Scalars['Int']['output'];
  /** Samples still loading (`loading_sample_count`). */
  loading: Scalars['Int']['output'];
  /** Every sample (`total_sample_count`). */
  total: Scalars['Int']['output'];
  /** Subsamples made from the samples, such as video frames (`total_sub_sample_count`). */
  totalSub: Scalars['Int']['output'];
  /** Samples whose annotation waits for confirmation (`unconfirmed_sample_count`). */
  unconfirmed: Scalars['Int']['output'];
};

/** A sample state (`sample_state`), as an export filter. */
export type ModelArtsSampleState =
  /** `__ACCEPTED__`: accepted. */
  | 'ACCEPTED'
  /** `__ALL__`: labeled. */
  | 'ALL'
  /** `__AUTO_ANNOTATION__`: auto-labeled, waiting for confirmation. */
  | 'AUTO_ANNOTATION'
  /** `__NONE__`: not labeled. */
  | 'NONE'
  /** `__REJECTED__`: rejected. */
  | 'REJECTED'
  /** `__REVIEWED__`: reviewed. */
  | 'REVIEWED'
  /** `__UNCHECK__`: waiting for acceptance. */
  | 'UNCHECK'
  /** A state the gateway does not know (output only; not accepted as input). */
  | 'UNKNOWN'
  /** `__UNREVIEWED__`: waiting for review. */
  | 'UNREVIEWED'
  /** `__WORKFORCE_SAMPLED__`: sampled. */
  | 'WORKFORCE_SAMPLED'
  /** `__WORKFORCE_SAMPLED_ACCEPTED__`: sampled, accepted. */
  | 'WORKFORCE_SAMPLED_ACCEPTED'
  /** `__WORKFORCE_SAMPLED_CHECKED__`: sampled, checked. */
  | 'WORKFORCE_SAMPLED_CHECKED'
  /** `__WORKFORCE_SAMPLED_REJECTED__`: sampled, rejected. */
  | 'WORKFORCE_SAMPLED_REJECTED'
  /** `__WORKFORCE_SAMPLED_UNCHECK__`: sampled, waiting for acceptance. */
  | 'WORKFORCE_SAMPLED_UNCHECK';

/** A column of a table dataset (`schema`). */
export type ModelArtsSchemaColumn = {
  __typename?: 'ModelArtsSchemaColumn';
  /** The column's description. */
  description?: Maybe<Scalars['String']['output']>;
  /** The column's name. */
  name?: Maybe<Scalars['String']['output']>;
  /** The column's id (`schema_id`). */
  schemaId?: Maybe<Scalars['Int']['output']>;
  /** The column's value type (for example `STRING`). */
  type?: Maybe<Scalars['String']['output']>;
};

/** A column mapping of a table data source. */
export type ModelArtsSchemaMap = {
  __typename?: 'ModelArtsSchemaMap';
  /** The dataset column (`dest_name`). */
  destinationName?: Maybe<Scalars['String']['output']>;
  /** The source column (`src_name`). */
  sourceName?: Maybe<Scalars['String']['output']>;
};

/** A search condition of an export (`search_conditions`); every field is as ModelArts wrote it. */
export type ModelArtsSearchCondition = {
  __typename?: 'ModelArtsSearchCondition';
  /** By difficulty coefficient (`coefficient`). */
  coefficient?: Maybe<Scalars['String']['output']>;
  /** A video frame (`frame_in_video`). */
  frameInVideo?: Maybe<Scalars['Int']['output']>;
  /** Hard samples (`1`) or the others (`0`) (`hard`). */
  hard?: Maybe<Scalars['String']['output']>;
  /** By data source (`import_origin`). */
  importOrigin?: Maybe<Scalars['String']['output']>;
  /** By CT dosage (`kvp`). */
  kvp?: Maybe<Scalars['String']['output']>;
  /** By labels (`label_list`). */
  labelList?: Maybe<ModelArtsSearchLabels>;
  /** By labeler (`labeler`). */
  labeler?: Maybe<Scalars['String']['output']>;
  /** By sample attributes (`metadata`). */
  metadata?: Maybe<ModelArtsSearchProperties>;
  /** By parent sample (`parent_sample_id`). */
  parentSampleId?: Maybe<Scalars['String']['output']>;
  /** By the directory samples lie in (`sample_dir`). */
  sampleDir?: Maybe<Scalars['String']['output']>;
  /** By sample name, extension included (`sample_name`). */
  sampleName?: Maybe<Scalars['String']['output']>;
  /** By the day the sample was last changed on OBS (`sample_time`). */
  sampleTime?: Maybe<Scalars['String']['output']>;
  /** By confidence (`score`). */
  score?: Maybe<Scalars['String']['output']>;
  /** By DICOM slice thickness (`slice_thickness`). */
  sliceThickness?: Maybe<Scalars['String']['output']>;
  /** By DICOM study date (`study_date`). */
  studyDate?: Maybe<Scalars['String']['output']>;
  /** A time point in a video (`time_in_video`). */
  timeInVideo?: Maybe<Scalars['String']['output']>;
};

/** A search condition of an export: a sample matches when it matches every field given. */
export type ModelArtsSearchConditionInput = {
  /** By difficulty coefficient (`coefficient`). */
  coefficient?: InputMaybe<Scalars['String']['input']>;
  /** A video frame (`frame_in_video`), 0 or more. */
  frameInVideo?: InputMaybe<Scalars['Int']['input']>;
  /** Hard samples (true) or the others (false) (`hard`: `1`, `0`). */
  hard?: InputMaybe<Scalars['Boolean']['input']>;
  /** By data source (`import_origin`). */
  importOrigin?: InputMaybe<Scalars['String']['input']>;
  /** By CT dosage (`kvp`). */
  kvp?: InputMaybe<Scalars['String']['input']>;
  /** By labels (`label_list`). */
  labelList?: InputMaybe<ModelArtsSearchLabelsInput>;
  /** By labeler (`labeler`). */
  labeler?: InputMaybe<Scalars['String']['input']>;
  /** By sample attributes (`metadata`). */
  metadata?: InputMaybe<ModelArtsSearchPropertiesInput>;
  /** By parent sample (`parent_sample_id`). */
  parentSampleId?: InputMaybe<Scalars['String']['input']>;
  /** By the directory samples lie in, ending with `/` (`sample_dir`). */
  sampleDir?: InputMaybe<Scalars['String']['input']>;
  /** By sample name, extension included (`sample_name`). */
  sampleName?: InputMaybe<Scalars['String']['input']>;
  /** By the day the sample was last changed on OBS (`sample_time`). */
  sampleTime?: InputMaybe<Scalars['String']['input']>;
  /** By confidence (`score`). */
  score?: InputMaybe<Scalars['String']['input']>;
  /** By DICOM slice thickness (`slice_thickness`). */
  sliceThickness?: InputMaybe<Scalars['String']['input']>;
  /** By DICOM study date (`study_date`). */
  studyDate?: InputMaybe<Scalars['String']['input']>;
  /** A time point in a video (`time_in_video`). */
  timeInVideo?: InputMaybe<Scalars['String']['input']>;
};

/** One label criterion. */
export type ModelArtsSearchLabel = {
  __typename?: 'ModelArtsSearchLabel';
  /** The label's name. */
  name?: Maybe<Scalars['String']['output']>;
  /** How its properties combine (raw `op`). */
  op?: Maybe<Scalars['String']['output']>;
  /** The label properties searched for (`property`: names to value lists). */
  property?: Maybe<Scalars['JSONObject']['output']>;
  /** The label's type; null when the criterion does not say. */
  type?: Maybe<ModelArtsLabelType>;
  /** The raw `type` code. */
  typeCode?: Maybe<Scalars['Int']['output']>;
};

/** One label criterion. */
export type ModelArtsSearchLabelInput = {
  /** The label's name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** How its properties combine. */
  op?: InputMaybe<ModelArtsSearchOperator>;
  /** Label properties to match: an object of property names to lists of strings. */
  property?: InputMaybe<Scalars['JSONObject']['input']>;
  /** The label's type. `UNKNOWN` is refused. */
  type?: InputMaybe<ModelArtsLabelType>;
};

/** The label criteria of a search condition (`label_list`). */
export type ModelArtsSearchLabels = {
  __typename?: 'ModelArtsSearchLabels';
  /** The criteria. */
  labels: Array<ModelArtsSearchLabel>;
  /** How they combine (raw `op`: `AND`, `OR`). */
  op?: Maybe<Scalars['String']['output']>;
};

/** The label criteria of a search condition. */
export type ModelArtsSearchLabelsInput = {
  /** The criteria (at least one). */
  labels: Array<ModelArtsSearchLabelInput>;
  /** How they combine; required with more than one criterion (the API says so). */
  op?: InputMaybe<ModelArtsSearchOperator>;
};

/** How the criteria of a search combine (`op`). */
export type ModelArtsSearchOperator =
  /** `AND`: all of them. */
  | 'AND'
  /** `OR`: any of them. */
  | 'OR';

/** The sample-attribute criteria of a search condition (`metadata`). */
export type ModelArtsSearchProperties = {
  __typename?: 'ModelArtsSearchProperties';
  /** How they combine (raw `op`). */
  op?: Maybe<Scalars['String']['output']>;
  /** The attributes searched for (`props`: names to value lists). */
  props?: Maybe<Scalars['JSONObject']['output']>;
};

/** The sample-attribute criteria of a search condition. */
export type ModelArtsSearchPropertiesInput = {
  /** How they combine. */
  op?: InputMaybe<ModelArtsSearchOperator>;
  /** Attributes to match: an object of attribute names to lists of strings. */
  props?: InputMaybe<Scalars['JSONObject']['input']>;
};

/**
 * What importing a table data source needs (`source_info`). Its `user_password` is never exposed: the gateway does
 * not hand out credentials.
 */
export type ModelArtsSourceInfo = {
  __typename?: 'ModelArtsSourceInfo';
  /** The MRS cluster's id. */
  clusterId?: Maybe<Scalars['String']['output']>;
  /** The MRS cluster's running mode. */
  clusterMode?: Maybe<Scalars['String']['output']>;
  /** The MRS cluster's name. */
  clusterName?: Maybe<Scalars['String']['output']>;
  /** The database the table is imported from. */
  databaseName?: Maybe<Scalars['String']['output']>;
  /** The HDFS path of the table. */
  input?: Maybe<Scalars['String']['output']>;
  /** The GaussDB(DWS) cluster's address. */
  ip?: Maybe<Scalars['String']['output']>;
  /** The GaussDB(DWS) cluster's port. */
  port?: Maybe<Scalars['String']['output']>;
  /** The DLI queue. */
  queueName?: Maybe<Scalars['String']['output']>;
  /** The MRS cluster's subnet. */
  subnetId?: Maybe<Scalars['String']['output']>;
  /** The table. */
  tableName?: Maybe<Scalars['String']['output']>;
  /** The GaussDB(DWS) user. */
  userName?: Maybe<Scalars['String']['output']>;
  /** The MRS cluster's VPC. */
  vpcId?: Maybe<Scalars['String']['output']>;
};

/** The OBS path prefix written into exported label files (`source_type_header`). */
export type ModelArtsSourceTypeHeader =
  /** `obs://` (ModelArts's default). */
  | 'OBS'
  /** `s3://` (for training code that cannot read `obs://` paths). */
  | 'S3';

/** A dataset's team labelling (`workforce_descriptor`). */
export type ModelArtsTeamLabeling = {
  __typename?: 'ModelArtsTeamLabeling';
  /** The team labelling task's id (`current_task_id`). */
  currentTaskId?: Maybe<Scalars['String']['output']>;
  /** The team labelling task's name (`current_task_name`). */
  currentTaskName?: Maybe<Scalars['String']['output']>;
  /** Rejected samples (`reject_num`). */
  rejectedCount?: Maybe<Scalars['Int']['output']>;
  /** How many members label each sample (`repetition`). */
  repetition?: Maybe<Scalars['Int']['output']>;
  /** Whether auto-labeling results are synchronised to the team (`is_synchronize_auto_labeling_data`). */
  synchronizesAutoLabelingData?: Maybe<Scalars['Boolean']['output']>;
  /** Whether new data is synchronised to the team (`is_synchronize_data`). */
  synchronizesData?: Maybe<Scalars['Boolean']['output']>;
  /** The team's members. */
  workers: Array<ModelArtsWorker>;
  /** The team's id. */
  workforceId?: Maybe<Scalars['String']['output']>;
  /** The team's name. */
  workforceName?: Maybe<Scalars['String']['output']>;
};

/** A dataset version format (`version_format`, `export_dataset_version_format`). */
export type ModelArtsVersionFormat =
  /** `CarbonData` (table datasets only). */
  | 'CARBON_DATA'
  /** `CSV`. */
  | 'CSV'
  /** `Default`. */
  | 'DEFAULT';

/** A dataset version's `status` (the raw code is beside it as `statusCode`). */
export type ModelArtsVersionStatus =
  /** 4: abnormal. */
  | 'ABNORMAL'
  /** 0: being created. */
  | 'CREATING'
  /** 3: deleted. */
  | 'DELETED'
  /** 2: being deleted. */
  | 'DELETING'
  /** 1: normal. */
  | 'NORMAL'
  /** A code the gateway does not know (or none): read the raw code. */
  | 'UNKNOWN';

/** Where a dataset's output directory lives (`work_path_type`; the raw code is beside it as `workPathTypeCode`). */
export type ModelArtsWorkPathType =
  /** 0: an OBS bucket. */
  | 'OBS'
  /** A code the gateway does not know (or none): read the raw code. */
  | 'UNKNOWN';

/** A member of a labelling team. */
export type ModelArtsWorker = {
  __typename?: 'ModelArtsWorker';
  /** When the member was added; null when absent. */
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  /** The description. */
  description?: Maybe<Scalars['String']['output']>;
  /** The member's email address. */
  email?: Maybe<Scalars['String']['output']>;
  /** The member's role. */
  role: ModelArtsWorkerRole;
  /** The raw `role` code. */
  roleCode?: Maybe<Scalars['Int']['output']>;
  /** The member's invitation and login status. */
  status: ModelArtsWorkerStatus;
  /** The raw `status` code. */
  statusCode?: Maybe<Scalars['Int']['output']>;
  /** When the member last changed; null when absent. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The member's id (`worker_id`). */
  workerId?: Maybe<Scalars['String']['output']>;
  /** The team's id. */
  workforceId?: Maybe<Scalars['String']['output']>;
};

/** A labelling team member's `role` (the raw code is beside it as `roleCode`). */
export type ModelArtsWorkerRole =
  /** 3: owns the dataset. */
  | 'DATASET_OWNER'
  /** 0: labels samples. */
  | 'LABELER'
  /** 1: reviews labels. */
  | 'REVIEWER'
  /** 2: manages the team. */
  | 'TEAM_MANAGER'
  /** A code the gateway does not know (or none): read the raw code. */
  | 'UNKNOWN';

/** A labelling team member's `status`: their invitation and login (the raw code is beside it as `statusCode`). */
export type ModelArtsWorkerStatus =
  /** 3: removed from the team. */
  | 'DELETED'
  /** 1: invited, never logged in. */
  | 'INVITED'
  /** 2: has logged in. */
  | 'LOGGED_IN'
  /** 0: no invitation email sent yet. */
  | 'NOT_INVITED'
  /** A code the gateway does not know (or none): read the raw code. */
  | 'UNKNOWN';

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
  /** When `FAILED`: `status.reason` (or the status message when the job gives no reason); null otherwise. */
  failureReason?: Maybe<Scalars['String']['output']>;
  /** The global id. */
  id: Scalars['ID']['output'];
  /** `status.items.delivered`: items whose results were delivered. */
  itemsDone?: Maybe<Scalars['Int']['output']>;
  /**
   * `status.items.failedDeliver`: an item that fails at any stage also counts as failed at every later one, so this
   * counts each failed item once (the counter the progress formula adds to `delivered`).
   */
  itemsFailed?: Maybe<Scalars['Int']['output']>;
  /**
   * The dataset's `itemCount` (null while it is not counted, or when the dataset no longer exists); for a finished job,
   * `delivered + failedDeliver`, without reading the dataset.
   */
  itemsTotal?: Maybe<Scalars['Int']['output']>;
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
   * How many jobs each platform holds in each state (only states with at least one job), for every platform the
   * request has credentials for (or only `provider`'s), ordered by provider and then by state.
   *
   * Cost and freshness: computed on each request from the same walk as `jobs { totalCount }` (no platform offers a
   * count by state): for each platform, its whole job list, one call per 1000 jobs (Nexus, Graviti), or for ModelArts
   * `1 + D` calls for `D` datasets (within `MODELARTS_JOBS_MAX_DATASETS`). Nothing is cached: the counts are as fresh
   * as the request. When one platform of several fails, the others' counts still come back, with one error per failed
   * platform at this field's path.
   */
  jobCounts: Array<JobStateCount>;
  /**
   * Jobs of every platform the request has credentials for (or only `provider`'s), newest first, ties broken by
   * provider and then by the platform's own id; optionally only those in the given states and/or over one dataset
   * (`datasetId`, global or upstream id: only that dataset's platform is asked). Pass `first` (with `after`) or `last`
   * (with `before`), 1 to 100; without either, the first 20. When one platform of several fails, the others' jobs
   * still come back, with one error per failed platform at this field's path (its usual code, and
   * `extensions.provider`); when every platform fails, the field is null with the first error.
   *
   * Cost: a page from a cursor reads each platform from where the cursor left it (a merged list's cursor carries
   * each platform's position), forwards or backwards: at most 2 list calls per platform, bytes about a page's worth.
   *
   * ModelArts cost: it has no list of every export task of a project, so without `datasetId` the gateway reads the
   * project's datasets (1 call, once per request) and each dataset's export tasks in reads sized to the page: a
   * first page, and a backward page, cost `1 + D` calls for `D` datasets (2 for a dataset whose position lies
   * between two reads); a forward page from a cursor reads only the `L` datasets that still hold tasks past it (`L`
   * to `2L` calls, no dataset list). With `totalCount`, each dataset is read from its start, 100 tasks a call. A
   * project with more datasets than `MODELARTS_JOBS_MAX_DATASETS` (default 30) is not scanned: the ModelArts part
   * fails with `BAD_USER_INPUT` saying so. With a ModelArts `datasetId` it is 1 call per 100 tasks.
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
export type QueryJobCountsArgs = {
  provider?: InputMaybe<Provider>;
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

/**
 * Live updates, over graphql-ws or GraphQL over SSE. A subscription that ends because what it watches reached its
 * terminal state completes after that last value; an end for any other reason is a last result whose error has code
 * `SUBSCRIPTION_ENDED`, `extensions.reason` (`MAX_LIFETIME`: an SSE stream lived `SUBSCRIPTION_MAX_LIFETIME_MS`;
 * `INTERRUPTED`; `DELIVERY_FAILED`) and `extensions.retryAfterSeconds` (0: subscribe again now), or the upstream's
 * own code (`FORBIDDEN`, `NOT_FOUND`, `UPSTREAM_UNAVAILABLE`, …).
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** A dataset: sent at once, then on every status change; completes at `Uploaded` or a failure. */
  datasetUpdated: Dataset;
  /**
   * First page of the filtered jobs list, sent at once and again on every change (added/removed job, state, progress
   * or message changed), in the list's order. Arguments as `jobs(first, provider, state, datasetId)` (`first` 1 to
   * 100, default 20). One watch per tenant, credentials and filter reads the page every `POLL_INTERVAL_MS` (growing
   * to `POLL_MAX_INTERVAL_MS` while it does not change), however many clients watch it: per interval, what that
   * `jobs` page costs, plus one read of each dataset an unfinished job on it runs over. Never completes by itself;
   * it ends with a last error coded `SUBSCRIPTION_ENDED` (see `Subscription`). `totalCount` is not counted in it.
   * Over several platforms, one that is down, slow or rate limiting leaves its jobs off the messages, each of which
   * then has one error at this field naming it (`extensions.provider`), as in `jobs`; all of them out ends it.
   */
  jobListUpdated: JobListUpdate;
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


/**
 * Live updates, over graphql-ws or GraphQL over SSE. A subscription that ends because what it watches reached its
 * terminal state completes after that last value; an end for any other reason is a last result whose error has code
 * `SUBSCRIPTION_ENDED`, `extensions.reason` (`MAX_LIFETIME`: an SSE stream lived `SUBSCRIPTION_MAX_LIFETIME_MS`;
 * `INTERRUPTED`; `DELIVERY_FAILED`) and `extensions.retryAfterSeconds` (0: subscribe again now), or the upstream's
 * own code (`FORBIDDEN`, `NOT_FOUND`, `UPSTREAM_UNAVAILABLE`, …).
 */
export type SubscriptionDatasetUpdatedArgs = {
  id: Scalars['ID']['input'];
};


/**
 * Live updates, over graphql-ws or GraphQL over SSE. A subscription that ends because what it watches reached its
 * terminal state completes after that last value; an end for any other reason is a last result whose error has code
 * `SUBSCRIPTION_ENDED`, `extensions.reason` (`MAX_LIFETIME`: an SSE stream lived `SUBSCRIPTION_MAX_LIFETIME_MS`;
 * `INTERRUPTED`; `DELIVERY_FAILED`) and `extensions.retryAfterSeconds` (0: subscribe again now), or the upstream's
 * own code (`FORBIDDEN`, `NOT_FOUND`, `UPSTREAM_UNAVAILABLE`, …).
 */
export type SubscriptionJobListUpdatedArgs = {
  datasetId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  provider?: InputMaybe<Provider>;
  state?: InputMaybe<Array<JobState>>;
};


/**
 * Live updates, over graphql-ws or GraphQL over SSE. A subscription that ends because what it watches reached its
 * terminal state completes after that last value; an end for any other reason is a last result whose error has code
 * `SUBSCRIPTION_ENDED`, `extensions.reason` (`MAX_LIFETIME`: an SSE stream lived `SUBSCRIPTION_MAX_LIFETIME_MS`;
 * `INTERRUPTED`; `DELIVERY_FAILED`) and `extensions.retryAfterSeconds` (0: subscribe again now), or the upstream's
 * own code (`FORBIDDEN`, `NOT_FOUND`, `UPSTREAM_UNAVAILABLE`, …).
 */
export type SubscriptionJobLogAddedArgs = {
  jobId: Scalars['ID']['input'];
  minLevel?: InputMaybe<LogLevel>;
};


/**
 * Live updates, over graphql-ws or GraphQL over SSE. A subscription that ends because what it watches reached its
 * terminal state completes after that last value; an end for any other reason is a last result whose error has code
 * `SUBSCRIPTION_ENDED`, `extensions.reason` (`MAX_LIFETIME`: an SSE stream lived `SUBSCRIPTION_MAX_LIFETIME_MS`;
 * `INTERRUPTED`; `DELIVERY_FAILED`) and `extensions.retryAfterSeconds` (0: subscribe again now), or the upstream's
 * own code (`FORBIDDEN`, `NOT_FOUND`, `UPSTREAM_UNAVAILABLE`, …).
 */
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
  JobListUpdate: ResolverTypeWrapper<Omit<JobListUpdate, 'jobs'> & { jobs: ResolversTypes['JobConnection'] }>;
  JobState: JobState;
  JobStateCount: ResolverTypeWrapper<JobStateCount>;
  LogLevel: LogLevel;
  ModelArtsAnnotationFormat: ModelArtsAnnotationFormat;
  ModelArtsDataSource: ResolverTypeWrapper<ModelArtsDataSourceParent>;
  ModelArtsDataSourceType: ModelArtsDataSourceType;
  ModelArtsDataset: ResolverTypeWrapper<ModelArtsDatasetParent>;
  ModelArtsDatasetFormat: ModelArtsDatasetFormat;
  ModelArtsDatasetStatus: ModelArtsDatasetStatus;
  ModelArtsDatasetType: ModelArtsDatasetType;
  ModelArtsDatasetVersion: ResolverTypeWrapper<ModelArtsWireObjectParent>;
  ModelArtsExportDestination: ModelArtsExportDestination;
  ModelArtsExportFormat: ModelArtsExportFormat;
  ModelArtsExportParams: ResolverTypeWrapper<ModelArtsExportParamsParent>;
  ModelArtsExportTask: ResolverTypeWrapper<ModelArtsExportTaskParent>;
  ModelArtsExportTaskConnection: ResolverTypeWrapper<ModelArtsExportTaskConnectionParent>;
  ModelArtsExportTaskEdge: ResolverTypeWrapper<Omit<ModelArtsExportTaskEdge, 'node'> & { node: ResolversTypes['ModelArtsExportTask'] }>;
  ModelArtsExportTaskStatus: ModelArtsExportTaskStatus;
  ModelArtsExportType: ModelArtsExportType;
  ModelArtsLabel: ResolverTypeWrapper<ModelArtsLabelParent>;
  ModelArtsLabelAttribute: ResolverTypeWrapper<ModelArtsWireObjectParent>;
  ModelArtsLabelAttributeValue: ResolverTypeWrapper<ModelArtsWireObjectParent>;
  ModelArtsLabelStats: ResolverTypeWrapper<ModelArtsWireObjectParent>;
  ModelArtsLabelType: ModelArtsLabelType;
  ModelArtsRunningTaskType: ModelArtsRunningTaskType;
  ModelArtsRunningTasks: ResolverTypeWrapper<ModelArtsRunningTasks>;
  ModelArtsSampleCounts: ResolverTypeWrapper<ModelArtsSampleCountsParent>;
  ModelArtsSampleState: ModelArtsSampleState;
  ModelArtsSchemaColumn: ResolverTypeWrapper<ModelArtsWireObjectParent>;
  ModelArtsSchemaMap: ResolverTypeWrapper<ModelArtsWireObjectParent>;
  ModelArtsSearchCondition: ResolverTypeWrapper<ModelArtsWireObjectParent>;
  ModelArtsSearchConditionInput: ModelArtsSearchConditionInput;
  ModelArtsSearchLabel: ResolverTypeWrapper<ModelArtsWireObjectParent>;
  ModelArtsSearchLabelInput: ModelArtsSearchLabelInput;
  ModelArtsSearchLabels: ResolverTypeWrapper<ModelArtsWireObjectParent>;
  ModelArtsSearchLabelsInput: ModelArtsSearchLabelsInput;
  ModelArtsSearchOperator: ModelArtsSearchOperator;
  ModelArtsSearchProperties: ResolverTypeWrapper<ModelArtsWireObjectParent>;
  ModelArtsSearchPropertiesInput: ModelArtsSearchPropertiesInput;
  ModelArtsSourceInfo: ResolverTypeWrapper<ModelArtsWireObjectParent>;
  ModelArtsSourceTypeHeader: ModelArtsSourceTypeHeader;
  ModelArtsTeamLabeling: ResolverTypeWrapper<ModelArtsWireObjectParent>;
  ModelArtsVersionFormat: ModelArtsVersionFormat;
  ModelArtsVersionStatus: ModelArtsVersionStatus;
  ModelArtsWorkPathType: ModelArtsWorkPathType;
  ModelArtsWorker: ResolverTypeWrapper<ModelArtsWireObjectParent>;
  ModelArtsWorkerRole: ModelArtsWorkerRole;
  ModelArtsWorkerStatus: ModelArtsWorkerStatus;
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
  JobListUpdate: Omit<JobListUpdate, 'jobs'> & { jobs: ResolversParentTypes['JobConnection'] };
  JobStateCount: JobStateCount;
  ModelArtsDataSource: ModelArtsDataSourceParent;
  ModelArtsDataset: ModelArtsDatasetParent;
  ModelArtsDatasetVersion: ModelArtsWireObjectParent;
  ModelArtsExportParams: ModelArtsExportParamsParent;
  ModelArtsExportTask: ModelArtsExportTaskParent;
  ModelArtsExportTaskConnection: ModelArtsExportTaskConnectionParent;
  ModelArtsExportTaskEdge: Omit<ModelArtsExportTaskEdge, 'node'> & { node: ResolversParentTypes['ModelArtsExportTask'] };
  ModelArtsLabel: ModelArtsLabelParent;
  ModelArtsLabelAttribute: ModelArtsWireObjectParent;
  ModelArtsLabelAttributeValue: ModelArtsWireObjectParent;
  ModelArtsLabelStats: ModelArtsWireObjectParent;
  ModelArtsRunningTasks: ModelArtsRunningTasks;
  ModelArtsSampleCounts: ModelArtsSampleCountsParent;
  ModelArtsSchemaColumn: ModelArtsWireObjectParent;
  ModelArtsSchemaMap: ModelArtsWireObjectParent;
  ModelArtsSearchCondition: ModelArtsWireObjectParent;
  ModelArtsSearchConditionInput: ModelArtsSearchConditionInput;
  ModelArtsSearchLabel: ModelArtsWireObjectParent;
  ModelArtsSearchLabelInput: ModelArtsSearchLabelInput;
  ModelArtsSearchLabels: ModelArtsWireObjectParent;
  ModelArtsSearchLabelsInput: ModelArtsSearchLabelsInput;
  ModelArtsSearchProperties: ModelArtsWireObjectParent;
  ModelArtsSearchPropertiesInput: ModelArtsSearchPropertiesInput;
  ModelArtsSourceInfo: ModelArtsWireObjectParent;
  ModelArtsTeamLabeling: ModelArtsWireObjectParent;
  ModelArtsWorker: ModelArtsWireObjectParent;
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

export type JobListUpdateResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['JobListUpdate'] = ResolversParentTypes['JobListUpdate']> = {
  added?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  changed?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  jobs?: Resolver<ResolversTypes['JobConnection'], ParentType, ContextType>;
  removed?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type JobStateCountResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['JobStateCount'] = ResolversParentTypes['JobStateCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['JobState'], ParentType, ContextType>;
};

export type ModelArtsDataSourceResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsDataSource'] = ResolversParentTypes['ModelArtsDataSource']> = {
  dataType?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  path?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  schemaMaps?: Resolver<Array<ResolversTypes['ModelArtsSchemaMap']>, ParentType, ContextType>;
  sourceInfo?: Resolver<Maybe<ResolversTypes['ModelArtsSourceInfo']>, ParentType, ContextType>;
  sourceType?: Resolver<ResolversTypes['ModelArtsDataSourceType'], ParentType, ContextType>;
  withColumnHeader?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type ModelArtsDatasetResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsDataset'] = ResolversParentTypes['ModelArtsDataset']> = {
  contentLabeling?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currentVersionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  currentVersionName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dataFormat?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dataSources?: Resolver<Array<ResolversTypes['ModelArtsDataSource']>, ParentType, ContextType>;
  dataStatistics?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  dataUpdatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  datasetFormat?: Resolver<ResolversTypes['ModelArtsDatasetFormat'], ParentType, ContextType>;
  datasetFormatCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  datasetStatus?: Resolver<ResolversTypes['ModelArtsDatasetStatus'], ParentType, ContextType>;
  datasetStatusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  datasetType?: Resolver<ResolversTypes['ModelArtsDatasetType'], ParentType, ContextType>;
  datasetTypeCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  deletionStats?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enterpriseProjectId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  exportTasks?: Resolver<Maybe<ResolversTypes['ModelArtsExportTaskConnection']>, ParentType, ContextType, Partial<ModelArtsDatasetExportTasksArgs>>;
  featureSupports?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  hasTeamLabelingTask?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  importData?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  importTaskId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  innerAnnotationPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  innerDataPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  innerLogPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  innerTaskPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  innerTempPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  innerWorkPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  labelTaskCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['ModelArtsLabel']>, ParentType, ContextType>;
  managed?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  modelArtsId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nextVersionNumber?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  projectId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  runningTasks?: Resolver<Maybe<ResolversTypes['ModelArtsRunningTasks']>, ParentType, ContextType, Partial<ModelArtsDatasetRunningTasksArgs>>;
  samples?: Resolver<ResolversTypes['ModelArtsSampleCounts'], ParentType, ContextType>;
  schema?: Resolver<Array<ResolversTypes['ModelArtsSchemaColumn']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['DatasetState'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  teamLabeling?: Resolver<Maybe<ResolversTypes['ModelArtsTeamLabeling']>, ParentType, ContextType>;
  teamLabelingTaskCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  thirdPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  versionCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versions?: Resolver<Array<ResolversTypes['ModelArtsDatasetVersion']>, ParentType, ContextType>;
  workPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  workPathType?: Resolver<ResolversTypes['ModelArtsWorkPathType'], ParentType, ContextType>;
  workPathTypeCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  workspaceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ModelArtsDatasetVersionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsDatasetVersion'] = ResolversParentTypes['ModelArtsDatasetVersion']> = {
  addedSampleCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  annotatedSampleCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  annotatedSubSampleCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  clearHardProperty?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  code?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  crop?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  cropPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cropRotateCachePath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dataPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dataStatistics?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  dataValidate?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  deletedSampleCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  deletionStats?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  exportImages?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  extractSerialNumber?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  includeDatasetData?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  isCurrent?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  labelStats?: Resolver<Array<ResolversTypes['ModelArtsLabelStats']>, ParentType, ContextType>;
  labelType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  manifestCacheInputPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  manifestPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  modifiedSampleCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  previousAnnotatedSampleCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  previousTotalSampleCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  previousVersionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  processorTaskId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  processorTaskStatus?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  removeSampleUsage?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  rotate?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  rotatePath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sampleState?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ModelArtsVersionStatus'], ParentType, ContextType>;
  statusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  taskType?: Resolver<ResolversTypes['ModelArtsDatasetType'], ParentType, ContextType>;
  taskTypeCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  totalSampleCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  totalSubSampleCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  trainEvaluateSampleRatio?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  versionFormat?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  versionId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  withColumnHeader?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
};

export type ModelArtsExportParamsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsExportParams'] = ResolversParentTypes['ModelArtsExportParams']> = {
  clearDifficult?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  clearHardProperty?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  destination?: Resolver<ResolversTypes['ModelArtsExportDestination'], ParentType, ContextType>;
  newDatasetName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  newDatasetWorkPath?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ratioSampleUsage?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  rawDestination?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sampleState?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  samples?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  searchConditions?: Resolver<Maybe<Array<ResolversTypes['ModelArtsSearchCondition']>>, ParentType, ContextType>;
  trainSampleRatio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  versionFormat?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  versionName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ModelArtsExportTaskResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsExportTask'] = ResolversParentTypes['ModelArtsExportTask']> = {
  annotationFormat?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataset?: Resolver<Maybe<ResolversTypes['ModelArtsDataset']>, ParentType, ContextType>;
  datasetId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  datasetTypeCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errorMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  exportFormat?: Resolver<ResolversTypes['ModelArtsExportFormat'], ParentType, ContextType>;
  exportFormatCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  exportParams?: Resolver<ResolversTypes['ModelArtsExportParams'], ParentType, ContextType>;
  exportStatus?: Resolver<ResolversTypes['ModelArtsExportTaskStatus'], ParentType, ContextType>;
  exportType?: Resolver<ResolversTypes['ModelArtsExportType'], ParentType, ContextType>;
  exportTypeCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedSampleCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemsDone?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  itemsFailed?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  itemsTotal?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  modelArtsId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  progressPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['Provider'], ParentType, ContextType>;
  rawStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sampleState?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceTypeHeader?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['JobState'], ParentType, ContextType>;
  totalSampleCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  versionFormat?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  versionId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  withColumnHeader?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
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
  attributes?: Resolver<Array<ResolversTypes['ModelArtsLabelAttribute']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  property?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ModelArtsLabelType'], ParentType, ContextType>;
  typeCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ModelArtsLabelAttributeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsLabelAttribute'] = ResolversParentTypes['ModelArtsLabelAttribute']> = {
  defaultValue?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['ModelArtsLabelAttributeValue']>, ParentType, ContextType>;
};

export type ModelArtsLabelAttributeValueResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsLabelAttributeValue'] = ResolversParentTypes['ModelArtsLabelAttributeValue']> = {
  id?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ModelArtsLabelStatsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsLabelStats'] = ResolversParentTypes['ModelArtsLabelStats']> = {
  attributes?: Resolver<Array<ResolversTypes['ModelArtsLabelAttribute']>, ParentType, ContextType>;
  count?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  property?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  sampleCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ModelArtsLabelType'], ParentType, ContextType>;
  typeCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ModelArtsRunningTasksResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsRunningTasks'] = ResolversParentTypes['ModelArtsRunningTasks']> = {
  exists?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  taskIds?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ModelArtsSampleCountsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsSampleCounts'] = ResolversParentTypes['ModelArtsSampleCounts']> = {
  annotated?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  annotatedSub?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  loading?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  totalSub?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unconfirmed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ModelArtsSchemaColumnResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsSchemaColumn'] = ResolversParentTypes['ModelArtsSchemaColumn']> = {
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  schemaId?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ModelArtsSchemaMapResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsSchemaMap'] = ResolversParentTypes['ModelArtsSchemaMap']> = {
  destinationName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sourceName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ModelArtsSearchConditionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsSearchCondition'] = ResolversParentTypes['ModelArtsSearchCondition']> = {
  coefficient?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  frameInVideo?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  hard?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  importOrigin?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kvp?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  labelList?: Resolver<Maybe<ResolversTypes['ModelArtsSearchLabels']>, ParentType, ContextType>;
  labeler?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  metadata?: Resolver<Maybe<ResolversTypes['ModelArtsSearchProperties']>, ParentType, ContextType>;
  parentSampleId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sampleDir?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sampleName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sampleTime?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  score?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  sliceThickness?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  studyDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timeInVideo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ModelArtsSearchLabelResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsSearchLabel'] = ResolversParentTypes['ModelArtsSearchLabel']> = {
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  op?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  property?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
  type?: Resolver<Maybe<ResolversTypes['ModelArtsLabelType']>, ParentType, ContextType>;
  typeCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ModelArtsSearchLabelsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsSearchLabels'] = ResolversParentTypes['ModelArtsSearchLabels']> = {
  labels?: Resolver<Array<ResolversTypes['ModelArtsSearchLabel']>, ParentType, ContextType>;
  op?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ModelArtsSearchPropertiesResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsSearchProperties'] = ResolversParentTypes['ModelArtsSearchProperties']> = {
  op?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  props?: Resolver<Maybe<ResolversTypes['JSONObject']>, ParentType, ContextType>;
};

export type ModelArtsSourceInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsSourceInfo'] = ResolversParentTypes['ModelArtsSourceInfo']> = {
  clusterId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clusterMode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clusterName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  databaseName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  input?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ip?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  port?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  queueName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subnetId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tableName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  vpcId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ModelArtsTeamLabelingResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsTeamLabeling'] = ResolversParentTypes['ModelArtsTeamLabeling']> = {
  currentTaskId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  currentTaskName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rejectedCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  repetition?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  synchronizesAutoLabelingData?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  synchronizesData?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  workers?: Resolver<Array<ResolversTypes['ModelArtsWorker']>, ParentType, ContextType>;
  workforceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  workforceName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ModelArtsWorkerResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ModelArtsWorker'] = ResolversParentTypes['ModelArtsWorker']> = {
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['ModelArtsWorkerRole'], ParentType, ContextType>;
  roleCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ModelArtsWorkerStatus'], ParentType, ContextType>;
  statusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  workerId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  workforceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
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
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  itemsDone?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  itemsFailed?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  itemsTotal?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
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
  jobCounts?: Resolver<Array<ResolversTypes['JobStateCount']>, ParentType, ContextType, Partial<QueryJobCountsArgs>>;
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
  jobListUpdated?: SubscriptionResolver<ResolversTypes['JobListUpdate'], "jobListUpdated", ParentType, ContextType, Partial<SubscriptionJobListUpdatedArgs>>;
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
  JobListUpdate?: JobListUpdateResolvers<ContextType>;
  JobStateCount?: JobStateCountResolvers<ContextType>;
  ModelArtsDataSource?: ModelArtsDataSourceResolvers<ContextType>;
  ModelArtsDataset?: ModelArtsDatasetResolvers<ContextType>;
  ModelArtsDatasetVersion?: ModelArtsDatasetVersionResolvers<ContextType>;
  ModelArtsExportParams?: ModelArtsExportParamsResolvers<ContextType>;
  ModelArtsExportTask?: ModelArtsExportTaskResolvers<ContextType>;
  ModelArtsExportTaskConnection?: ModelArtsExportTaskConnectionResolvers<ContextType>;
  ModelArtsExportTaskEdge?: ModelArtsExportTaskEdgeResolvers<ContextType>;
  ModelArtsLabel?: ModelArtsLabelResolvers<ContextType>;
  ModelArtsLabelAttribute?: ModelArtsLabelAttributeResolvers<ContextType>;
  ModelArtsLabelAttributeValue?: ModelArtsLabelAttributeValueResolvers<ContextType>;
  ModelArtsLabelStats?: ModelArtsLabelStatsResolvers<ContextType>;
  ModelArtsRunningTasks?: ModelArtsRunningTasksResolvers<ContextType>;
  ModelArtsSampleCounts?: ModelArtsSampleCountsResolvers<ContextType>;
  ModelArtsSchemaColumn?: ModelArtsSchemaColumnResolvers<ContextType>;
  ModelArtsSchemaMap?: ModelArtsSchemaMapResolvers<ContextType>;
  ModelArtsSearchCondition?: ModelArtsSearchConditionResolvers<ContextType>;
  ModelArtsSearchLabel?: ModelArtsSearchLabelResolvers<ContextType>;
  ModelArtsSearchLabels?: ModelArtsSearchLabelsResolvers<ContextType>;
  ModelArtsSearchProperties?: ModelArtsSearchPropertiesResolvers<ContextType>;
  ModelArtsSourceInfo?: ModelArtsSourceInfoResolvers<ContextType>;
  ModelArtsTeamLabeling?: ModelArtsTeamLabelingResolvers<ContextType>;
  ModelArtsWorker?: ModelArtsWorkerResolvers<ContextType>;
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

