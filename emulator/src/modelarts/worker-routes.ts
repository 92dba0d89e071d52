/**
 * The ModelArts part of the emulator Worker: `/modelarts/openapi.json`, the control API under
 * `/__emulator/modelarts/`, and the API under `/modelarts/` through the shared front door (faults, request log) to
 * the state object of the tenant the request names, with errors in ModelArts's `{error_code, error_msg}` shape.
 */
import openapi from "../../modelarts-openapi.json";
import { handleControl, type ControlBackend, type ControlPlatform } from "../control";
import { faultAnswersFromBody } from "../faults";
import { serveApi, type ApiBackend } from "../front-door";
import { modelArtsErrorResponse, modelArtsFaultBody } from "./errors";

/** Injected faults in ModelArts's `{error_code, error_msg}`. */
const MODELARTS_FAULT_ANSWERS = faultAnswersFromBody(modelArtsFaultBody);
import { tenantOfModelArtsPath } from "./projects";
import { modelArtsResetBody, type ModelArtsResetOptions } from "./validation";

/** The path prefix of the ModelArts API (the gateway's base URL is the emulator's origin plus this). */
export const MODELARTS_PREFIX = "/modelarts";

/** The ModelArts control API: `/__emulator/modelarts/{reset,requests,faults,keys}`. */
export const MODELARTS_CONTROL: ControlPlatform<ModelArtsResetOptions> = {
  prefix: "/__emulator/modelarts",
  resetBody: modelArtsResetBody,
};

/** What a tenant's ModelArts state offers the Worker. */
export type ModelArtsBackend = ApiBackend & ControlBackend<ModelArtsResetOptions>;

/**
 * Answers a request when it is a ModelArts one (`/modelarts/…` or `/__emulator/modelarts/…`), else undefined.
 * `stateOf` finds a tenant's state object. Never throws.
 */
export async function serveModelArts(
  request: Request,
  pathname: string,
  stateOf: (tenant: string) => ModelArtsBackend,
): Promise<Response | undefined> {
  if (pathname === `${MODELARTS_PREFIX}/openapi.json` && request.method === "GET") return Response.json(openapi);
  if (pathname === MODELARTS_CONTROL.prefix || pathname.startsWith(`${MODELARTS_CONTROL.prefix}/`)) {
    return handleControl(request, stateOf, MODELARTS_CONTROL);
  }
  if (pathname !== MODELARTS_PREFIX && !pathname.startsWith(`${MODELARTS_PREFIX}/`)) return undefined;
  try {
    return await serveApi(request, stateOf(tenantOfModelArtsPath(pathname)), {
      faults: MODELARTS_FAULT_ANSWERS,
      errorResponse: modelArtsErrorResponse,
      keyHeader: "X-Auth-Token",
    });
  } catch (error) {
    // Reading the faults or writing the request log failed: still `{error_code, error_msg}`, never a bare stack.
    return modelArtsErrorResponse(error);
  }
}
