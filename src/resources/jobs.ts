/**
 * Jobs of every backend: `job(id)`, `jobCounts` (`job-counts.ts`), `jobs(...)` (one list over every backend the request has credentials for, or
 * the one `provider` names, merged newest first; `datasetId` narrows it to that dataset's backend; see
 * `across-backends.ts` for what a failing platform does) and the `Job` interface, which routes each object to its
 * backend's type.
 */
import { resolveIdOf, VERSION_1_CURSOR_PROVIDER } from "../backends/registry";
import { badUserInput } from "../errors";
import type { Resolvers } from "../generated/resolvers-types";
import type { TypenameOf } from "./typename-of";
import type { JobModel } from "../model";
import { totalCountOf } from "../pagination/connection";
import { filterFingerprint, paginate } from "../pagination/paginate";
import { sortKeyOf } from "../pagination/sort-key";
import { listAcrossBackends } from "./across-backends";
import { selectsField } from "../pagination/selects-field";
import { sessionsFor } from "./sessions-for";
import { jobCounts } from "./job-counts";

/** The job queries and the `Job` interface. */
export const jobResolvers: Resolvers = {
  Job: {
    // Every model names its own GraphQL type; the cast is to the generated union of the types that implement it.
    __resolveType: (job) => job.typename as TypenameOf<"Job">,
  },
  Query: {
    job: async (_root, { id }, context) => {
      const { backend, nodeType, ref } = resolveIdOf(id, { kind: "job" });
      return (await context.backends.sessionOf(backend.provider).node(nodeType.typename, ref)) as JobModel | null;
    },
    jobs: async (_root, args, context, info) => {
      const states = args.state ?? [];
      const dataset = args.datasetId == null ? null : resolveIdOf(args.datasetId, { kind: "dataset" }, "datasetId");
      const named = args.provider ?? null;
      if (dataset !== null && named !== null && dataset.backend.provider !== named) {
        throw badUserInput(
          `Argument "datasetId" is a ${dataset.backend.provider} dataset, but "provider" is ${named}: a job runs on its dataset's platform.`,
        );
      }
      // A job runs over a dataset of its own backend: with `datasetId`, only that backend is asked.
      const provider = dataset?.backend.provider ?? named;
      const filter = { states, datasetRef: dataset?.ref ?? null };
      const list = listAcrossBackends<JobModel>(
        () => sessionsFor(context, provider),
        (session) => session.jobs(filter),
        sortKeyOf,
        context,
        info,
      );
      const page = await paginate({
        kind: "jobs",
        // Version 1 cursors of this list, issued before the registry, carry ids of the registry's first backend.
        v1Provider: VERSION_1_CURSOR_PROVIDER,
        // The fingerprint keeps the raw dataset id, as cursors issued before several backends existed did; without
        // `provider`, it is the one of cursors issued before the argument existed.
        filter: filterFingerprint({ state: states, datasetId: dataset?.ref ?? null, provider: named }),
        args,
        source: () => list.source,
        keyOf: sortKeyOf,
        counted: selectsField(info, "totalCount"),
      });
      return list.settle(page);
    },
    jobCounts: (_root, args, context, info) => jobCounts(args.provider ?? null, context, info),
  },
  JobConnection: {
    totalCount: (connection) => totalCountOf(connection),
  },
};
