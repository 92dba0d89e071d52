/**
 * The gateway Worker's settings and bindings: the only description of `env`. Plain-text vars arrive as strings;
 * each module that reads one validates it and falls back to its documented default.
 */
import type { GraphQLWsConnection } from "./subscriptions/graphql-ws-connection";
import type { ResourceWatch } from "./subscriptions/resource-watch";

/** The Worker's `env`: plain-text vars (strings, validated where read), secrets and Durable Object bindings. */
export interface GatewayEnv {
  /** Upstream base URL, for example `https://api.datature.io` (no trailing slash needed). Required. */
  NEXUS_API_URL: string;
  /** Default project id, used when a request carries no `x-nexus-project-id` header. */
  NEXUS_PROJECT_ID?: string;
  /** Default secret key, used when a request carries no `x-nexus-secret-key` header. Set it with `wrangler secret put`. */
  NEXUS_SECRET_KEY?: string;
  /** Timeout of one upstream call in milliseconds. Default 10000. */
  UPSTREAM_TIMEOUT_MS?: string;
  /** Subscriptions: time between two upstream polls, in milliseconds. Default 2000. */
  POLL_INTERVAL_MS?: string;
  /** Subscriptions: ceiling of the poll interval while nothing changes, in milliseconds. */
  POLL_MAX_INTERVAL_MS?: string;
  /** Subscriptions: failed polls in a row that end a stream with an error. */
  POLL_MAX_FAILURES?: string;
  /** Subscriptions: longest life of one SSE stream, in milliseconds. */
  SUBSCRIPTION_MAX_LIFETIME_MS?: string;
  // Limits (read and validated in src/limits/limit-settings.ts; defaults and reasons in the README's Settings).
  /** Deepest operation, in field levels (a connection's `edges` and `node` do not count). Default 10. */
  MAX_QUERY_DEPTH?: string;
  /** Most aliases in one operation, fragments expanded. Default 30. */
  MAX_QUERY_ALIASES?: string;
  /** Most distinct root fields in one operation. Default 15. */
  MAX_ROOT_FIELDS?: string;
  /** Most lexical tokens in one document. Default 2000. */
  MAX_QUERY_TOKENS?: string;
  /** Most directives in one operation. Default 20. */
  MAX_QUERY_DIRECTIVES?: string;
  /** Most objects an operation could return (page sizes multiplied down the tree). Default 100000. */
  MAX_QUERY_COST?: string;
  /** Largest request body, in bytes. Default 1048576. */
  MAX_REQUEST_BYTES?: string;
  /** Largest result (or subscription event), in bytes of JSON. Default 10485760. */
  MAX_RESPONSE_BYTES?: string;
  /** Most operations open at once on one graphql-ws socket. Default 100. */
  MAX_SUBSCRIPTIONS_PER_SOCKET?: string;

  /** GraphiQL's own files (`@graphql-yoga/graphiql`'s `dist/`), served at `/graphiql/` (see graphiql-assets.ts). */
  ASSETS?: Fetcher;
  /** Subscriptions: the Durable Object that polls one watched job or dataset and fans changes out. */
  JOB_WATCH?: DurableObjectNamespace<ResourceWatch>;
  /** Subscriptions: the Durable Object that holds hibernatable graphql-ws WebSockets. */
  WS_CONNECTION?: DurableObjectNamespace<GraphQLWsConnection>;
}
