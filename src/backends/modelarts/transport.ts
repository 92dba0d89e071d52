/**
 * The HTTP layer under the ModelArts client: the one place that calls `fetch` for ModelArts. It adds the
 * `X-Auth-Token`, applies a timeout per call (cut to what is left of the request's deadline), retries by the shared
 * retry policy (reads on 429, 5xx and network failures, writes on 429 only, within a retry budget), asks the
 * circuit breaker before every attempt, checks every status and body shape, and turns every failure into one
 * {@link UpstreamError}. ModelArts says "not found" with HTTP 400 and an `error_code` (`ModelArts.4352` dataset,
 * `ModelArts.4359` export task), so the reason is read from the status AND the code ({@link reasonOfModelArtsError}).
 * It never logs, and the token never reaches an error message.
 */
import { UpstreamError, type UpstreamReason } from "../../errors";
import { limitExceeded } from "../../limits/limit-error";
import { callOutcomeOf, type CircuitBreaker } from "../../upstream/circuit-breaker";
import { createDeadline, deadlineError, type Deadline } from "../../upstream/deadline";
import { callKindOfMethod, createRetryPolicy, type RetryPolicy } from "../../upstream/retry-policy";
import { DEFAULT_MAX_RETRY_AFTER_MS, MAX_BACKOFF_MS } from "../../upstream/settings";
import type { WireCheck } from "./wire-checks";

/** The credentials of one ModelArts project: its id and an IAM token (`X-Auth-Token`). */
export interface ModelArtsCredentials {
  projectId: string;
  token: string;
}

/** Options of {@link ModelArtsTransport} (and of the client, which passes them on). */
export interface ModelArtsClientOptions {
  /** Base URL, e.g. `https://modelarts.cn-north-4.myhuaweicloud.com`; paths start with `/v2/` under it. */
  baseUrl: string;
  credentials: ModelArtsCredentials;
  /** Timeout of one call (each retry has its own), in milliseconds. Default 10000. */
  timeoutMs?: number;
  /** The fetch to use. Default the global `fetch`. */
  fetch?: typeof fetch;
  /** Retries this client may spend in total (over all its calls). Default 4. */
  retryBudget?: number;
  /** Retries of one call at most. Default 2. */
  maxRetriesPerCall?: number;
  /** First backoff before a retry, in milliseconds; doubles each time, with jitter. Default 100. */
  retryBaseDelayMs?: number;
  /** The longest `Retry-After` waited out before a retry, in ms; a longer one is returned at once. Default 5000. */
  maxRetryAfterMs?: number;
  /** The request's deadline: every call's timeout is cut to what is left, and retries must fit. Default: none. */
  deadline?: Deadline;
  /** The circuit breaker of this upstream and project, asked before every attempt. Default: none. */
  breaker?: CircuitBreaker;
  /** Upstream calls (retries included) this transport may make in all; one more is `LIMIT_EXCEEDED`. Default: no limit. */
  maxCalls?: number;
}

/** Default timeout of one upstream call, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;

/** One API call, for {@link ModelArtsTransport.request}. */
export interface RequestOptions<T> {
  /** The operation, as errors name it (`exportTasks.get`). */
  operation: string;
  method: "GET" | "POST";
  /** Path under `/v2/{project_id}/`, already encoded. */
  resource: string;
  query?: Record<string, string | number | undefined | null>;
  body?: unknown;
  check: WireCheck<T>;
}

/** The error codes that mean "does not exist" (modelarts.md), answered with HTTP 400. */
export const NOT_FOUND_CODES: ReadonlySet<string> = new Set(["ModelArts.4352", "ModelArts.4359"]);

/**
 * What a ModelArts failure means: HTTP 400 with `ModelArts.4352` (dataset) or `ModelArts.4359` (export task) is
 * not found, any other 400 bad input; 401/403 refused credentials; 404 (the API gateway's unknown route) and other
 * 4xx bad input; 429 rate limited; 5xx (and anything else) unavailable.
 */
export function reasonOfModelArtsError(status: number, errorCode: string | undefined): UpstreamReason {
  if (status === 400 && errorCode !== undefined && NOT_FOUND_CODES.has(errorCode)) return "not-found";
  if (status === 401 || status === 403) return "credentials-refused";
  if (status === 429) return "rate-limited";
  if (status >= 400 && status < 500) return "bad-input";
  return "unavailable";
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
  /** Path without query string; never contains a token. */
  path: string;
}

/** The backend's name in messages. */
const BACKEND = "modelarts";

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

/** Sends the calls of one client (one request's worth, or one poll): see the module comment. */
export class ModelArtsTransport {
  readonly #baseUrl: string;
  readonly #credentials: ModelArtsCredentials;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #retries: RetryPolicy;
  readonly #deadline: Deadline;
  readonly #breaker: CircuitBreaker | undefined;
  readonly #maxCalls: number;
  #calls = 0;

  constructor(options: ModelArtsClientOptions) {
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
   * One API call under `/v2/{project_id}/`: adds the token, applies the timeout, retries by the retry policy,
   * checks the status and the body shape. Resolves with the checked body; rejects with {@link UpstreamError}, or a
   * coded `GatewayError` when the deadline, the call cap or the circuit breaker stops it.
   */
  async request<T>(options: RequestOptions<T>): Promise<T> {
    const path = `/v2/${encodeURIComponent(this.#credentials.projectId)}/${options.resource}`;
    const call: Call = { operation: options.operation, method: options.method, path };
    const url = new URL(this.#baseUrl + path);
    for (const [name, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = { "X-Auth-Token": this.#credentials.token, Accept: "application/json" };
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
          const checked = await this.#readBody(call, response, options.check);
          if (admission !== undefined) this.#breaker?.record(admission, "answered");
          return checked;
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
          "(smaller first/last, fewer nested lists).",
      );
    }
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

  /** The error of a non-2xx answer: `expected 2xx, got 400 ModelArts.4359 from /v2/… (message)`. */
  async #statusError(call: Call, response: Response): Promise<UpstreamError> {
    let upstreamCode: string | undefined;
    let upstreamMessage: string | undefined;
    try {
      const parsed: unknown = JSON.parse(await response.text());
      if (typeof parsed === "object" && parsed !== null) {
        const record = parsed as Record<string, unknown>;
        if (typeof record["error_code"] === "string") upstreamCode = this.#redact(record["error_code"]).slice(0, 200);
        if (typeof record["error_msg"] === "string") upstreamMessage = this.#redact(record["error_msg"]).slice(0, 500);
      }
    } catch {
      // Not a JSON error body (a proxy page, say): the status alone must do.
    }
    const code = upstreamCode === undefined ? "" : ` ${upstreamCode}`;
    const detail = upstreamMessage === undefined ? "" : ` (${upstreamMessage})`;
    return upstreamError(call, `expected 2xx, got ${response.status}${code} from ${call.path}${detail}`, {
      reason: reasonOfModelArtsError(response.status, upstreamCode),
      kind: "http",
      status: response.status,
      upstreamCode,
      upstreamMessage,
      retryAfterSeconds: parseRetryAfter(response.headers.get("Retry-After")),
    });
  }

  /** Removes the token from upstream text, in case an upstream ever echoes it back. */
  #redact(text: string): string {
    const token = this.#credentials.token;
    return token.length >= 4 ? text.split(token).join("[redacted]") : text;
  }
}
