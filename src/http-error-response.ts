/**
 * An HTTP answer that is a GraphQL error, for the answers the gateway makes outside execution (413, 415, 406, …):
 * a GraphQL JSON body `{"errors": [{message, extensions: {code, …}}]}`, never an empty body.
 */
import { toGraphQLError } from "./errors";

/**
 * A response with `status` and a GraphQL JSON body holding `error`, mapped by `toGraphQLError` (so it carries
 * `extensions.code`). `headers` are added (an `Allow` or `Accept` the client needs, say).
 */
export function graphqlErrorResponse(status: number, error: unknown, headers: HeadersInit = {}): Response {
  const body = JSON.stringify({ errors: [toGraphQLError(error).toJSON()] });
  const all = new Headers(headers);
  all.set("content-type", "application/json; charset=utf-8");
  return new Response(body, { status, headers: all });
}
