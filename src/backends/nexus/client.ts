/**
 * The one REST client of the Nexus batch API. Every call goes through `request`, which adds the `Secret-Key`, applies
 * a timeout, retries idempotent GETs on 502/503/504 and network failures (within a per-client retry budget), checks
 * the status and the body shape, and throws one typed error ({@link UpstreamError}) for every failure.
 * It never logs, and no key ever reaches an error message.
 */
import { UpstreamError } from "../../errors";
import type {
  NexusCreateDatasetBody,
  NexusCreateJobBody,
  NexusCreateWebhookBody,
  NexusDataset,
  NexusDelete,
  NexusJob,
  NexusJobLogs,
  NexusLogsQuery,
  NexusPage,
  NexusUpdateWebhookBody,
  NexusUploadUrl,
  NexusWebhook,
  NexusWebhookTestResult,
} from "./types";
import {
  checkDataset,
  checkDatasetPage,
  checkDelete,
  checkJob,
  checkJobLogs,
  checkJobPage,
  checkWebhook,
  checkWebhookPage,
  checkWebhookTestResult,
  type WireCheck,
} from "./wire-checks";

/** The credentials of one project: its id and its `Secret-Key`. */
export interface NexusCredentials {
  projectId: string;
  secretKey: string;
}

/** Options of {@link NexusClient}. */
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
}

/** Paging query of a list call. */
export interface NexusListQuery {
  /** Opaque page token from a previous `nextPage`/`prevPage`. */
  page?: string | null;
  /** Items per page, 1..1000. */
  limit?: number;
}

/** Default timeout of one upstream call, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;
const RETRIABLE_STATUSES = new Set([502, 503, 504]);

interface RequestOptions<T> {
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

/**
 * Typed calls to the Nexus batch API of one project. Construct one per request (it carries the credentials and the
 * retry budget). Every method resolves with the checked wire body or rejects with an {@link UpstreamError}.
 */
export class NexusClient {
  readonly #baseUrl: string;
  readonly #credentials: NexusCredentials;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  readonly #maxRetriesPerCall: number;
  readonly #retryBaseDelayMs: number;
  #retryBudget: number;

  constructor(options: NexusClientOptions) {
    this.#baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.#credentials = options.credentials;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    // Bind: the Workers runtime rejects a fetch called with a foreign `this`.
    this.#fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.#retryBudget = options.retryBudget ?? 4;
    this.#maxRetriesPerCall = options.maxRetriesPerCall ?? 2;
    this.#retryBaseDelayMs = options.retryBaseDelayMs ?? 100;
  }

  /** The project this client acts on. */
  get projectId(): string {
    return this.#credentials.projectId;
  }

  /** `GET datasets?page&limit`: one page of datasets (newest first upstream). */
  listDatasets(query: NexusListQuery = {}): Promise<NexusPage<NexusDataset>> {
    return this.#page("datasets", query, checkDatasetPage);
  }

  /** `GET datasets/{id}`. */
  getDataset(id: string): Promise<NexusDataset> {
    return this.#request({ method: "GET", resource: `datasets/${encodeURIComponent(id)}`, check: checkDataset });
  }

  /** `POST datasets`: creates a dataset and returns it with its upload URL. */
  createDataset(body: NexusCreateDatasetBody): Promise<NexusDataset> {
    return this.#request({ method: "POST", resource: "datasets", body, check: checkDataset });
  }

  /** `DELETE datasets/{id}`. */
  deleteDataset(id: string): Promise<NexusDelete> {
    return this.#request({ method: "DELETE", resource: `datasets/${encodeURIComponent(id)}`, check: checkDelete });
  }

  /** `GET jobs?page&limit`: one page of jobs (newest first upstream). */
  listJobs(query: NexusListQuery = {}): Promise<NexusPage<NexusJob>> {
    return this.#page("jobs", query, checkJobPage);
  }

  /** `GET jobs/{id}`. */
  getJob(id: string): Promise<NexusJob> {
    return this.#request({ method: "GET", resource: `jobs/${encodeURIComponent(id)}`, check: checkJob });
  }

