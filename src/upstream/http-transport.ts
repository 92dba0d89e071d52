/**
 * The HTTP core under every backend's transport: the one place that calls `fetch` for an upstream API. It adds the
 * backend's auth headers, applies a timeout per call (cut to what is left of the request's deadline), retries by the
 * shared retry policy (reads on 429, 5xx and network failures, writes on 429 only, within a per-transport retry
 * budget, so one GraphQL request cannot multiply its upstream load), asks the circuit breaker before every attempt,
 * refuses a call past the call cap with `LIMIT_EXCEEDED`, follows no redirect (a 3xx is an error: the call carries
 * a key), checks every status and body shape, and turns every failure into one {@link UpstreamError} that names the
 * backend and the operation. It never logs, and no key ever reaches an error message: upstream text is redacted, and
 * messages carry the path without its query. A GET that says which of its answers are settled reads through the
 * session's terminal cache (`terminal-cache.ts`), when it has one. Below that, a session's shared reads
 * (`shared-reads.ts`), when it has them, share identical GETs with other requests and purge on writes.
 *
 * Backend-neutral: what differs per platform (auth headers, the error body's field names, what a status means, the
 * wording of a status error, the call-cap hint) is a small {@link HttpDialect} the backend's transport hands in; the
 * backend's transport also builds its paths.
 */
import { GatewayError, UpstreamError, type UpstreamReason } from "../errors";
import { limitExceeded } from "../limits/limit-error";
import { callOutcomeOf, type Admission, type CircuitBreaker } from "./circuit-breaker";
import { createDeadline, deadlineError, type Deadline } from "./deadline";
import { callKindOfMethod, createRetryPolicy, type RetryPolicy } from "./retry-policy";
import { DEFAULT_MAX_RETRY_AFTER_MS, MAX_BACKOFF_MS } from "./settings";
import type { SharedReads } from "./shared-reads";
import type { TerminalCache } from "./terminal-cache";
import { UNOBSERVED_ATTEMPT, type UpstreamAttemptResult, type UpstreamObserver } from "./upstream-observer";

/** Default timeout of one upstream call, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Options every backend's transport takes (its client passes them on); the backend adds its credentials. */
export interface HttpTransportOptions {
  /** Upstream base URL. A trailing slash is ignored. */
  baseUrl: string;
  /** Timeout of one call (each retry has its own), in milliseconds. Default 10000. */
  timeoutMs?: number;
  /** The fetch to use. Default the global `fetch`. */
  fetch?: typeof fetch;
  /** Retries this transport may spend in all (over every call), so one request cannot multiply its load. Default 4. */
  retryBudget?: number;
  /** Retries of one GET at most. Default 2. */
  maxRetriesPerCall?: number;
  /** First backoff before a retry, in milliseconds; doubles each time, with jitter. Default 100. */
  retryBaseDelayMs?: number;
  /** The longest `Retry-After` waited out before a retry, in ms; a longer one is returned at once. Default 5000. */
  maxRetryAfterMs?: number;
  /** The request's deadline: every call's timeout is cut to what is left, and retries must fit. Default: none. */
  deadline?: Deadline;
  /** The circuit breaker of this upstream and tenant, asked before every attempt. Default: none. */
  breaker?: CircuitBreaker;
  /**
   * Upstream calls (retries included) this transport may make in all. One more is refused with `LIMIT_EXCEEDED`
   * before it is sent: a query that needs so many is too big, and the Worker's subrequest limit would end it with
   * an opaque failure anyway. Default: no limit (the per-request context sets one).
   */
  maxCalls?: number;
  /**
   * Where settled GETs are kept across requests (`terminal-cache.ts`): a request that says which of its values are
   * settled ({@link HttpRequest.settled}) reads through it. Default: none (every read goes upstream; polls and
   * mutations never get one).
   */
  terminalCache?: TerminalCache;
  /**
   * Told of every attempt as it starts and ends (traces, timings, metrics: `upstream-observer.ts`); the headers it
   * hands back go with the attempt. Default: none.
   */
  observer?: UpstreamObserver;
  /**
   * Reads shared with other requests of the same tenant and credentials, and the short read cache (`shared-reads.ts`):
   * every call of {@link HttpTransport.request} goes through it, and writes purge it. Default: none (polls never get
   * one).
   */
  sharedReads?: SharedReads;
}

