/**
 * ModelArts's error shape `{error_code, error_msg}` and the codes the emulator answers with. Handlers throw
 * {@link ModelArtsError}; the router turns it into a response in one place, and anything else becomes a 500 without
 * a stack. "Not found" is HTTP 400, not 404, as modelarts.md says.
 */
import { ApiError } from "../errors";

/**
 * The error codes. `datasetNotFound` and `exportTaskNotFound` are modelarts.md's; `badParameter` is ModelArts's
 * "Parameter error." code; `datasetEmpty` is the "Dataset is empty." code of ModelArts's data-preparation errors.
 * The `APIGW.*` codes are the API gateway's in front of every Huawei Cloud service. `exportFailed` and `internal`
 * are emulator conventions (no documented code was found).
 */
export const MODELARTS_ERROR = {
  badParameter: "ModelArts.0104",
  datasetNotFound: "ModelArts.4352",
  exportTaskNotFound: "ModelArts.4359",
  datasetEmpty: "ModelArts.72060041",
  exportFailed: "ModelArts.4903",
  internal: "ModelArts.0000",
  unauthenticated: "APIGW.0301",
  forbidden: "APIGW.0302",
  noSuchApi: "APIGW.0101",
  throttled: "APIGW.0308",
} as const;

/** A ModelArts failure: an HTTP status and a `{error_code, error_msg}` body. */
export class ModelArtsError extends Error {
  /**
   * @param status HTTP status to answer with.
   * @param errorCode the wire `error_code`, e.g. `ModelArts.4352`.
   * @param message the wire `error_msg`: names the thing, what was expected and what arrived.
   */
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = "ModelArtsError";
  }
}

/** 400 `ModelArts.0104` whose message starts with the parameter, e.g. `limit: expected an integer from 1 to 100, got "0"`. */
export function badParameter(message: string): ModelArtsError {
  return new ModelArtsError(400, MODELARTS_ERROR.badParameter, message);
}

/** 400 `ModelArts.4352`: the dataset does not exist (in this project). */
export function datasetNotFound(datasetId: string): ModelArtsError {
  return new ModelArtsError(400, MODELARTS_ERROR.datasetNotFound, `The dataset ${datasetId} does not exist.`);
}

/** 400 `ModelArts.4359`: the export task does not exist (in this dataset). */
export function exportTaskNotFound(datasetId: string, taskId: string): ModelArtsError {
  return new ModelArtsError(
    400,
    MODELARTS_ERROR.exportTaskNotFound,
    `The export task ${taskId} of dataset ${datasetId} does not exist.`,
  );
}

/** 401 `APIGW.0301`: no `X-Auth-Token`, or one that is no project's token. */
export function unauthenticated(detail: string): ModelArtsError {
  return new ModelArtsError(
    401,
    MODELARTS_ERROR.unauthenticated,
    `Incorrect IAM authentication information: ${detail}`,
  );
}

/** 403 `APIGW.0302`: a valid token, but not for the project in the path. */
export function forbidden(projectId: string): ModelArtsError {
  return new ModelArtsError(
    403,
    MODELARTS_ERROR.forbidden,
    `The IAM user is not authorized to access project ${projectId}.`,
  );
}

/** 404 `APIGW.0101`: no such path, or a path without that method (the API gateway knows no 405). */
export function noSuchApi(method: string, path: string): ModelArtsError {
  return new ModelArtsError(
    404,
    MODELARTS_ERROR.noSuchApi,
    `The API does not exist or has not been published in the environment: ${method} ${path}`,
  );
}

/** The `error_code` of an injected fault with this status. */
export function errorCodeForStatus(status: number): string {
  switch (status) {
    case 400:
      return MODELARTS_ERROR.badParameter;
    case 401:
      return MODELARTS_ERROR.unauthenticated;
    case 403:
      return MODELARTS_ERROR.forbidden;
    case 404:
      return MODELARTS_ERROR.noSuchApi;
    case 429:
      return MODELARTS_ERROR.throttled;
    default:
      return MODELARTS_ERROR.internal;
  }
}

/** The body of an injected fault (faults.ts) in ModelArts's shape. */
export function modelArtsFaultBody(status: number, message: string): { error_code: string; error_msg: string } {
  return { error_code: errorCodeForStatus(status), error_msg: message };
}

/**
 * A `{error_code, error_msg}` response for an error. The shared body parser's 400s (`ApiError`) become
 * `ModelArts.0104` with the same message; anything unexpected is a 500 that hides its details.
 */
export function modelArtsErrorResponse(error: unknown): Response {
  if (error instanceof ModelArtsError) {
    return Response.json({ error_code: error.errorCode, error_msg: error.message }, { status: error.status });
  }
  if (error instanceof ApiError && error.status === 400) {
    return Response.json({ error_code: MODELARTS_ERROR.badParameter, error_msg: error.message }, { status: 400 });
  }
  console.error("emulator (modelarts): unexpected error", error);
  return Response.json(
    { error_code: MODELARTS_ERROR.internal, error_msg: "The emulator failed unexpectedly; see its log." },
    { status: 500 },
  );
}
