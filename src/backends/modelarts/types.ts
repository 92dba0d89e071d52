/**
 * The ModelArts wire shapes (modelarts.md: snake_case JSON, integer codes, millisecond times), written once: the
 * gateway reads them, and the ModelArts emulator (emulator/src/modelarts/types.ts) answers with them, importing
 * these types only (type-only imports: no gateway code reaches the emulator's Worker).
 *
 * Each shape is typed as the gateway may rely on it: what the upstream can omit is optional, and integer codes and
 * the task status are open, since a value the docs do not list must never break a response (`codes.ts` maps them,
 * with `UNKNOWN` for the rest). The wire checks (`wire-checks.ts`) check the load-bearing fields. A `…Fields` shape
 * is the documented field list alone; the gateway's type beside it adds `[field: string]: unknown`, so every other
 * field passes through untouched and is read as `unknown`. The emulator, which always sends every documented field,
 * reads the `…Fields` shapes with `Required<…>` and adds its own extra fields.
 */

/** The export task statuses modelarts.md lists (`SUCCESSED` sic), and the two an SDK adds (`STOPPING`, `STOPPED`). */
export type ModelArtsExportTaskStatus = "INIT" | "RUNNING" | "SUCCESSED" | "FAILED" | "STOPPING" | "STOPPED";

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

/** The documented fields of a dataset (`GET /v2/{project_id}/datasets/{dataset_id}` and the list's items). */
export interface ModelArtsDatasetFields {
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
}

/** A dataset as the gateway reads it: the documented fields, and whatever else the upstream sends (the details). */
export interface ModelArtsDataset extends ModelArtsDatasetFields {
  [field: string]: unknown;
}

/** One page of `GET /v2/{project_id}/datasets`. */
export interface ModelArtsDatasetPage {
  datasets: ModelArtsDataset[];
  total_number: number;
}

/** `export_params` of an export task or of a create body: the documented fields; others are kept as given. */
export interface ModelArtsExportParams {
  export_dest?: "DIR" | "NEW_DATASET" | (string & {});
  export_new_dataset_name?: string;
  export_new_dataset_work_path?: string;
  sample_state?: string;
  samples?: string[];
  search_conditions?: ModelArtsSearchCondition[];
  clear_hard_property?: boolean;
  clear_difficult?: boolean;
  export_dataset_version_name?: string;
  export_dataset_version_format?: string;
  ratio_sample_usage?: boolean;
  /** Text as documented (`"0.80"`); ModelArts's own example sends a number (`1.0`), which is kept as given. */
  train_sample_ratio?: string | number;
  [field: string]: unknown;
}

/** The create options that are not `export_params`; a task echoes those it was created with. */
export interface ModelArtsExportOptions {
  /** The label file format (`VOC`, `COCO`). */
  annotation_format?: string;
  /** `obs://` or `s3://`. */
  source_type_header?: string;
  with_column_header?: boolean;
  dataset_type?: number;
  sample_state?: string;
}

/**
 * The documented fields of an export task (`GET …/export-tasks/{task_id}` and the list's items), and the create
 * options it echoes. The counts can be absent while it runs.
 */
export interface ModelArtsExportTaskFields extends ModelArtsExportOptions {
  task_id: string;
  /** Open: a status the docs do not list may come. */
  status: ModelArtsExportTaskStatus | (string & {});
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
}

/** An export task as the gateway reads it: the documented fields, and whatever else the upstream sends. */
export interface ModelArtsExportTask extends ModelArtsExportTaskFields {
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
  label_list?: { labels?: ModelArtsSearchLabel[]; op?: string };
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

/** The `export_params` the gateway sends: `train_sample_ratio` as text only, as documented (`"0.80"`). */
export interface ModelArtsCreateExportParams extends ModelArtsExportParams {
  train_sample_ratio?: string;
}

/** The body of `POST …/export-tasks` (every field optional upstream). */
export interface ModelArtsCreateExportTaskBody extends ModelArtsExportOptions {
  path?: string;
  export_type?: number;
  export_format?: number;
  export_params?: ModelArtsCreateExportParams;
  version_id?: string;
  version_format?: string;
}

/** The answer of `POST …/export-tasks`. */
export interface ModelArtsCreatedTask {
  task_id: string;
}
