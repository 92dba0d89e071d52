/**
 * The documented ModelArts integer codes (modelarts.md) as GraphQL enum values, and the normalised states derived
 * from them. Every mapping is total: a code the docs do not list becomes `UNKNOWN` (the raw value stays beside it in
 * the schema), and an unknown task status is a state that is not terminal, so watching goes on. One place decides
 * what a raw code means, so queries, filters and subscriptions agree.
 */
import { isTerminalJobState, type DatasetState, type JobState } from "../../model";
import type { ModelArtsExportTask } from "./types";

/**
 * The enum of a code table: its values, and `UNKNOWN`. The tables are the enums' one definition on this side: the
 * resolvers that return these values are typed by the schema's enums, so a value the schema lacks fails to compile,
 * and this module needs no import of the generated types (which import this backend's parents in turn).
 */
type EnumOf<T extends Readonly<Record<number, string>>> = T[keyof T] | "UNKNOWN";

function lookup<T extends Readonly<Record<number, string>>>(table: T, code: unknown): EnumOf<T> {
  return typeof code === "number" && Object.hasOwn(table, code) ? (table[code] as T[keyof T]) : "UNKNOWN";
}

function invert<T extends Readonly<Record<number, string>>>(table: T): ReadonlyMap<string, number> {
  return new Map(Object.entries(table).map(([code, value]) => [value, Number(code)]));
}

const DATASET_TYPES = {
  0: "IMAGE_CLASSIFICATION",
  1: "OBJECT_DETECTION",
  3: "IMAGE_SEGMENTATION",
  100: "TEXT_CLASSIFICATION",
  101: "NAMED_ENTITY_RECOGNITION",
  102: "TEXT_TRIPLET",
  200: "SOUND_CLASSIFICATION",
  201: "SPEECH_CONTENT",
  202: "SPEECH_PARAGRAPH_LABELING",
  400: "TABLE",
  600: "VIDEO",
  900: "CUSTOM",
} as const;

const DATASET_STATUSES = {
  0: "CREATING",
  1: "NORMAL",
  2: "DELETING",
  3: "DELETED",
  4: "ABNORMAL",
  5: "SYNCHRONIZING",
  6: "RELEASING",
  7: "SWITCHING_VERSION",
  8: "IMPORTING",
} as const;

const DATASET_FORMATS = { 0: "FILE", 1: "TABLE" } as const;

const EXPORT_TYPES = {
  0: "LABELED",
  1: "UNLABELED",
  2: "ALL",
  3: "CONDITIONAL_SEARCH",
} as const;

const EXPORT_FORMATS = { 1: "TREE", 2: "TILE" } as const;

/** Label types: the dataset types that label, with a triplet's relationship (102) and entity (103) apart. */
const LABEL_TYPES = {
  0: "IMAGE_CLASSIFICATION",
  1: "OBJECT_DETECTION",
  3: "IMAGE_SEGMENTATION",
  100: "TEXT_CLASSIFICATION",
  101: "NAMED_ENTITY_RECOGNITION",
  102: "TEXT_TRIPLET_RELATIONSHIP",
  103: "TEXT_TRIPLET_ENTITY",
  200: "SOUND_CLASSIFICATION",
  201: "SPEECH_CONTENT",
  202: "SPEECH_PARAGRAPH_LABELING",
  600: "VIDEO",
} as const;

const DATA_SOURCE_TYPES = {
  0: "OBS",
  1: "DWS",
  2: "DLI",
  3: "RDS",
  4: "MRS",
  5: "AI_GALLERY",
  6: "INFERENCE_SERVICE",
} as const;
const WORK_PATH_TYPES = { 0: "OBS" } as const;
const VERSION_STATUSES = { 0: "CREATING", 1: "NORMAL", 2: "DELETING", 3: "DELETED", 4: "ABNORMAL" } as const;
const WORKER_ROLES = { 0: "LABELER", 1: "REVIEWER", 2: "TEAM_MANAGER", 3: "DATASET_OWNER" } as const;
const WORKER_STATUSES = { 0: "NOT_INVITED", 1: "INVITED", 2: "LOGGED_IN", 3: "DELETED" } as const;
const RUNNING_TASK_TYPES = {
  0: "AUTO_LABELING",
  1: "PRE_LABELING",
  2: "EXPORT",
  3: "VERSION_SWITCH",
  4: "MANIFEST_EXPORT",
  5: "MANIFEST_IMPORT",
  6: "VERSION_PUBLISH",
  7: "AUTO_GROUPING",
} as const;

