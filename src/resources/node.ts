/**
 * Relay's `Node`: `node(id:)` and `nodes(ids:)`, and how a parent object names its GraphQL type. Every global id
 * routes to the loader of its type, so a `nodes` list of many ids of one type batches like any other load.
 */
import type { GatewayContext } from "../context";
import { badUserInput } from "../errors";
import type { Resolvers } from "../generated/resolvers-types";
import { fromGlobalId, type NodeTypename } from "../global-id";
import { loadLogEntry } from "./logs";
import type { NexusDatasetParent, NexusJobParent, NexusLogEntryParent, NexusWebhookParent } from "./parents";

/** Most ids one `nodes` call may ask for (each may cost an upstream call). */
export const MAX_NODES = 100;

/** Any parent object of a `Node`. */
export type NodeParent = NexusDatasetParent | NexusJobParent | NexusWebhookParent | NexusLogEntryParent;

/**
 * The GraphQL type of a parent object: by its wire `object` field, else its id prefix, else its shape.
 * Log entry parents carry `jobId` and `createTime`.
 */
export function typenameOf(parent: NodeParent): NodeTypename {
  if ("jobId" in parent && "createTime" in parent) return "NexusLogEntry";
  const object = "object" in parent ? parent.object : undefined;
  if (object === "dataset" || parent.id.startsWith("dataset_")) return "NexusDataset";
  if (object === "batch_job" || parent.id.startsWith("batchjob_")) return "NexusJob";
  if (object === "webhook" || parent.id.startsWith("webhook_")) return "NexusWebhook";
  if ("endpoint" in parent) return "NexusWebhook";
  if ("spec" in parent) return "NexusJob";
  return "NexusDataset";
}

/**
 * Loads the object behind a global (or raw upstream) id; null when it does not exist. Throws `BAD_USER_INPUT`
 * naming the argument when the text is not an id this API issued.
 */
export async function loadNode(id: string, context: GatewayContext, argumentName: string): Promise<NodeParent | null> {
  const decoded = fromGlobalId(id);
  if (decoded === null) throw badUserInput(`Argument "${argumentName}": "${id.slice(0, 100)}" is not a valid id.`);
  const loaders = context.loaders();
  switch (decoded.typename) {
    case "NexusDataset":
      return loaders.datasetById.load(decoded.rawId);
    case "NexusJob":
      return loaders.jobById.load(decoded.rawId);
    case "NexusWebhook":
      return loaders.webhookById.load(decoded.rawId);
    case "NexusLogEntry":
      return loadLogEntry(decoded.rawId, context, argumentName);
  }
}

/** The `Node` interface and the `node`/`nodes` queries. */
export const nodeResolvers: Resolvers = {
  Node: {
    __resolveType: (parent) => typenameOf(parent),
  },
  Query: {
    node: (_root, { id }, context) => loadNode(id, context, "id"),
    // One promise per id: a bad or failing id nulls its own entry (with an error at its path), not the list.
    nodes: (_root, { ids }, context) => {
      if (ids.length > MAX_NODES) {
        throw badUserInput(`Argument "ids": at most ${MAX_NODES} ids per request, got ${ids.length}.`);
      }
      // The generated type cannot say "a promise of a nullable item" (graphql-js accepts it in a nullable list).
      return ids.map((id, index) => loadNode(id, context, `ids[${index}]`)) as Promise<NodeParent>[];
    },
  },
};
