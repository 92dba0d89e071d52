/**
 * The codes of graphql-js's own errors, for `toGraphQLError` (errors.ts): they come without `extensions.code`, and
 * Yoga's request errors come with library detail in `extensions.originalError`. Pure code, no gateway imports.
 */
import { GraphQLError } from "graphql";

/**
 * A client-facing GraphQL error with a code: graphql-js's own errors carry none (a variable that does not coerce,
 * say `$first: Int` given -2147483649), and they are all about the request, so they become `BAD_USER_INPUT` (or
 * keep the code of the error they wrap). Library detail (`extensions.originalError`) never reaches a client.
 */
export function withClientCode(error: GraphQLError, inner?: GraphQLError): GraphQLError {
  const { originalError: detail, ...extensions } = error.extensions as Record<string, unknown>;
  if (typeof extensions["code"] === "string" && detail === undefined) return error;
  // Yoga answers a JSON client 200 for a "spec" error unless it carries originalError (its sign of a request that
  // could not be read, such as invalid JSON): without the detail, the error says so itself, to keep its 400.
  const http = extensions["http"];
  if (detail !== undefined && typeof http === "object" && http !== null && (http as { spec?: unknown }).spec === true) {
    extensions["http"] = { ...http, spec: false };
  }
  const innerCode = inner?.extensions["code"];
  const ownCode = extensions["code"];
  const code = typeof ownCode === "string" ? ownCode : typeof innerCode === "string" ? innerCode : "BAD_USER_INPUT";
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...extensions, code },
  });
}
