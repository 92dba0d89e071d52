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
  ModelArtsDatasetVersion: "./parents#ModelArtsWireObjectParent",
  ModelArtsLabelStats: "./parents#ModelArtsWireObjectParent",
  ModelArtsLabelAttribute: "./parents#ModelArtsWireObjectParent",
  ModelArtsLabelAttributeValue: "./parents#ModelArtsWireObjectParent",
  ModelArtsSchemaColumn: "./parents#ModelArtsWireObjectParent",
  ModelArtsSchemaMap: "./parents#ModelArtsWireObjectParent",
  ModelArtsSourceInfo: "./parents#ModelArtsWireObjectParent",
  ModelArtsWorker: "./parents#ModelArtsWireObjectParent",
  ModelArtsTeamLabeling: "./parents#ModelArtsWireObjectParent",
  ModelArtsSearchCondition: "./parents#ModelArtsWireObjectParent",
  ModelArtsSearchLabels: "./parents#ModelArtsWireObjectParent",
  ModelArtsSearchLabel: "./parents#ModelArtsWireObjectParent",
  ModelArtsSearchProperties: "./parents#ModelArtsWireObjectParent",
};
