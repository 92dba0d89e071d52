/**
 * ModelArts records (what the emulator stores) and wire shapes (what it answers), snake_case as the API is. A
 * dataset is stored in its wire shape; an export task keeps beside its wire fields the facts its life is derived
 * from (export-lifecycle.ts), which the API never returns.
 */

/** The `dataset_type` values of modelarts.md. */
export const DATASET_TYPES = [0, 1, 3, 100, 101, 102, 200, 201, 202, 400, 600, 900] as const;

/** The export task statuses of modelarts.md (`SUCCESSED` sic; `STOPPING`/`STOPPED` are an SDK's). */
export type ExportTaskStatus = "INIT" | "RUNNING" | "SUCCESSED" | "FAILED" | "STOPPING" | "STOPPED";

/** A label of a dataset. */
export interface Label {
  name: string;
  /** 0 classification, 1 object detection, 3 segmentation, … (the dataset's task type). */
  type: number;
  property: Record<string, string>;
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
  data_sources: { data_type: number; data_path: string }[];
  labels: Label[];
  dataset_tags: string[];
  workspace_id: string;
}

/** `export_params` of a task (the documented fields; others a client sends are kept as given). */
export interface ExportParams {
  export_dest?: "DIR" | "NEW_DATASET";
  export_new_dataset_name?: string;
  export_new_dataset_work_path?: string;
  sample_state?: string;
  samples?: string[];
  search_conditions?: unknown[];
  [key: string]: unknown;
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
  life: ExportLife;
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
