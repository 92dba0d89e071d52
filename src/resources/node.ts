/**
 * Relay's `Node`: `node(id:)` and `nodes(ids:)`. Every global id routes through the registry to its backend and
 * type, so a `nodes` list of many ids of one type batches like any other load; an object names its own GraphQL
 * type (`typename`), so `__resolveType` never guesses from a shape.
 */
import { resolveId } from "../backends/registry";
import type { GatewayContext } from "../backends/gateway-context";
import { badUserInput } from "../errors";
import type { Resolvers } from "../generated/resolvers-types";
import type { TypenameOf } from "./typename-of";
import type { NodeModel } from "../model";

/** Most ids one `nodes` call may ask for (each may cost an upstream call). */
export const MAX_NODES = 100;

/**
 * Loads the object behind a global (or raw upstream) id; null when it does not exist. Throws `BAD_USER_INPUT`
 * naming the argument when the text is not an id this API issued.
 */
export async function loadNode(id: string, context: GatewayContext, argumentName: string): Promise<NodeModel | null> {
  const resolved = resolveId(id);
  if (resolved === null) throw badUserInput(`Argument "${argumentName}": "${id.slice(0, 100)}" is not a valid id.`);
  return context.backends.sessionOf(resolved.backend.provider).node(resolved.nodeType.typename, resolved.ref);
}

/** The `Node` interface and the `node`/`nodes` queries. */
export const nodeResolvers: Resolvers = {
  Node: {
    __resolveType: (parent) => parent.typename as TypenameOf<"Node">,
  },
  Query: {
    node: (_root, { id }, context) => loadNode(id, context, "id"),
    // One promise per id: a bad or failing id nulls its own entry (with an error at its path), not the list.
    nodes: (_root, { ids }, context) => {
      if (ids.length > MAX_NODES) {
        throw badUserInput(`Argument "ids": at most ${MAX_NODES} ids per request, got ${ids.length}.`);
      }
      // The generated type cannot say "a promise of a nullable item" (graphql-js accepts it in a nullable list).
      return ids.map((id, index) => loadNode(id, context, `ids[${index}]`)) as Promise<NodeModel>[];
    },
  },
};
