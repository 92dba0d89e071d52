/**
 * The dataset an export to `NEW_DATASET` creates (emulator convention, as no document says when it appears): it is
 * created with the task, in the same project, named `export_new_dataset_name`, working in
 * `export_new_dataset_work_path`, of the source dataset's type and labels, status 1 (normal), with as many samples
 * (and labelled samples) as the export selects, and no version yet.
 */
import type { ModelArtsContext } from "./context";
import { datasetDetails, type DatasetCore } from "./dataset-details";
import { badParameter } from "./errors";
import { newModelArtsId } from "./ids";
import { selectSamples } from "./sample-filter";
import type { DatasetRecord, ExportTaskRecord } from "./types";

/** The new dataset of `task`, exported from `source`. Throws a 400 when the project already has a dataset of that name. */
export function datasetFromExport(ctx: ModelArtsContext, source: DatasetRecord, task: ExportTaskRecord): DatasetRecord {
  const params = task.export_params;
  const name = params.export_new_dataset_name ?? "";
  const workPath = params.export_new_dataset_work_path ?? "";
  const taken = ctx.store.datasets(ctx.projectId, {
    offset: 0,
    limit: 1_000_000,
    searchContent: name,
    sortBy: "create_time",
    order: "desc",
  });
  if (taken.rows.some((dataset) => dataset.dataset_name === name)) {
    throw badParameter(
      `export_params.export_new_dataset_name: expected a name no dataset of the project has, got ${JSON.stringify(name)}`,
    );
  }
  const sampleState =
    params.sample_state !== undefined && params.sample_state !== "" ? params.sample_state : task.options?.sample_state;
  const selected = selectSamples(source, {
    exportType: task.export_type,
    ...(sampleState === undefined ? {} : { sampleState }),
    ...(params.search_conditions === undefined ? {} : { searchConditions: params.search_conditions }),
  });
  const count = params.samples === undefined ? selected.count : Math.min(selected.count, params.samples.length);
  const labelled = Math.min(selected.labelled, count);
  const core: DatasetCore = {
    dataset_id: newModelArtsId(),
    dataset_name: name,
    dataset_type: source.dataset_type,
    status: 1,
    create_time: ctx.now,
    update_time: ctx.now,
    total_sample_count: count,
    annotated_sample_count: labelled,
    dataset_version_count: 0,
    work_path: workPath,
    labels: source.labels.map((label) => ({ ...label })),
    dataset_tags: [...source.dataset_tags],
  };
  return {
    ...core,
    data_format: source.data_format,
    dataset_format: source.dataset_format,
    description: `Exported from ${source.dataset_name}`,
    unconfirmed_sample_count: 0,
    current_version_id: "",
    current_version_name: "",
    data_sources: [{ data_type: 0, data_path: task.path }],
    workspace_id: source.workspace_id,
    ...datasetDetails(core),
  };
}
