/**
 * How many objects an operation looks up by id at its root: each is an upstream call of its own (list results
 * prime the loaders, lookups by id cannot), so they are counted against the per-request upstream-call cap before
 * any resolver runs. A root field with an `id` argument counts 1, one with `ids` counts its ids; fields with the
 * same response key merge, so they count once. Backend-neutral: it reads the arguments' names from the schema.
 */
import {
  getArgumentValues,
  Kind,
  OperationTypeNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

function lookupsOf(schema: GraphQLSchema, node: FieldNode, variables: Record<string, unknown>): number {
  const field = schema.getQueryType()?.getFields()[node.name.value];
  if (field === undefined) return 0;
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, variables);
  } catch {
    return 0; // The field refuses its arguments before it looks anything up.
  }
  const ids = args["ids"];
  if (Array.isArray(ids)) return ids.length;
  return field.args.some((arg) => arg.name === "id") ? 1 : 0;
}

/** The upstream lookups by id of a query's root fields (0 for mutations and subscriptions). Never throws. */
export function rootLookups(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  if (operation.operation !== OperationTypeNode.QUERY) return 0;
  const byKey = new Map<string, number>();
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        byKey.set(key, Math.max(byKey.get(key) ?? 0, lookupsOf(schema, selection, variables)));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = document.definitions.find(
          (definition) =>
            definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
        );
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  let total = 0;
  for (const count of byKey.values()) total += count;
  return total;
}
