/**
 * Datasets: `dataset(id)`, `datasets(...)`, the `Dataset` interface and the `NexusDataset` type (status, upload
 * instructions, expiry, and its jobs). `NexusDataset.jobs` reads the request's one `jobsByDatasetId` loader, so a
 * page of datasets lists the jobs once, not once per dataset.
 */
import { datasetStateFromNexus, isExpiredDataset, jobStateFromNexus } from "../backends/nexus/job-state";
import type { NexusUploadUrl } from "../backends/nexus/types";
import type { Resolvers } from "../generated/resolvers-types";
import { rawIdFor, toGlobalId } from "../global-id";
import { totalCountOf } from "../pagination/connection";
import { filterFingerprint, paginate } from "../pagination/paginate";

/** The position key of any upstream object (newest first). */
export const sortKeyOf = (item: { createDate: number; id: string }): { createDate: number; id: string } => ({
  createDate: item.createDate,
  id: item.id,
});

/** Upload instructions' headers as a list of `{name, value}`. */
export function headerList(upload: NexusUploadUrl): { name: string; value: string }[] {
  return Object.entries(upload.headers ?? {}).map(([name, value]) => ({ name, value: String(value) }));
}

/** The dataset queries and types. */
export const datasetResolvers: Resolvers = {
  Dataset: {
    __resolveType: () => "NexusDataset",
  },
  Query: {
    dataset: (_root, { id }, context) => context.loaders().datasetById.load(rawIdFor("NexusDataset", id)),
    datasets: (_root, args, context) => {
      const includeExpired = args.includeExpired ?? false;
      const now = Date.now();
      return paginate({
        kind: "datasets",
        filter: filterFingerprint({ includeExpired }),
        args,
        pages: context.loaders().datasets.pages(),
        all: () => context.loaders().datasets.all(),
        keyOf: sortKeyOf,
        include: (dataset) => includeExpired || !isExpiredDataset(dataset, now),
      });
    },
  },
  NexusDataset: {
    id: (dataset) => toGlobalId("NexusDataset", dataset.id),
    nexusId: (dataset) => dataset.id,
    provider: () => "NEXUS",
    createdAt: (dataset) => dataset.createDate,
    updatedAt: (dataset) => dataset.updateDate,
    state: (dataset) => datasetStateFromNexus(dataset),
    status: (dataset) => dataset,
    itemCount: (dataset) => (typeof dataset.status.itemCount === "number" ? dataset.status.itemCount : null),
    expiresAt: (dataset) => (typeof dataset.expiryTime === "number" ? dataset.expiryTime : null),
    expired: (dataset) => isExpiredDataset(dataset),
    jobs: async (dataset, args, context) => {
      const states = args.state ?? [];
      // Validate the arguments before the jobs list is walked.
      const filter = filterFingerprint({ datasetId: dataset.id, state: states });
      const jobs = paginate({
        kind: "dataset.jobs",
        filter,
        args,
        pages: (async function* () {
          yield await context.loaders().jobsByDatasetId.load(dataset.id);
        })(),
        all: () => context.loaders().jobsByDatasetId.load(dataset.id),
        keyOf: sortKeyOf,
        include: (job) => states.length === 0 || states.includes(jobStateFromNexus(job)),
      });
      return jobs;
    },
  },
  DatasetConnection: {
    totalCount: (connection) => totalCountOf(connection),
  },
  NexusDatasetStatus: {
    overview: (dataset) => String(dataset.status.overview),
    message: (dataset) => dataset.status.message ?? null,
    updatedAt: (dataset) => (typeof dataset.status.updateTime === "number" ? dataset.status.updateTime : null),
    sourceKind: (dataset) => dataset.status.source?.kind ?? null,
    upload: (dataset) => dataset.status.source?.uploadUrl ?? null,
  },
  UploadInstructions: {
    method: (upload) => upload.method || "PUT",
    url: (upload) => upload.url,
    headers: (upload) => headerList(upload),
    expiresAt: (upload) => (typeof upload.expiresAtTime === "number" ? upload.expiresAtTime : null),
  },
};
