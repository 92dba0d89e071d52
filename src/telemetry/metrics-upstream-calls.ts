/**
 * The upstream attempts of one unit of work, kept for its metrics: backend, operation, how each ended and how long it
 * took. The metrics (`metrics.ts`) write them as Analytics Engine data points when the operation ends, so the
 * figures are per backend and operation, and never name a path, a project or a key.
 */
import type { ObservedAttempt, UpstreamAttempt, UpstreamObserver } from "../upstream/upstream-observer";

/** One attempt of one upstream call, as it ended. */
export interface UpstreamCallRecord {
  /** The backend's name (`nexus`). */
  readonly backend: string;
  /** The operation (`jobs.get`). */
  readonly operation: string;
  /** `2xx`, `4xx`, `5xx` (any class of the HTTP status), or `none` when no status came (timeout, refusal, network). */
  readonly statusClass: string;
  /** Why it failed (`http`, `timeout`, `network`, `invalid-body`, `UPSTREAM_UNAVAILABLE`, …), or `ok`. */
  readonly outcome: string;
  /** Whether a request left for the upstream (false: refused before sending, by the breaker or a cap). */
  readonly sent: boolean;
  /** 0 for the first attempt, 1 for the first retry, … */
  readonly attempt: number;
  /** Milliseconds from the attempt's start to its end. */
  readonly latencyMs: number;
}

/**
 * At most this many attempts are kept per unit of work: Analytics Engine takes at most 250 data points per Worker
 * invocation, and a query may make up to 500 calls. Past it, attempts are only counted ({@link UpstreamCallLog.dropped}).
 */
export const MAX_RECORDED_CALLS = 200;

/** `2xx`, `4xx`, …, or `none` for 0 (no status). */
export function statusClassOf(status: number): string {
  return status >= 100 && status <= 599 ? `${Math.floor(status / 100)}xx` : "none";
}

/** Keeps the attempts of one unit of work: see the module comment. Never throws. */
export class UpstreamCallLog implements UpstreamObserver {
  readonly #now: () => number;
  readonly #records: UpstreamCallRecord[] = [];
  #dropped = 0;

  /** `now` in milliseconds (default `performance.now`). */
  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  /** The attempts that ended, in order, at most {@link MAX_RECORDED_CALLS}. */
  get records(): readonly UpstreamCallRecord[] {
    return this.#records;
  }

  /** Attempts that ended past {@link MAX_RECORDED_CALLS}, not kept. */
  get dropped(): number {
    return this.#dropped;
  }

  attemptStarted(attempt: UpstreamAttempt): ObservedAttempt {
    const startedAt = this.#now();
    let ended = false;
    return {
      headers: {},
      end: (result) => {
        if (ended) return;
        ended = true;
        if (this.#records.length >= MAX_RECORDED_CALLS) {
          this.#dropped += 1;
          return;
        }
        this.#records.push({
          backend: attempt.backend,
          operation: attempt.operation,
          statusClass: statusClassOf(result.status),
          outcome: result.failure ?? "ok",
          sent: result.sent,
          attempt: attempt.attempt,
          latencyMs: this.#now() - startedAt,
        });
      },
    };
  }
}
