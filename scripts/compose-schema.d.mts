/**
 * The composed schema as `schema.graphql` holds it: the shared SDL plus every registered backend's fragment, in
 * registry order, printed with every description. Throws when a fragment is missing or unregistered, or the parts
 * do not make a valid schema.
 */
export function composeSchema(root: string): string;
