/**
 * The `ModelArtsExportTask` type (a `Job`): its state and progress come from the model (`codes.ts`), its own
 * fields from the wire task, integer codes as enums with the raw value beside them. `dataset` reads the request's
 * `datasetById` loader, which a `jobs` scan has already primed from its dataset list (no extra call).
 */
import type { Resolvers } from "../../../generated/resolvers-types";
import { jobModelFields } from "../../model-fields";
import { exportDestinationOf, exportFormatOf, exportTaskProgress, exportTaskStatusOf, exportTypeOf } from "../codes";
import { modelArtsSession } from "../session";
import { integerOrNull, textOrNull } from "./wire-values";

/** The ModelArts export task types. */
export const modelArtsExportTaskResolvers: Resolvers = {
  ModelArtsExportTask: {
    ...jobModelFields,
    modelArtsId: (task) => task.wire.task_id,
    progress: (task) => exportTaskProgress(task.wire),
    exportStatus: (task) => exportTaskStatusOf(task.wire.status),
    rawStatus: (task) => task.wire.status,
    progressPercent: (task) => (typeof task.wire.progress === "number" && Number.isFinite(task.wire.progress) ? task.wire.progress : null),
    dataset: (task, _args, context) => modelArtsSession(context).loaders.datasetById.load(task.datasetRef),
    datasetId: (task) => task.datasetRef,
    path: (task) => textOrNull(task.wire.path),
    exportType: (task) => exportTypeOf(task.wire.export_type),
    exportTypeCode: (task) => integerOrNull(task.wire.export_type),
    exportFormat: (task) => exportFormatOf(task.wire.export_format),
    exportFormatCode: (task) => integerOrNull(task.wire.export_format),
    versionId: (task) => textOrNull(task.wire.version_id),
    versionFormat: (task) => textOrNull(task.wire.version_format),
    exportParams: (task) => (typeof task.wire.export_params === "object" && task.wire.export_params !== null ? task.wire.export_params : {}),
    totalSampleCount: (task) => integerOrNull(task.wire.total_sample_count),
    finishedSampleCount: (task) => integerOrNull(task.wire.finished_sample_count),
    errorCode: (task) => textOrNull(task.wire.error_code),
    errorMessage: (task) => textOrNull(task.wire.error_msg),
  },
  ModelArtsExportParams: {
    destination: (params) => exportDestinationOf(params.export_dest),
    rawDestination: (params) => textOrNull(params.export_dest),
    newDatasetName: (params) => textOrNull(params.export_new_dataset_name),
    newDatasetWorkPath: (params) => textOrNull(params.export_new_dataset_work_path),
    sampleState: (params) => textOrNull(params.sample_state),
    samples: (params) => (Array.isArray(params.samples) ? params.samples.filter((sample) => typeof sample === "string") : null),
  },
};
