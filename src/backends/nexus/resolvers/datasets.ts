/**
 * The `NexusDataset` type: what only Nexus datasets have (status, upload instructions, expiry) and their jobs.
 * `NexusDataset.jobs` reads the request's one `jobsByDatasetId` loader, so a page of datasets lists the jobs once,
 * not once per dataset.
 */
import type { Resolvers } from "../../../generated/resolvers-types";
import { filterFingerprint, paginate } from "../../../pagination/paginate";
import { filteredSource, tokenPageSource } from "../../../pagination/sources";
import { sortKeyOf } from "../../../pagination/sort-key";
import { datasetModelFields } from "../../model-fields";
import { isExpiredDataset } from "../job-state";
import { nexusSession } from "../session";
import type { NexusUploadUrl } from "../types";

/** Upload instructions' headers as a list of `{name, value}`. */
export function headerList(upload: NexusUploadUrl): { name: string; value: string }[] {
  return Object.entries(upload.headers ?? {}).map(([name, value]) => ({ name, value: String(value) }));
}

/** The Nexus dataset types. */
export const nexusDatasetResolvers: Resolvers = {
  NexusDataset: {
    ...datasetModelFields,
    nexusId: (dataset) => dataset.ref,
    projectId: (dataset) => dataset.wire.projectId,
    status: (dataset) => dataset,
    itemCount: (dataset) => (typeof dataset.wire.status.itemCount === "number" ? dataset.wire.status.itemCount : null),
    expiresAt: (dataset) => (typeof dataset.wire.expiryTime === "number" ? dataset.wire.expiryTime : null),
    expired: (dataset) => isExpiredDataset(dataset.wire),
    jobs: (dataset, args, context) => {
      const states = args.state ?? [];
      return paginate({
        kind: "dataset.jobs",
        // Version 1 cursors of this list (issued before the registry) carry Nexus ids.
        v1Provider: "NEXUS",
        filter: filterFingerprint({ datasetId: dataset.ref, state: states }),
        args,
        source: () => {
          const { loaders } = nexusSession(context);
          const jobs = tokenPageSource(
            async () => ({ items: await loaders.jobsByDatasetId.load(dataset.ref), next: null }),
            sortKeyOf,
          );
          return states.length === 0 ? jobs : filteredSource(jobs, (job) => states.includes(job.state), sortKeyOf);
        },
        keyOf: sortKeyOf,
      });
    },
  },
  NexusDatasetStatus: {
    overview: (dataset) => String(dataset.wire.status.overview),
    message: (dataset) => dataset.wire.status.message ?? null,
    updatedAt: (dataset) =>
      typeof dataset.wire.status.updateTime === "number" ? dataset.wire.status.updateTime : null,
    sourceKind: (dataset) => dataset.wire.status.source?.kind ?? null,
    upload: (dataset) => dataset.wire.status.source?.uploadUrl ?? null,
  },
  UploadInstructions: {
    method: (upload) => upload.method || "PUT",
    url: (upload) => upload.url,
    headers: (upload) => headerList(upload),
    expiresAt: (upload) => (typeof upload.expiresAtTime === "number" ? upload.expiresAtTime : null),
  },
};
