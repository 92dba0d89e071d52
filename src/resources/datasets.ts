/**
 * Datasets of every backend: `dataset(id)`, `datasets(...)` (one list over every backend the request has
 * credentials for, merged newest first) and the `Dataset` interface, which routes each object to its backend's type.
 */
import { resolveIdOf } from "../backends/registry";
import type { Resolvers } from "../generated/resolvers-types";
import { totalCountOf } from "../pagination/connection";
import { filterFingerprint, paginate } from "../pagination/paginate";
import { mergeSources } from "../pagination/sources";
import { sortKeyOf } from "../pagination/sort-key";
import type { DatasetModel } from "../model";

/** The dataset queries and the `Dataset` interface. */
export const datasetResolvers: Resolvers = {
  Dataset: {
    // Every model names its own GraphQL type; the cast is to the generated union of the types that implement it.
    __resolveType: (dataset) => dataset.typename as "NexusDataset",
  },
  Query: {
    dataset: async (_root, { id }, context) => {
      const { backend, nodeType, ref } = resolveIdOf(id, { kind: "dataset" });
      return (await context.backends.sessionOf(backend.provider).node(nodeType.typename, ref)) as DatasetModel | null;
    },
    datasets: (_root, args, context) => {
      const includeExpired = args.includeExpired ?? false;
      return paginate({
        kind: "datasets",
        filter: filterFingerprint({ includeExpired }),
        args,
        source: () => mergeSources(context.backends.available().map((session) => session.datasets({ includeExpired })), sortKeyOf),
        keyOf: sortKeyOf,
      });
    },
  },
  DatasetConnection: {
    totalCount: (connection) => totalCountOf(connection),
  },
};
