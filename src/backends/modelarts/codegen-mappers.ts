/**
 * The parents of ModelArts's GraphQL types, for codegen (`codegen.ts` reads this file of every registered backend):
 * type name to `<module>#<type>`, the module relative to this folder. A type not listed here resolves from its
 * generated shape.
 */
export const codegenMappers: Readonly<Record<string, string>> = {
  ModelArtsDataset: "./parents#ModelArtsDatasetParent",
  ModelArtsExportTask: "./parents#ModelArtsExportTaskParent",
  ModelArtsExportTaskConnection: "./parents#ModelArtsExportTaskConnectionParent",
  ModelArtsExportParams: "./parents#ModelArtsExportParamsParent",
  ModelArtsLabel: "./parents#ModelArtsLabelParent",
  ModelArtsDataSource: "./parents#ModelArtsDataSourceParent",
  ModelArtsSampleCounts: "./parents#ModelArtsSampleCountsParent",
};
