/**
 * The gateway's plain-text vars and secrets (strings, validated where read): the part of `env` that code outside the
 * Worker entry and the Durable Objects may see. Backends read their settings from it; it has no bindings (but
 * `TRUSTED_DOCUMENTS`, which may be a KV namespace, typed structurally), so it is plain TypeScript that tests can type
 * without the Workers runtime.
 */
import type { DocumentNamespace } from "./kv-trusted-documents";
import type { TracingVars } from "./telemetry/tracing-settings";

/**
 * One backend setting (`NEXUS_API_URL`, …) as a string, or undefined when unset (or not a string). Each backend
 * declares its own settings (`settings` on its `Backend` object, documented in its folder) and reads them with
 * this, so this file names none of them. Never throws.
 */
export function backendVar(env: VarsSource, name: string): string | undefined {
  const value: unknown = Reflect.get(env, name);
  return typeof value === "string" ? value : undefined;
}

/** Where settings are read from: the Worker's vars, or a plain record of them (tests, scripts). */
export type VarsSource = GatewayVars | Readonly<Record<string, string | undefined>>;

/**
 * The gateway's own plain-text vars and secrets (the backends' are read with {@link backendVar}); the trace export's
 * standard `OTEL_*` ones are described where they are read (`telemetry/tracing-settings.ts`).
 */
export interface GatewayVars extends TracingVars {
  /**
   * Local development and tests: the embedded emulator's base URL (`http://127.0.0.1:8788`), under which every
   * backend's settings default to its part of the emulator (`src/emulator-settings.ts`). Unset in production.
   */
  EMULATOR_URL?: string;
  /** With `EMULATOR_URL`: `false` gives the backends empty credentials instead of the emulator's demo ones. */
  EMULATOR_DEMO_CREDENTIALS?: string;
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
  /** Subscriptions: how often every listener's own credentials are checked again upstream, in milliseconds. Default 300000. */
  LISTENER_RECHECK_MS?: string;
  /** graphql-ws: the longest life of one socket, in milliseconds; it then closes with 1001 and the client reconnects. Default 86400000 (24 h). */
  WS_MAX_LIFETIME_MS?: string;
  /** graphql-ws: how often a socket's `GATEWAY_TOKENS` token is looked up again (a removed one ends it), in milliseconds. Default 60000. */
  SESSION_RECHECK_MS?: string;
  /** Subscriptions: a secret that seals listeners' credentials in Durable Object storage; subscriptions need it. */
  STATE_ENCRYPTION_KEY?: string;
  // --- The gateway's own authentication and browser settings (src/auth/, src/browser/; README's Settings table). ---
  /** `off` opts out of gateway authentication (local development only); unset or `on` enforces it. */
  GATEWAY_AUTH?: string;
  /** A secret: JSON mapping the sha256 hex of each bearer token to `{"name", "nexus": [projects]}` (`"*"`: any). */
  GATEWAY_TOKENS?: string;
  /** The JWKS URL that signs accepted JWTs (https; http only on loopback). Needs issuer and audience. */
  AUTH_JWKS_URL?: string;
  /** The `iss` every accepted JWT must carry. */
  AUTH_JWT_ISSUER?: string;
  /** The `aud` an accepted JWT must carry (comma-separated for several). */
  AUTH_JWT_AUDIENCE?: string;
  /** The JWT claim that grants projects. Default `projects`. */
  AUTH_JWT_PROJECTS_CLAIM?: string;
  /** Origins allowed cross-origin with credentials, comma-separated. Default none. */
  CORS_ORIGINS?: string;
  /** `true` serves GraphiQL. Default `false`. */
  GRAPHIQL?: string;
  /** `true` answers introspection queries. Default `false`. */
  INTROSPECTION?: string;
  /** `true` serves the live jobs page at `/jobs`. Default `false`. */
  JOBS_PAGE?: string;
  /**
   * Trusted documents: the JSON manifest `{"<sha256 hex>": "<document>"}` of the only operations the gateway runs,
   * or a Workers KV namespace bound under this name (key: document id, value: document), for manifests too large
   * for a var (`src/trusted-documents.ts`). Default unset: any document runs.
   */
  TRUSTED_DOCUMENTS?: string | DocumentNamespace;
  // --- end of authentication and browser settings ---
  // --- Endpoints the gateway will not call or have called (src/upstream/public-endpoint.ts, upload-hosts.ts). ---
  /**
   * `true` lets webhook endpoints be plain http and private hosts (loopback, 10/8, link-local, ...): local development
   * only, where receivers listen on loopback. Default `false`: https on a public host only.
   */
  WEBHOOK_ALLOW_PRIVATE?: string;
  /**
   * Hosts an upstream's upload URL may point at (the gateway sends the bytes itself): comma-separated names, IP
   * literals or `*.suffix`. Default `storage.googleapis.com`. https only; http only to a loopback host listed here.
   */
  UPLOAD_ALLOWED_HOSTS?: string;
  // --- end of endpoint settings ---
  // Upstream resilience (src/upstream/settings.ts reads and validates these).
  /** The time budget of one request's upstream calls, retries and waits included, in milliseconds. Default 15000. */
  REQUEST_DEADLINE_MS?: string;
  /** Retries one request may make over all its upstream calls. Default 10. */
  UPSTREAM_RETRY_BUDGET?: string;
  /** The longest upstream `Retry-After` a request waits out before retrying, in milliseconds. Default 5000. */
  UPSTREAM_MAX_RETRY_AFTER_MS?: string;
  /** Failed upstream calls in a row (per upstream and project) that open the circuit breaker. Default 20. */
  BREAKER_FAILURE_THRESHOLD?: string;
  /** How long an open circuit breaker fails fast before it lets one probe through, in milliseconds. Default 10000. */
  BREAKER_COOL_DOWN_MS?: string;
  /**
   * Seconds a settled upstream read (a finished job, a dataset whose upload is over, a finished job's log) is served
   * from the edge cache (src/upstream/terminal-cache.ts). Default 300; `0` turns the cache off.
   */
  TERMINAL_CACHE_TTL_SECONDS?: string;
  /**
   * Milliseconds an upstream GET's answer serves the same GET of other requests with the same tenant and credentials
   * (src/upstream/shared-reads.ts). Default 1000; `0` turns the read cache off.
   */
  READ_CACHE_TTL_MS?: string;
  /** `false` stops identical upstream GETs in flight from several requests sharing one fetch. Default on. */
  SHARED_READS?: string;
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
  // Per-caller rate limits (read and validated in src/limits/rate-limit-settings.ts; README's Settings).
  /** GraphQL requests (operations, every transport; WebSocket upgrades) per caller per minute. Default 1200; `0` off. */
  RATE_LIMIT_REQUESTS_PER_MINUTE?: string;
  /** Subscription starts per caller per minute (each also a request). Default 120; `0` off. */
  RATE_LIMIT_SUBSCRIPTIONS_PER_MINUTE?: string;
  /** Messages one graphql-ws socket may send a minute; past it the socket closes with 4429. Default twice the requests. */
  RATE_LIMIT_WS_MESSAGES_PER_MINUTE?: string;
  // Telemetry (src/telemetry/; README's "Telemetry").
  /** `false` sends no `Server-Timing` header on `/graphql` answers. Default on. */
  SERVER_TIMING?: string;
  /** The operation log: `all` (default), `errors` (operations that answered an error), `off`. */
  OPERATION_LOGS?: string;
}
