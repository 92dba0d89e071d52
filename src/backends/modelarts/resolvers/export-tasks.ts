/**
 * The `ModelArtsExportTask` type (a `Job`): its state and progress come from the model (`codes.ts`), its own
 * fields from the wire task, integer codes as enums with the raw value beside them. `dataset` reads the request's
 * `datasetById` loader, which a `jobs` scan has already primed from its dataset list (no extra call).
 */
import type { Resolvers } from "../../../generated/resolvers-types";
import { readableReason } from "../../../model";
import { jobModelFields } from "../../model-fields";
import {
  exportDestinationOf,
  exportFormatOf,
  exportTaskProgress,
  exportTaskStatusOf,
  exportTypeOf,
  labelTypeOf,
} from "../codes";
import { modelArtsSession } from "../session";
import { booleanOrNull, integerOrNull, objectOrNull, objectsOf, textFields, textOrNull } from "./wire-values";

/** `train_sample_ratio` as a number: ModelArts documents text (`"0.80"`), and its own example sends a number. */
function ratioOf(value: unknown): number | null {
  const ratio = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof ratio === "number" && Number.isFinite(ratio) ? ratio : null;
}

/** The ModelArts export task types. */
export const modelArtsExportTaskResolvers: Resolvers = {
  ModelArtsExportTask: {
    ...jobModelFields,
    modelArtsId: (task) => task.wire.task_id,
    progress: (task) => exportTaskProgress(task.wire),
    failureReason: (task) =>
      task.state === "FAILED" ? (readableReason(task.wire.error_msg) ?? readableReason(task.wire.error_code)) : null,
    itemsTotal: (task) => integerOrNull(task.wire.total_sample_count),
    itemsDone: (task) => integerOrNull(task.wire.finished_sample_count),
    // ModelArts counts no failed samples: a task fails as a whole (`error_code`), so the count is unknown, not 0.
    itemsFailed: () => null,
    exportStatus: (task) => exportTaskStatusOf(task.wire.status),
    rawStatus: (task) => task.wire.status,
    progressPercent: (task) =>
      typeof task.wire.progress === "number" && Number.isFinite(task.wire.progress) ? task.wire.progress : null,
    dataset: (task, _args, context) => modelArtsSession(context).loaders.datasetById.load(task.datasetRef),
    datasetId: (task) => task.datasetRef,
    path: (task) => textOrNull(task.wire.path),
    exportType: (task) => exportTypeOf(task.wire.export_type),
    exportTypeCode: (task) => integerOrNull(task.wire.export_type),
    exportFormat: (task) => exportFormatOf(task.wire.export_format),
    exportFormatCode: (task) => integerOrNull(task.wire.export_format),
    versionId: (task) => textOrNull(task.wire.version_id),
    versionFormat: (task) => textOrNull(task.wire.version_format),
    exportParams: (task) =>
      typeof task.wire.export_params === "object" && task.wire.export_params !== null ? task.wire.export_params : {},
    totalSampleCount: (task) => integerOrNull(task.wire.total_sample_count),
    finishedSampleCount: (task) => integerOrNull(task.wire.finished_sample_count),
    errorCode: (task) => textOrNull(task.wire.error_code),
    errorMessage: (task) => textOrNull(task.wire.error_msg),
    annotationFormat: (task) => textOrNull(task.wire.annotation_format),
    sourceTypeHeader: (task) => textOrNull(task.wire.source_type_header),
    withColumnHeader: (task) => booleanOrNull(task.wire.with_column_header),
    datasetTypeCode: (task) => integerOrNull(task.wire.dataset_type),
    sampleState: (task) => textOrNull(task.wire.sample_state),
  },
  ModelArtsExportParams: {
    destination: (params) => exportDestinationOf(params.export_dest),
    rawDestination: (params) => textOrNull(params.export_dest),
    newDatasetName: (params) => textOrNull(params.export_new_dataset_name),
    newDatasetWorkPath: (params) => textOrNull(params.export_new_dataset_work_path),
    sampleState: (params) => textOrNull(params.sample_state),
    samples: (params) =>
      Array.isArray(params.samples) ? params.samples.filter((sample) => typeof sample === "string") : null,
    searchConditions: (params) =>
      Array.isArray(params.search_conditions) ? objectsOf(params.search_conditions) : null,
    clearHardProperty: (params) => booleanOrNull(params.clear_hard_property),
    clearDifficult: (params) => booleanOrNull(params.clear_difficult),
    versionName: (params) => textOrNull(params.export_dataset_version_name),
    versionFormat: (params) => textOrNull(params.export_dataset_version_format),
    ratioSampleUsage: (params) => booleanOrNull(params.ratio_sample_usage),
    trainSampleRatio: (params) => ratioOf(params.train_sample_ratio),
  },
  ModelArtsSearchCondition: {
    ...textFields({
      coefficient: "coefficient",
      hard: "hard",
      importOrigin: "import_origin",
      kvp: "kvp",
      labeler: "labeler",
      parentSampleId: "parent_sample_id",
      sampleDir: "sample_dir",
      sampleName: "sample_name",
      sampleTime: "sample_time",
      score: "score",
      sliceThickness: "slice_thickness",
      studyDate: "study_date",
      timeInVideo: "time_in_video",
    }),
    frameInVideo: (condition) => integerOrNull(condition.frame_in_video),
    labelList: (condition) => objectOrNull(condition.label_list),
    metadata: (condition) => objectOrNull(condition.metadata),
  },
  ModelArtsSearchLabels: {
    labels: (labels) => objectsOf(labels.labels),
    op: (labels) => textOrNull(labels.op),
  },
  ModelArtsSearchLabel: {
    name: (label) => textOrNull(label.name),
    type: (label) => (label.type === undefined || label.type === null ? null : labelTypeOf(label.type)),
    typeCode: (label) => integerOrNull(label.type),
    op: (label) => textOrNull(label.op),
    property: (label) => objectOrNull(label.property),
  },
  ModelArtsSearchProperties: {
    op: (props) => textOrNull(props.op),
    props: (props) => objectOrNull(props.props),
  },
};
