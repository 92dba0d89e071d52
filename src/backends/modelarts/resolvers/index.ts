/** Every resolver of the ModelArts types and ModelArts-only fields, for the backend object (`../index.ts`). */
import type { Resolvers } from "../../../generated/resolvers-types";
import { modelArtsDatasetDetailResolvers } from "./dataset-details";
import { modelArtsDatasetResolvers } from "./datasets";
import { modelArtsMutationResolvers } from "./export-task-mutations";
import { modelArtsExportTaskResolvers } from "./export-tasks";

/** The ModelArts resolver modules, merged in this order into the schema. */
export const modelArtsResolvers: readonly Resolvers[] = [
  modelArtsDatasetResolvers,
  modelArtsDatasetDetailResolvers,
  modelArtsExportTaskResolvers,
  modelArtsMutationResolvers,
];
