/**
 * The deadline of one request: a time budget shared by every upstream call the request makes, retries and their
 * waits included, so that a nested query cannot add up its levels' timeouts (three 9 s calls used to answer after
 * 27 s). Backend-neutral: any backend's transport asks it how long its next call may take.
 */
import { GatewayError } from "../errors";

/** Default of `REQUEST_DEADLINE_MS`: see {@link createDeadline}. */
export const DEFAULT_REQUEST_DEADLINE_MS = 15_000;

/**
 * A retry (after its wait) is only worth making when its call still has this long to answer; with less, it would
 * only turn the informative error it replaces (RATE_LIMITED, say) into an UPSTREAM_TIMEOUT.
 */
export const MIN_CALL_TIME_MS = 500;

/** The time budget of one request. Made by {@link createDeadline}. */
export interface Deadline {
  /** The whole budget, in milliseconds (for messages). */
  readonly budgetMs: number;
  /** Milliseconds left; 0 once passed; `Infinity` after {@link release}. */
  remainingMs(): number;
  /**
   * The timeout for the next call: the smaller of the call's own `callTimeoutMs` and what is left. Throws
   * {@link deadlineError} (`UPSTREAM_TIMEOUT`) for `call` when nothing is left, so the call is never sent.
   */
  timeoutFor(callTimeoutMs: number, call: string): number;
  /** True when a wait of `waitMs` still leaves a call {@link MIN_CALL_TIME_MS} to answer. */
  fits(waitMs: number): boolean;
  /**
   * Stops bounding calls: from now on only each call's own timeout applies. For work that outlives its request, such
   * as the events of an SSE subscription that resolve fields on the subscription's context long after it started.
   */
  release(): void;
}

/**
 * The error of a call that the deadline stopped (before it was sent, or while it waited for its answer): code
 * `UPSTREAM_TIMEOUT`, naming the call and the budget. A `GatewayError`, not an upstream failure: it is never
 * retried, and a circuit breaker does not count it against the upstream.
 */
export function deadlineError(call: string, budgetMs: number): GatewayError {
  return new GatewayError(
    "UPSTREAM_TIMEOUT",
    `The upstream did not answer within the request's deadline of ${budgetMs} ms (${call}).`,
  );
}

/**
 * Starts a deadline of `budgetMs` milliseconds from now (`now` is injectable for unit tests). A budget that is not
 * a positive finite number means no deadline (every call keeps its own timeout). Never throws.
 */
export function createDeadline(budgetMs: number, now: () => number = Date.now): Deadline {
  const bounded = Number.isFinite(budgetMs) && budgetMs > 0;
  let endsAt = bounded ? now() + budgetMs : Number.POSITIVE_INFINITY;
  const remainingMs = (): number => Math.max(0, endsAt - now());
  return {
    budgetMs,
    remainingMs,
    timeoutFor(callTimeoutMs, call) {
      const left = remainingMs();
      if (left <= 0) throw deadlineError(call, budgetMs);
      return Math.max(1, Math.ceil(Math.min(callTimeoutMs, left)));
    },
    fits: (waitMs) => waitMs + MIN_CALL_TIME_MS <= remainingMs(),
    release() {
      endsAt = Number.POSITIVE_INFINITY;
    },
  };
}
