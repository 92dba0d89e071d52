/**
 * The HTTP layer under the Nexus client: Nexus's dialect of the shared core (`upstream/http-transport.ts`, which
 * holds the timeouts, retries, circuit breaker, call cap, body checks and redaction). What is Nexus's own: the
 * `Secret-Key` header, paths under `/projects/{p}/batch/`, the `{code, message}` error body and what a status means,
 * and {@link NexusTransport.upload} to a signed URL.
 */
import { UpstreamError, type UpstreamReason } from "../../errors";
import { HttpTransport, statusTextWithCode } from "../../upstream/http-transport";
import type { HttpDialect, HttpRequest, HttpTransportOptions } from "../../upstream/http-transport";
import { uploadHostsOf, uploadUrlRefusal, type UploadHosts } from "../../upstream/upload-hosts";
import type { NexusUploadUrl } from "./types";
import type { WireCheck } from "./wire-checks";

export { DEFAULT_TIMEOUT_MS } from "../../upstream/http-transport";

/** The credentials of one project: its id and its `Secret-Key`. */
export interface NexusCredentials {
  projectId: string;
  secretKey: string;
}

/** Options of {@link NexusTransport} (and of the client, which passes them on): the shared ones and the key. */
export interface NexusClientOptions extends HttpTransportOptions {
  /** Upstream base URL, e.g. `https://api.datature.io`. A trailing slash is ignored. */
  baseUrl: string;
  credentials: NexusCredentials;
  /**
   * The hosts a signed upload URL may point at (`UPLOAD_ALLOWED_HOSTS`); an upload elsewhere is refused before a
   * byte is sent. Default: the setting's default (`storage.googleapis.com`).
   */
  uploadHosts?: UploadHosts;
}

/** One API call, for {@link NexusTransport.request}: the shared call, with its path under `/projects/{p}/batch/`. */
export interface RequestOptions<T> extends Omit<HttpRequest<T>, "path" | "check"> {
  /** Path under `/projects/{p}/batch/`, already encoded. */
  resource: string;
  check: WireCheck<T>;
}

/** What a Nexus HTTP status means (nexus.md: 404 is "not found", 401/403 a refused key, 429 slow down). */
export function reasonOfNexusStatus(status: number): UpstreamReason {
  if (status === 404) return "not-found";
  if (status === 401 || status === 403) return "credentials-refused";
  if (status === 429) return "rate-limited";
  if (status >= 400 && status < 500) return "bad-input";
  return "unavailable";
}

/** How Nexus speaks HTTP (the rest is the shared core's). */
const DIALECT: HttpDialect = {
  name: "nexus",
  authHeader: "Secret-Key",
  errorFields: { code: "code", message: "message" },
  reasonOf: (status) => reasonOfNexusStatus(status),
  statusText: statusTextWithCode,
  fewerItemsHint: "smaller first/last, fewer nested lists or logs",
};

/** Sends the calls of one client (one request's worth): see the module comment. */
export class NexusTransport {
  readonly #projectId: string;
  readonly #http: HttpTransport;
  readonly #uploadHosts: UploadHosts;

  constructor(options: NexusClientOptions) {
    const { projectId } = options.credentials;
    this.#projectId = projectId;
    this.#uploadHosts = options.uploadHosts ?? uploadHostsOf(undefined);
    this.#http = new HttpTransport(options, DIALECT, options.credentials.secretKey);
  }

  /**
   * Sends a dataset's bytes to its signed upload URL with exactly the headers the upstream gave, and no `Secret-Key`
   * (the URL is the credential). Resolves on any 2xx; rejects with `UpstreamError` otherwise, and sends nothing
   * (reason `unavailable`: the upstream's answer is at fault, not the caller) when the URL is not https on a host
   * `uploadHosts` allows.
   */
  async upload(upload: NexusUploadUrl, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    const method = upload.method || "PUT";
    // Never the URL itself in messages: a signed URL carries its credential (in its query, or its path).
    const call = { operation: "datasets.upload", method, path: "(signed upload URL)" };
    const refusal = uploadUrlRefusal(upload.url, this.#uploadHosts);
    if (refusal !== null) {
      throw new UpstreamError(`nexus datasets.upload: ${refusal}; nothing was sent`, {
        ...call,
        backend: "nexus",
        reason: "unavailable",
        // An answer the gateway cannot use, as an unreadable body: not worth retrying, and the upstream's fault.
        kind: "invalid-body",
        status: 0,
      });
    }
    const url = new URL(upload.url);
    const response = await this.#http.sendOnce(call, url.toString(), { method, headers: upload.headers, body: bytes });
    // Drain the body so the connection can be reused.
    await response.arrayBuffer().catch(() => undefined);
  }

  /**
   * One API call under `/projects/{p}/batch/`, by the shared core's rules (`HttpTransport.request`). Resolves with
   * the checked body; rejects with `UpstreamError`, or a coded `GatewayError` when the deadline, the call cap or the
   * circuit breaker stops it.
   */
  async request<T>(options: RequestOptions<T>): Promise<T> {
    const { resource, ...rest } = options;
    return await this.#http.request({ ...rest, path: this.#pathOf(resource) });
  }

  /** Drops the terminal cache's copy of `resource` (under `/projects/{p}/batch/`), after a change to it. Never rejects. */
  forget(resource: string): Promise<void> {
    return this.#http.forget(this.#pathOf(resource));
  }

  #pathOf(resource: string): string {
    return `/projects/${encodeURIComponent(this.#projectId)}/batch/${resource}`;
  }
}
