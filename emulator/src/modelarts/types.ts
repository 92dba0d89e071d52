/**
 * ModelArts records (what the emulator stores) and wire shapes (what it answers), snake_case as the API is. The
 * documented wire shapes are the gateway's (src/backends/modelarts/types.ts: one definition, imported as types
 * only); this file narrows them to what the emulator always sends (`Required<…>`, a known task status) and adds what
 * only it has. A dataset is stored in its wire shape; an export task keeps beside its wire fields the facts its life
 * is derived from (export-lifecycle.ts), which the API never returns.
 */
import type {
  ModelArtsDataSource,
  ModelArtsDatasetFields,
  ModelArtsExportOptions,
  ModelArtsExportParams,
  ModelArtsExportTaskFields,
  ModelArtsExportTaskStatus,
  ModelArtsLabel,
  ModelArtsSearchCondition,
  ModelArtsSearchLabel,
} from "../../../src/backends/modelarts/types";

/** The `dataset_type` values of modelarts.md. */
export const DATASET_TYPES = [0, 1, 3, 100, 101, 102, 200, 201, 202, 400, 600, 900] as const;

/** The export task statuses of modelarts.md (`SUCCESSED` sic; `STOPPING`/`STOPPED` are an SDK's). */
export type ExportTaskStatus = ModelArtsExportTaskStatus;

/** A value a label attribute can take. */
export interface LabelAttributeValue {
  id: string;
  value: string;
}

/** A multi-dimensional attribute of a label (a "music" label's "style"). */
export interface LabelAttribute {
  id: string;
  name: string;
  /** `text` or `select` in the emulator's data. */
  type: string;
  default_value: string;
  values: LabelAttributeValue[];
}

/** A label of a dataset, as the emulator sends it: always a type and text properties. */
export interface Label extends ModelArtsLabel {
  /** 0 classification, 1 object detection, 3 segmentation, …, 102 triplet relationship, 103 triplet entity. */
  type: number;
  property: Record<string, string>;
  /** Only on the labels that have attributes (absent, not empty, elsewhere). */
  attributes?: LabelAttribute[];
}

/** A column mapping of a table data source. */
export interface SchemaMap {
  src_name: string;
  dest_name: string;
}

/** Where a table data source is imported from (DLI here: a queue, a database, a table). */
export interface SourceInfo {
  cluster_id?: string;
  cluster_mode?: string;
  cluster_name?: string;
  database_name?: string;
  input?: string;
  ip?: string;
  port?: string;
  queue_name?: string;
  subnet_id?: string;
  table_name?: string;
  user_name?: string;
  vpc_id?: string;
}

/** A data source of a dataset: 0 OBS, 1 GaussDB(DWS), 2 DLI, 3 RDS, 4 MRS, 5 AI Gallery, 6 inference service. */
export interface DataSource extends ModelArtsDataSource {
  data_type: number;
  data_path: string;
  /** Table data sources only. */
  schema_maps?: SchemaMap[];
  source_info?: SourceInfo;
  with_column_header?: boolean;
}

/** A column of a table dataset's schema. */
export interface SchemaField {
  schema_id: number;
  name: string;
  type: string;
  description: string;
}

/** A member of a labelling team. */
export interface Worker {
  worker_id: string;
  workforce_id: string;
  email: string;
  description: string;
  /** 0 labeler, 1 reviewer, 2 team manager. */
  role: number;
  /** 0 not sent, 1 sent, 2 first login. */
  status: number;
  create_time: number;
  update_time: number;
}

/** The team labelling of a dataset. */
export interface WorkforceDescriptor {
  current_task_id: string;
  current_task_name: string;
  reject_num: number;
  repetition: number;
  is_synchronize_auto_labeling_data: boolean;
  is_synchronize_data: boolean;
  workers: Worker[];
  workforce_id: string;
  workforce_name: string;
}

/** A label's statistics in a released version. */
export interface LabelStats {
  name: string;
  type: number;
  property: Record<string, string>;
  count: number;
  sample_count: number;
}

