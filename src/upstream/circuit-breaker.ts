/**
 * A circuit breaker per upstream and tenant (base URL + project), kept in isolate memory. While an upstream fails
 * for a tenant, requests fail fast with `UPSTREAM_UNAVAILABLE` instead of each waiting out its retries against it;
 * after a cool-down one probe call goes through, and its answer closes the breaker or opens it again.
 *
 * It opens on `failureThreshold` failures in a row (5xx, network errors, timeouts, unreadable bodies), counting
 * every attempt, retries included. A run of failures is what tells "down" from "flaky": at a failure rate p, a run
 * of n happens with probability p^n per call, so under the chaos test's 20% 503 (429s count as answers: a throttling
 * upstream is up) the default of 20 opens with a chance of about 1e-14 per call, while an upstream that fails
 * everything opens it after 20 attempts (three or four requests with their retries). Any other answer, 4xx
 * included, resets the run: the upstream is up and is speaking for itself.
 */
import { GatewayError, transientKind, UpstreamError } from "../errors";

/** Default of `BREAKER_FAILURE_THRESHOLD`: failed calls in a row that open a breaker. */
export const DEFAULT_BREAKER_FAILURE_THRESHOLD = 20;
/** Default of `BREAKER_COOL_DOWN_MS`: how long an open breaker refuses calls before it lets a probe through. */
export const DEFAULT_BREAKER_COOL_DOWN_MS = 10_000;
/** Breakers one isolate keeps at most; beyond, the oldest healthy ones are forgotten (they hold nothing useful). */
export const MAX_BREAKERS = 1_000;

/** Options of a {@link CircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Failed calls in a row that open the breaker. */
  failureThreshold: number;
  /** Milliseconds an open breaker refuses calls before one probe may go through. */
  coolDownMs: number;
  /** The clock, in milliseconds. Default `Date.now` (injectable for unit tests). */
  now?: () => number;
}

/** What one call tells about the upstream: it answered, it failed, or nothing (it was never sent, or we cut it). */
export type CallOutcome = "answered" | "failed" | "unknown";

/**
 * The {@link CallOutcome} of a call that ended with `error` (null: a 2xx). 5xx, network errors, timeouts and
 * unreadable bodies are failures; any other upstream answer (429 and 4xx included) shows the upstream is up;
 * anything else (our own errors: the request's deadline, a call limit) says nothing about it.
 */
export function callOutcomeOf(error: unknown): CallOutcome {
  if (error === null || error === undefined) return "answered";
  if (!(error instanceof UpstreamError)) return "unknown";
  const transient = transientKind(error);
  return transient === null || transient === "throttled" ? "answered" : "failed";
}

/** A call the breaker let through; hand it back to {@link CircuitBreaker.record}. */
export interface Admission {
  /** True for the one probe of a half-open breaker. */
  readonly probe: boolean;
}

/** One breaker: closed, open (refusing calls until its cool-down is over) or half-open (one probe in flight). */
export class CircuitBreaker {
  readonly #threshold: number;
  readonly #coolDownMs: number;
  readonly #now: () => number;
  #failuresInARow = 0;
  /** When the breaker opened; null while closed. */
  #openedAt: number | null = null;
  /** When the probe of a half-open breaker was let through; null when none is in flight. */
  #probeSince: number | null = null;

  constructor(options: CircuitBreakerOptions) {
    this.#threshold = options.failureThreshold;
    this.#coolDownMs = options.coolDownMs;
    this.#now = options.now ?? Date.now;
  }

  /** "closed", "open", or "half-open" (cooled down: the next call is, or is already, the probe). */
  get state(): "closed" | "open" | "half-open" {
    if (this.#openedAt === null) return "closed";
    return this.#now() - this.#openedAt < this.#coolDownMs ? "open" : "half-open";
  }

  /**
   * Lets a call through, or throws `UPSTREAM_UNAVAILABLE` (with `retryAfterSeconds`) while the breaker is open or
   * its probe is in flight. A probe that never reports back (its isolate went away mid-call) is replaced after one
   * cool-down.
   */
  admit(): Admission {
    const now = this.#now();
    if (this.#openedAt === null) return { probe: false };
    const coolsAt = this.#openedAt + this.#coolDownMs;
    const probeStale = this.#probeSince !== null && now - this.#probeSince >= this.#coolDownMs;
    if (now >= coolsAt && (this.#probeSince === null || probeStale)) {
      this.#probeSince = now;
      return { probe: true };
    }
    const retryAt = Math.max(coolsAt, (this.#probeSince ?? 0) + this.#coolDownMs);
    const waitSeconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
    throw new GatewayError(
      "UPSTREAM_UNAVAILABLE",
      `The upstream is failing for this project: after ${this.#threshold} failed calls in a row the gateway paused ` +
        `calling it${now >= coolsAt ? " while a trial call is under way" : ""}. Try again in ${waitSeconds} s.`,
      { retryAfterSeconds: waitSeconds },
    );
  }

  /** Reports how an admitted call ended. Only the probe decides while the breaker is open or half-open. */
  record(admission: Admission, outcome: CallOutcome): void {
    if (admission.probe) {
      this.#probeSince = null;
      if (outcome === "answered") this.#close();
      else if (outcome === "failed") this.#openedAt = this.#now();
      return;
    }
    // A call let through before the breaker opened, ending after: the probe decides, not this late answer.
    if (this.#openedAt !== null) return;
    if (outcome === "answered") this.#failuresInARow = 0;
    if (outcome !== "failed") return;
    this.#failuresInARow += 1;
    if (this.#failuresInARow >= this.#threshold) this.#openedAt = this.#now();
  }

  #close(): void {
    this.#openedAt = null;
    this.#failuresInARow = 0;
  }
}

// Isolate memory: every request in this isolate that calls the same upstream for the same tenant shares one breaker.
const breakers = new Map<string, CircuitBreaker>();

/**
 * The breaker of `upstream` (a base URL) for `tenant` (for Nexus, the project id), made with `options` on first use
 * in this isolate. Never throws.
 */
export function circuitBreakerFor(upstream: string, tenant: string, options: CircuitBreakerOptions): CircuitBreaker {
  const key = `${upstream.replace(/\/+$/, "")} ${tenant}`;
  let breaker = breakers.get(key);
  if (breaker === undefined) {
    if (breakers.size >= MAX_BREAKERS) forgetOneBreaker();
    breaker = new CircuitBreaker(options);
    breakers.set(key, breaker);
  }
  return breaker;
}

/** Drops the oldest closed breaker (the oldest of all if every one is open), to keep the map bounded. */
function forgetOneBreaker(): void {
  for (const [key, breaker] of breakers) {
    if (breaker.state === "closed") {
      breakers.delete(key);
      return;
    }
  }
  const oldest = breakers.keys().next();
  if (oldest.done !== true) breakers.delete(oldest.value);
}