/** What an upstream's error body said, redacted and cut short; each field absent when the body had none. */
export interface UpstreamErrorDetail {
  status: number;
  /** Path without query string. */
  path: string;
  code: string | undefined;
  message: string | undefined;
}

/**
 * How one backend speaks HTTP, beside what every backend shares: a constant per backend (the secret is handed to
 * each {@link HttpTransport} beside it).
 */
export interface HttpDialect {
  /** The backend's name, first word of every message and `UpstreamError.backend` (`nexus`). */
  name: string;
  /**
   * The header that carries the secret on every {@link HttpTransport.request} (`Secret-Key`). One header, one
   * secret: what is sent is exactly what is redacted from upstream text.
   */
  authHeader: string;
  /** The JSON fields of an error body that hold the upstream's code and message (`code`/`message`). */
  errorFields: { code: string; message: string };
  /** What a non-2xx answer means, from its status and the upstream code (absent when the body had none). */
  reasonOf(status: number, code: string | undefined): UpstreamReason;
  /** The text of a status error after `{name} {operation}: ` (`expected 2xx, got 503 from /x`). */
  statusText(detail: UpstreamErrorDetail): string;
  /** What to ask for less of when the call cap refuses (`smaller first/last, fewer nested lists`). */
  fewerItemsHint: string;
}

/** A body check: the checked value, or what was wrong. Each backend's `WireCheck` has this shape. */
export type BodyCheck<T> = (body: unknown) => { ok: true; value: T } | { ok: false; problem: string };

/** One API call, for {@link HttpTransport.request}. */
export interface HttpRequest<T> {
  /** The operation, as errors name it (`jobs.get`). */
  operation: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path from the base URL, already encoded; messages name it. */
  path: string;
  /** Query parameters; an undefined or null one is left out. */
  query?: Record<string, string | number | undefined | null>;
  /** A JSON body (sent with `Content-Type: application/json`). Default: none. */
  body?: unknown;
  /** The body's check, or `no-body` for an answer whose body is ignored (a 204). */
  check: BodyCheck<T> | "no-body";
  /**
   * For a GET whose answer may never change: true for a checked value that will not (a finished job). Such a value
   * is kept in the transport's terminal cache, and served from it by later requests with the same credentials.
   * Default: the read is never cached.
   */
  settled?: (value: T) => boolean;
}

/** One call, as errors name it. */
export interface HttpCall {
  operation: string;
  method: string;
  /** Path without query string; never contains a key (a signed URL is named by a placeholder). */
  path: string;
}

/**
 * The usual status text: `expected 2xx, got 404 from /x (Code: message)`; the parenthesis only with a code, the
 * message in it only with both. Nexus and Graviti word their errors so.
 */
export function statusTextWithCode(detail: UpstreamErrorDetail): string {
  const { code, message } = detail;
  const tail = code ? ` (${code}${message ? `: ${message}` : ""})` : "";
  return `expected 2xx, got ${detail.status} from ${detail.path}${tail}`;
}

