/** Every resolver of the Nexus types and Nexus-only fields, for the backend object (`../index.ts`). */
import type { Resolvers } from "../../../generated/resolvers-types";
import { datasetMutationResolvers } from "./dataset-mutations";
import { nexusDatasetResolvers } from "./datasets";
import { jobMutationResolvers } from "./job-mutations";
import { nexusJobResolvers } from "./jobs";
import { nexusLogResolvers } from "./logs";
import { webhookMutationResolvers } from "./webhook-mutations";
import { nexusWebhookResolvers } from "./webhooks";

/** The Nexus resolver modules, merged in this order into the schema. */
export const nexusResolvers: readonly Resolvers[] = [
  nexusDatasetResolvers,
  datasetMutationResolvers,
  nexusJobResolvers,
  jobMutationResolvers,
  nexusLogResolvers,
  nexusWebhookResolvers,
  webhookMutationResolvers,
];
