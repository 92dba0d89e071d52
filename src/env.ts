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
  /** Subscriptions: how often an SSE stream tells its watch object it is still there, in milliseconds. Default 5000. */
  SSE_HEARTBEAT_MS?: string;
  /** Subscriptions: how often a graphql-ws socket is pinged to find clients that vanished, in milliseconds. Default 15000. */
  WS_PING_INTERVAL_MS?: string;
  /** GraphiQL's own files (`@graphql-yoga/graphiql`'s `dist/`), served at `/graphiql/` (see graphiql-assets.ts). */
  ASSETS?: Fetcher;
  /** Subscriptions: the Durable Object that polls one watched job or dataset and fans changes out. */
  JOB_WATCH?: DurableObjectNamespace<ResourceWatch>;
  /** Subscriptions: the Durable Object that holds hibernatable graphql-ws WebSockets. */
  WS_CONNECTION?: DurableObjectNamespace<GraphQLWsConnection>;
}
