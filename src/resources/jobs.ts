/**
 * Jobs: `job(id)`, `jobs(...)`, the `Job` interface and the `NexusJob` type (state, progress, status with every
 * counter, dataset, webhooks, deployment). Related objects come from the request's loaders, so a page of 50 jobs
 * fetches each distinct dataset and webhook once (or lists them, when there are many; see `loaders.ts`).
 */
import { itemCount, jobProgress, jobStateFromNexus } from "../backends/nexus/job-state";
import type { NexusWebhook } from "../backends/nexus/types";
import type { Resolvers } from "../generated/resolvers-types";
import { rawIdFor, toGlobalId } from "../global-id";
import { totalCountOf } from "../pagination/connection";
import { filterFingerprint, paginate } from "../pagination/paginate";
import { sortKeyOf } from "./datasets";

/** The job queries and types. */
export const jobResolvers: Resolvers = {
  Job: {
    __resolveType: () => "NexusJob",
  },
  Query: {
    job: (_root, { id }, context) => context.loaders().jobById.load(rawIdFor("NexusJob", id)),
    jobs: (_root, args, context) => {
      const states = args.state ?? [];
      const datasetId = args.datasetId == null ? null : rawIdFor("NexusDataset", args.datasetId, "datasetId");
      return paginate({
        kind: "jobs",
        filter: filterFingerprint({ state: states, datasetId }),
        args,
        pages: context.loaders().jobs.pages(),
        all: () => context.loaders().jobs.all(),
        keyOf: sortKeyOf,
        include: (job) =>
          (datasetId === null || job.spec?.datasetId === datasetId) &&
          (states.length === 0 || states.includes(jobStateFromNexus(job))),
      });
    },
  },
  JobConnection: {
    totalCount: (connection) => totalCountOf(connection),
  },
  NexusJob: {
    id: (job) => toGlobalId("NexusJob", job.id),
    nexusId: (job) => job.id,
    provider: () => "NEXUS",
    createdAt: (job) => job.createDate,
    updatedAt: (job) => job.updateDate,
    state: (job) => jobStateFromNexus(job),
    progress: async (job, _args, context) => {
      const datasetId = job.spec?.datasetId;
      // A finished job is 1 whatever its dataset says; no need to load it.
      if (datasetId === undefined || jobStateFromNexus(job) === "FINISHED") return jobProgress(job, null);
      const dataset = await context.loaders().datasetById.load(datasetId);
      return jobProgress(job, dataset?.status.itemCount);
    },
    status: (job) => job.status,
    dataset: (job, _args, context) => {
      const datasetId = job.spec?.datasetId;
      return datasetId === undefined ? null : context.loaders().datasetById.load(datasetId);
    },
    datasetId: (job) => job.spec?.datasetId ?? null,
    webhooks: async (job, _args, context) => {
      const ids = (job.spec?.resultDelivery?.destinations ?? []).flatMap((destination) =>
        destination.webhookId === undefined ? [] : [destination.webhookId],
      );
      const loaded = await context.loaders().webhookById.loadMany(ids);
      const webhooks: NexusWebhook[] = [];
      for (const item of loaded) {
        if (item instanceof Error) throw item;
        if (item !== null) webhooks.push(item);
      }
      return webhooks;
    },
    destinations: (job) => job.spec?.resultDelivery?.destinations ?? [],
    deployment: (job) => job.spec?.deployment ?? null,
    startAt: (job) => (typeof job.spec?.startAtTime === "number" ? job.spec.startAtTime : null),
    stopAt: (job) => (typeof job.spec?.stopAtTime === "number" ? job.spec.stopAtTime : null),
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
      destination.webhookId === undefined ? null : context.loaders().webhookById.load(destination.webhookId),
  },
};
