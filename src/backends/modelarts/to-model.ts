/**
 * From ModelArts wire objects to the neutral model (`src/model.ts`): the one place that decides what a ModelArts
 * id, time and status mean to the rest of the gateway. The wire object stays inside the model, unchanged.
 */
import type { DatasetModel, JobModel } from "../../model";
import { datasetStateOfModelArts, jobStateOfExportTask } from "./codes";
import { exportTaskRef } from "./ids";
import type { ModelArtsDataset, ModelArtsExportTask } from "./types";

/** A ModelArts dataset in the model. */
export type ModelArtsDatasetModel = DatasetModel<ModelArtsDataset>;
/** A ModelArts export task in the model: a job whose `ref` is `<datasetId>:<taskId>`. */
export type ModelArtsExportTaskModel = JobModel<ModelArtsExportTask> & { datasetRef: string };

/** A dataset of `project`. */
export function datasetFromModelArts(dataset: ModelArtsDataset, project: string): ModelArtsDatasetModel {
  return {
    provider: "MODELARTS",
    typename: "ModelArtsDataset",
    tenant: project,
    ref: dataset.dataset_id,
    createdAt: dataset.create_time,
    wire: dataset,
    kind: "dataset",
    name: dataset.dataset_name,
    updatedAt: typeof dataset.update_time === "number" ? dataset.update_time : dataset.create_time,
    state: datasetStateOfModelArts(dataset.status),
  };
}

/**
 * An export task of dataset `datasetId` in `project`. Export tasks have no name upstream: the model's name is
 * `export <task id>`.
 */
export function exportTaskFromModelArts(
  task: ModelArtsExportTask,
  datasetId: string,
  project: string,
): ModelArtsExportTaskModel {
  return {
    provider: "MODELARTS",
    typename: "ModelArtsExportTask",
    tenant: project,
    ref: exportTaskRef(datasetId, task.task_id),
    createdAt: task.create_time,
    wire: task,
    kind: "job",
    name: `export ${task.task_id}`,
    updatedAt: typeof task.update_time === "number" ? task.update_time : task.create_time,
    state: jobStateOfExportTask(task),
    datasetRef: datasetId,
  };
}
