/**
 * The emulator's one error type and its wire shape `{code, message}`. Handlers throw {@link ApiError}; the router
 * turns it into a response in one place, and anything else becomes a 500 without a stack.
 */

/** Error codes the emulator answers with (the first four are the ones seen from the real API). */
export type ErrorCode =
  | "BadRequestError"
  | "ForbiddenError"
  | "ResourceNotFoundError"
  | "MethodNotAllowedError"
  | "ConflictError"
  | "PreconditionFailedError"
  | "TooManyRequestsError"
  | "InternalServerError"
  | "BadGatewayError"
  | "ServiceUnavailableError"
  | "GatewayTimeoutError";

/** A failure with an HTTP status and a `{code, message}` body. */
export class ApiError extends Error {
  /**
   * @param status HTTP status to answer with.
   * @param code the wire `code`.
   * @param message the wire `message`: names the thing, what was expected and what arrived.
   * @param headers extra response headers, for example `Retry-After`.
   */
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The message the real API gives for a missing or wrong `Secret-Key`. */
export const FORBIDDEN_MESSAGE = "No Access Rights to Requested Resources";

/** 400 `BadRequestError` whose message should start with the field name, e.g. `limit: expected …`. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, "BadRequestError", message);
}

/** 403 `ForbiddenError` with the real API's message unless another is given. */
export function forbidden(message: string = FORBIDDEN_MESSAGE): ApiError {
  return new ApiError(403, "ForbiddenError", message);
}

/** 404 `ResourceNotFoundError` naming what was not found, e.g. `dataset dataset_… not found`. */
export function notFound(message: string): ApiError {
  return new ApiError(404, "ResourceNotFoundError", message);
}

/** 405 `MethodNotAllowedError` naming the method, the path and the allowed methods (also in `Allow`). */
export function methodNotAllowed(method: string, path: string, allowed: readonly string[]): ApiError {
  const list = allowed.join(", ");
  const expected = allowed.length === 1 ? list : `one of ${list}`;
  return new ApiError(405, "MethodNotAllowedError", `${method} ${path}: expected ${expected}`, { Allow: list });
}

/** The wire `code` for an HTTP error status (used for injected faults). Unknown 4xx map to BadRequestError. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return "BadRequestError";
    case 403:
      return "ForbiddenError";
    case 404:
      return "ResourceNotFoundError";
    case 405:
      return "MethodNotAllowedError";
    case 409:
      return "ConflictError";
    case 412:
      return "PreconditionFailedError";
    case 429:
      return "TooManyRequestsError";
    case 502:
      return "BadGatewayError";
    case 503:
      return "ServiceUnavailableError";
    case 504:
      return "GatewayTimeoutError";
    default:
      return status >= 500 ? "InternalServerError" : "BadRequestError";
  }
}

/** A JSON response `{code, message}` for an error; unexpected errors become a 500 that hides their details. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    return Response.json(
      { code: error.code, message: error.message },
      { status: error.status, headers: error.headers },
    );
  }
  console.error("emulator: unexpected error", error);
  return Response.json(
    { code: "InternalServerError", message: "The emulator failed unexpectedly; see its log." },
    { status: 500 },
  );
}
