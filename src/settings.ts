/**
 * Reading the Worker's numeric settings. Plain-text vars arrive as strings; every reader validates its value and falls
 * back to a documented default, so a typo in a setting never turns into NaN timeouts or timers. Pure code: no
 * bindings, so it is shared by the gateway and the subscription Durable Objects alike.
 */

/**
 * Reads a setting that must be a positive integer. Unset, empty, non-integer or non-positive values give
 * `fallback`. Never throws.
 */
export function positiveIntegerSetting(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Default timeout of one upstream call, in milliseconds, when `UPSTREAM_TIMEOUT_MS` is unset or invalid. */
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 10_000;

/**
 * Reads `UPSTREAM_TIMEOUT_MS`, the timeout of one upstream call (queries, mutations and subscription polls alike),
 * as a positive integer; otherwise {@link DEFAULT_UPSTREAM_TIMEOUT_MS}. Never throws.
 */
export function upstreamTimeoutFromEnv(env: { UPSTREAM_TIMEOUT_MS?: string | undefined }): number {
  return positiveIntegerSetting(env.UPSTREAM_TIMEOUT_MS, DEFAULT_UPSTREAM_TIMEOUT_MS);
}

/**
 * Upstream calls one GraphQL request may make (retries included). Far above what a sensible query needs (a page of
 * 100 jobs with their datasets, webhooks and logs is about 103), and below the Workers subrequest limit, so an
 * oversized query gets a clear error instead of an opaque runtime failure.
 */
export const MAX_UPSTREAM_CALLS_PER_REQUEST = 500;
