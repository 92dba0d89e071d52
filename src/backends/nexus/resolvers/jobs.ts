/**
 * The `NexusJob` type and its parts (status with every counter, dataset, webhooks, deployment). Related objects
 * come from the request's loaders, so a page of 50 jobs fetches each distinct dataset and webhook once (or lists
 * them, when there are many; see `loaders.ts`).
 */
import type { Resolvers } from "../../../generated/resolvers-types";
import { readableReason } from "../../../model";
import { jobModelFields } from "../../model-fields";
import { itemCount, jobProgress } from "../job-state";
import { nexusSession } from "../session";
import type { NexusJobModel, NexusWebhookModel } from "../to-model";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function numberOf(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function integerOf(value: unknown): number | null {
  return Number.isSafeInteger(value) ? (value as number) : null;
}

/**
 * `failureReason`: the status's `reason`, else its message, unless that only repeats the overview (`Failed`, which
 * the emulator and, we assume, the platform write when they give a reason beside it). Null for a job not FAILED.
 */
function failureReasonOf(job: NexusJobModel): string | null {
  if (job.state !== "FAILED") return null;
  const status = job.wire.status;
  const message = readableReason(status?.message);
  return readableReason(status?.reason) ?? (message?.toLowerCase() === "failed" ? null : message);
}

/** The Nexus job types. */
export const nexusJobResolvers: Resolvers = {
  NexusJob: {
    ...jobModelFields,
    nexusId: (job) => job.ref,
    projectId: (job) => job.wire.projectId,
    progress: async (job, _args, context) => {
      // A finished job is 1 whatever its dataset says; no need to load it.
      if (job.datasetRef === null || job.state === "FINISHED") return jobProgress(job.wire, null);
      const dataset = await nexusSession(context).loaders.datasetById.load(job.datasetRef);
      return jobProgress(job.wire, dataset?.wire.status.itemCount);
    },
    failureReason: (job) => failureReasonOf(job),
    itemsTotal: async (job, _args, context) => {
      // A finished job has handled every item, each counted once at the last stage (what `progress` reads too).
      if (job.state === "FINISHED")
        return itemCount(job.wire.status?.items, "Delivered") + itemCount(job.wire.status?.items, "FailedDeliver");
      if (job.datasetRef === null) return null;
      const dataset = await nexusSession(context).loaders.datasetById.load(job.datasetRef);
      return integerOf(dataset?.wire.status.itemCount);
    },
    itemsDone: (job) => itemCount(job.wire.status?.items, "Delivered"),
    itemsFailed: (job) => itemCount(job.wire.status?.items, "FailedDeliver"),
    status: (job) => job.wire.status,
    dataset: (job, _args, context) =>
      job.datasetRef === null ? null : nexusSession(context).loaders.datasetById.load(job.datasetRef),
    datasetId: (job) => job.wire.spec?.datasetId ?? null,
    webhooks: async (job, _args, context) => {
      const ids = (job.wire.spec?.resultDelivery?.destinations ?? []).flatMap((destination) =>
        destination.webhookId === undefined ? [] : [destination.webhookId],
      );
      const loaded = await nexusSession(context).loaders.webhookById.loadMany(ids);
      const webhooks: NexusWebhookModel[] = [];
      for (const item of loaded) {
        if (item instanceof Error) throw item;
        if (item !== null) webhooks.push(item);
      }
      return webhooks;
    },
    destinations: (job) => job.wire.spec?.resultDelivery?.destinations ?? [],
    deployment: (job) => job.wire.spec?.deployment ?? null,
    startAt: (job) => (typeof job.wire.spec?.startAtTime === "number" ? job.wire.spec.startAtTime : null),
    stopAt: (job) => (typeof job.wire.spec?.stopAtTime === "number" ? job.wire.spec.stopAtTime : null),
  },
  NexusJobStatus: {
    overview: (status) => String(status.overview),
    message: (status) => status.message ?? null,
    reason: (status) => status.reason ?? null,
    cancelledAt: (status) => (typeof status.cancelledAt === "number" ? status.cancelledAt : null),
    updatedAt: (status) => (typeof status.updateDate === "number" ? status.updateDate : null),
    items: (status) => status.items ?? {},
  },
  NexusItemCounters: {
    gathered: (items) => itemCount(items, "Gathered"),
    failedGather: (items) => itemCount(items, "FailedGather"),
    preprocessed: (items) => itemCount(items, "Preprocessed"),
    failedProcess: (items) => itemCount(items, "FailedProcess"),
    predicted: (items) => itemCount(items, "Predicted"),
    failedPredict: (items) => itemCount(items, "FailedPredict"),
    delivered: (items) => itemCount(items, "Delivered"),
    failedDeliver: (items) => itemCount(items, "FailedDeliver"),
  },
  NexusDeployment: {
    kind: (deployment) => String(deployment.kind),
    deploymentId: (deployment) => ("deploymentId" in deployment ? deployment.deploymentId : null),
    template: (deployment) =>
      deployment.kind === "NewEphemeralDeployment" && isObject(deployment.template) ? deployment.template : null,
  },
  // Every field of a read-back deployment is optional upstream: a missing or mistyped one reads as null.
  NexusEphemeralDeploymentTemplate: {
    deploymentId: (template) => textOf(template.id),
    name: (template) => textOf(template.name),
    status: (template) => (isObject(template.status) ? template.status : null),
    createdAt: (template) => numberOf(template.createDate),
    updatedAt: (template) => numberOf(template.updateDate),
    projectId: (template) => textOf(template.projectId),
    artifactId: (template) => textOf(template.artifactId),
    versionTag: (template) => textOf(template.versionTag),
    region: (template) => textOf(template.region),
    historyVersions: (template) =>
      Array.isArray(template.historyVersions) ? template.historyVersions.filter(isObject) : null,
    options: (template) => (isObject(template.options) ? template.options : null),
    instanceId: (template) => textOf(template.instanceId),
    resources: (template) => (isObject(template.resources) ? template.resources : null),
    scaling: (template) => (isObject(template.scaling) ? template.scaling : null),
    replicas: (template) =>
      integerOf(isObject(template.scaling) ? template.scaling.replicas : undefined) ?? integerOf(template.replicas),
    url: (template) => textOf(template.url),
  },
  NexusDeploymentStatus: {
    overview: (status) => textOf(status.overview),
    message: (status) => textOf(status.message),
    updatedAt: (status) => numberOf(status.updateDate),
  },
  NexusDeploymentVersion: {
    versionTag: (version) => textOf(version.versionTag),
    artifactId: (version) => textOf(version.artifactId),
    updatedAt: (version) => numberOf(version.updateDate),
  },
  NexusDeploymentScaling: {
    replicas: (scaling) => integerOf(scaling.replicas),
  },
  NexusResultDestination: {
    kind: (destination) => String(destination.kind),
    webhookId: (destination) => destination.webhookId ?? null,
    webhook: (destination, _args, context) =>
      destination.webhookId === undefined
        ? null
        : nexusSession(context).loaders.webhookById.load(destination.webhookId),
  },
};
