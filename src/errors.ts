/**
 * The gateway's typed errors and the ONE mapping from them to GraphQL errors with `extensions.code`.
 * Resolvers and the client throw; `toGraphQLError` (called from Yoga's error masking) decides what a client sees.
 * Anything that is not one of these errors (or a GraphQL validation error) is masked as "Unexpected error.".
 */
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { withClientCode } from "./client-error-code";

/** The codes a client can see in `extensions.code`. */
export type GatewayErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "BAD_USER_INPUT"
  | "RATE_LIMITED"
  | "UPSTREAM_TIMEOUT"
  | "UPSTREAM_UNAVAILABLE"
  | "LIMIT_EXCEEDED";

/** The message a client sees for anything unexpected (the detail goes to the log only). */
export const UNEXPECTED_ERROR_MESSAGE = "Unexpected error.";

/**
 * An error the gateway raises itself, with the code the client will see. Its message is shown to the client as is,
 * so it must name what was wrong and never contain a secret.
 */
export class GatewayError extends Error {
  /** The `extensions.code` the client will see. */
  readonly code: GatewayErrorCode;
  /** Extra `extensions` fields (for example `retryAfterSeconds`). */
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(code: GatewayErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message);
    this.name = "GatewayError";
    this.code = code;
    this.extensions = extensions;
  }
}

/** Shorthand for a {@link GatewayError} with code `BAD_USER_INPUT`. */
export function badUserInput(message: string): GatewayError {
  return new GatewayError("BAD_USER_INPUT", message);
}

/** How an upstream call failed on the wire: an HTTP status, no answer in time, no answer at all, or an unreadable answer. */
export type UpstreamFailureKind = "http" | "timeout" | "network" | "invalid-body";

/**
 * Why an upstream call failed, in the gateway's terms: each backend's transport maps its own wire errors to one of
 * these (Nexus: 404 is not found; ModelArts: HTTP 400 with `ModelArts.4352` is not found too), and
 * {@link toGraphQLError} maps only the reason to a code.
 * - `not-found`: the object does not exist (or not for these credentials); queries turn it into `null`.
 * - `credentials-refused`: the upstream refused the key.
 * - `rate-limited`: the upstream asked us to slow down (429).
 * - `bad-input`: the upstream refused what was asked.
 * - `timeout`: no answer in time.
 * - `unavailable`: anything else that may pass later (5xx, network, an unreadable body).
 */
export type UpstreamReason =
  "not-found" | "credentials-refused" | "rate-limited" | "bad-input" | "timeout" | "unavailable";

/** Options of {@link UpstreamError}. */
export interface UpstreamErrorOptions {
  /** The backend, as messages name it (`nexus`). */
  backend: string;
  /** The operation, as messages name it (`jobs.get`). */
  operation: string;
  reason: UpstreamReason;
  kind: UpstreamFailureKind;
  /** HTTP method of the failed call. */
  method: string;
  /** Path of the failed call, without query string; it never contains a key. */
  path: string;
  /** HTTP status; 0 when there was no HTTP answer (timeout, network). */
  status: number;
  /** The upstream's error code (for example `ForbiddenError`), when its body had one. */
  upstreamCode?: string | undefined;
  /** The upstream's error message (already cleaned of secrets), when its body had one. */
  upstreamMessage?: string | undefined;
  /** Seconds from `Retry-After`, when the upstream sent one. */
  retryAfterSeconds?: number | undefined;
  /** The underlying error, for the log. */
  cause?: unknown;
}

/**
 * A failed call to an upstream REST API, thrown by a backend's transport for every non-2xx answer, timeout,
 * network failure or unreadable body. Its message names the backend, the operation and what came back, and is
 * what the client sees, e.g. `nexus jobs.get: expected 2xx, got 503 from /projects/p/batch/jobs/batchjob_1
 * (InternalServerError: down)`. It never contains a key.
 */
