/**
 * Each test file's own emulator tenant: an isolated copy of the seeded world with its own state, request log and
 * faults (emulator/src/tenants.ts), so that test files run at the same time without seeing each other.
 *
 * How to adopt it in a new test file: nothing, if the file goes through its suite's helpers. `DEMO`, `OTHER`,
 * `resetEmulator`, `upstreamRequests`, `setFaults`, … in `test/{gateway,subscriptions,emulator}/helpers.ts` already
 * act on the file's tenant. To build a path or an expected message, or to call the control API yourself:
 *
 *   import { useTenant } from "../utils/tenant";
 *   const tenant = useTenant();                 // test/gateway/foo.test.ts → tenant "gateway-foo"
 *   beforeEach(() => tenant.reset({ msPerItem: 20 }));
 *   expect(path).toBe(`/projects/${tenant.demo.project}/batch/jobs`);   // proj_demo_gateway-foo
 *
 * Never write `proj_demo` or `demo-secret-key` in a test: that is the default tenant, which is shared. Only the
 * tenants test resets it (to check that it behaves as it always did), and nobody sets faults on it; requests that
 * name no tenant (an unknown route or upload token) land in its request log. The tenant is derived from the
 * running file's path, so the helpers must be evaluated once per test file: vitest's default `isolate: true`.
 */
import { expect, inject } from "vitest";

/** One upstream request as the emulator recorded it. */
export interface UpstreamRequest {
  method: string;
  /** The path, without the query string. */
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  status: number;
  durationMs: number;
  /** Length of the answer's body in bytes. */
  bytes: number;
  /** Which key the request carried: the first 8 hex digits of its SHA-256, or null when it carried none. */
  keyId: string | null;
  /** The W3C `traceparent` the request carried, or null (an entry from before the field: undefined). */
  traceparent?: string | null;
}

/** Fault settings (every field optional; each call replaces the previous setting). */
export interface Faults {
  latencyMs?: number;
  jitterMs?: number;
  errorRate?: number;
  errorStatus?: number;
  throttleRate?: number;
  retryAfterSeconds?: number;
  /** A regular expression: faults apply only to matching paths. */
  path?: string;
  /** Injected errors are 302 redirects to this URL instead. */
  redirectTo?: string;
}

/** Reset options: how long each item takes per stage (ms), and how long upload URLs stay valid (ms). */
export interface ResetOptions {
  msPerItem?: number;
  uploadUrlTtlMs?: number;
  datasetLifetimeMs?: number;
  jobRunMs?: number;
}

/** The sizes of the large project (emulator/src/large-project.ts); a field left out takes its default. */
export interface LargeProjectSize {
  /** Jobs, 1 to 20,000 (default 10,000). */
  jobs?: number;
  /** Datasets, 1 to 5,000 (default 2,000). */
  datasets?: number;
}

/** The large project as a reset with `largeProject` seeded it. */
export interface LargeProject {
  projectId: string;
  secretKey: string;
  jobs: number;
  datasets: number;
  webhooks: number;
  /** Finished jobs whose logs have thousands of entries. */
  longLogJobIds: string[];
  /** The project and key, as the gateway tests' callers take them (`gql(query, vars, large.caller)`). */
  caller: TenantProject;
  /** The headers that make a gateway request act as the large project. */
  gatewayHeaders: Record<"x-nexus-project-id" | "x-nexus-secret-key", string>;
}

/** A seeded project of a tenant and its key. */
export interface TenantProject {
  project: string;
  key: string;
}

/** A tenant: its demo projects and its control calls. */
export interface Tenant {
  /** The tenant's name, e.g. `gateway-queries`; `default` for the shared default tenant. */
  name: string;
  /** The big demo project (`proj_demo_<name>`, key `demo-secret-key_<name>`). */
  demo: TenantProject;
  /** The small second project, for isolation tests (`proj_other_<name>`). */
  other: TenantProject;
  /** The large project (`proj_large_<name>`, key `large-secret-key_<name>`): it exists only after {@link Tenant.resetLarge}. */
  large: TenantProject;
  /** The control API path of `endpoint` (`reset`, `requests`, `faults`) for this tenant, e.g. `/__emulator/reset?tenant=t`. */
  controlPath(endpoint: string): string;
  /** Back to the seeded data; also clears the request log and the faults. Throws unless the emulator answers 2xx. */
  reset(options?: ResetOptions): Promise<void>;
  /**
   * Like {@link Tenant.reset}, and also seeds the large project with `size` jobs and datasets (default 10,000 and
   * 2,000). A later plain reset removes it.
   */
  resetLarge(size?: LargeProjectSize, options?: ResetOptions): Promise<LargeProject>;
  /** Every API request of this tenant since its last reset or clear, oldest first. */
  requests(): Promise<UpstreamRequest[]>;
  /** Clears this tenant's request log. */
  clearRequests(): Promise<void>;
  /** This tenant's fault setting (`{}` when none). */
  faults(): Promise<Faults>;
  /** Replaces this tenant's faults. */
  setFaults(faults: Faults): Promise<void>;
  /** Removes every fault of this tenant. */
  clearFaults(): Promise<void>;
  /** Gives the tenant's job `jobId` a synthetic log (`POST /__emulator/jobs/{id}/log`, see emulator/README.md). */
  setSyntheticLog(jobId: string, spec: SyntheticLogSpec): Promise<SyntheticLogSummary>;
  /** The whole synthetic log of the tenant's job `jobId`, in the API's order (`GET /__emulator/jobs/{id}/log`). */
  syntheticLog(jobId: string): Promise<WireLogEntry[]>;
}

