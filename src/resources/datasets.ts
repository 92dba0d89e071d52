/**
 * Datasets of every backend: `dataset(id)`, `datasets(...)` (one list over every backend the request has
 * credentials for, or the one `provider` names, merged newest first; see `across-backends.ts` for what a failing
 * platform does) and the `Dataset` interface, which routes each object to its backend's type.
 */
import { resolveIdOf, VERSION_1_CURSOR_PROVIDER } from "../backends/registry";
import type { Resolvers } from "../generated/resolvers-types";
import type { TypenameOf } from "./typename-of";
import { totalCountOf } from "../pagination/connection";
import { filterFingerprint, paginate } from "../pagination/paginate";
import { sortKeyOf } from "../pagination/sort-key";
import type { DatasetModel } from "../model";
import { listAcrossBackends } from "./across-backends";
import { selectsField } from "../pagination/selects-field";
import { sessionsFor } from "./sessions-for";

/** The dataset queries and the `Dataset` interface. */
export const datasetResolvers: Resolvers = {
  Dataset: {
    // Every model names its own GraphQL type; the cast is to the generated union of the types that implement it.
    __resolveType: (dataset) => dataset.typename as TypenameOf<"Dataset">,
  },
  Query: {
    dataset: async (_root, { id }, context) => {
      const { backend, nodeType, ref } = resolveIdOf(id, { kind: "dataset" });
      return (await context.backends.sessionOf(backend.provider).node(nodeType.typename, ref)) as DatasetModel | null;
    },
    datasets: async (_root, args, context, info) => {
      const includeExpired = args.includeExpired ?? false;
      const provider = args.provider ?? null;
      const list = listAcrossBackends<DatasetModel>(
        () => sessionsFor(context, provider),
        (session) => session.datasets({ includeExpired }),
        sortKeyOf,
        context,
        info,
      );
      const page = await paginate({
        kind: "datasets",
        // Version 1 cursors of this list, issued before the registry, carry ids of the registry's first backend.
        v1Provider: VERSION_1_CURSOR_PROVIDER,
        // Without `provider`, the fingerprint is the one of cursors issued before the argument existed.
        filter: filterFingerprint({ includeExpired, provider }),
        args,
        source: () => list.source,
        keyOf: sortKeyOf,
        counted: selectsField(info, "totalCount"),
      });
      return list.settle(page);
    },
  },
  DatasetConnection: {
    totalCount: (connection) => totalCountOf(connection),
  },
};
