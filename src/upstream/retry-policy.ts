/**
 * When an upstream call is sent again, and after how long. Backend-neutral: it decides from the one
 * transient/permanent classification (`transientKind` in errors.ts), the kind of call, and the request's deadline.
 *
 * - Reads (GET) are retried on 429, 5xx and network errors. Not on timeouts: a slow upstream sent the same call
 *   again only gets slower, and the deadline would leave the retry little time anyway.
 * - Writes are retried only on 429: the upstream refused before acting. After a 5xx or a network error it may have
 *   acted, and a second `createJob` could make a second job.
 * - The wait is jittered exponential backoff, or the upstream's `Retry-After` when it sent one. A wait longer than
 *   `maxRetryAfterMs`, or one that would leave the call too little of the request's deadline, is not made: the error
 *   goes back at once, with its code (RATE_LIMITED carries `retryAfterSeconds`, so the client can wait instead).
 * - One request has a budget of retries over all its calls, so a request cannot multiply its upstream load.
 */
import { transientKind, UpstreamError } from "../errors";
import type { Deadline } from "./deadline";

/** A read is safe to send twice; a write may not be. */
export type CallKind = "read" | "write";

/** The {@link CallKind} of an HTTP method: GET and HEAD read, everything else writes. */
export function callKindOfMethod(method: string): CallKind {
  return method === "GET" || method === "HEAD" ? "read" : "write";
}

/** Options of {@link createRetryPolicy}. Every field is required: callers pass their documented defaults. */
export interface RetryPolicyOptions {
  /** Retries the request may make in total, over all its calls. 0 turns retries off. */
  budget: number;
  /** Retries of one call at most. */
  maxRetriesPerCall: number;
  /** The first backoff, in milliseconds; doubles with each retry of the same call. */
  baseDelayMs: number;
  /** The longest backoff, in milliseconds (before jitter). */
  maxDelayMs: number;
  /** The longest `Retry-After` the request waits out, in milliseconds; a longer one is handed to the client. */
  maxRetryAfterMs: number;
  /** Draws from [0, 1), for the jitter. Default `Math.random` (injectable for unit tests). */
  random?: () => number;
}

/** The retry decisions of one request (it holds the request's budget). Made by {@link createRetryPolicy}. */
export interface RetryPolicy {
  /**
   * The wait in milliseconds before sending a failed call again, or null when it must not be retried: `error` is
   * not worth retrying for this kind of call, the call or the request has spent its retries, the wait is too long,
   * or it does not fit in `deadline`. A non-null answer spends one retry of the budget.
   */
  delayBeforeRetry(kind: CallKind, retriesSoFar: number, error: unknown, deadline: Deadline): number | null;
}

/** Makes the retry policy of one request: see the module comment. Never throws. */
export function createRetryPolicy(options: RetryPolicyOptions): RetryPolicy {
  const random = options.random ?? Math.random;
  let budget = options.budget;
  const backoff = (retriesSoFar: number): number => {
    const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retriesSoFar);
    // "Equal jitter": at least half the backoff, so retries stay spaced out, and a random rest, so that the many
    // requests a failure hit at once do not all come back at the same instant.
    return ceiling / 2 + random() * (ceiling / 2);
  };
  return {
    delayBeforeRetry(kind, retriesSoFar, error, deadline) {
      if (budget <= 0 || retriesSoFar >= options.maxRetriesPerCall) return null;
      const transient = transientKind(error);
      const retriable = transient === "throttled" || (kind === "read" && transient === "failed");
      if (!retriable) return null;
      const retryAfterSeconds = error instanceof UpstreamError ? error.retryAfterSeconds : undefined;
      const waitMs =
        transient === "throttled" && retryAfterSeconds !== undefined
          ? // Retry-After is a lower bound; a little jitter above it spreads the requests it sent away at once.
            retryAfterSeconds * 1000 + random() * options.baseDelayMs
          : backoff(retriesSoFar);
      if (waitMs > Math.max(options.maxRetryAfterMs, options.maxDelayMs) || !deadline.fits(waitMs)) return null;
      budget -= 1;
      return Math.ceil(waitMs);
    },
  };
}
