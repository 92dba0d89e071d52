/**
 * The Graviti emulator's control API under `/__emulator/graviti/` (no auth, never recorded, never faulted), beside
 * the Nexus one and shaped like it:
 * - `POST /__emulator/graviti/reset`: back to the seeded data; also clears the request log and the faults. The
 *   Graviti emulator has no settings, so the body is empty or `{}`; answers `{resetAt}` (ms).
 * - `GET /__emulator/graviti/requests`: the request log, oldest first; `DELETE` clears it (204).
 * - `POST /__emulator/graviti/faults` (the Nexus emulator's fault fields): replaces the fault setting (answers it);
 *   `GET` shows it; `DELETE` removes it (204).
 * Each acts on the default tenant, or on tenant `t` with `?tenant=t`. Failures are Graviti `{code, message}` bodies.
 */
import { drainBody } from "../drain-body";
import { checkFaultPath, type FaultSettings } from "../faults";
import { controlTenantOf } from "../tenants";
import type { RequestLogEntry } from "../types";
import { faultsBody, parseBody } from "../validation";
import { gravitiErrorResponse, invalidParamsValue, methodNotAllowed, resourceNotExist } from "./errors";
import { readJsonObject } from "./validation";

/** The control API's path prefix for the Graviti emulator. */
export const GRAVITI_CONTROL_PREFIX = "/__emulator/graviti/";

/** The state operations the control API needs (the Durable Object implements them over RPC). */
export interface GravitiControlBackend {
  reset(): Promise<{ resetAt: number }>;
  requests(): Promise<RequestLogEntry[]>;
  clearRequests(): Promise<void>;
  faults(): Promise<FaultSettings | undefined>;
  setFaults(settings: FaultSettings): Promise<void>;
  clearFaults(): Promise<void>;
}

type Handler = (request: Request, backend: GravitiControlBackend) => Promise<Response>;

/** Checks the reset body: nothing, or an object without fields (there are no settings to give). */
async function checkResetBody(request: Request): Promise<void> {
  if ((await request.clone().text()).trim() === "") return;
  const body = await readJsonObject(request);
  const field = Object.keys(body)[0];
  if (field !== undefined) throw invalidParamsValue(`${field}: not a setting (the Graviti emulator has none)`);
}

const routes: Record<string, Partial<Record<string, Handler>>> = {
  reset: {
    POST: async (request, backend) => {
      await checkResetBody(request);
      return Response.json(await backend.reset());
    },
  },
  requests: {
    GET: async (_request, backend) => Response.json(await backend.requests()),
    DELETE: async (_request, backend) => {
      await backend.clearRequests();
      return new Response(null, { status: 204 });
    },
  },
  faults: {
    GET: async (_request, backend) => Response.json((await backend.faults()) ?? {}),
    POST: async (request, backend) => {
      const settings: FaultSettings = await parseBody(request, faultsBody, true);
      checkFaultPath(settings);
      await backend.setFaults(settings);
      return Response.json(settings);
    },
    DELETE: async (_request, backend) => {
      await backend.clearFaults();
      return new Response(null, { status: 204 });
    },
  },
};

/** Answers a Graviti control request on the state of the tenant it names (`backendOf` finds that state). */
export async function handleGravitiControl(
  request: Request,
  backendOf: (tenant: string) => GravitiControlBackend,
): Promise<Response> {
  try {
    const url = new URL(request.url);
    const path = url.pathname.replace(/\/$/, "");
    const methods = routes[path.slice(GRAVITI_CONTROL_PREFIX.length)];
    if (!path.startsWith(GRAVITI_CONTROL_PREFIX) || methods === undefined) throw resourceNotExist(`no control endpoint ${path}`);
    const handler = methods[request.method];
    if (handler === undefined) throw methodNotAllowed(request.method, path, Object.keys(methods));
    return await handler(request, backendOf(controlTenantOf(url)));
  } catch (error) {
    await drainBody(request);
    return gravitiErrorResponse(error);
  }
}
