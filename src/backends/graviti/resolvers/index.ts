/** Every resolver of the Graviti types and Graviti-only fields, for the backend object (`../index.ts`). */
import type { Resolvers } from "../../../generated/resolvers-types";
import { gravitiDatasetMutationResolvers } from "./dataset-mutations";
import { gravitiDatasetResolvers } from "./datasets";

/** The Graviti resolver modules, merged in this order into the schema. */
export const gravitiResolvers: readonly Resolvers[] = [gravitiDatasetResolvers, gravitiDatasetMutationResolvers];
