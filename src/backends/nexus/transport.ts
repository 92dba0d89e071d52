/**
 * The HTTP layer under the Nexus client: the one place that calls `fetch`. It adds the `Secret-Key`, applies a
 * timeout per call (cut to what is left of the request's deadline), retries by the shared retry policy (reads on
 * 429, 5xx and network failures, writes on 429 only, within a per-transport retry budget, so one GraphQL request
 * cannot multiply its upstream load), asks the circuit breaker before every attempt, checks every status and body
 * shape, and turns every failure into one {@link UpstreamError}. It never logs, and no key ever reaches an error
 * message.
 */
import { UpstreamError, type UpstreamReason } from "../../errors";
import { callOutcomeOf, type CircuitBreaker } from "../../upstream/circuit-breaker";
import { createDeadline, deadlineError, type Deadline } from "../../upstream/deadline";
import { callKindOfMethod, createRetryPolicy, type RetryPolicy } from "../../upstream/retry-policy";
import { DEFAULT_MAX_RETRY_AFTER_MS, MAX_BACKOFF_MS } from "../../upstream/settings";
import { limitExceeded } from "../../limits/limit-error";
import type { NexusUploadUrl } from "./types";
import type { WireCheck } from "./wire-checks";

/** The credentials of one project: its id and its `Secret-Key`. */
export interface NexusCredentials {
  projectId: string;
  secretKey: string;
}

/** Options of {@link NexusTransport} (and of the client, which passes them on). */
export interface NexusClientOptions {
  /** Upstream base URL, e.g. `https://api.datature.io`. A trailing slash is ignored. */
  baseUrl: string;
  credentials: NexusCredentials;
  /** Timeout of one call (each retry has its own), in milliseconds. Default 10000. */
  timeoutMs?: number;
  /** The fetch to use. Default the global `fetch`. */
  fetch?: typeof fetch;
  /** Retries this client may spend in total (over all its calls), so one request cannot multiply its load. Default 4. */
  retryBudget?: number;
  /** Retries of one GET at most. Default 2. */
  maxRetriesPerCall?: number;
  /** First backoff before a retry, in milliseconds; doubles each time, with jitter. Default 100. */
  retryBaseDelayMs?: number;
  /** The longest `Retry-After` waited out before a retry, in ms; a longer one is returned at once. Default 5000. */
  maxRetryAfterMs?: number;
  /** The request's deadline: every call's timeout is cut to what is left, and retries must fit. Default: none. */
  deadline?: Deadline;
  /** The circuit breaker of this upstream and project, asked before every attempt. Default: none. */
  breaker?: CircuitBreaker;
  /**
   * Upstream calls (retries included) this transport may make in all. One more is refused with `LIMIT_EXCEEDED`
   * before it is sent: a query that needs so many is too big, and the Worker's subrequest limit would end it with
   * an opaque failure anyway. Default: no limit (the per-request context sets one).
   */
  maxCalls?: number;
}

/** Default timeout of one upstream call, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** One API call, for {@link NexusTransport.request}. */
export interface RequestOptions<T> {
  /** The operation, as errors name it (`jobs.get`). */
  operation: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path under `/projects/{p}/batch/`, already encoded. */
  resource: string;
  query?: Record<string, string | number | undefined | null>;
  body?: unknown;
  check: WireCheck<T>;
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One call, as errors name it. */
interface Call {
  operation: string;
  method: string;
  /** Path without query string; never contains a key. */
  path: string;
}

/** The backend's name in messages. */
const BACKEND = "nexus";

/** What a Nexus HTTP status means (nexus.md: 404 is "not found", 401/403 a refused key, 429 slow down). */
export function reasonOfNexusStatus(status: number): UpstreamReason {
  if (status === 404) return "not-found";
  if (status === 401 || status === 403) return "credentials-refused";
  if (status === 429) return "rate-limited";
  if (status >= 400 && status < 500) return "bad-input";
  return "unavailable";
}

function upstreamError(
  call: Call,
  text: string,
  options: Omit<ConstructorParameters<typeof UpstreamError>[1], "backend" | "operation" | "method" | "path">,
): UpstreamError {
  return new UpstreamError(`${BACKEND} ${call.operation}: ${text}`, {
    ...options,
    backend: BACKEND,
    operation: call.operation,
    method: call.method,
    path: call.path,
  });
}

/** Sends the calls of one client (one request's worth): see the module comment. */
export class NexusTransport {
  readonly #baseUrl: string;
  readonly #credentials: NexusCredentials;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #retries: RetryPolicy;
  readonly #deadline: Deadline;
  readonly #breaker: CircuitBreaker | undefined;
  readonly #maxCalls: number;
  #calls = 0;

  constructor(options: NexusClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#credentials = options.credentials;
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
  }

  /**
   * Sends a dataset's bytes to its signed upload URL with exactly the headers the upstream gave, and no `Secret-Key`
   * (the URL is the credential). Resolves on any 2xx; rejects with {@link UpstreamError} otherwise.
   */
  async upload(upload: NexusUploadUrl, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    const url = new URL(upload.url);
    const method = upload.method || "PUT";
    // Never the URL itself in messages: a signed URL carries its credential (in its query, or its path).
    const call: Call = { operation: "datasets.upload", method, path: "(signed upload URL)" };
    const response = await this.#send(call, url.toString(), { method, headers: upload.headers, body: bytes });
    if (!response.ok) throw await this.#statusError(call, response);
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
  }