/** The GraphQL enum `ModelArtsDatasetType`. */
export type ModelArtsDatasetType = EnumOf<typeof DATASET_TYPES>;
/** The GraphQL enum `ModelArtsDatasetStatus`. */
export type ModelArtsDatasetStatus = EnumOf<typeof DATASET_STATUSES>;
/** The GraphQL enum `ModelArtsDatasetFormat`. */
export type ModelArtsDatasetFormat = EnumOf<typeof DATASET_FORMATS>;
/** The GraphQL enum `ModelArtsExportType`. */
export type ModelArtsExportType = EnumOf<typeof EXPORT_TYPES>;
/** The GraphQL enum `ModelArtsExportFormat`. */
export type ModelArtsExportFormat = EnumOf<typeof EXPORT_FORMATS>;
/** The GraphQL enum `ModelArtsLabelType`. */
export type ModelArtsLabelType = EnumOf<typeof LABEL_TYPES>;
/** The GraphQL enum `ModelArtsDataSourceType`. */
export type ModelArtsDataSourceType = EnumOf<typeof DATA_SOURCE_TYPES>;
/** The GraphQL enum `ModelArtsWorkPathType`. */
export type ModelArtsWorkPathType = EnumOf<typeof WORK_PATH_TYPES>;
/** The GraphQL enum `ModelArtsVersionStatus`. */
export type ModelArtsVersionStatus = EnumOf<typeof VERSION_STATUSES>;
/** The GraphQL enum `ModelArtsWorkerRole`. */
export type ModelArtsWorkerRole = EnumOf<typeof WORKER_ROLES>;
/** The GraphQL enum `ModelArtsWorkerStatus`. */
export type ModelArtsWorkerStatus = EnumOf<typeof WORKER_STATUSES>;
/** The GraphQL enum `ModelArtsRunningTaskType` (input only, so no `UNKNOWN`). */
export type ModelArtsRunningTaskType = (typeof RUNNING_TASK_TYPES)[keyof typeof RUNNING_TASK_TYPES];
/** The GraphQL enum `ModelArtsExportTaskStatus`. */
export type ModelArtsExportTaskStatus =
  "INIT" | "RUNNING" | "SUCCESSED" | "FAILED" | "STOPPING" | "STOPPED" | "UNKNOWN";
/** The GraphQL enum `ModelArtsExportDestination`. */
export type ModelArtsExportDestination = "DIR" | "NEW_DATASET" | "UNKNOWN";

const EXPORT_TYPE_CODES = invert(EXPORT_TYPES);
const LABEL_TYPE_CODES = invert(LABEL_TYPES);
const DATASET_TYPE_CODES = invert(DATASET_TYPES);
const RUNNING_TASK_TYPE_CODES = invert(RUNNING_TASK_TYPES);
const EXPORT_FORMAT_CODES = invert(EXPORT_FORMATS);

/** `dataset_type` as an enum value; `UNKNOWN` for a code the docs do not list. */
export const datasetTypeOf = (code: unknown): ModelArtsDatasetType => lookup(DATASET_TYPES, code);
/** Dataset `status` as an enum value; `UNKNOWN` for a code the docs do not list. */
export const datasetStatusOf = (code: unknown): ModelArtsDatasetStatus => lookup(DATASET_STATUSES, code);
/** `dataset_format` as an enum value; `UNKNOWN` for a code the docs do not list. */
export const datasetFormatOf = (code: unknown): ModelArtsDatasetFormat => lookup(DATASET_FORMATS, code);
/** `export_type` as an enum value; `UNKNOWN` for a code the docs do not list. */
export const exportTypeOf = (code: unknown): ModelArtsExportType => lookup(EXPORT_TYPES, code);
/** `export_format` as an enum value; `UNKNOWN` for a code the docs do not list. */
export const exportFormatOf = (code: unknown): ModelArtsExportFormat => lookup(EXPORT_FORMATS, code);

/** A label's `type` as an enum value; `UNKNOWN` for a code the docs do not list. */
export const labelTypeOf = (code: unknown): ModelArtsLabelType => lookup(LABEL_TYPES, code);
/** A data source's `data_type` as an enum value; `UNKNOWN` for a code the docs do not list. */
export const dataSourceTypeOf = (code: unknown): ModelArtsDataSourceType => lookup(DATA_SOURCE_TYPES, code);
/** `work_path_type` as an enum value; `UNKNOWN` for a code the docs do not list. */
export const workPathTypeOf = (code: unknown): ModelArtsWorkPathType => lookup(WORK_PATH_TYPES, code);
/** A version's `status` as an enum value; `UNKNOWN` for a code the docs do not list. */
export const versionStatusOf = (code: unknown): ModelArtsVersionStatus => lookup(VERSION_STATUSES, code);
/** A team member's `role` as an enum value; `UNKNOWN` for a code the docs do not list. */
export const workerRoleOf = (code: unknown): ModelArtsWorkerRole => lookup(WORKER_ROLES, code);
/** A team member's `status` as an enum value; `UNKNOWN` for a code the docs do not list. */
export const workerStatusOf = (code: unknown): ModelArtsWorkerStatus => lookup(WORKER_STATUSES, code);

