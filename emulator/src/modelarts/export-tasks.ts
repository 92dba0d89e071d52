/** Export tasks of a dataset: create (`{task_id}`), list (`{total_count, export_tasks}`), get. */
import { requireDataset, type ModelArtsContext } from "./context";
import { exportTaskNotFound } from "./errors";
import { exportTaskToWire, newExportLife, samplesToExport } from "./export-lifecycle";
import { newModelArtsId } from "./ids";
import { datasetFromExport } from "./new-dataset";
import type { DatasetRecord, ExportOptions, ExportTaskRecord } from "./types";
import { exportTaskQueryOf, parseCreateExportTask, type CreateExportTaskBody } from "./validation";

/** When `export_type` is not given: every sample (emulator convention). */
export const DEFAULT_EXPORT_TYPE = 2;
/** When `export_format` is not given: tree (emulator convention). */
export const DEFAULT_EXPORT_FORMAT = 1;

/** The stored task for a create body (defaults filled in). */
export function exportTaskFromBody(
  ctx: ModelArtsContext,
  dataset: DatasetRecord,
  body: CreateExportTaskBody,
  taskId: string,
): ExportTaskRecord {
  const exportType = body.export_type ?? DEFAULT_EXPORT_TYPE;
  const params = body.export_params ?? {};
  // Documented in both places; the nested one wins when both are given (they may differ only when one is "").
  const sampleState =
    params.sample_state !== undefined && params.sample_state !== "" ? params.sample_state : body.sample_state;
  const sampleCount = samplesToExport(dataset, {
    exportType,
    ...(sampleState === undefined ? {} : { sampleState }),
    ...(params.search_conditions === undefined ? {} : { searchConditions: params.search_conditions }),
    samples: params.samples,
  });
  const options: ExportOptions = {};
  if (body.annotation_format !== undefined) options.annotation_format = body.annotation_format;
  if (body.source_type_header !== undefined) options.source_type_header = body.source_type_header;
  if (body.with_column_header !== undefined) options.with_column_header = body.with_column_header;
  if (body.dataset_type !== undefined) options.dataset_type = body.dataset_type;
  if (body.sample_state !== undefined) options.sample_state = body.sample_state;
  const task: ExportTaskRecord = {
    task_id: taskId,
    dataset_id: dataset.dataset_id,
    create_time: ctx.now,
    path: body.path ?? `${dataset.work_path}export/`,
    export_type: exportType,
    export_format: body.export_format ?? DEFAULT_EXPORT_FORMAT,
    version_id: body.version_id ?? dataset.current_version_id,
    export_params: { export_dest: "DIR", ...params },
    life: newExportLife(sampleCount, ctx.now, ctx.settings.msPerSample),
  };
  if (Object.keys(options).length > 0) task.options = options;
  if (body.version_format !== undefined) task.version_format = body.version_format;
  return task;
}

/**
 * `POST /v2/{project_id}/datasets/{dataset_id}/export-tasks`: answers `{task_id}`. An export to `NEW_DATASET` creates
 * that dataset at once (see `new-dataset.ts`); a name the project already uses is a 400.
 */
export async function createExportTask(ctx: ModelArtsContext, request: Request, datasetId: string): Promise<Response> {
  const dataset = requireDataset(ctx, datasetId);
  const body = await parseCreateExportTask(request);
  const task = exportTaskFromBody(ctx, dataset, body, newModelArtsId());
  if (task.export_params.export_dest === "NEW_DATASET") {
    ctx.store.putDataset(ctx.projectId, datasetFromExport(ctx, dataset, task));
  }
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