/** The shape of a synthetic log: `entries` entries, in groups sharing one time whose sizes cycle through `sameTime`. */
export interface SyntheticLogSpec {
  entries: number;
  sameTime?: number[];
}

/** What the emulator answers when it sets a synthetic log. */
export interface SyntheticLogSummary {
  jobId: string;
  entries: number;
  sameTime: number[];
  oldestTime: number;
  newestTime: number;
}

/** A log entry as the emulator's API sends it. */
export interface WireLogEntry {
  id: string;
  kind: string;
  createTime: number;
  level: string;
  item: string;
  status: string;
  timeMs: number;
  reason?: string;
}

/** The tenant of requests that name none: `proj_demo`, `proj_other`, `/__emulator/reset`. */
export const DEFAULT_TENANT = "default";

/**
 * The tenant name of a file: its path below `test/`, without `.test.ts`, lowercased, with every run of other
 * characters turned into one hyphen (`test/gateway/queries.test.ts` → `gateway-queries`). A file outside `test/`
 * (the benchmarks) gets the default tenant.
 */
export function tenantNameOfFile(filePath: string): string {
  const normalised = filePath.replace(/\\/g, "/");
  const at = normalised.lastIndexOf("/test/");
  if (at === -1) return DEFAULT_TENANT;
  const name = normalised
    .slice(at + "/test/".length)
    .replace(/\.test\.[cm]?[jt]s$|\.[cm]?[jt]s$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return name === "" ? DEFAULT_TENANT : name;
}

/** Calls the control API; throws an error naming the call and the answer unless it answers 2xx. */
async function control(method: string, path: string, body?: unknown): Promise<Response> {
  const response = await fetch(`${inject("emulatorUrl")}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: expected 2xx, got ${response.status} ${await response.text()}`);
  return response;
}

/** The tenant called `name` (see {@link tenantNameOfFile} for valid names); `default` is the shared default tenant. */
export function tenantNamed(name: string): Tenant {
  const suffix = name === DEFAULT_TENANT ? "" : `_${name}`;
  const controlPath = (endpoint: string): string =>
    name === DEFAULT_TENANT ? `/__emulator/${endpoint}` : `/__emulator/${endpoint}?tenant=${name}`;
  const large: TenantProject = { project: `proj_large${suffix}`, key: `large-secret-key${suffix}` };
  return {
    name,
    demo: { project: `proj_demo${suffix}`, key: `demo-secret-key${suffix}` },
    other: { project: `proj_other${suffix}`, key: `other-secret-key${suffix}` },
    large,
    controlPath,
    reset: async (options = {}) => {
      await control("POST", controlPath("reset"), options);
    },
    resetLarge: async (size = {}, options = {}) => {
      const answer = (await (
        await control("POST", controlPath("reset"), { ...options, largeProject: size })
      ).json()) as {
        largeProject: Omit<LargeProject, "secretKey" | "caller" | "gatewayHeaders">;
      };
      return {
        ...answer.largeProject,
        secretKey: large.key,
        caller: large,
        gatewayHeaders: { "x-nexus-project-id": large.project, "x-nexus-secret-key": large.key },
      };
    },
    requests: async () => (await (await control("GET", controlPath("requests"))).json()) as UpstreamRequest[],
    clearRequests: async () => {
      await control("DELETE", controlPath("requests"));
    },
    faults: async () => (await (await control("GET", controlPath("faults"))).json()) as Faults,
    setFaults: async (faults) => {
      await control("POST", controlPath("faults"), faults);
    },
    clearFaults: async () => {
      await control("DELETE", controlPath("faults"));
    },
    setSyntheticLog: async (jobId, spec) =>
      (await (
        await control("POST", controlPath(`jobs/${encodeURIComponent(jobId)}/log`), spec)
      ).json()) as SyntheticLogSummary,
    syntheticLog: async (jobId) =>
      (
        (await (await control("GET", controlPath(`jobs/${encodeURIComponent(jobId)}/log`))).json()) as {
          entries: WireLogEntry[];
        }
      ).entries,
  };
}

let fileTenant: Tenant | undefined;

/**
 * The running test file's tenant, named after its path ({@link tenantNameOfFile}). Works at a module's top level
 * and in hooks and tests. Throws when no test file is running (for example in the global setup).
 */
export function useTenant(): Tenant {
  const file = expect.getState().testPath;
  if (file === undefined || file === "")
    throw new Error("useTenant: no test file is running, so there is no file tenant");
  if (fileTenant === undefined || fileTenant.name !== tenantNameOfFile(file))
    fileTenant = tenantNamed(tenantNameOfFile(file));
  return fileTenant;
}
