/**
 * The parent (source) objects behind the Nexus types of the schema: what a resolver returns and the next resolver
 * receives. Codegen maps the GraphQL types to these (see `codegen.ts`), so resolver signatures are checked against
 * them. Objects with global ids are models (`to-model.ts`); their parts are wire objects.
 */
import type { Connection } from "../../pagination/connection";
import type { NexusDatasetModel, NexusJobModel, NexusLogEntryModel, NexusWebhookModel } from "./to-model";
import type {
  NexusDeployment,
  NexusDeploymentRead,
  NexusItemCounters,
  NexusJobStatus,
  NexusResultDestination,
  NexusUploadUrl,
  NexusWebhookTestResult,
} from "./types";

/** A Nexus dataset. */
export type NexusDatasetParent = NexusDatasetModel;
/** A Nexus job. */
export type NexusJobParent = NexusJobModel;
/** A Nexus webhook. */
export type NexusWebhookParent = NexusWebhookModel;
/** A log entry (it knows its job). */
export type NexusLogEntryParent = NexusLogEntryModel;
/** A job's upstream status. */
export type NexusJobStatusParent = NexusJobStatus;
/** A dataset, for resolving its status (the status fields need the dataset around them). */
export type NexusDatasetStatusParent = NexusDatasetModel;
/** A job's deployment. */
export type NexusDeploymentParent = NexusDeployment;
/** An ephemeral deployment as a job reads it back (every field optional). */
export type NexusDeploymentTemplateParent = NexusDeploymentRead;
/** An ephemeral deployment's status. */
export type NexusDeploymentStatusParent = NonNullable<NexusDeploymentRead["status"]>;
/** One earlier version of an ephemeral deployment. */
export type NexusDeploymentVersionParent = NonNullable<NexusDeploymentRead["historyVersions"]>[number];
/** An ephemeral deployment's scaling. */
export type NexusDeploymentScalingParent = NonNullable<NexusDeploymentRead["scaling"]>;
/** A result destination of a job. */
export type NexusResultDestinationParent = NexusResultDestination;
/** Upload instructions as the upstream gives them. */
export type UploadInstructionsParent = NexusUploadUrl;
/** A webhook test result as the upstream returns it. */
export type WebhookTestResultParent = NexusWebhookTestResult;
/** A page of webhooks. */
export type NexusWebhookConnectionParent = Connection<NexusWebhookModel>;
/** A page of a job's log (`NexusJob.logs`). */
export type NexusLogEntryConnectionParent = Connection<NexusLogEntryModel>;
/** A job's item counters as the wire gives them (PascalCase, possibly missing). */
export type NexusItemCountersParent = NexusItemCounters;
