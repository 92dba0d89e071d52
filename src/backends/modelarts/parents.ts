/**
 * The parent (source) objects behind the ModelArts types of the schema: what a resolver returns and the next
 * resolver receives. Codegen maps the GraphQL types to these (see `codegen.ts`). Objects with global ids are models
 * (`to-model.ts`); their parts are wire objects.
 */
import type { Connection } from "../../pagination/connection";
import type { ModelArtsDatasetModel, ModelArtsExportTaskModel } from "./to-model";
import type { WireObject } from "./resolvers/wire-values";
import type { ModelArtsDataSource, ModelArtsExportParams, ModelArtsLabel } from "./types";

/** A ModelArts dataset. */
export type ModelArtsDatasetParent = ModelArtsDatasetModel;
/** A ModelArts export task. */
export type ModelArtsExportTaskParent = ModelArtsExportTaskModel;
/** A page of export tasks. */
export type ModelArtsExportTaskConnectionParent = Connection<ModelArtsExportTaskModel>;
/** A task's `export_params` as the wire gives them (possibly absent: an empty object). */
export type ModelArtsExportParamsParent = ModelArtsExportParams;
/** A label as the wire gives it. */
export type ModelArtsLabelParent = ModelArtsLabel;
/** A data source as the wire gives it. */
export type ModelArtsDataSourceParent = ModelArtsDataSource;
/** A dataset, for its sample counts. */
export type ModelArtsSampleCountsParent = ModelArtsDatasetModel;
/** The nested parts read field by field from the wire (versions, label statistics, workers, search conditions, …). */
export type ModelArtsWireObjectParent = WireObject;