/** The wire code of a label type given as input; undefined for `UNKNOWN`. */
export const labelTypeCode = (value: ModelArtsLabelType): number | undefined => LABEL_TYPE_CODES.get(value);
/** The wire code of a dataset type given as input; undefined for `UNKNOWN`. */
export const datasetTypeCode = (value: ModelArtsDatasetType): number | undefined => DATASET_TYPE_CODES.get(value);
/** The wire `running_task_type` of a running-task kind. */
export const runningTaskTypeCode = (value: ModelArtsRunningTaskType): number => RUNNING_TASK_TYPE_CODES.get(value) ?? 0;

/** The wire code of an export type given as input; undefined for `UNKNOWN` (which is not a choice). */
export const exportTypeCode = (value: ModelArtsExportType): number | undefined => EXPORT_TYPE_CODES.get(value);
/** The wire code of an export format given as input; undefined for `UNKNOWN`. */
export const exportFormatCode = (value: ModelArtsExportFormat): number | undefined => EXPORT_FORMAT_CODES.get(value);

const TASK_STATUSES: ReadonlySet<string> = new Set(["INIT", "RUNNING", "SUCCESSED", "FAILED", "STOPPING", "STOPPED"]);

/** An export task's raw `status` as an enum value; `UNKNOWN` for one the docs do not list. */
export function exportTaskStatusOf(status: string): ModelArtsExportTaskStatus {
  return TASK_STATUSES.has(status) ? (status as ModelArtsExportTaskStatus) : "UNKNOWN";
}

/** `export_params.export_dest` as an enum value: `DIR` when absent (the API's default), `UNKNOWN` for another. */
export function exportDestinationOf(dest: unknown): ModelArtsExportDestination {
  if (dest === undefined || dest === null || dest === "DIR") return "DIR";
  return dest === "NEW_DATASET" ? "NEW_DATASET" : "UNKNOWN";
}

/**
 * A task's normalised state: `INIT` → WAITING, `RUNNING` and `STOPPING` → RUNNING (a stopping task still moves
 * until it has stopped), `SUCCESSED` → FINISHED, `STOPPED` → CANCELLED, `FAILED` → FAILED. An unknown status is
 * RUNNING when some progress was made, else WAITING: never terminal, so a watcher keeps polling. Never throws.
 */
export function jobStateOfExportTask(task: ModelArtsExportTask): JobState {
  switch (task.status) {
    case "INIT":
      return "WAITING";
    case "RUNNING":
    case "STOPPING":
      return "RUNNING";
    case "SUCCESSED":
      return "FINISHED";
    case "STOPPED":
      return "CANCELLED";
    case "FAILED":
      return "FAILED";
    default:
      return typeof task.progress === "number" && task.progress > 0 ? "RUNNING" : "WAITING";
  }
}

/** True when an export task will not change any more (SUCCESSED, FAILED, STOPPED): what the terminal cache may keep. */
export function isSettledExportTask(task: ModelArtsExportTask): boolean {
  return isTerminalJobState(jobStateOfExportTask(task));
}

/** A task's progress from 0 to 1: its percentage / 100, clamped; 1 once `SUCCESSED`; 0 when absent. */
export function exportTaskProgress(task: ModelArtsExportTask): number {
  if (task.status === "SUCCESSED") return 1;
  const percent = task.progress;
  if (typeof percent !== "number" || !Number.isFinite(percent)) return 0;
  return Math.min(1, Math.max(0, percent / 100));
}

/**
 * A dataset's normalised state: 1 normal → READY; 0 creating → WAITING; 8 importing → UPLOADING; 2 deleting,
 * 5 synchronizing, 6 releasing, 7 switching version → PROCESSING; 3 deleted and 4 abnormal → FAILED. An unknown
 * code → PROCESSING (neither ready nor terminal, as for Nexus).
 */
export function datasetStateOfModelArts(code: unknown): DatasetState {
  switch (datasetStatusOf(code)) {
    case "NORMAL":
      return "READY";
    case "CREATING":
      return "WAITING";
    case "IMPORTING":
      return "UPLOADING";
    case "DELETED":
    case "ABNORMAL":
      return "FAILED";
    default:
      return "PROCESSING";
  }
}
