/** A GraphQL document as a span may hold it (`graphql.document`). */
import { Kind, print, visit, type DocumentNode } from "graphql";

/**
 * `document` printed with every string literal replaced by `"…"`: an inline argument may be a secret (a webhook's),
 * whereas the shape of the operation is what a trace needs. Variables are never recorded. Never throws.
 */
export function documentForSpan(document: DocumentNode): string {
  return print(visit(document, { StringValue: () => ({ kind: Kind.STRING, value: "…" }) }));
}
