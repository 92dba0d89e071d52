/**
 * The settings of upstream resilience (deadline, retries, circuit breaker) and of shared reads (`shared-reads.ts`),
 * read and validated in this one place.
 * Every value must be a positive integer; anything else falls back to its documented default (see the README's
 * Settings table). Pure code over plain strings, shared by the gateway and the subscription Durable Objects.
 */
import { perEnv } from "../per-env";
import { positiveIntegerSetting } from "../settings";
import { DEFAULT_BREAKER_COOL_DOWN_MS, DEFAULT_BREAKER_FAILURE_THRESHOLD } from "./circuit-breaker";
import { DEFAULT_REQUEST_DEADLINE_MS } from "./deadline";

/** Default of `UPSTREAM_RETRY_BUDGET`: retries one request may make over all its upstream calls. */
export const DEFAULT_RETRY_BUDGET = 10;
/** Default of `UPSTREAM_MAX_RETRY_AFTER_MS`: the longest `Retry-After` a request waits out before retrying. */
export const DEFAULT_MAX_RETRY_AFTER_MS = 5_000;
/**
 * Retries of one call at most. Five (six attempts) because at the 30% failure mix the gateway is specified to
 * survive, a call fails all its attempts with probability 0.3^6 ≈ 0.07%, so a request of two calls succeeds in
 * full 99.85% of the time; with the old two retries it was 95%.
 */
export const MAX_RETRIES_PER_CALL = 5;
/** First backoff before a retry, in ms; it doubles with each retry of a call, up to {@link MAX_BACKOFF_MS}. */
export const RETRY_BASE_DELAY_MS = 100;
/** Longest backoff between two attempts of a call (without `Retry-After`), in milliseconds. */
export const MAX_BACKOFF_MS = 1_000;

/** The resilience settings, validated. */
export interface UpstreamSettings {
  /** `REQUEST_DEADLINE_MS`: the time budget of one request's upstream calls, retries and waits included. */
  requestDeadlineMs: number;
  /** `UPSTREAM_RETRY_BUDGET`: retries per request over all its calls. */
  retryBudget: number;
  /** `UPSTREAM_MAX_RETRY_AFTER_MS`: the longest `Retry-After` waited out. */
  maxRetryAfterMs: number;
  /** `BREAKER_FAILURE_THRESHOLD`: failed calls in a row (per upstream and project) that open the breaker. */
  breakerFailureThreshold: number;
  /** `BREAKER_COOL_DOWN_MS`: how long an open breaker fails fast before letting one probe through. */
  breakerCoolDownMs: number;
}

/** The variables {@link upstreamSettingsFromEnv} reads (plain-text vars arrive as strings). */
export interface UpstreamSettingsEnv {
  REQUEST_DEADLINE_MS?: string | undefined;
  UPSTREAM_RETRY_BUDGET?: string | undefined;
  UPSTREAM_MAX_RETRY_AFTER_MS?: string | undefined;
  BREAKER_FAILURE_THRESHOLD?: string | undefined;
  BREAKER_COOL_DOWN_MS?: string | undefined;
}

/**
 * Reads the resilience settings; a missing or invalid value gives its default. Once per `env` object (see
 * per-env.ts): every request's guards ask. Never throws.
 */
export const upstreamSettingsFromEnv: (env: UpstreamSettingsEnv) => UpstreamSettings = perEnv(
  (env: UpstreamSettingsEnv): UpstreamSettings => ({
    requestDeadlineMs: positiveIntegerSetting(env.REQUEST_DEADLINE_MS, DEFAULT_REQUEST_DEADLINE_MS),
    retryBudget: positiveIntegerSetting(env.UPSTREAM_RETRY_BUDGET, DEFAULT_RETRY_BUDGET),
    maxRetryAfterMs: positiveIntegerSetting(env.UPSTREAM_MAX_RETRY_AFTER_MS, DEFAULT_MAX_RETRY_AFTER_MS),
    breakerFailureThreshold: positiveIntegerSetting(env.BREAKER_FAILURE_THRESHOLD, DEFAULT_BREAKER_FAILURE_THRESHOLD),
    breakerCoolDownMs: positiveIntegerSetting(env.BREAKER_COOL_DOWN_MS, DEFAULT_BREAKER_COOL_DOWN_MS),
  }),
);

/** Default of `READ_CACHE_TTL_MS`: how long an answer serves identical reads (`shared-reads.ts`), in milliseconds. */
export const DEFAULT_READ_CACHE_TTL_MS = 1_000;
/** The longest `READ_CACHE_TTL_MS` accepted; a larger value is cut to it (the cache is for bursts, not for data). */
export const MAX_READ_CACHE_TTL_MS = 60_000;

/** What {@link readCacheTtlFromEnv} and {@link sharedReadsOnFromEnv} read. */
export interface SharedReadsEnv {
  READ_CACHE_TTL_MS?: string | undefined;
  SHARED_READS?: string | undefined;
}

/**
 * Reads `READ_CACHE_TTL_MS`: whole milliseconds, `0` turns the read cache off; unset, empty or not a non-negative
 * integer gives {@link DEFAULT_READ_CACHE_TTL_MS}; above {@link MAX_READ_CACHE_TTL_MS} is cut to it. Never throws.
 */
export function readCacheTtlFromEnv(env: SharedReadsEnv): number {
  const raw = env.READ_CACHE_TTL_MS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_READ_CACHE_TTL_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) return DEFAULT_READ_CACHE_TTL_MS;
  return Math.min(value, MAX_READ_CACHE_TTL_MS);
}

/** Reads `SHARED_READS` (`shared-reads.ts`): `false` stops identical reads in flight from sharing one fetch; anything else: on. */
export function sharedReadsOnFromEnv(env: SharedReadsEnv): boolean {
  return env.SHARED_READS?.trim() !== "false";
}
