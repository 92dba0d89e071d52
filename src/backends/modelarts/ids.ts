/**
 * The ModelArts id grammar. Dataset and task ids are letters and digits (`gfghHSokody6AJigS5A`, 19 to 20 of them
 * upstream; up to 64 accepted here). An export task is addressed by its dataset AND its task id, so its reference
 * (inside a global id) carries both: `<datasetId>:<taskId>`. Nothing else may go into an upstream path, so `.`,
 * `..`, `/` and the like never reach one. ModelArts ids have no prefix, so the gateway takes only global ids for
 * ModelArts objects (a bare 20-character id would be ambiguous with other platforms' ids).
 */

const ID = "[A-Za-z0-9]{1,64}";
const ID_PATTERN = new RegExp(`^${ID}$`);
const TASK_REF_PATTERN = new RegExp(`^(${ID}):(${ID})$`);

/** True when `id` is a ModelArts dataset or task id. */
export function isModelArtsId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** An export task's reference taken apart. */
export interface ExportTaskRef {
  datasetId: string;
  taskId: string;
}

/** The reference of an export task: `<datasetId>:<taskId>`. */
export function exportTaskRef(datasetId: string, taskId: string): string {
  return `${datasetId}:${taskId}`;
}

/** Takes an export task reference apart; null when it is not `<datasetId>:<taskId>` in the grammar. Never throws. */
export function parseExportTaskRef(ref: string): ExportTaskRef | null {
  const match = TASK_REF_PATTERN.exec(ref);
  if (match === null || match[1] === undefined || match[2] === undefined) return null;
  return { datasetId: match[1], taskId: match[2] };
}
