/** Export tasks of a dataset: create (`{task_id}`), list (`{total_count, export_tasks}`), get. */
import { requireDataset, type ModelArtsContext } from "./context";
import { MODELARTS_ERROR, exportTaskNotFound } from "./errors";
import { exportTaskToWire } from "./export-lifecycle";
import { newModelArtsId } from "./ids";
import type { DatasetRecord, ExportLife, ExportTaskRecord } from "./types";
import { exportTaskQueryOf, parseCreateExportTask, type CreateExportTaskBody } from "./validation";

/** When `export_type` is not given: every sample (emulator convention). */
export const DEFAULT_EXPORT_TYPE = 2;
/** When `export_format` is not given: tree (emulator convention). */
export const DEFAULT_EXPORT_FORMAT = 1;

/**
 * How many samples an export of `dataset` covers: the labeled ones (type 0), the unlabeled ones (1), all (2 and 3:
 * the emulator does not evaluate search conditions); `export_params.samples`, when given, narrows it to that many.
 */
export function samplesToExport(
  dataset: DatasetRecord,
  exportType: number,
  samples: readonly string[] | undefined,
): number {
  const total = dataset.total_sample_count;
  const labeled = dataset.annotated_sample_count;
  const chosen = exportType === 0 ? labeled : exportType === 1 ? total - labeled : total;
  return samples === undefined ? chosen : Math.min(chosen, samples.length);
}

/** The life of a new export task: `INIT` for one sample's time, then one sample per `msPerSample`; no samples fails. */
export function newExportLife(sampleCount: number, createdAt: number, msPerSample: number): ExportLife {
  const life: ExportLife = { startAt: createdAt + msPerSample, msPerSample, sampleCount };
  if (sampleCount === 0) {
    life.failure = {
      afterSamples: 0,
      error_code: MODELARTS_ERROR.datasetEmpty,
      error_msg: "Dataset is empty: there are no samples to export.",
    };
  }
  return life;
}

/** The stored task for a create body (defaults filled in). */
export function exportTaskFromBody(
  ctx: ModelArtsContext,
  dataset: DatasetRecord,
  body: CreateExportTaskBody,
  taskId: string,
): ExportTaskRecord {
  const exportType = body.export_type ?? DEFAULT_EXPORT_TYPE;
  const params = body.export_params ?? {};
  const task: ExportTaskRecord = {
    task_id: taskId,
    dataset_id: dataset.dataset_id,
    create_time: ctx.now,
    path: body.path ?? `${dataset.work_path}export/`,
    export_type: exportType,
    export_format: body.export_format ?? DEFAULT_EXPORT_FORMAT,
    version_id: body.version_id ?? dataset.current_version_id,
    export_params: { export_dest: "DIR", ...params },
    life: newExportLife(samplesToExport(dataset, exportType, params.samples), ctx.now, ctx.settings.msPerSample),
  };
  if (body.version_format !== undefined) task.version_format = body.version_format;
  return task;
}

/** `POST /v2/{project_id}/datasets/{dataset_id}/export-tasks`: answers `{task_id}`. */
export async function createExportTask(ctx: ModelArtsContext, request: Request, datasetId: string): Promise<Response> {
  const dataset = requireDataset(ctx, datasetId);
  const body = await parseCreateExportTask(request);
  const task = exportTaskFromBody(ctx, dataset, body, newModelArtsId());
  ctx.store.putExportTask(ctx.projectId, task);
  return Response.json({ task_id: task.task_id });
}

/** `GET /v2/{project_id}/datasets/{dataset_id}/export-tasks`, newest first. */
export function listExportTasks(ctx: ModelArtsContext, url: URL, datasetId: string): Response {
  requireDataset(ctx, datasetId);
  const page = ctx.store.exportTasks(datasetId, exportTaskQueryOf(url));
  return Response.json({
    total_count: page.total,
    export_tasks: page.rows.map((task) => exportTaskToWire(task, ctx.now)),
  });
}

/** `GET /v2/{project_id}/datasets/{dataset_id}/export-tasks/{task_id}`. */
export function getExportTask(ctx: ModelArtsContext, datasetId: string, taskId: string): Response {
  requireDataset(ctx, datasetId);
  const task = ctx.store.exportTask(datasetId, taskId);
  if (task === undefined) throw exportTaskNotFound(datasetId, taskId);
  return Response.json(exportTaskToWire(task, ctx.now));
}
