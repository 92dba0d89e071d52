/**
 * ModelArts records (what the emulator stores) and wire shapes (what it answers), snake_case as the API is. A
 * dataset is stored in its wire shape; an export task keeps beside its wire fields the facts its life is derived
 * from (export-lifecycle.ts), which the API never returns.
 */

/** The `dataset_type` values of modelarts.md. */
export const DATASET_TYPES = [0, 1, 3, 100, 101, 102, 200, 201, 202, 400, 600, 900] as const;

/** The export task statuses of modelarts.md (`SUCCESSED` sic; `STOPPING`/`STOPPED` are an SDK's). */
export type ExportTaskStatus = "INIT" | "RUNNING" | "SUCCESSED" | "FAILED" | "STOPPING" | "STOPPED";

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

/** A label of a dataset. */
export interface Label {
  name: string;
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
export interface DataSource {
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

/** A dataset as the API returns it (the running-task fields are added on `check_running_task=true`). */
export interface DatasetRecord {
  dataset_id: string;
  dataset_name: string;
  dataset_type: number;
  data_format: string;
  /** 0 file, 1 table. */
  dataset_format: 0 | 1;
  status: number;
  description: string;
  create_time: number;
  update_time: number;
  total_sample_count: number;
  annotated_sample_count: number;
  unconfirmed_sample_count: number;
  current_version_id: string;
  current_version_name: string;
  dataset_version_count: number;
  work_path: string;
  data_sources: DataSource[];
  labels: Label[];
  dataset_tags: string[];
  workspace_id: string;
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
export interface ExportParams {
  export_dest?: "DIR" | "NEW_DATASET";
  export_new_dataset_name?: string;
  export_new_dataset_work_path?: string;
  sample_state?: string;
  samples?: string[];
  search_conditions?: SearchCondition[];
  clear_hard_property?: boolean;
  clear_difficult?: boolean;
  export_dataset_version_name?: string;
  export_dataset_version_format?: string;
  ratio_sample_usage?: boolean;
  /** Text (`"0.80"`) as documented; a number (the documented example's `1.0`) is kept as given. */
  train_sample_ratio?: string | number;
  [key: string]: unknown;
}

/** One label criterion of a search. */
export interface SearchLabel {
  name?: string;
  type?: number;
  op?: string;
  property?: Record<string, string[]>;
}

/** A search condition of a conditional export (the fields of the documented `SearchCondition`). */
export interface SearchCondition {
  coefficient?: string;
  frame_in_video?: number;
  hard?: string;
  import_origin?: string;
  kvp?: string;
  label_list?: { labels?: SearchLabel[]; op?: string };
  labeler?: string;
  metadata?: { op?: string; props?: Record<string, string[]> };
  parent_sample_id?: string;
  sample_dir?: string;
  sample_name?: string;
  sample_time?: string;
  score?: string;
  slice_thickness?: string;
  study_date?: string;
  time_in_video?: string;
}

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

/** An export task as stored. */
export interface ExportTaskRecord {
  task_id: string;
  dataset_id: string;
  create_time: number;
  path: string;
  export_type: number;
  export_format: number;
  version_format?: string;
  version_id?: string;
  export_params: ExportParams;
  /** The create options echoed on the task (absent when not given). */
  options?: ExportOptions;
  life: ExportLife;
}

/** The create options that are not `export_params`, echoed on the task as given. */
export interface ExportOptions {
  annotation_format?: string;
  source_type_header?: string;
  with_column_header?: boolean;
  dataset_type?: number;
  sample_state?: string;
}

/** An export task on the wire. The two counts are absent while it is `INIT`. */
export interface ExportTaskWire {
  task_id: string;
  status: ExportTaskStatus;
  progress: number;
  total_sample_count?: number;
  finished_sample_count?: number;
  path: string;
  export_type: number;
  export_format: number;
  version_format?: string;
  version_id?: string;
  export_params: ExportParams;
  error_code?: string;
  error_msg?: string;
  annotation_format?: string;
  source_type_header?: string;
  with_column_header?: boolean;
  dataset_type?: number;
  sample_state?: string;
  create_time: number;
  update_time: number;
}

/** The emulator settings of a ModelArts tenant, chosen at reset. */
export interface ModelArtsSettings {
  /** How long an export task created from now on spends on each sample. */
  msPerSample: number;
  /** When the data was last seeded. */
  resetAt: number;
}

/** The default job speed: a 3000-sample export takes five minutes. */
export const DEFAULT_MS_PER_SAMPLE = 100;
