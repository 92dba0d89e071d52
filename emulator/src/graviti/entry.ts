/**
 * The Graviti emulator's part of the emulator Worker: `GET /graviti/openapi.json`, and every other `/graviti/…`
 * request through the shared front door (faults, request log) to the Durable Object of the tenant its `X-Token`
 * names. The control API is in control.ts.
 */
import openapi from "../../graviti-openapi.json";
import { serveApi } from "../front-door";
import { GRAVITI_FAULT_ANSWERS, gravitiErrorResponse } from "./errors";
import { ACCESS_KEY_HEADER, GRAVITI_PREFIX } from "./router";
import type { GravitiState } from "./state";
import { tenantOfAccessKey } from "./tenants";

/** True for a path the Graviti emulator answers: `/graviti` and below. */
export function isGravitiPath(pathname: string): boolean {
  return pathname === GRAVITI_PREFIX || pathname.startsWith(`${GRAVITI_PREFIX}/`);
}

/**
 * Serves one `/graviti/…` request; `stateOf` finds a tenant's state. Never throws: a failure of the faults or the
 * request log becomes a Graviti `{code, message}` 500.
 */
export async function serveGraviti(
  request: Request,
  stateOf: (tenant: string) => DurableObjectStub<GravitiState>,
): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (pathname === `${GRAVITI_PREFIX}/openapi.json` && request.method === "GET") return Response.json(openapi);
  try {
    const tenant = tenantOfAccessKey(request.headers.get(ACCESS_KEY_HEADER));
    return await serveApi(request, stateOf(tenant), {
      faults: GRAVITI_FAULT_ANSWERS,
      errorResponse: gravitiErrorResponse,
      keyHeader: ACCESS_KEY_HEADER,
    });
  } catch (error) {
    return gravitiErrorResponse(error);
  }
}
