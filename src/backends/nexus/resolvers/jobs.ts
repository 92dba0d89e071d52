/**
 * The `NexusJob` type and its parts (status with every counter, dataset, webhooks, deployment). Related objects
 * come from the request's loaders, so a page of 50 jobs fetches each distinct dataset and webhook once (or lists
 * them, when there are many; see `loaders.ts`).
 */
import type { Resolvers } from "../../../generated/resolvers-types";
import { jobModelFields } from "../../model-fields";
import { itemCount, jobProgress } from "../job-state";
import { nexusSession } from "../session";
import type { NexusWebhookModel } from "../to-model";

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
    template: (deployment) => ("template" in deployment ? deployment.template : null),
  },
  NexusResultDestination: {
    kind: (destination) => String(destination.kind),
    webhookId: (destination) => destination.webhookId ?? null,
    webhook: (destination, _args, context) =>
      destination.webhookId === undefined ? null : nexusSession(context).loaders.webhookById.load(destination.webhookId),
  },
};
