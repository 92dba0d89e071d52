/**
 * The Graviti emulator's control API under `/__emulator/graviti/` (no auth, never recorded, never faulted), beside
 * the Nexus one and shaped like it:
 * - `POST /__emulator/graviti/reset`: back to the seeded data; also clears the request log and the faults. The
 *   Graviti emulator has no settings, so the body is empty or `{}`, or `{"largeWorkspace": {"datasets"?: n}}` to
 *   seed the large workspace too (large-workspace.ts); answers `{resetAt}` (ms), and `largeWorkspace` when seeded.
 * - `GET /__emulator/graviti/requests`: the request log, oldest first; `DELETE` clears it (204).
 * - `POST /__emulator/graviti/faults` (the Nexus emulator's fault fields): replaces the fault setting (answers it);
 *   `GET` shows it; `DELETE` removes it (204).
 * - `POST /__emulator/graviti/keys` `{workspace, add}` or `{workspace, revoke}`: adds a valid access key to a workspace
 *   of the tenant, or revokes one of its keys (the seeded one too); answers `{workspace, keyIds}` (../key-ring.ts). An
 *   added key must name the tenant as the seeded ones do (`ACCESSKEY-demo-second_t`; tenants.ts), since the key is how a
 *   request finds its tenant. A reset restores the seeded keys.
 * Each acts on the default tenant, or on tenant `t` with `?tenant=t`. Failures are Graviti `{code, message}` bodies.
 */
import { drainBody } from "../drain-body";
import { checkFaultPath, type FaultSettings } from "../faults";
import { keyChangeOf, type KeyChange, type KeyChangeResult } from "../key-ring";
import { controlTenantOf, DEFAULT_TENANT } from "../tenants";
import type { RequestLogEntry } from "../types";
import { faultsBody, parseBody } from "../validation";
import { gravitiErrorResponse, invalidParamsValue, methodNotAllowed, resourceNotExist } from "./errors";
import { LARGE_WORKSPACE_MAX_DATASETS, type LargeWorkspaceSize, type LargeWorkspaceSummary } from "./large-workspace";
import { tenantOfAccessKey } from "./tenants";
import { readJsonObject } from "./validation";

/** The control API's path prefix for the Graviti emulator. */
export const GRAVITI_CONTROL_PREFIX = "/__emulator/graviti/";

/** What a reset may ask for besides the demo data. */
export interface GravitiResetOptions {
  /** Seed the large workspace too, this size (large-workspace.ts). */
  largeWorkspace?: LargeWorkspaceSize | undefined;
}

/** The state operations the control API needs (the Durable Object implements them over RPC). */
export interface GravitiControlBackend {
  reset(options?: GravitiResetOptions): Promise<{ resetAt: number; largeWorkspace?: LargeWorkspaceSummary }>;
  requests(): Promise<RequestLogEntry[]>;
  clearRequests(): Promise<void>;
  faults(): Promise<FaultSettings | undefined>;
  setFaults(settings: FaultSettings): Promise<void>;
  clearFaults(): Promise<void>;
  /** Adds an access key to a workspace of the tenant, or revokes one (../key-ring.ts); refusals come back as `{error}`. */
  changeKey(workspace: string, change: KeyChange): Promise<KeyChangeResult>;
}

type Handler = (request: Request, backend: GravitiControlBackend, tenant: string) => Promise<Response>;

/**
 * The form a key added to `tenant` must have for its requests to reach that tenant (tenants.ts). Worded so that it
 * never spells a seeded key: answers are watched for them.
 */
function keyFormOf(tenant: string): string {
  return tenant === DEFAULT_TENANT
    ? "a key that names no tenant (not ACCESSKEY-{demo|other}_<tenant> or the like)"
    : `ACCESSKEY-{demo|other}-<letters or digits>_${tenant}`;
}

/**
 * The reset body's options: nothing, `{}`, or `{"largeWorkspace": {"datasets"?: n}}` (n a whole number, 1 to
 * {@link LARGE_WORKSPACE_MAX_DATASETS}). Throws `InvalidParamsValue` naming the field for anything else.
 */
async function resetOptionsOf(request: Request): Promise<GravitiResetOptions> {
  if ((await request.clone().text()).trim() === "") return {};
  const body = await readJsonObject(request);
  const { largeWorkspace, ...rest } = body;
  const field = Object.keys(rest)[0];
  if (field !== undefined) throw invalidParamsValue(`${field}: not a setting (the Graviti emulator has none)`);
  if (largeWorkspace === undefined) return {};
  if (typeof largeWorkspace !== "object" || largeWorkspace === null || Array.isArray(largeWorkspace)) {
    throw invalidParamsValue('largeWorkspace: expected an object such as {"datasets": 2500}');
  }
  const { datasets, ...others } = largeWorkspace as Record<string, unknown>;
  const other = Object.keys(others)[0];
  if (other !== undefined) throw invalidParamsValue(`largeWorkspace.${other}: not a field (only datasets)`);
  if (datasets === undefined) return { largeWorkspace: {} };
  if (
    typeof datasets !== "number" ||
    !Number.isInteger(datasets) ||
    datasets < 1 ||
    datasets > LARGE_WORKSPACE_MAX_DATASETS
  ) {
    throw invalidParamsValue(
      `largeWorkspace.datasets: expected a whole number from 1 to ${LARGE_WORKSPACE_MAX_DATASETS}, got ${JSON.stringify(datasets)}`,
    );
  }
  return { largeWorkspace: { datasets } };
}

const routes: Record<string, Partial<Record<string, Handler>>> = {
  reset: {
    POST: async (request, backend) => {
      return Response.json(await backend.reset(await resetOptionsOf(request)));
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
  keys: {
    POST: async (request, backend, tenant) => {
      const parsed = keyChangeOf(await readJsonObject(request), "workspace");
      if ("error" in parsed) throw invalidParamsValue(parsed.error);
      if ("add" in parsed.change && tenantOfAccessKey(parsed.change.add) !== tenant) {
        throw invalidParamsValue(`add: expected ${keyFormOf(tenant)}, so that its requests reach tenant ${tenant}`);
      }
      const result = await backend.changeKey(parsed.owner, parsed.change);
      if ("error" in result) throw invalidParamsValue(result.error);
      return Response.json({ workspace: result.owner, keyIds: result.keyIds });
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
    if (!path.startsWith(GRAVITI_CONTROL_PREFIX) || methods === undefined)
      throw resourceNotExist(`no control endpoint ${path}`);
    const handler = methods[request.method];
    if (handler === undefined) throw methodNotAllowed(request.method, path, Object.keys(methods));
    const tenant = controlTenantOf(url);
    return await handler(request, backendOf(tenant), tenant);
  } catch (error) {
    await drainBody(request);
    return gravitiErrorResponse(error);
  }
}
