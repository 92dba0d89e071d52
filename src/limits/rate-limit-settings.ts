/**
 * The per-caller rate limits' settings, read from the Worker's plain-text vars and validated: requests (GraphQL
 * operations, every transport, and WebSocket upgrades) and subscription starts, each a budget per caller per minute.
 * `0` turns a budget off; a value that is not a non-negative integer falls back to its default (README, Settings).
 */
import { perEnv } from "../per-env";

/** The raw vars {@link rateLimitSettingsFromEnv} reads (a subset of `GatewayEnv`). */
export interface RateLimitVars {
  RATE_LIMIT_REQUESTS_PER_MINUTE?: string | undefined;
  RATE_LIMIT_SUBSCRIPTIONS_PER_MINUTE?: string | undefined;
}

/** Validated rate limits: how many of each a caller may make in one minute; 0 is off. */
export interface RateLimitSettings {
  requestsPerMinute: number;
  subscriptionsPerMinute: number;
}

/**
 * The defaults: 1,200 requests a minute (20 a second, sustained: far above a person at GraphiQL or the jobs page, and
 * above a script that pages through a large project a page at a time) and 120 subscription starts a minute (a page
 * that opens a few dozen live rows, reloaded now and then).
 */
export const DEFAULT_RATE_LIMITS: RateLimitSettings = Object.freeze({
  requestsPerMinute: 1200,
  subscriptionsPerMinute: 120,
});

/** A count per minute: a non-negative integer (0 is off); anything else is `fallback`. Never throws. */
function perMinuteSetting(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= 0 ? value : fallback;
}

/**
 * Reads and validates both budgets; unset, empty or invalid values take their {@link DEFAULT_RATE_LIMITS}. Once per
 * `env` object (see per-env.ts). Never throws.
 */
export const rateLimitSettingsFromEnv: (env: RateLimitVars) => RateLimitSettings = perEnv(
  (env: RateLimitVars): RateLimitSettings => ({
    requestsPerMinute: perMinuteSetting(env.RATE_LIMIT_REQUESTS_PER_MINUTE, DEFAULT_RATE_LIMITS.requestsPerMinute),
    subscriptionsPerMinute: perMinuteSetting(
      env.RATE_LIMIT_SUBSCRIPTIONS_PER_MINUTE,
      DEFAULT_RATE_LIMITS.subscriptionsPerMinute,
    ),
  }),
);
