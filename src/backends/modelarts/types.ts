/**
 * The ModelArts wire shapes the gateway reads (modelarts.md: snake_case JSON, integer codes, millisecond times).
 * Only what the gateway uses is typed; the wire checks (`wire-checks.ts`) check the load-bearing fields, and every
 * other field passes through untouched. Integer codes and the task status are open: a value the docs do not list
 * must never break a response (`codes.ts` maps them, with `UNKNOWN` for the rest).
 */

/** A data source of a dataset (`data_type` 0 is OBS). */
export interface ModelArtsDataSource {
  data_type?: number;
  data_path?: string;
  [field: string]: unknown;
}

/** A label of a dataset. */
export interface ModelArtsLabel {
  name: string;
  type?: number;
  property?: Record<string, unknown>;
  [field: string]: unknown;
}

/** A dataset (`GET /v2/{project_id}/datasets/{dataset_id}` and the list's items). */
export interface ModelArtsDataset {
  dataset_id: string;
  dataset_name: string;
  dataset_type?: number;
  data_format?: string;
  dataset_format?: number;
  status?: number;
  description?: string;
  create_time: number;
  update_time?: number;
  total_sample_count?: number;
  annotated_sample_count?: number;
  unconfirmed_sample_count?: number;
  current_version_id?: string;
  current_version_name?: string;
  dataset_version_count?: number;
  work_path?: string;
  data_sources?: ModelArtsDataSource[];
  labels?: ModelArtsLabel[];
  dataset_tags?: string[];
  workspace_id?: string;
  [field: string]: unknown;
}

/** One page of `GET /v2/{project_id}/datasets`. */
export interface ModelArtsDatasetPage {
  datasets: ModelArtsDataset[];
  total_number: number;
}

/** `export_params` of an export task or of a create body. */
export interface ModelArtsExportParams {
  export_dest?: string;
  export_new_dataset_name?: string;
  export_new_dataset_work_path?: string;
  sample_state?: string;
  samples?: string[];
  [field: string]: unknown;
}

/** An export task (`GET …/export-tasks/{task_id}` and the list's items). The counts can be absent while it runs. */
export interface ModelArtsExportTask {
  task_id: string;
  /** `INIT`, `RUNNING`, `FAILED`, `SUCCESSED` (sic), `STOPPING`, `STOPPED`; open vocabulary. */
  status: string;
  /** Percent, 0.0 to 100.0. */
  progress?: number;
  total_sample_count?: number;
  finished_sample_count?: number;
  path?: string;
  export_type?: number;
  export_format?: number;
  version_format?: string;
  version_id?: string;
  export_params?: ModelArtsExportParams;
  error_code?: string;
  error_msg?: string;
  create_time: number;
  update_time?: number;
  [field: string]: unknown;
}

/** One page of `GET …/export-tasks`. */
export interface ModelArtsExportTaskPage {
  export_tasks: ModelArtsExportTask[];
  total_count: number;
}

/** One label criterion of a search condition. */
export interface ModelArtsSearchLabel {
  name?: string;
  type?: number;
  op?: string;
  property?: Record<string, string[]>;
}

/** A search condition of an export (the documented `SearchCondition`). */
export interface ModelArtsSearchCondition {
  coefficient?: string;
  frame_in_video?: number;
  /** `"1"` hard samples, `"0"` the others. */
  hard?: string;
  import_origin?: string;
  kvp?: string;
  label_list?: { labels: ModelArtsSearchLabel[]; op?: string };
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

/** The `export_params` of a create body (the documented fields). */
export interface ModelArtsCreateExportParams extends ModelArtsExportParams {
  search_conditions?: ModelArtsSearchCondition[];
  clear_hard_property?: boolean;
  clear_difficult?: boolean;
  export_dataset_version_name?: string;
  export_dataset_version_format?: string;
  ratio_sample_usage?: boolean;
  /** Text, as documented: `"0.80"`. */
  train_sample_ratio?: string;
}

/** The body of `POST …/export-tasks` (every field optional upstream). */
export interface ModelArtsCreateExportTaskBody {
  path?: string;
  export_type?: number;
  export_format?: number;
  export_params?: ModelArtsCreateExportParams;
  version_id?: string;
  version_format?: string;
  annotation_format?: string;
  /** `obs://` or `s3://`. */
  source_type_header?: string;
  with_column_header?: boolean;
  dataset_type?: number;
  sample_state?: string;
}

/** The answer of `POST …/export-tasks`. */
export interface ModelArtsCreatedTask {
  task_id: string;
}
