/**
 * The HTTP layer under the Nexus client: the one place that calls `fetch`. It adds the `Secret-Key`, applies a
 * timeout per call, retries idempotent GETs on 502/503/504 and network failures (within a per-transport retry
 * budget, so one GraphQL request cannot multiply its upstream load), checks every status and body shape, and turns
 * every failure into one {@link UpstreamError}. It never logs, and no key ever reaches an error message.
 */
import { UpstreamError } from "../../errors";
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
  /**
   * Upstream calls (retries included) this transport may make in all. One more is refused with `LIMIT_EXCEEDED`
   * before it is sent: a query that needs so many is too big, and the Worker's subrequest limit would end it with
   * an opaque failure anyway. Default: no limit (the per-request context sets one).
   */
  maxCalls?: number;
}

/** Default timeout of one upstream call, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;
const RETRIABLE_STATUSES = new Set([502, 503, 504]);

/** One API call, for {@link NexusTransport.request}. */
export interface RequestOptions<T> {
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sends the calls of one client (one request's worth): see the module comment. */
export class NexusTransport {
  readonly #baseUrl: string;
  readonly #credentials: NexusCredentials;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #maxRetriesPerCall: number;
  readonly #retryBaseDelayMs: number;
  #retryBudget: number;
  readonly #maxCalls: number;
  #calls = 0;

  constructor(options: NexusClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#credentials = options.credentials;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Bind: the Workers runtime rejects a fetch called with a foreign `this`.
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#retryBudget = options.retryBudget ?? 4;
    this.#maxRetriesPerCall = options.maxRetriesPerCall ?? 2;
    this.#retryBaseDelayMs = options.retryBaseDelayMs ?? 100;
    this.#maxCalls = options.maxCalls ?? Number.POSITIVE_INFINITY;
  }

  /**
   * Sends a dataset's bytes to its signed upload URL with exactly the headers the upstream gave, and no `Secret-Key`
   * (the URL is the credential). Resolves on any 2xx; rejects with {@link UpstreamError} otherwise.
   */
  async upload(upload: NexusUploadUrl, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    const url = new URL(upload.url);
    // Never the URL itself in messages: a signed URL carries its credential (in its query, or its path).
    const path = "(signed upload URL)";
    const method = upload.method || "PUT";
    const response = await this.#send(method, path, url.toString(), {
      method,
      headers: upload.headers,
      body: bytes,
    });
    if (!response.ok) throw await this.#statusError(method, path, response);
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
  }

  /**
   * One API call under `/projects/{p}/batch/`: adds the `Secret-Key`, applies the timeout, retries a GET on
   * 502/503/504 and network failures (at most `maxRetriesPerCall`, within the budget), checks the status and the
   * body shape. Resolves with the checked body; rejects with {@link UpstreamError}.
   */
  async request<T>(options: RequestOptions<T>): Promise<T> {
    const path = `/projects/${encodeURIComponent(this.#credentials.projectId)}/batch/${options.resource}`;
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

    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await this.#send(options.method, path, url.toString(), init);
      } catch (error) {
        if (this.#mayRetry(options.method, attempt, error)) {
          await this.#backoff(attempt);
          continue;
        }
        throw error;
      }
      if (response.ok) return this.#readBody(options.method, path, response, options.check);
      const error = await this.#statusError(options.method, path, response);
      if (this.#mayRetry(options.method, attempt, error)) {
        await this.#backoff(attempt);
        continue;
      }
      throw error;
    }
  }

  /** One fetch with its own timeout; maps timeouts and network failures to {@link UpstreamError}. */
  async #send(method: string, path: string, url: string, init: RequestInit): Promise<Response> {
    if (this.#calls >= this.#maxCalls) {
      throw limitExceeded(
        "upstreamCalls",
        this.#calls + 1,
        this.#maxCalls,
        `This request needs more than ${this.#maxCalls} upstream calls; ask for fewer items ` +
          "(smaller first/last, fewer nested lists or logs).",
      );
    }
    this.#calls += 1;
    try {
      return await this.#fetch(url, { ...init, signal: AbortSignal.timeout(this.#timeoutMs) });
    } catch (cause) {
      const timedOut = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
      if (timedOut) {
        return Promise.reject(
          new UpstreamError(`${method} ${path}: no answer within ${this.#timeoutMs} ms`, {
            kind: "timeout",
            method,
            path,
            status: 0,
            cause,
          }),
        );
      }
      return Promise.reject(
        new UpstreamError(`${method} ${path}: network error`, { kind: "network", method, path, status: 0, cause }),
      );
    }
  }

  #mayRetry(method: string, attempt: number, error: unknown): boolean {
    if (method !== "GET" || attempt >= this.#maxRetriesPerCall || this.#retryBudget <= 0) return false;
    if (!(error instanceof UpstreamError)) return false;
    const retriable = error.kind === "network" || (error.kind === "http" && RETRIABLE_STATUSES.has(error.status));
    if (retriable) this.#retryBudget -= 1;
    return retriable;
  }

  async #backoff(attempt: number): Promise<void> {
    const base = this.#retryBaseDelayMs * 2 ** attempt;
    await sleep(base + Math.random() * base);
  }

  async #readBody<T>(method: string, path: string, response: Response, check: WireCheck<T>): Promise<T> {
    const invalid = (problem: string, cause?: unknown): UpstreamError =>
      new UpstreamError(`${method} ${path}: the upstream answered ${response.status} with an invalid body (${problem}).`, {
        kind: "invalid-body",
        method,
        path,
        status: response.status,
        cause,
      });
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      const timedOut = cause instanceof Error && (cause.name === "TimeoutError" || cause.name === "AbortError");
      throw timedOut
        ? new UpstreamError(`${method} ${path}: no answer within ${this.#timeoutMs} ms`, {
            kind: "timeout",
            method,
            path,
            status: 0,
            cause,
          })
        : invalid("the body could not be read", cause);
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

  async #statusError(method: string, path: string, response: Response): Promise<UpstreamError> {
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
    return new UpstreamError(`${method} ${path}: expected 2xx, got ${response.status}${detail}`, {
      kind: "http",
      method,
      path,
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
