/**
 * The `ModelArtsDataset` type and its parts: integer codes as enums with the raw code beside them (an unknown code
 * is `UNKNOWN`, never an error), sample counts, versions, data sources, labels, tags, and `exportTasks`, a Relay
 * connection over the dataset's export-task list (one call per 100 tasks, shared with `jobs` in the same request).
 */
import type { Resolvers } from "../../../generated/resolvers-types";
import { totalCountOf } from "../../../pagination/connection";
import { filterFingerprint, paginate } from "../../../pagination/paginate";
import { filteredSource } from "../../../pagination/sources";
import { sortKeyOf } from "../../../pagination/sort-key";
import { datasetModelFields } from "../../model-fields";
import { datasetFormatOf, datasetStatusOf, datasetTypeOf } from "../codes";
import { modelArtsSession } from "../session";
import { countOf, integerOrNull, textOrNull } from "./wire-values";

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
    labels: (dataset) => (Array.isArray(dataset.wire.labels) ? dataset.wire.labels.filter((label) => typeof label?.name === "string") : []),
    tags: (dataset) => (Array.isArray(dataset.wire.dataset_tags) ? dataset.wire.dataset_tags.filter((tag) => typeof tag === "string") : []),
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
  },
  ModelArtsDataSource: {
    dataType: (source) => integerOrNull(source.data_type),
    path: (source) => textOrNull(source.data_path),
  },
  ModelArtsLabel: {
    name: (label) => label.name,
    type: (label) => datasetTypeOf(label.type),
    typeCode: (label) => integerOrNull(label.type),
    property: (label) =>
      typeof label.property === "object" && label.property !== null && !Array.isArray(label.property) ? label.property : null,
  },
};
