/**
 * Each test file's tenant in the Graviti emulator (emulator/src/graviti/tenants.ts): the same tenant name as the
 * file's Nexus tenant (`test/utils/tenant.ts`), its two workspaces and keys, and its control calls under
 * `/__emulator/graviti/`. Never write `ACCESSKEY-demo` in a test: that is the shared default tenant.
 *
 *   import { useGravitiTenant } from "../utils/graviti-tenant";
 *   const tenant = useGravitiTenant();            // test/emulator/graviti-auth.test.ts → tenant "emulator-graviti-auth"
 *   beforeEach(() => tenant.reset());
 *   fetch(`${emulatorUrl}/graviti/v2/datasets`, { headers: { "X-Token": tenant.demo.key } });
 */
import { inject } from "vitest";
import { DEFAULT_TENANT, useTenant, type Faults, type UpstreamRequest } from "./tenant";

/** A seeded workspace of a tenant and its access key. */
export interface GravitiWorkspace {
  workspace: string;
  key: string;
}

/** A tenant of the Graviti emulator: its workspaces and its control calls. */
export interface GravitiTenant {
  name: string;
  /** The TEAM workspace with 14 datasets (`graviti-demo-<name>`, key `ACCESSKEY-demo_<name>`). */
  demo: GravitiWorkspace;
  /** The USER workspace with 2 datasets (`graviti-other-<name>`, key `ACCESSKEY-other_<name>`). */
  other: GravitiWorkspace;
  /** The control path of `endpoint` (`reset`, `requests`, `faults`), e.g. `/__emulator/graviti/reset?tenant=t`. */
  controlPath(endpoint: string): string;
  /** Back to the seeded data; also clears the request log and the faults. Throws unless the emulator answers 2xx. */
  reset(): Promise<void>;
  /** Every Graviti API request of this tenant since its last reset or clear, oldest first. */
  requests(): Promise<UpstreamRequest[]>;
  /** Clears this tenant's Graviti request log. */
  clearRequests(): Promise<void>;
  /** Replaces this tenant's Graviti faults. */
  setFaults(faults: Faults): Promise<void>;
  /** Removes every Graviti fault of this tenant. */
  clearFaults(): Promise<void>;
}

async function control(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${inject("emulatorUrl")}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: expected 2xx, got ${response.status} ${await response.text()}`);
  return response;
}

/** The Graviti tenant called `name`; `default` is the shared default tenant (`graviti-demo`, `ACCESSKEY-demo`). */
export function gravitiTenantNamed(name: string): GravitiTenant {
  const isDefault = name === DEFAULT_TENANT;
  const workspace = (base: string): GravitiWorkspace => ({
    workspace: isDefault ? `graviti-${base}` : `graviti-${base}-${name}`,
    key: isDefault ? `ACCESSKEY-${base}` : `ACCESSKEY-${base}_${name}`,
  });
  const controlPath = (endpoint: string): string =>
    isDefault ? `/__emulator/graviti/${endpoint}` : `/__emulator/graviti/${endpoint}?tenant=${name}`;
  return {
    name,
    demo: workspace("demo"),
    other: workspace("other"),
    controlPath,
    reset: async () => {
      await control("POST", controlPath("reset"));
    },
    requests: async () => (await (await control("GET", controlPath("requests"))).json()) as UpstreamRequest[],
    clearRequests: async () => {
      await control("DELETE", controlPath("requests"));
    },
    setFaults: async (faults) => {
      await control("POST", controlPath("faults"), faults);
    },
    clearFaults: async () => {
      await control("DELETE", controlPath("faults"));
    },
  };
}

/** The running test file's Graviti tenant (the same name as its Nexus tenant). */
export function useGravitiTenant(): GravitiTenant {
  return gravitiTenantNamed(useTenant().name);
}