/** A released version of a dataset (the `versions` of the dataset detail). */
export interface DatasetVersion {
  version_id: string;
  version_name: string;
  version_format: string;
  description: string;
  /** 0 creating, 1 normal, 2 deleting, 3 deleted, 4 abnormal. */
  status: number;
  create_time: number;
  update_time: number;
  is_current: boolean;
  previous_version_id: string;
  total_sample_count: number;
  annotated_sample_count: number;
  add_sample_count: number;
  modified_sample_count: number;
  deleted_sample_count: number;
  previous_total_sample_count: number;
  previous_annotated_sample_count: number;
  total_sub_sample_count: number;
  annotated_sub_sample_count: number;
  /** The share of samples for training, as text (`"0.80"`). */
  train_evaluate_sample_ratio: string;
  manifest_path: string;
  data_path: string;
  /** `single` or `multi`: how many labels a sample of the version carries. */
  label_type: string;
  task_type: number;
  tags: string[];
  label_stats: LabelStats[];
  data_statistics: Record<string, number>;
  deletion_stats: Record<string, number>;
  clear_hard_property: boolean;
  remove_sample_usage: boolean;
  export_images: boolean;
  with_column_header: boolean;
  crop: boolean;
  rotate: boolean;
  data_validate: boolean;
  extract_serial_number: boolean;
  include_dataset_data: boolean;
}

/**
 * A dataset as the API returns it (the running-task fields are added on `check_running_task=true`): every documented
 * field, and the details the gateway reads as extra fields.
 */
export interface DatasetRecord extends Required<ModelArtsDatasetFields> {
  /** 0 file, 1 table. */
  dataset_format: 0 | 1;
  data_sources: DataSource[];
  labels: Label[];
  enterprise_project_id: string;
  data_update_time: number;
  data_statistics: Record<string, number>;
  deleted_sample_count: number;
  deletion_stats: Record<string, number>;
  loading_sample_count: number;
  total_sub_sample_count: number;
  annotated_sub_sample_count: number;
  import_data: boolean;
  import_task_id: string;
  inner_work_path: string;
  inner_annotation_path: string;
  inner_data_path: string;
  inner_log_path: string;
  inner_task_path: string;
  inner_temp_path: string;
  label_task_count: number;
  managed: boolean;
  next_version_num: number;
  schema: SchemaField[];
  third_path: string;
  /** 0 OBS. */
  work_path_type: number;
  feature_supports: string[];
  /** Speech paragraph labelling: whether the content is labelled too. */
  content_labeling: boolean;
  exist_workforce_task: boolean;
  workforce_task_count: number;
  /** Only on a dataset with team labelling. */
  workforce_descriptor?: WorkforceDescriptor;
  versions: DatasetVersion[];
}

/** `export_params` of a task (the documented fields; others a client sends are kept as given). */
export type ExportParams = ModelArtsExportParams;

/** One label criterion of a search. */
export type SearchLabel = ModelArtsSearchLabel;

/** A search condition of a conditional export (the fields of the documented `SearchCondition`). */
export type SearchCondition = ModelArtsSearchCondition;

/** What an export task's life follows: fixed when it is created (export-lifecycle.ts). */
export interface ExportLife {
  /** When it leaves `INIT` and starts exporting. */
  startAt: number;
  /** How long one sample takes (the job speed setting at creation). */
  msPerSample: number;
  /** How many samples it exports. */
  sampleCount: number;
  /** It fails after this many samples, with this error. */
  failure?: { afterSamples: number; error_code: string; error_msg: string };
  /** Someone asked it to stop at `requestedAt`; it is `STOPPED` from `stoppedAt` (seeded tasks only). */
  stop?: { requestedAt: number; stoppedAt: number };
}

/** An export task as stored: its fixed wire fields, its dataset, the create options it echoes and its life. */
export interface ExportTaskRecord extends Pick<
  ExportTaskWire,
  | "task_id"
  | "create_time"
  | "path"
  | "export_type"
  | "export_format"
  | "version_format"
  | "version_id"
  | "export_params"
> {
  dataset_id: string;
  /** The create options echoed on the task (absent when not given). */
  options?: ExportOptions;
  life: ExportLife;
}

/** The create options that are not `export_params`, echoed on the task as given. */
export type ExportOptions = ModelArtsExportOptions;

/**
 * An export task on the wire, as the emulator sends it: every documented field but the two counts (absent while it
 * is `INIT`), the version (absent when not asked for) and the error (only when `FAILED`); a known status.
 */
export type ExportTaskWire = ModelArtsExportTaskFields &
  Required<
    Pick<
      ModelArtsExportTaskFields,
      "progress" | "path" | "export_type" | "export_format" | "export_params" | "update_time"
    >
  > & { status: ExportTaskStatus };

/** The emulator settings of a ModelArts tenant, chosen at reset. */
export interface ModelArtsSettings {
  /** How long an export task created from now on spends on each sample. */
  msPerSample: number;
  /** When the data was last seeded. */
  resetAt: number;
}

/** The default job speed: a 3000-sample export takes five minutes. */
export const DEFAULT_MS_PER_SAMPLE = 100;
