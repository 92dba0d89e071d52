/**
 * Jobs of every backend: `job(id)`, `jobs(...)` (one list over every backend the request has credentials for,
 * merged newest first; `datasetId` narrows it to that dataset's backend) and the `Job` interface, which routes
 * each object to its backend's type.
 */
import { resolveIdOf } from "../backends/registry";
import type { Resolvers } from "../generated/resolvers-types";
import type { JobModel } from "../model";
import { totalCountOf } from "../pagination/connection";
import { filterFingerprint, paginate } from "../pagination/paginate";
import { mergeSources } from "../pagination/sources";
import { sortKeyOf } from "../pagination/sort-key";

/** The job queries and the `Job` interface. */
export const jobResolvers: Resolvers = {
  Job: {
    // Every model names its own GraphQL type; the cast is to the generated union of the types that implement it.
    __resolveType: (job) => job.typename as "NexusJob",
  },
  Query: {
    job: async (_root, { id }, context) => {
      const { backend, nodeType, ref } = resolveIdOf(id, { kind: "job" });
      return (await context.backends.sessionOf(backend.provider).node(nodeType.typename, ref)) as JobModel | null;
    },
    jobs: (_root, args, context) => {
      const states = args.state ?? [];
      const dataset = args.datasetId == null ? null : resolveIdOf(args.datasetId, { kind: "dataset" }, "datasetId");
      return paginate({
        kind: "jobs",
        // The fingerprint keeps the raw dataset id, as cursors issued before several backends existed did.
        filter: filterFingerprint({ state: states, datasetId: dataset?.ref ?? null }),
        args,
        source: () => {
          // A job runs over a dataset of its own backend: with `datasetId`, only that backend is asked.
          const sessions =
            dataset === null ? context.backends.available() : [context.backends.sessionOf(dataset.backend.provider)];
          const filter = { states, datasetRef: dataset?.ref ?? null };
          return mergeSources(sessions.map((session) => session.jobs(filter)), sortKeyOf);
        },
        keyOf: sortKeyOf,
      });
    },
  },
  JobConnection: {
    totalCount: (connection) => totalCountOf(connection),
  },
};
