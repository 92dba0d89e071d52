/**
 * The HTTP layer under the ModelArts client: ModelArts's dialect of the shared core (`upstream/http-transport.ts`,
 * which holds the timeouts, retries, circuit breaker, call cap, body checks and redaction). What is ModelArts's
 * own: the `X-Auth-Token` header, paths under `/v2/{project_id}/`, the `{error_code, error_msg}` error body, and its
 * reasons: ModelArts says "not found" with HTTP 400 and an `error_code` (`ModelArts.4352` dataset, `ModelArts.4359`
 * export task), or with HTTP 404, so the reason is read from the status AND the code ({@link reasonOfModelArtsError}).
 */
import type { UpstreamReason } from "../../errors";
import { HttpTransport } from "../../upstream/http-transport";
import type {
  HttpDialect,
  HttpRequest,
  HttpTransportOptions,
  UpstreamErrorDetail,
} from "../../upstream/http-transport";
import type { WireCheck } from "./wire-checks";

export { DEFAULT_TIMEOUT_MS } from "../../upstream/http-transport";

/** The credentials of one ModelArts project: its id and an IAM token (`X-Auth-Token`). */
export interface ModelArtsCredentials {
  projectId: string;
  token: string;
}

/** Options of {@link ModelArtsTransport} (and of the client, which passes them on): the shared ones and the token. */
export interface ModelArtsClientOptions extends HttpTransportOptions {
  /** Base URL, e.g. `https://modelarts.cn-north-4.myhuaweicloud.com`; paths start with `/v2/` under it. */
  baseUrl: string;
  credentials: ModelArtsCredentials;
}

/** One API call, for {@link ModelArtsTransport.request}: the shared call, with its path under `/v2/{project_id}/`. */
export interface RequestOptions<T> extends Omit<HttpRequest<T>, "path" | "check"> {
  method: "GET" | "POST";
  /** Path under `/v2/{project_id}/`, already encoded. */
  resource: string;
  check: WireCheck<T>;
}

/** The error codes that mean "does not exist" (modelarts.md), answered with HTTP 400. */
export const NOT_FOUND_CODES: ReadonlySet<string> = new Set(["ModelArts.4352", "ModelArts.4359"]);

/**
 * What a ModelArts failure means: HTTP 400 with `ModelArts.4352` (dataset) or `ModelArts.4359` (export task) is
 * not found, any other 400 bad input; 404 is not found too (every operation's documented status codes list 404 "Not
 * Found"; whatever its error code, what was asked for is not there: null for a read, `NOT_FOUND` for a mutation);
 * 401/403 refused credentials; other 4xx bad input; 429 rate limited; 5xx (and anything else) unavailable.
 */
export function reasonOfModelArtsError(status: number, errorCode: string | undefined): UpstreamReason {
  if (status === 400 && errorCode !== undefined && NOT_FOUND_CODES.has(errorCode)) return "not-found";
  if (status === 404) return "not-found";
  if (status === 401 || status === 403) return "credentials-refused";
  if (status === 429) return "rate-limited";
  if (status >= 400 && status < 500) return "bad-input";
  return "unavailable";
}

/** The text of a non-2xx answer: `expected 2xx, got 400 ModelArts.4359 from /v2/… (message)`. */
function modelArtsStatusText({ status, path, code, message }: UpstreamErrorDetail): string {
  const codePart = code === undefined ? "" : ` ${code}`;
  const detail = message === undefined ? "" : ` (${message})`;
  return `expected 2xx, got ${status}${codePart} from ${path}${detail}`;
}

/** How ModelArts speaks HTTP (the rest is the shared core's). */
const DIALECT: HttpDialect = {
  name: "modelarts",
  authHeader: "X-Auth-Token",
  errorFields: { code: "error_code", message: "error_msg" },
  reasonOf: reasonOfModelArtsError,
  statusText: modelArtsStatusText,
  fewerItemsHint: "smaller first/last, fewer nested lists",
};

/** Sends the calls of one client (one request's worth, or one poll): see the module comment. */
export class ModelArtsTransport {
  readonly #projectId: string;
  readonly #http: HttpTransport;

  constructor(options: ModelArtsClientOptions) {
    const { projectId } = options.credentials;
    this.#projectId = projectId;
    this.#http = new HttpTransport(options, DIALECT, options.credentials.token);
  }

  /**
   * One API call under `/v2/{project_id}/`, by the shared core's rules (`HttpTransport.request`). Resolves with the
   * checked body; rejects with `UpstreamError`, or a coded `GatewayError` when the deadline, the call cap or the
   * circuit breaker stops it.
   */
  async request<T>(options: RequestOptions<T>): Promise<T> {
    const { resource, ...rest } = options;
    const path = `/v2/${encodeURIComponent(this.#projectId)}/${resource}`;
    return await this.#http.request({ ...rest, path });
  }
}
