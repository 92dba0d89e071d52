/**
 * The plain figures of one request's upstream calls, the base of `Server-Timing`, the operation's log line and its
 * metrics: how many calls were sent, how long the request waited on upstreams, and why attempts failed.
 *
 * The wait is wall time during which at least one call was in flight (the union of the calls' intervals), not the
 * sum of their durations: ten calls in parallel for 20 ms are 20 ms of waiting. On Workers the clock moves only
 * across I/O, which is exactly when this measures it.
 */
import type { ObservedAttempt, UpstreamAttempt, UpstreamObserver } from "../upstream/upstream-observer";

/** Counts one request's upstream calls: see the module comment. */
export class UpstreamTally implements UpstreamObserver {
  readonly #now: () => number;
  #sent = 0;
  #inFlight = 0;
  #busySince = 0;
  #waitMs = 0;
  readonly #failures = new Map<string, number>();

  /** `now` in milliseconds (default `performance.now`). */
  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  /** Upstream calls sent (retries included; refusals before sending not). */
  get calls(): number {
    return this.#sent;
  }

  /** Milliseconds during which at least one call was in flight, up to now. */
  get waitMs(): number {
    return this.#inFlight > 0 ? this.#waitMs + (this.#now() - this.#busySince) : this.#waitMs;
  }

  /** Failed attempts by their failure (`http`, `timeout`, `LIMIT_EXCEEDED`, …). */
  get failures(): ReadonlyMap<string, number> {
    return this.#failures;
  }

  attemptStarted(_attempt: UpstreamAttempt): ObservedAttempt {
    if (this.#inFlight === 0) this.#busySince = this.#now();
    this.#inFlight += 1;
    let ended = false;
    return {
      headers: {},
      end: (result) => {
        if (ended) return;
        ended = true;
        this.#inFlight -= 1;
        if (this.#inFlight === 0) this.#waitMs += this.#now() - this.#busySince;
        if (result.sent) this.#sent += 1;
        if (result.failure !== undefined) {
          this.#failures.set(result.failure, (this.#failures.get(result.failure) ?? 0) + 1);
        }
      },
    };
  }
}
