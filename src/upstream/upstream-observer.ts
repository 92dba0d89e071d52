/**
 * What the HTTP core tells whoever watches the upstream calls (traces, Server-Timing, logs, metrics): each attempt
 * of each call as it starts and as it ends. The core knows nothing of what the watcher does with it; the watcher may
 * hand back headers for the attempt (a W3C `traceparent`), which the core adds to that attempt's request.
 *
 * An attempt refused before it was sent (an open circuit breaker, the call cap, a spent deadline) is observed too,
 * with `sent: false`: a trace should show why a call never reached its upstream.
 *
 * Backend-neutral and secret-free by construction: an attempt names its backend, operation, method and path (never
 * the query string, where a signed URL's signature would be, and never a header).
 */

/** One attempt of one upstream call, as it starts. */
export interface UpstreamAttempt {
  /** The backend's name (`nexus`). */
  readonly backend: string;
  /** The operation, as errors name it (`jobs.get`). */
  readonly operation: string;
  /** The HTTP method. */
  readonly method: string;
  /** The path without its query string; it names upstream ids (an observer that exports it should template it). */
  readonly path: string;
  /** 0 for the first attempt of a call, 1 for its first retry, … */
  readonly attempt: number;
  /** The circuit breaker's state when the attempt was admitted; undefined without a breaker. */
  readonly breakerState: "closed" | "open" | "half-open" | undefined;
}

/** How one attempt ended. */
export interface UpstreamAttemptResult {
  /**
   * Whether a request left for the upstream: false when the attempt was refused before it was sent (an open
   * breaker, the call cap, a spent deadline), true when a fetch started (even if it then failed).
   */
  readonly sent: boolean;
  /** The upstream's HTTP status; 0 when none came (timeout, network failure, refused before sending). */
  readonly status: number;
  /**
   * Why the attempt failed, when it did: an `UpstreamError`'s kind (`http`, `timeout`, `network`, `invalid-body`),
   * or the code of a gateway refusal (`DEADLINE_EXCEEDED`, `LIMIT_EXCEEDED`, `UPSTREAM_UNAVAILABLE` for an open
   * breaker). Undefined for a 2xx with a valid body.
   */
  readonly failure: string | undefined;
  /** The `Retry-After` the upstream sent, in seconds, when it sent one. */
  readonly retryAfterSeconds: number | undefined;
}

/** An attempt being watched: what to add to its request, and where to say how it ended. */
export interface ObservedAttempt {
  /** Headers to send with the attempt (a `traceparent`); never credentials. */
  readonly headers: Readonly<Record<string, string>>;
  /** Called once, when the attempt ended (answered, failed or refused). Never throws. */
  end(result: UpstreamAttemptResult): void;
}

/** Watches upstream calls: see the module comment. Implementations never throw. */
export interface UpstreamObserver {
  /** Called before each attempt, before the breaker, the call cap and the deadline are asked. */
  attemptStarted(attempt: UpstreamAttempt): ObservedAttempt;
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/** An attempt nobody watches. */
export const UNOBSERVED_ATTEMPT: ObservedAttempt = { headers: NO_HEADERS, end: () => undefined };

/** One observer that tells every one of `observers`, in order; their headers merged (a later one wins). */
export function combineObservers(observers: readonly UpstreamObserver[]): UpstreamObserver | undefined {
  if (observers.length === 0) return undefined;
  if (observers.length === 1) return observers[0];
  return {
    attemptStarted(attempt) {
      const watched = observers.map((observer) => observer.attemptStarted(attempt));
      return {
        headers: Object.assign({}, ...watched.map((one) => one.headers)) as Record<string, string>,
        end: (result) => {
          for (const one of watched) one.end(result);
        },
      };
    },
  };
}
