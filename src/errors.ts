/**
 * The gateway's typed errors and the ONE mapping from them to GraphQL errors with `extensions.code`.
 * Resolvers and the client throw; `toGraphQLError` (called from Yoga's error masking) decides what a client sees.
 * Anything that is not one of these errors (or a GraphQL validation error) is masked as "Unexpected error.".
 */
import { GraphQLError } from "graphql";
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

/** How an upstream call failed: an HTTP status, no answer in time, no answer at all, or an answer we cannot read. */
export type UpstreamFailureKind = "http" | "timeout" | "network" | "invalid-body";

/** Options of {@link UpstreamError}. */
export interface UpstreamErrorOptions {
  kind: UpstreamFailureKind;
  /** HTTP method of the failed call. */
  method: string;
  /** Path of the failed call, without query string; it never contains a key. */
  path: string;
  /** HTTP status; 0 when there was no HTTP answer (timeout, network). */
  status: number;
  /** The upstream's error `code` (for example `ForbiddenError`), when its body had one. */
  upstreamCode?: string | undefined;
  /** The upstream's error `message` (already cleaned of secrets), when its body had one. */
  upstreamMessage?: string | undefined;
  /** Seconds from `Retry-After`, when the upstream sent one. */
  retryAfterSeconds?: number | undefined;
  /** The underlying error, for the log. */
  cause?: unknown;
}

/**
 * A failed call to the upstream REST API, thrown by the Nexus client for every non-2xx answer, timeout, network
 * failure or unreadable body. Its message names the call and what came back, e.g.
 * `GET /projects/proj_demo/batch/jobs/batchjob_1: expected 2xx, got 503 (InternalServerError: down)`.
 */
export class UpstreamError extends Error {
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
 * True for failures that may pass if tried again later: 429, 5xx, timeouts, network errors and unreadable bodies
 * (a proxy's HTML error page). False for everything else, including 4xx other than 429.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof UpstreamError)) return false;
  if (error.kind !== "http") return true;
  return error.status === 429 || error.status >= 500;
}

/** True when the error is an upstream 404 (the object does not exist, or not in this project). */
export function isNotFound(error: unknown): boolean {
  return error instanceof UpstreamError && error.kind === "http" && error.status === 404;
}

function upstreamDetail(error: UpstreamError): string {
  if (error.upstreamCode && error.upstreamMessage) return `${error.upstreamCode}: ${error.upstreamMessage}`;
  return error.upstreamMessage ?? error.upstreamCode ?? `HTTP ${error.status}`;
}

function upstreamToGraphQLError(error: UpstreamError): GraphQLError {
  const call = `${error.method} ${error.path}`;
  const make = (code: GatewayErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError =>
    new GraphQLError(message, { extensions: { code, ...extra } });
  switch (error.kind) {
    case "timeout":
      return make("UPSTREAM_TIMEOUT", `The upstream did not answer in time (${call}).`);
    case "network":
      return make("UPSTREAM_UNAVAILABLE", `The upstream could not be reached (${call}).`);
    case "invalid-body":
      return make("UPSTREAM_UNAVAILABLE", error.message);
    case "http":
      break;
  }
  const { status } = error;
  if (status === 401 || status === 403) {
    return make("FORBIDDEN", `The upstream refused the credentials for this request (${status} ${upstreamDetail(error)}).`);
  }
  if (status === 404) return make("NOT_FOUND", `Not found upstream (${call}: ${upstreamDetail(error)}).`);
  if (status === 429) {
    const retry = error.retryAfterSeconds;
    const extra = retry === undefined ? {} : { retryAfterSeconds: retry };
    const hint = retry === undefined ? "" : ` Retry after ${retry} s.`;
    return make("RATE_LIMITED", `The upstream is rate limiting this project (${call}).${hint}`, extra);
  }
  if (status >= 400 && status < 500) {
    return make("BAD_USER_INPUT", `The upstream rejected the request: ${upstreamDetail(error)} (${call}).`);
  }
  return make("UPSTREAM_UNAVAILABLE", `The upstream failed (${call}: ${status} ${upstreamDetail(error)}).`);
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
