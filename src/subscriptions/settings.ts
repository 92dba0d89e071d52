/**
 * The subscription settings, read from the Worker's plain-text vars once per use and validated, so that a bad value
 * falls back to its default instead of turning into NaN timers.
 */
import { positiveIntegerSetting, upstreamTimeoutFromEnv } from "../settings";

/** The raw vars that {@link subscriptionSettingsFromEnv} reads (a subset of `GatewayEnv`). */
export interface SubscriptionVars {
  POLL_INTERVAL_MS?: string;
  POLL_MAX_INTERVAL_MS?: string;
  POLL_MAX_FAILURES?: string;
  SUBSCRIPTION_MAX_LIFETIME_MS?: string;
  UPSTREAM_TIMEOUT_MS?: string;
  SSE_HEARTBEAT_MS?: string;
  WS_PING_INTERVAL_MS?: string;
  LISTENER_RECHECK_MS?: string;
  WS_MAX_LIFETIME_MS?: string;
  SESSION_RECHECK_MS?: string;
}

/** Validated subscription settings. */
export interface SubscriptionSettings {
  /** Time between two upstream polls while something changes. Default 2000 ms. */
  pollIntervalMs: number;
  /** Ceiling of the interval while nothing changes, and of the retry backoff. Default 30000 ms (never below the interval). */
  pollMaxIntervalMs: number;
  /** Transient upstream failures in a row that end the stream with an error. Default 5. */
  pollMaxFailures: number;
  /** Longest life of one SSE stream; the client reconnects if it still cares. Default 1 hour. */
  maxLifetimeMs: number;
  /** Timeout of one upstream call made while polling: `UPSTREAM_TIMEOUT_MS`, as for queries (default 10000 ms). */
  upstreamTimeoutMs: number;
  /**
   * How often an SSE stream's bridge tells its watch object it is still there. A socket listener silent for 3 of
   * these is dropped (the bridge's invocation was cancelled, or its close was lost). Default 5000 ms.
   */
  sseHeartbeatMs: number;
  /**
   * How often a graphql-ws connection object pings its client. A client that answers nothing until the next ping
   * is gone (a dropped network sends no close frame): its socket and subscriptions are released. Default 15000 ms.
   */
  wsPingIntervalMs: number;
  /**
   * How often a watch object checks each listener's own credentials upstream again (one read per distinct set of
   * credentials that the poll did not use). A revoked listener ends alone, with `FORBIDDEN`, within this. Default
   * 300000 ms (5 minutes).
   */
  listenerRecheckMs: number;
  /**
   * The longest life of one graphql-ws socket, counted from `connection_init`, whatever its authorization: it then
   * closes with 1001 (Going Away), which graphql-ws clients retry, with a fresh `connectionParams`. Default 24 hours.
   */
  wsMaxLifetimeMs: number;
  /**
   * How often a graphql-ws socket authorized by a `GATEWAY_TOKENS` token looks the token up again in the current
   * setting (also on every client message): a removed token closes the socket with 4403 within this. Default 60000 ms.
   */
  sessionRecheckMs: number;
}

/** Default poll interval (ms) when `POLL_INTERVAL_MS` is unset or invalid. */
export const DEFAULT_POLL_INTERVAL_MS = 2000;
/** Default maximum poll interval (ms) when `POLL_MAX_INTERVAL_MS` is unset or invalid. */
export const DEFAULT_POLL_MAX_INTERVAL_MS = 30_000;
/** Default count of failed polls in a row that end a stream. */
export const DEFAULT_POLL_MAX_FAILURES = 5;
/** Default maximum SSE stream lifetime (ms). */
export const DEFAULT_SUBSCRIPTION_MAX_LIFETIME_MS = 60 * 60 * 1000;

/** Default SSE bridge heartbeat interval (ms). */
export const DEFAULT_SSE_HEARTBEAT_MS = 5000;
/** Default graphql-ws ping interval (ms). */
export const DEFAULT_WS_PING_INTERVAL_MS = 15_000;

/** Default longest life of a graphql-ws socket (ms): 24 hours. */
export const DEFAULT_WS_MAX_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Default interval (ms) between two look-ups of a graphql-ws socket's `GATEWAY_TOKENS` token. */
export const DEFAULT_SESSION_RECHECK_MS = 60_000;

/** Default listener recheck interval (ms). */
export const DEFAULT_LISTENER_RECHECK_MS = 300_000;

/**
 * Reads and validates the subscription settings. Unset, empty, non-integer or non-positive values take their
 * defaults; the maximum interval is raised to the interval when it is set lower. Never throws.
 */
export function subscriptionSettingsFromEnv(env: SubscriptionVars): SubscriptionSettings {
  const pollIntervalMs = positiveIntegerSetting(env.POLL_INTERVAL_MS, DEFAULT_POLL_INTERVAL_MS);
  const pollMaxIntervalMs = Math.max(
    pollIntervalMs,
    positiveIntegerSetting(env.POLL_MAX_INTERVAL_MS, Math.max(DEFAULT_POLL_MAX_INTERVAL_MS, pollIntervalMs)),
  );
  return {
    pollIntervalMs,
    pollMaxIntervalMs,
    pollMaxFailures: positiveIntegerSetting(env.POLL_MAX_FAILURES, DEFAULT_POLL_MAX_FAILURES),
    maxLifetimeMs: positiveIntegerSetting(env.SUBSCRIPTION_MAX_LIFETIME_MS, DEFAULT_SUBSCRIPTION_MAX_LIFETIME_MS),
    // The same setting, default and validation as every other upstream call.
    upstreamTimeoutMs: upstreamTimeoutFromEnv(env),
    sseHeartbeatMs: positiveIntegerSetting(env.SSE_HEARTBEAT_MS, DEFAULT_SSE_HEARTBEAT_MS),
    wsPingIntervalMs: positiveIntegerSetting(env.WS_PING_INTERVAL_MS, DEFAULT_WS_PING_INTERVAL_MS),
    listenerRecheckMs: positiveIntegerSetting(env.LISTENER_RECHECK_MS, DEFAULT_LISTENER_RECHECK_MS),
    wsMaxLifetimeMs: positiveIntegerSetting(env.WS_MAX_LIFETIME_MS, DEFAULT_WS_MAX_LIFETIME_MS),
    sessionRecheckMs: positiveIntegerSetting(env.SESSION_RECHECK_MS, DEFAULT_SESSION_RECHECK_MS),
  };
}
