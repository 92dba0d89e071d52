/**
 * Whether a resolver's field selects a given subfield (directly, or in any fragment of it), read from the query's
 * AST: for a choice the resolver makes before its subfields run (a connection that will be counted).
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";

/**
 * True when the field being resolved selects `name` (an alias counts by the field's name) in any of its nodes. False
 * without `info` (a resolver called directly, as unit tests do): the choice it informs is only a saving.
 */
export function selectsField(info: GraphQLResolveInfo | undefined, name: string): boolean {
  if (info === undefined) return false;
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined): boolean =>
    selectionSet?.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      const fragmentName = selection.name.value;
      if (visited.has(fragmentName)) return false;
      visited.add(fragmentName);
      return visit(info.fragments[fragmentName]?.selectionSet);
    }) ?? false;
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}
