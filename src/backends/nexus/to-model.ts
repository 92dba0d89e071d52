/**
 * From Nexus wire objects to the neutral model (`src/model.ts`): the one place that decides what a Nexus id, time
 * and status mean to the rest of the gateway. The wire object stays inside the model, unchanged.
 */
import type { DatasetModel, JobModel, LogEntryModel, ModelBase } from "../../model";
import { datasetStateFromNexus, jobStateFromNexus } from "./job-state";
import type { NexusDataset, NexusJob, NexusLogEntry, NexusWebhook } from "./types";

/** A Nexus dataset in the model. */
export type NexusDatasetModel = DatasetModel<NexusDataset>;
/** A Nexus job in the model. */
export type NexusJobModel = JobModel<NexusJob>;
/** A Nexus webhook (Nexus-only, but ordered and identified like every other object). */
export type NexusWebhookModel = ModelBase<NexusWebhook> & { kind: "webhook" };
/** A Nexus log entry. */
export type NexusLogEntryModel = LogEntryModel<NexusLogEntry>;

/** The parts every Nexus model shares; a Nexus object's tenant is its project. */
function base<W>(typename: string, tenant: string, ref: string, createdAt: number, wire: W) {
  return { provider: "NEXUS" as const, typename, tenant, ref, createdAt, wire };
}

/** A dataset of `project`. */
export function datasetFromNexus(dataset: NexusDataset, project: string): NexusDatasetModel {
  return {
    ...base("NexusDataset", project, dataset.id, dataset.createDate, dataset),
    kind: "dataset",
    name: dataset.name,
    updatedAt: dataset.updateDate,
    state: datasetStateFromNexus(dataset),
  };
}

/** A job of `project`. */
export function jobFromNexus(job: NexusJob, project: string): NexusJobModel {
  const datasetId = job.spec?.datasetId;
  return {
    ...base("NexusJob", project, job.id, job.createDate, job),
    kind: "job",
    name: job.name,
    updatedAt: job.updateDate,
    state: jobStateFromNexus(job),
    datasetRef: typeof datasetId === "string" && datasetId !== "" ? datasetId : null,
  };
}

/** A webhook of `project`. */
export function webhookFromNexus(webhook: NexusWebhook, project: string): NexusWebhookModel {
  return { ...base("NexusWebhook", project, webhook.id, webhook.createDate, webhook), kind: "webhook" };
}

/** A log entry of job `jobId` in `project`. */
export function logEntryFromNexus(entry: NexusLogEntry, jobId: string, project: string): NexusLogEntryModel {
  return {
    ...base("NexusLogEntry", project, entry.id, entry.createTime, entry),
    kind: "logEntry",
    jobRef: jobId,
    level: String(entry.level),
  };
}
