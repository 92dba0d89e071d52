/** Datasets: list (with its filters and `{datasets, total_number}`) and get (with its running-task check). */
import { requireDataset, type ModelArtsContext } from "./context";
import { exportStateAt, isExportTaskTerminal } from "./export-lifecycle";
import type { DatasetRecord } from "./types";
import { datasetQueryOf, runningTaskQueryOf } from "./validation";

/** The running-task type of an export (the only kind of task the emulator runs). */
const EXPORT_TASK_TYPE = 2;

/** `GET /v2/{project_id}/datasets`. */
export function listDatasets(ctx: ModelArtsContext, url: URL): Response {
  const page = ctx.store.datasets(ctx.projectId, datasetQueryOf(url));
  return Response.json({ datasets: page.rows, total_number: page.total });
}

/**
 * `GET /v2/{project_id}/datasets/{dataset_id}`. With `check_running_task=true`, adds `exist_running_task` and
 * `running_tasks_id` (the export tasks not yet ended, newest first); a `running_task_type` other than 2 (export)
 * finds none. Without it, both fields are absent (emulator convention).
 */
export function getDataset(ctx: ModelArtsContext, url: URL, datasetId: string): Response {
  const running = runningTaskQueryOf(url);
  const dataset: DatasetRecord & { exist_running_task?: boolean; running_tasks_id?: string[] } = {
    ...requireDataset(ctx, datasetId),
  };
  if (running.check) {
    const ids =
      running.type !== undefined && running.type !== EXPORT_TASK_TYPE
        ? []
        : ctx.store
            .allExportTasks(datasetId)
            .filter((task) => !isExportTaskTerminal(exportStateAt(task, ctx.now).status))
            .sort((a, b) => b.create_time - a.create_time || (a.task_id < b.task_id ? 1 : -1))
            .map((task) => task.task_id);
    dataset.exist_running_task = ids.length > 0;
    dataset.running_tasks_id = ids;
  }
  return Response.json(dataset);
}
