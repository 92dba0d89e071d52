/**
 * The HTTP layer under the Graviti client: Graviti's dialect of the shared core (`upstream/http-transport.ts`,
 * which holds the timeouts, retries, circuit breaker, call cap, body checks and redaction). What is Graviti's own:
 * the `X-Token` header, paths from the base URL, and a reason read from the status and the `{code, message}` body.
 */
import type { UpstreamReason } from "../../errors";
import { HttpTransport, statusTextWithCode } from "../../upstream/http-transport";
import type { HttpDialect, HttpRequest, HttpTransportOptions } from "../../upstream/http-transport";
import type { WireCheck } from "./wire-checks";

export { DEFAULT_TIMEOUT_MS } from "../../upstream/http-transport";

/** The credentials of one Graviti workspace: its access key (sent raw as `X-Token`). */
export interface GravitiCredentials {
  accessKey: string;
}

/** Options of {@link GravitiTransport} (and of the client, which passes them on): the shared ones and the key. */
export interface GravitiClientOptions extends HttpTransportOptions {
  /** Upstream base URL, e.g. `https://api.graviti.com`. A trailing slash is ignored. */
  baseUrl: string;
  credentials: GravitiCredentials;
}

/** One API call, for {@link GravitiTransport.request}: the shared call, its path from the base (`/v2/datasets/…`). */
export interface RequestOptions<T> extends HttpRequest<T> {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  query?: Record<string, string | number | undefined>;
  /** The body's check, or `no-body` for an answer whose body is ignored (`DELETE` is 204). */
  check: WireCheck<T> | "no-body";
}

/**
 * What a Graviti answer means (graviti.md's pairs): 401/403 a refused key (`Unauthorized`, `AccessDenied`,
 * `Forbidden`), 404 `ResourceNotExist` not found, 409 `NameConflict` and the other 4xx refused input, 429 slow
 * down, and 5xx unavailable. The code decides before the status where they disagree: a `ResourceNotExist` is not
 * found whatever status carries it.
 */
export function reasonOfGravitiStatus(status: number, code?: string): UpstreamReason {
  if (code === "ResourceNotExist") return "not-found";
  if (status === 401 || status === 403) return "credentials-refused";
  if (status === 404) return "not-found";
  if (status === 429) return "rate-limited";
  if (status >= 400 && status < 500) return "bad-input";
  return "unavailable";
}

/** How Graviti speaks HTTP (the rest is the shared core's). */
const DIALECT: HttpDialect = {
  name: "graviti",
  authHeader: "X-Token",
  errorFields: { code: "code", message: "message" },
  reasonOf: reasonOfGravitiStatus,
  statusText: statusTextWithCode,
  fewerItemsHint: "smaller first/last",
};

/** Sends the calls of one client (one request's worth): see the module comment. */
export class GravitiTransport {
  readonly #http: HttpTransport;

  constructor(options: GravitiClientOptions) {
    this.#http = new HttpTransport(options, DIALECT, options.credentials.accessKey);
  }

  /**
   * One API call, by the shared core's rules (`HttpTransport.request`). Resolves with the checked body (undefined
   * for `no-body`); rejects with `UpstreamError`, or a coded `GatewayError` when the deadline, the call cap or the
   * circuit breaker stops it.
   */
  async request<T>(options: RequestOptions<T>): Promise<T> {
    return await this.#http.request(options);
  }
}