  /**
   * One API call under `/projects/{p}/batch/`: adds the `Secret-Key`, applies the timeout, retries by the retry
   * policy (a GET on 429, 5xx and network failures, anything else on 429 only; at most `maxRetriesPerCall`, within
   * the budget and the deadline), checks the status and the body shape. Resolves with the checked body; rejects with
   * {@link UpstreamError}, or a coded `GatewayError` when the deadline or the circuit breaker stops it.
   */
  async request<T>(options: RequestOptions<T>): Promise<T> {
    const path = `/projects/${encodeURIComponent(this.#credentials.projectId)}/batch/${options.resource}`;
    const call: Call = { operation: options.operation, method: options.method, path };
    const url = new URL(this.#baseUrl + path);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { "Secret-Key": this.#credentials.secretKey, Accept: "application/json" };
    let body: string | undefined;
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(options.body);
    }
    const init: RequestInit = { method: options.method, headers, ...(body === undefined ? {} : { body }) };

    const kind = callKindOfMethod(options.method);
    for (let attempt = 0; ; attempt += 1) {
      // While the breaker is open this throws UPSTREAM_UNAVAILABLE: fail fast, and no call upstream.
      const admission = this.#breaker?.admit();
      let error: unknown;
      try {
        const response = await this.#send(call, url.toString(), init);
        if (response.ok) {
          const body = await this.#readBody(call, response, options.check);
          if (admission !== undefined) this.#breaker?.record(admission, "answered");
          return body;
        }
        error = await this.#statusError(call, response);
      } catch (caught) {
        error = caught;
      }
      if (admission !== undefined) this.#breaker?.record(admission, callOutcomeOf(error));
      const delayMs = this.#retries.delayBeforeRetry(kind, attempt, error, this.#deadline);
      if (delayMs === null) throw error;
      await sleep(delayMs);
    }
  }

  #timeoutError(call: Call, cause: unknown): UpstreamError {
    return upstreamError(call, `no answer within ${this.#timeoutMs} ms from ${call.path}`, {
      reason: "timeout",
      kind: "timeout",
      status: 0,
      cause,
    });
  }

  /** One fetch with its own timeout; maps timeouts and network failures to {@link UpstreamError}. */
  async #send(call: Call, url: string, init: RequestInit): Promise<Response> {
    if (this.#calls >= this.#maxCalls) {
      throw limitExceeded(
        "upstreamCalls",
        this.#calls + 1,
        this.#maxCalls,
        `This request needs more than ${this.#maxCalls} upstream calls; ask for fewer items ` +
          "(smaller first/last, fewer nested lists or logs).",
      );
    }
    // The smaller of the call's own timeout and what is left of the request's deadline; throws when none is left.
    const timeoutMs = this.#deadline.timeoutFor(this.#timeoutMs, `${call.method} ${call.path}`);
    this.#calls += 1;
    try {
      return await this.#fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (cause) {
      // Cut short by the deadline, not by the upstream's own slowness: our error, not the upstream's.
      if (isTimeout(cause) && timeoutMs < this.#timeoutMs) {
        return Promise.reject(deadlineError(`${call.method} ${call.path}`, this.#deadline.budgetMs));
      }
      if (isTimeout(cause)) return Promise.reject(this.#timeoutError(call, cause));
      return Promise.reject(
        upstreamError(call, `the upstream could not be reached (${call.method} ${call.path})`, {
          reason: "unavailable",
          kind: "network",
          status: 0,
          cause,
        }),
      );
    }
  }

  async #readBody<T>(call: Call, response: Response, check: WireCheck<T>): Promise<T> {
    const invalid = (problem: string, cause?: unknown): UpstreamError =>
      upstreamError(call, `the upstream answered ${response.status} with an invalid body (${problem}) from ${call.path}`, {
        reason: "unavailable",
        kind: "invalid-body",
        status: response.status,
        cause,
      });
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw isTimeout(cause) ? this.#timeoutError(call, cause) : invalid("the body could not be read", cause);
    }
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

  async #statusError(call: Call, response: Response): Promise<UpstreamError> {
    let upstreamCode: string | undefined;
    let upstreamMessage: string | undefined;
    try {
      const parsed: unknown = JSON.parse(await response.text());
      if (typeof parsed === "object" && parsed !== null) {
        const record = parsed as Record<string, unknown>;
        if (typeof record["code"] === "string") upstreamCode = this.#redact(record["code"]).slice(0, 200);
        if (typeof record["message"] === "string") upstreamMessage = this.#redact(record["message"]).slice(0, 500);
      }
    } catch {
      // Not a JSON error body (a proxy page, say): the status alone must do.
    }
    const detail = upstreamCode ? ` (${upstreamCode}${upstreamMessage ? `: ${upstreamMessage}` : ""})` : "";
    return upstreamError(call, `expected 2xx, got ${response.status} from ${call.path}${detail}`, {
      reason: reasonOfNexusStatus(response.status),
      kind: "http",
      status: response.status,
      upstreamCode,
      upstreamMessage,
      retryAfterSeconds: parseRetryAfter(response.headers.get("Retry-After")),
    });
  }

  /** Removes the key from upstream text, in case an upstream ever echoes it back. */
  #redact(text: string): string {
    const key = this.#credentials.secretKey;
    return key.length >= 4 ? text.split(key).join("[redacted]") : text;
  }
}
