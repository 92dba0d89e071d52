/**
 * The parent (source) objects behind the schema's types: what a resolver returns and the next resolver receives.
 * Codegen maps the GraphQL types to these (see `codegen.ts`), so resolver signatures are checked against them.
 */
import type {
  NexusDataset,
  NexusDeployment,
  NexusJob,
  NexusItemCounters,
  NexusJobStatus,
  NexusLogEntry,
  NexusResultDestination,
  NexusUploadUrl,
  NexusWebhook,
  NexusWebhookTestResult,
} from "../backends/nexus/types";
import type { Connection } from "../pagination/connection";

/** A dataset as the upstream returns it. */
export type NexusDatasetParent = NexusDataset;
/** A job as the upstream returns it. */
export type NexusJobParent = NexusJob;
/** A webhook as the upstream returns it. */
export type NexusWebhookParent = NexusWebhook;
/** A job's upstream status. */
export type NexusJobStatusParent = NexusJobStatus;
/** A dataset, for resolving its status (the status fields need the dataset around them). */
export type NexusDatasetStatusParent = NexusDataset;
/** A job's deployment. */
export type NexusDeploymentParent = NexusDeployment;
/** A result destination of a job. */
export type NexusResultDestinationParent = NexusResultDestination;
/** Upload instructions as the upstream gives them. */
export type UploadInstructionsParent = NexusUploadUrl;
/** A log entry and the job it belongs to (the wire entry does not say). */
export type NexusLogEntryParent = NexusLogEntry & { jobId: string };
/** A webhook test result as the upstream returns it. */
export type WebhookTestResultParent = NexusWebhookTestResult;
/** A page of datasets. */
export type DatasetConnectionParent = Connection<NexusDataset>;
/** A page of jobs. */
export type JobConnectionParent = Connection<NexusJob>;
/** A page of webhooks. */
export type NexusWebhookConnectionParent = Connection<NexusWebhook>;
/** A job's item counters as the wire gives them (PascalCase, possibly missing). */
export type NexusItemCountersParent = NexusItemCounters;