/** The path and query of a request, the query sorted by name, without empty values: the name of its cache entry. */
function resourceOf(options: Pick<HttpRequest<unknown>, "path" | "query">): string {
  const query = new URLSearchParams();
  const entries = Object.entries(options.query ?? {}).filter(([, value]) => value !== undefined && value !== null);
  for (const [name, value] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) query.set(name, String(value));
  const search = query.toString();
  return search === "" ? options.path : `${options.path}?${search}`;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function isTimeout(cause: unknown): boolean {
  return cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
}

/** How an attempt that threw ended, for the observer: the upstream's status and failure kind, or a refusal's code. */
function failedAttempt(error: unknown, sent: boolean): UpstreamAttemptResult {
  if (error instanceof UpstreamError) {
    return { sent, status: error.status, failure: error.kind, retryAfterSeconds: error.retryAfterSeconds };
  }
  const failure = error instanceof GatewayError ? error.code : "unknown";
  return { sent, status: 0, failure, retryAfterSeconds: undefined };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

type ErrorOptions = Omit<ConstructorParameters<typeof UpstreamError>[1], "backend" | "operation" | "method" | "path">;

/** Sends the calls of one client (one request's worth, or one poll): see the module comment. */
export class HttpTransport {
  readonly #dialect: HttpDialect;
  readonly #secret: string;
  readonly #baseUrl: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #retries: RetryPolicy;
  readonly #deadline: Deadline;
  readonly #breaker: CircuitBreaker | undefined;
  readonly #maxCalls: number;
  readonly #terminalCache: TerminalCache | undefined;
  readonly #observer: UpstreamObserver | undefined;
  readonly #sharedReads: SharedReads | undefined;
  #calls = 0;

  /** `secret` goes in the dialect's auth header, and is removed from upstream text (when 4 characters or more). */
  constructor(options: HttpTransportOptions, dialect: HttpDialect, secret: string) {
    this.#dialect = dialect;
    this.#secret = secret;
    this.#baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Bind: the Workers runtime rejects a fetch called with a foreign `this`.
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#retries = createRetryPolicy({
      budget: options.retryBudget ?? 4,
      maxRetriesPerCall: options.maxRetriesPerCall ?? 2,
      baseDelayMs: options.retryBaseDelayMs ?? 100,
      maxDelayMs: MAX_BACKOFF_MS,
      maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS,
    });
    this.#deadline = options.deadline ?? createDeadline(Number.POSITIVE_INFINITY);
    this.#breaker = options.breaker;
    this.#maxCalls = options.maxCalls ?? Number.POSITIVE_INFINITY;
    this.#terminalCache = options.terminalCache;
    this.#observer = options.observer;
    this.#sharedReads = options.sharedReads;
  }

  /**
   * One API call: adds the auth headers, applies the timeout, retries by the retry policy (a GET on 429, 5xx and
   * network failures, anything else on 429 only; at most `maxRetriesPerCall`, within the budget and the deadline),
   * checks the status and the body shape. Resolves with the checked body (undefined for `no-body`); rejects with
   * {@link UpstreamError}, or a coded `GatewayError` when the deadline, the call cap or the circuit breaker stops it.
   * A GET with `settled` is first looked up in the terminal cache (no call, no breaker, no call cap on a hit); then
   * any GET in the shared reads (an answer another request is reading or has just read: no call either).
   */
  async request<T>(options: HttpRequest<T>): Promise<T> {
    const { settled, check } = options;
    const cache = this.#terminalCache;
    if (cache === undefined || settled === undefined || options.method !== "GET" || check === "no-body") {
      return this.#requestShared(options);
    }
    return cache.read({ resource: resourceOf(options), load: () => this.#requestShared(options), settled, check });
  }

  /** The call through the shared reads (`shared-reads.ts`) when the transport has them, else straight upstream. */
  #requestShared<T>(options: HttpRequest<T>): Promise<T> {
    const shared = this.#sharedReads;
    if (shared === undefined) return this.#requestUpstream(options);
    return shared.request({
      method: options.method,
      resource: resourceOf(options),
      load: () => this.#requestUpstream(options),
      // A request waits for another's read no longer than its own call could take.
      waitMs: () => this.#deadline.timeoutFor(this.#timeoutMs, `${options.method} ${options.path}`),
    });
  }

  /**
   * Drops what the terminal cache holds for `path` (with no query), after a mutation of that object, so that the
   * gateway never serves its own stale copy. Never rejects; does nothing without a cache.
   */
  async forget(path: string): Promise<void> {
    await this.#terminalCache?.forget(resourceOf({ path }));
  }

  async #requestUpstream<T>(options: HttpRequest<T>): Promise<T> {
    const call: HttpCall = { operation: options.operation, method: options.method, path: options.path };
    const url = new URL(this.#baseUrl + options.path);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = {
      [this.#dialect.authHeader]: this.#secret,
      Accept: "application/json",
    };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.body);
    }
    const init: RequestInit = { method: options.method, headers, ...(body === undefined ? {} : { body }) };

    const kind = callKindOfMethod(options.method);
    for (let attempt = 0; ; attempt += 1) {
      const observed =
        this.#observer?.attemptStarted({
          backend: this.#dialect.name,
          operation: call.operation,
          method: call.method,
          path: call.path,
          attempt,
          breakerState: this.#breaker?.state,
        }) ?? UNOBSERVED_ATTEMPT;
      let admission: Admission | undefined;
      try {
        // While the breaker is open this throws UPSTREAM_UNAVAILABLE: fail fast, and no call upstream.
        admission = this.#breaker?.admit();
      } catch (refusal) {
        observed.end(failedAttempt(refusal, false));
        throw refusal;
      }
      // `#send` counts a call right before its fetch: a refusal by the call cap or the deadline sent nothing.
      const callsBefore = this.#calls;
      const attemptInit =
        observed === UNOBSERVED_ATTEMPT ? init : { ...init, headers: { ...observed.headers, ...headers } };
      let error: unknown;
      try {
        const response = await this.#send(call, url.toString(), attemptInit);
        if (response.ok) {
          const checked = await this.#readBody(call, response, options.check);
          if (admission !== undefined) this.#breaker?.record(admission, "answered");
          observed.end({ sent: true, status: response.status, failure: undefined, retryAfterSeconds: undefined });
          return checked;
        }
        error = await this.#statusError(call, response);
      } catch (caught) {
        error = caught;
      }
      observed.end(failedAttempt(error, this.#calls > callsBefore));
      if (admission !== undefined) this.#breaker?.record(admission, callOutcomeOf(error));
      const delayMs = this.#retries.delayBeforeRetry(kind, attempt, error, this.#deadline);
      if (delayMs === null) throw error;
      await sleep(delayMs);
    }
  }

  /**
   * One attempt with exactly the `init` given (no auth headers added), under the call cap, the timeout and the
   * deadline, but with no retry and no circuit breaker: for a call outside the API (a signed upload URL). Resolves
   * with the 2xx response, body unread; rejects with {@link UpstreamError} (a status error names `call.path`, never
   * `url`), or a coded `GatewayError` when the deadline or the call cap stops it.
   */
  async sendOnce(call: HttpCall, url: string, init: RequestInit): Promise<Response> {
    // An upload changes what the tenant's reads answer: drop the shared ones (shared-reads.ts).
    if (call.method !== "GET") this.#sharedReads?.purge();
    const response = await this.#send(call, url, init);
    if (!response.ok) throw await this.#statusError(call, response);
    return response;
  }

  #error(call: HttpCall, text: string, options: ErrorOptions): UpstreamError {
    const backend = this.#dialect.name;
    return new UpstreamError(`${backend} ${call.operation}: ${text}`, {
      ...options,
      backend,
      operation: call.operation,
      method: call.method,
      path: call.path,
    });
  }

  #timeoutError(call: HttpCall, cause: unknown): UpstreamError {
    return this.#error(call, `no answer within ${this.#timeoutMs} ms from ${call.path}`, {
      reason: "timeout",
      kind: "timeout",
      status: 0,
      cause,
    });
  }

  /** One fetch with its own timeout; maps timeouts and network failures to {@link UpstreamError}. */
  async #send(call: HttpCall, url: string, init: RequestInit): Promise<Response> {
    if (this.#calls >= this.#maxCalls) {
      throw limitExceeded(
        "upstreamCalls",
        this.#calls + 1,
        this.#maxCalls,
        `This request needs more than ${this.#maxCalls} upstream calls; ask for fewer items ` +
          `(${this.#dialect.fewerItemsHint}).`,
      );
    }
    // The smaller of the call's own timeout and what is left of the request's deadline; throws when none is left.
    const timeoutMs = this.#deadline.timeoutFor(this.#timeoutMs, `${call.method} ${call.path}`);
    this.#calls += 1;
    let response: Response;
    try {
      // Never follow a redirect: the call carries the backend's key (or a signed URL's), and a 3xx would hand it on
      // to whatever host the Location names, or make the gateway probe it.
      response = await this.#fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    } catch (cause) {
      // Cut short by the deadline, not by the upstream's own slowness: our error, not the upstream's.
      if (isTimeout(cause) && timeoutMs < this.#timeoutMs) {
        return Promise.reject(deadlineError(`${call.method} ${call.path}`, this.#deadline.budgetMs));
      }
      if (isTimeout(cause)) return Promise.reject(this.#timeoutError(call, cause));
      return Promise.reject(
        this.#error(call, `the upstream could not be reached (${call.method} ${call.path})`, {
          reason: "unavailable",
          kind: "network",
          status: 0,
          cause,
        }),
      );
    }
    if (response.status >= 300 && response.status < 400) throw await this.#redirectError(call, response);
    return response;
  }

  /**
   * A 3xx, which is never followed: `UPSTREAM_UNAVAILABLE`, as an answer the gateway cannot use (like a proxy's HTML
   * page, and with the same kind, so it is not retried: the next attempt would be redirected too). The message names
   * where it pointed (scheme and host only: a Location's path or query may carry a credential).
   */
  async #redirectError(call: HttpCall, response: Response): Promise<UpstreamError> {
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get("Location");
    let target = "no Location";
    if (location !== null) {
      try {
        target = `to ${new URL(location, this.#baseUrl).origin}`;
      } catch {
        target = "to an invalid Location";
      }
    }
    const text =
      `the upstream answered ${response.status} (a redirect ${target}) from ${call.path}; the gateway does not follow ` +
      "redirects with credentials: check the upstream's base URL";
    return this.#error(call, text, { reason: "unavailable", kind: "invalid-body", status: response.status });
  }

  async #readBody<T>(call: HttpCall, response: Response, check: BodyCheck<T> | "no-body"): Promise<T> {
    const invalid = (problem: string, cause?: unknown): UpstreamError => {
      const text = `the upstream answered ${response.status} with an invalid body (${problem}) from ${call.path}`;
      return this.#error(call, text, { reason: "unavailable", kind: "invalid-body", status: response.status, cause });
    };
    let text: string;
    try {
      // Read even when ignored: a body cut off mid-way is still a timeout, and the connection can be reused.
      text = await response.text();
    } catch (cause) {
      throw isTimeout(cause) ? this.#timeoutError(call, cause) : invalid("the body could not be read", cause);
    }
    // A 204 (delete) has no body to read; the status said everything. The caller asked for no value (T is void).
    if (check === "no-body") return undefined as T;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw invalid("not JSON", cause);
    }
    const checked = check(json);
    if (!checked.ok) throw invalid(checked.problem);
    return checked.value;
  }

  async #statusError(call: HttpCall, response: Response): Promise<UpstreamError> {
    const fields = this.#dialect.errorFields;
    let code: string | undefined;
    let message: string | undefined;
    try {
      const parsed: unknown = JSON.parse(await response.text());
      if (typeof parsed === "object" && parsed !== null) {
        const record = parsed as Record<string, unknown>;
        const rawCode = record[fields.code];
        const rawMessage = record[fields.message];
        if (typeof rawCode === "string") code = this.#redact(rawCode).slice(0, 200);
        if (typeof rawMessage === "string") message = this.#redact(rawMessage).slice(0, 500);
      }
    } catch {
      // Not a JSON error body (a proxy page, say): the status alone must do.
    }
    const text = this.#dialect.statusText({ status: response.status, path: call.path, code, message });
    return this.#error(call, text, {
      reason: this.#dialect.reasonOf(response.status, code),
      kind: "http",
      status: response.status,
      upstreamCode: code,
      upstreamMessage: message,
      retryAfterSeconds: parseRetryAfter(response.headers.get("Retry-After")),
    });
  }

  /** Removes the secret from upstream text, in case an upstream ever echoes it back. */
  #redact(text: string): string {
    const secret = this.#secret;
    return secret.length >= 4 ? text.split(secret).join("[redacted]") : text;
  }
}
