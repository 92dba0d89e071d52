/**
 * The `ModelArtsDataset` type: integer codes as enums with the raw code beside them (an unknown code is `UNKNOWN`,
 * never an error), sample counts, every documented detail field (its parts resolve in `dataset-details.ts`), the
 * running-task check `runningTasks(type)` (one more read of the dataset), and `exportTasks`, a Relay
 * connection over the dataset's export-task list (one call per 100 tasks, shared with `jobs` in the same request).
 */
import type { Resolvers } from "../../../generated/resolvers-types";
import { totalCountOf } from "../../../pagination/connection";
import { filterFingerprint, paginate } from "../../../pagination/paginate";
import { filteredSource } from "../../../pagination/sources";
import { sortKeyOf } from "../../../pagination/sort-key";
import { datasetModelFields } from "../../model-fields";
import { datasetFormatOf, datasetStatusOf, datasetTypeOf, runningTaskTypeCode, workPathTypeOf } from "../codes";
import { modelArtsSession } from "../session";
import {
  booleanOrNull,
  countOf,
  integerOrNull,
  objectOrNull,
  objectsOf,
  stringsOf,
  textOrNull,
  timeOrNull,
} from "./wire-values";

/** The ModelArts dataset types. */
export const modelArtsDatasetResolvers: Resolvers = {
  ModelArtsDataset: {
    ...datasetModelFields,
    modelArtsId: (dataset) => dataset.ref,
    projectId: (dataset) => dataset.tenant,
    datasetType: (dataset) => datasetTypeOf(dataset.wire.dataset_type),
    datasetTypeCode: (dataset) => integerOrNull(dataset.wire.dataset_type),
    dataFormat: (dataset) => textOrNull(dataset.wire.data_format),
    datasetFormat: (dataset) => datasetFormatOf(dataset.wire.dataset_format),
    datasetFormatCode: (dataset) => integerOrNull(dataset.wire.dataset_format),
    datasetStatus: (dataset) => datasetStatusOf(dataset.wire.status),
    datasetStatusCode: (dataset) => integerOrNull(dataset.wire.status),
    description: (dataset) => (typeof dataset.wire.description === "string" ? dataset.wire.description : null),
    samples: (dataset) => dataset,
    currentVersionId: (dataset) => textOrNull(dataset.wire.current_version_id),
    currentVersionName: (dataset) => textOrNull(dataset.wire.current_version_name),
    versionCount: (dataset) => countOf(dataset.wire.dataset_version_count),
    workPath: (dataset) => textOrNull(dataset.wire.work_path),
    dataSources: (dataset) => (Array.isArray(dataset.wire.data_sources) ? dataset.wire.data_sources : []),
    labels: (dataset) =>
      Array.isArray(dataset.wire.labels) ? dataset.wire.labels.filter((label) => typeof label?.name === "string") : [],
    tags: (dataset) =>
      Array.isArray(dataset.wire.dataset_tags)
        ? dataset.wire.dataset_tags.filter((tag) => typeof tag === "string")
        : [],
    versions: (dataset) => objectsOf(dataset.wire.versions),
    dataUpdatedAt: (dataset) => timeOrNull(dataset.wire.data_update_time),
    dataStatistics: (dataset) => objectOrNull(dataset.wire.data_statistics),
    deletionStats: (dataset) => objectOrNull(dataset.wire.deletion_stats),
    importData: (dataset) => booleanOrNull(dataset.wire.import_data),
    importTaskId: (dataset) => textOrNull(dataset.wire.import_task_id),
    innerWorkPath: (dataset) => textOrNull(dataset.wire.inner_work_path),
    innerAnnotationPath: (dataset) => textOrNull(dataset.wire.inner_annotation_path),
    innerDataPath: (dataset) => textOrNull(dataset.wire.inner_data_path),
    innerLogPath: (dataset) => textOrNull(dataset.wire.inner_log_path),
    innerTaskPath: (dataset) => textOrNull(dataset.wire.inner_task_path),
    innerTempPath: (dataset) => textOrNull(dataset.wire.inner_temp_path),
    labelTaskCount: (dataset) => integerOrNull(dataset.wire.label_task_count),
    managed: (dataset) => booleanOrNull(dataset.wire.managed),
    nextVersionNumber: (dataset) => integerOrNull(dataset.wire.next_version_num),
    schema: (dataset) => objectsOf(dataset.wire.schema),
    thirdPath: (dataset) => textOrNull(dataset.wire.third_path),
    workPathType: (dataset) => workPathTypeOf(dataset.wire.work_path_type),
    workPathTypeCode: (dataset) => integerOrNull(dataset.wire.work_path_type),
    workspaceId: (dataset) => textOrNull(dataset.wire.workspace_id),
    enterpriseProjectId: (dataset) => textOrNull(dataset.wire.enterprise_project_id),
    featureSupports: (dataset) => stringsOf(dataset.wire.feature_supports),
    contentLabeling: (dataset) => booleanOrNull(dataset.wire.content_labeling),
    hasTeamLabelingTask: (dataset) => booleanOrNull(dataset.wire.exist_workforce_task),
    teamLabelingTaskCount: (dataset) => integerOrNull(dataset.wire.workforce_task_count),
    teamLabeling: (dataset) => objectOrNull(dataset.wire.workforce_descriptor),
    runningTasks: (dataset, args, context) =>
      modelArtsSession(context).loaders.runningTasksOf(
        dataset.ref,
        args.type == null ? undefined : runningTaskTypeCode(args.type),
      ),
    exportTasks: (dataset, args, context) => {
      const states = args.state ?? [];
      return paginate({
        kind: "modelArtsDataset.exportTasks",
        filter: filterFingerprint({ datasetId: dataset.ref, state: states }),
        args,
        source: () => {
          const tasks = modelArtsSession(context).loaders.exportTasksOf(dataset.ref);
          return states.length === 0 ? tasks : filteredSource(tasks, (task) => states.includes(task.state), sortKeyOf);
        },
        keyOf: sortKeyOf,
      });
    },
  },
  ModelArtsExportTaskConnection: {
    totalCount: (connection) => totalCountOf(connection),
  },
  ModelArtsSampleCounts: {
    total: (dataset) => countOf(dataset.wire.total_sample_count),
    annotated: (dataset) => countOf(dataset.wire.annotated_sample_count),
    unconfirmed: (dataset) => countOf(dataset.wire.unconfirmed_sample_count),
    totalSub: (dataset) => countOf(dataset.wire.total_sub_sample_count),
    annotatedSub: (dataset) => countOf(dataset.wire.annotated_sub_sample_count),
    deleted: (dataset) => countOf(dataset.wire.deleted_sample_count),
    loading: (dataset) => countOf(dataset.wire.loading_sample_count),
  },
};
