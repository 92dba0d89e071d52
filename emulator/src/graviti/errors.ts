/**
 * The Graviti emulator's error type and its wire shape `{code, message}` (graviti.md: the body carries `code`, and we
 * assume `message`). Handlers throw {@link GravitiError}; the router turns it into a response in one place, and
 * anything else becomes a 500 `InternalServerError` without a stack.
 */
import { ApiError } from "../errors";
import type { FaultAnswers } from "../faults";

/**
 * Error codes the Graviti emulator answers with. The first nine are graviti.md's known pairs; `MethodNotAllowed`
 * and `TooManyRequests` are emulator conventions (the real API's are not known).
 */
export type GravitiErrorCode =
  | "Unauthorized"
  | "AccessDenied"
  | "Forbidden"
  | "InvalidParamsValue"
  | "RequestParamsMissing"
  | "ResourceNotExist"
  | "NameConflict"
  | "InternalServerError"
  | "ServiceUnavailable"
  | "MethodNotAllowed"
  | "TooManyRequests";

/** A failure with an HTTP status and a `{code, message}` body. */
export class GravitiError extends Error {
  /**
   * @param status HTTP status to answer with.
   * @param code the wire `code`.
   * @param message the wire `message`: names the thing, what was expected and what arrived.
   * @param headers extra response headers, for example `Allow`.
   */
  constructor(
    readonly status: number,
    readonly code: GravitiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "GravitiError";
  }
}

/** 401 `Unauthorized`: no `X-Token`, or one that is no workspace's access key. */
export function unauthorized(message: string): GravitiError {
  return new GravitiError(401, "Unauthorized", message);
}

/** 403 `AccessDenied`: the key is valid, but the thing belongs to another workspace and is not public. */
export function accessDenied(message: string): GravitiError {
  return new GravitiError(403, "AccessDenied", message);
}

/** 403 `Forbidden`: the key may read the thing (another workspace's public dataset) but not change it. */
export function forbidden(message: string): GravitiError {
  return new GravitiError(403, "Forbidden", message);
}

/** 400 `InvalidParamsValue` whose message starts with the parameter, e.g. `limit: expected …, got "0"`. */
export function invalidParamsValue(message: string): GravitiError {
  return new GravitiError(400, "InvalidParamsValue", message);
}

/** 400 `RequestParamsMissing` naming the missing parameter, e.g. `name: required`. */
export function requestParamsMissing(message: string): GravitiError {
  return new GravitiError(400, "RequestParamsMissing", message);
}

/** 404 `ResourceNotExist` naming what does not exist. */
export function resourceNotExist(message: string): GravitiError {
  return new GravitiError(404, "ResourceNotExist", message);
}

/** 409 `NameConflict` naming the name and the workspace that already holds it. */
export function nameConflict(message: string): GravitiError {
  return new GravitiError(409, "NameConflict", message);
}

/** 405 `MethodNotAllowed` naming the method, the path and the allowed methods (also in `Allow`). */
export function methodNotAllowed(method: string, path: string, allowed: readonly string[]): GravitiError {
  const list = allowed.join(", ");
  const expected = allowed.length === 1 ? list : `one of ${list}`;
  return new GravitiError(405, "MethodNotAllowed", `${method} ${path}: expected ${expected}`, { Allow: list });
}

/** The wire `code` for an HTTP error status (for injected faults and shared helpers' errors). */
export function gravitiCodeForStatus(status: number): GravitiErrorCode {
  switch (status) {
    case 400:
      return "InvalidParamsValue";
    case 401:
      return "Unauthorized";
    case 403:
      return "AccessDenied";
    case 404:
      return "ResourceNotExist";
    case 405:
      return "MethodNotAllowed";
    case 409:
      return "NameConflict";
    case 429:
      return "TooManyRequests";
    case 503:
      return "ServiceUnavailable";
    default:
      return status >= 500 ? "InternalServerError" : "InvalidParamsValue";
  }
}

/**
 * A `{code, message}` response for an error. A shared module's {@link ApiError} (fault path checks, tenant names)
 * keeps its status and message and gets the Graviti code for that status; anything unexpected becomes a 500 that
 * hides its details.
 */
export function gravitiErrorResponse(error: unknown): Response {
  if (error instanceof GravitiError) {
    return Response.json(
      { code: error.code, message: error.message },
      { status: error.status, headers: error.headers },
    );
  }
  if (error instanceof ApiError) {
    return Response.json(
      { code: gravitiCodeForStatus(error.status), message: error.message },
      { status: error.status, headers: error.headers },
    );
  }
  console.error("graviti emulator: unexpected error", error);
  return Response.json(
    { code: "InternalServerError", message: "The emulator failed unexpectedly; see its log." },
    { status: 500 },
  );
}

/** Injected faults in Graviti's words: `{code, message}` with the code for the status; 429 `TooManyRequests`. */
export const GRAVITI_FAULT_ANSWERS: FaultAnswers = {
  error: (status, path) =>
    Response.json({ code: gravitiCodeForStatus(status), message: `Injected fault: ${status} for ${path}` }, { status }),
  throttled: (retryAfter) =>
    Response.json(
      { code: "TooManyRequests", message: `Too many requests: retry after ${retryAfter} s` },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    ),
};