  /** `POST jobs`. */
  createJob(body: NexusCreateJobBody): Promise<NexusJob> {
    return this.#request({ method: "POST", resource: "jobs", body, check: checkJob });
  }

  /** Cancels a job the only way the API allows: `PATCH jobs/{id}` with `spec.stopAtTime = atMs` (default now). */
  cancelJob(id: string, atMs: number = Date.now()): Promise<NexusJob> {
    return this.#request({
      method: "PATCH",
      resource: `jobs/${encodeURIComponent(id)}`,
      body: { spec: { stopAtTime: atMs } },
      check: checkJob,
    });
  }

  /** `DELETE jobs/{id}`. */
  deleteJob(id: string): Promise<NexusDelete> {
    return this.#request({ method: "DELETE", resource: `jobs/${encodeURIComponent(id)}`, check: checkDelete });
  }

  /** `GET jobs/{id}/logs`: entries newest first; `maxEntries` at most 1000 upstream. */
  getJobLogs(jobId: string, query: NexusLogsQuery = {}): Promise<NexusJobLogs> {
    return this.#request({
      method: "GET",
      resource: `jobs/${encodeURIComponent(jobId)}/logs`,
      query: { ...query },
      check: checkJobLogs,
    });
  }

  /** `GET webhooks?page&limit`. */
  listWebhooks(query: NexusListQuery = {}): Promise<NexusPage<NexusWebhook>> {
    return this.#page("webhooks", query, checkWebhookPage);
  }

  /** `GET webhooks/{id}`. */
  getWebhook(id: string): Promise<NexusWebhook> {
    return this.#request({ method: "GET", resource: `webhooks/${encodeURIComponent(id)}`, check: checkWebhook });
  }

  /** `POST webhooks`. */
  createWebhook(body: NexusCreateWebhookBody): Promise<NexusWebhook> {
    return this.#request({ method: "POST", resource: "webhooks", body, check: checkWebhook });
  }

  /** `PATCH webhooks/{id}` with the changed `spec` fields. */
  updateWebhook(id: string, body: NexusUpdateWebhookBody): Promise<NexusWebhook> {
    return this.#request({ method: "PATCH", resource: `webhooks/${encodeURIComponent(id)}`, body, check: checkWebhook });
  }

  /** `PUT webhooks/{id}/secret` with `{contents}` (base64). */
  rotateWebhookSecret(id: string, contents: string): Promise<NexusWebhook> {
    return this.#request({
      method: "PUT",
      resource: `webhooks/${encodeURIComponent(id)}/secret`,
      body: { contents },
      check: checkWebhook,
    });
  }

  /** `DELETE webhooks/{id}`. */
  deleteWebhook(id: string): Promise<NexusDelete> {
    return this.#request({ method: "DELETE", resource: `webhooks/${encodeURIComponent(id)}`, check: checkDelete });
  }

  /** `POST webhooks/{id}:test` (a literal `:test`): the upstream sends a sample payload and reports the result. */
  testWebhook(id: string): Promise<NexusWebhookTestResult> {
    return this.#request({
      method: "POST",
      resource: `webhooks/${encodeURIComponent(id)}:test`,
      check: checkWebhookTestResult,
    });
  }

  /**
   * Sends a dataset's bytes to its signed upload URL with exactly the headers the upstream gave, and no `Secret-Key`
   * (the URL is the credential). Resolves on any 2xx; rejects with {@link UpstreamError} otherwise.
   */
  async uploadDatasetBytes(upload: NexusUploadUrl, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
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

  async #page<T>(resource: string, query: NexusListQuery, check: WireCheck<NexusPage<T>>): Promise<NexusPage<T>> {
    const page = await this.#request({
      method: "GET",
      resource,
      query: { page: query.page ?? undefined, limit: query.limit },
      check,
    });
    return { nextPage: page.nextPage ?? null, prevPage: page.prevPage ?? null, data: page.data };
  }

  async #request<T>(options: RequestOptions<T>): Promise<T> {
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
