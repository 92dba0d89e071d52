/**
 * The gateway's plain-text vars and secrets (strings, validated where read): the part of `env` that code outside the
 * Worker entry and the Durable Objects may see. Backends read their settings from it; it has no bindings, so it is
 * plain TypeScript that tests can type without the Workers runtime.
 */

/** The plain-text vars and secrets of the gateway Worker. */
export interface GatewayVars {
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
}
