/**
 * The control API under `/__emulator/` (no auth, never recorded in the request log):
 * - `POST /__emulator/reset` `{msPerItem?, uploadUrlTtlMs?, datasetLifetimeMs?, jobRunMs?, largeProject?: {jobs?,
 *   datasets?}}`: back to the seeded
 *   data, plus the large project when asked (large-project.ts); also clears the request log and the faults.
 * - `GET /__emulator/requests`: the request log, oldest first; `DELETE` clears it (204).
 * - `POST /__emulator/faults` `{latencyMs?, jitterMs?, errorRate?, errorStatus?, throttleRate?, retryAfterSeconds?,
 *   path?}`: replaces the fault setting (answers it); `GET` shows it; `DELETE` removes it (204).
 * - `POST /__emulator/keys` `{project, add}` or `{project, revoke}`: adds a valid `Secret-Key` to a project of the
 *   tenant, or revokes one of its keys (the seeded one too); answers `{project, keyIds}` (key-ring.ts). A reset
 *   restores the seeded keys.
 * Each acts on the default tenant, or on tenant `t` with `?tenant=t` (`/__emulator/reset?tenant=t`; see tenants.ts).
 * Another platform (ModelArts) has the same calls under a prefix of its own (`/__emulator/modelarts/…`) with its own
 * reset body: see {@link ControlPlatform}.
 */
import { badRequest, errorResponse, methodNotAllowed, notFound } from "./errors";
import { drainBody } from "./drain-body";
import { checkFaultPath, type FaultSettings } from "./faults";
import { keyChangeOf, type KeyChange, type KeyChangeResult } from "./key-ring";
import { controlTenantOf } from "./tenants";
import type { RequestLogEntry } from "./types";
import type { z } from "zod";
import { anyObject, faultsBody, parseBody, resetBody } from "./validation";

/** The state operations the control API needs (the Durable Object implements them over RPC). */
export interface ControlBackend<ResetOptions = { msPerItem?: number; uploadUrlTtlMs?: number }> {
  reset(options: ResetOptions): Promise<unknown>;
  requests(): Promise<RequestLogEntry[]>;
  clearRequests(): Promise<void>;
  faults(): Promise<FaultSettings | undefined>;
  setFaults(settings: FaultSettings): Promise<void>;
  clearFaults(): Promise<void>;
  /** Adds a key to a project of the tenant, or revokes one (key-ring.ts); refusals come back as `{error}`. */
  changeKey(project: string, change: KeyChange): Promise<KeyChangeResult>;
}

/** A platform's control API: where its calls live and what its reset accepts. */
export interface ControlPlatform<ResetOptions> {
  /** The path prefix without a trailing slash, e.g. `/__emulator` (Nexus) or `/__emulator/modelarts`. */
  prefix: string;
  /** The body of `POST {prefix}/reset` (every field optional; an empty body counts as `{}`). */
  resetBody: z.ZodType<ResetOptions>;
}

/** The Nexus control API: `/__emulator/{reset,requests,faults,keys}`. */
export const NEXUS_CONTROL: ControlPlatform<z.infer<typeof resetBody>> = { prefix: "/__emulator", resetBody };

type Handler<R> = (request: Request, backend: ControlBackend<R>) => Promise<Response>;

function routesOf<R>(platform: ControlPlatform<R>): Record<string, Partial<Record<string, Handler<R>>>> {
  return {
    [`${platform.prefix}/reset`]: {
      POST: async (request, backend) =>
        Response.json(await backend.reset(await parseBody(request, platform.resetBody, true))),
    },
    [`${platform.prefix}/requests`]: {
      GET: async (_request, backend) => Response.json(await backend.requests()),
      DELETE: async (_request, backend) => {
        await backend.clearRequests();
        return new Response(null, { status: 204 });
      },
    },
    [`${platform.prefix}/faults`]: {
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
    [`${platform.prefix}/keys`]: {
      POST: async (request, backend) => {
        const parsed = keyChangeOf(await parseBody(request, anyObject), "project");
        if ("error" in parsed) throw badRequest(parsed.error);
        const result = await backend.changeKey(parsed.owner, parsed.change);
        if ("error" in result) throw badRequest(result.error);
        return Response.json({ project: result.owner, keyIds: result.keyIds });
      },
    },
  };
}

/**
 * Answers a control request of `platform` ({@link NEXUS_CONTROL} for Nexus) on the state of the tenant it names (`backendOf` finds
 * that state); every failure is a `{code, message}` response.
 */
export async function handleControl<R>(
  request: Request,
  backendOf: (tenant: string) => ControlBackend<R>,
  platform: ControlPlatform<R>,
): Promise<Response> {
  try {
    const url = new URL(request.url);
    const path = url.pathname.replace(/\/$/, "");
    const methods = routesOf(platform)[path];
    if (methods === undefined) throw notFound(`no control endpoint ${path}`);
    const handler = methods[request.method];
    if (handler === undefined) throw methodNotAllowed(request.method, path, Object.keys(methods));
    return await handler(request, backendOf(controlTenantOf(url)));
  } catch (error) {
    await drainBody(request);
    return errorResponse(error);
  }
}