export class UpstreamError extends Error {
  readonly backend: string;
  readonly operation: string;
  readonly reason: UpstreamReason;
  readonly kind: UpstreamFailureKind;
  readonly method: string;
  /** HTTP status; 0 when there was no HTTP answer. */
  readonly status: number;
  readonly upstreamCode: string | undefined;
  readonly upstreamMessage: string | undefined;
  /** Path of the call without query string; never contains a key. */
  readonly path: string;
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, options: UpstreamErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "UpstreamError";
    this.backend = options.backend;
    this.operation = options.operation;
    this.reason = options.reason;
    this.kind = options.kind;
    this.method = options.method;
    this.status = options.status;
    this.upstreamCode = options.upstreamCode;
    this.upstreamMessage = options.upstreamMessage;
    this.path = options.path;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/**
/**
 * The same upstream failure told in the context of a larger operation (a dataset created, then its upload failed):
 * the backend and the call stay, the message is replaced, and the reason may be narrowed. Never throws.
 */
export function upstreamErrorInContext(
  error: UpstreamError,
  message: string,
  reason: UpstreamReason = error.reason,
): UpstreamError {
  return new UpstreamError(message, { ...error, reason, cause: error });
}

/**
 * How a transient failure happened, which decides who may retry it and whether it counts against the upstream:
 * - `throttled`: rate limited (429). The upstream refused before acting, so even a mutation may be sent again.
 * - `failed`: unavailable (a 5xx, a network error). The upstream may have acted; only reads are safe to send again.
 * - `timeout`: no answer in time. The upstream may still be acting.
 * - `invalid-body`: an answer we cannot read (a proxy's HTML error page).
 */
export type TransientKind = "throttled" | "failed" | "timeout" | "invalid-body";

/**
 * The {@link TransientKind} of a failure, or null when trying again cannot help (a refused key, bad input, not
 * found, and anything that is not an {@link UpstreamError}). Read from the failure's neutral reason, so it is the
 * same for every backend: the one transient/permanent decision, which retry policies and circuit breakers build on.
 */
export function transientKind(error: unknown): TransientKind | null {
  if (!(error instanceof UpstreamError)) return null;
  switch (error.reason) {
    case "rate-limited":
      return "throttled";
    case "timeout":
      return "timeout";
    case "unavailable":
      return error.kind === "invalid-body" ? "invalid-body" : "failed";
    default:
      return null;
  }
}

/**
 * True for failures that may pass if tried again later: rate limiting, timeouts and unavailability (5xx, network
 * errors, unreadable bodies such as a proxy's HTML error page). False for everything else.
 */
export function isTransient(error: unknown): boolean {
  return transientKind(error) !== null;
}

/** True when the upstream says the object does not exist (or not for these credentials). */
export function isNotFound(error: unknown): boolean {
  return error instanceof UpstreamError && error.reason === "not-found";
}

/** `get()`'s answer, or null when the upstream says the object does not exist; any other failure rejects. */
export async function nullWhenNotFound<T>(get: () => Promise<T>): Promise<T | null> {
  try {
    return await get();
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** `error` as an `Error` (a DataLoader batch answers a key's failure with an `Error` instance). */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

const CODE_BY_REASON: Readonly<Record<UpstreamReason, GatewayErrorCode>> = {
  "not-found": "NOT_FOUND",
  "credentials-refused": "FORBIDDEN",
  "rate-limited": "RATE_LIMITED",
  "bad-input": "BAD_USER_INPUT",
  timeout: "UPSTREAM_TIMEOUT",
  unavailable: "UPSTREAM_UNAVAILABLE",
};

function upstreamToGraphQLError(error: UpstreamError): GraphQLError {
  const code = CODE_BY_REASON[error.reason];
  const retry = error.reason === "rate-limited" ? error.retryAfterSeconds : undefined;
  if (retry === undefined) return new GraphQLError(error.message, { extensions: { code } });
  return new GraphQLError(`${error.message}. Retry after ${retry} s.`, {
    extensions: { code, retryAfterSeconds: retry },
  });
}

/**
 * The single mapping from anything thrown to the GraphQL error a client sees. A `GraphQLError` that wraps one of our
 * errors keeps its path and locations; GraphQL's own errors (validation, variable coercion) pass through, with a
 * code and without library detail (`withClientCode`); everything unexpected becomes "Unexpected error." with code
 * `INTERNAL_SERVER_ERROR`. Never throws.
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) {
    const original = error.originalError;
    if (original === undefined || original === null) return withClientCode(error);
    // The original is client-facing already (a scalar's parse error, say): the wrapper's message adds context.
    if (original instanceof GraphQLError && original.originalError == null) return withClientCode(error, original);
    const mapped = toGraphQLError(original);
    // A GraphQLError that graphql-js (or a library) created around one of our errors: map it, keep the location.
    return new GraphQLError(mapped.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      extensions: mapped.extensions,
    });
  }
  if (error instanceof GatewayError) {
    return new GraphQLError(error.message, { extensions: { code: error.code, ...error.extensions } });
  }
  if (error instanceof UpstreamError) return upstreamToGraphQLError(error);
  return new GraphQLError(UNEXPECTED_ERROR_MESSAGE, { extensions: { code: "INTERNAL_SERVER_ERROR" } });
}

/**
 * An error's JSON for a client outside an HTTP answer (a graphql-ws message, a watch event): {@link toGraphQLError}'s
 * mapping, without `extensions.http`, which only an HTTP answer's status and headers use. Never throws.
 */
export function clientErrorJson(error: unknown): GraphQLFormattedError {
  const json = toGraphQLError(error).toJSON();
  if (json.extensions === undefined || !("http" in json.extensions)) return json;
  const { http: _http, ...extensions } = json.extensions;
  return { ...json, extensions };
}
