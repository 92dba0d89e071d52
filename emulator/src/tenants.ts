/**
 * Tenants: isolated copies of the seeded world, each with its own state, request log and faults, so that test files
 * can run at the same time without seeing each other (emulator convention; the real API has no such thing).
 *
 * A tenant is found from what a client already sends, so a gateway needs no new setting to use one:
 * - the project id of `/projects/{p}/batch/…`: tenant `t` holds the projects `proj_demo_t` (key `demo-secret-key_t`)
 *   and `proj_other_t` (key `other-secret-key_t`), seeded like the default ones;
 * - the token of an upload URL, `/upload/t.<secret>` (the default tenant's tokens carry no prefix);
 * - the control API's `tenant` query parameter, `/__emulator/reset?tenant=t`.
 * A reset with `largeProject` also seeds `proj_large_t` (key `large-secret-key_t`; `proj_large` and
 * `large-secret-key` in the default tenant): see large-project.ts.
 * The default tenant (`default`) is the emulator as it always was: `proj_demo`/`demo-secret-key`,
 * `proj_other`/`other-secret-key`, `/upload/<secret>` and `/__emulator/…` without a tenant. A project id that names
 * no tenant goes to the default tenant, which answers 403 for a project it does not hold.
 */
import { badRequest } from "./errors";

/** The tenant that requests naming no tenant act on (its Durable Object is named this too). */
export const DEFAULT_TENANT = "default";

/** A tenant name: 1 to 63 lowercase letters, digits and hyphens, starting with a letter or digit. */
export const TENANT_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The demo projects of a tenant and their keys. */
export interface DemoProjects {
  demo: { id: string; secretKey: string };
  other: { id: string; secretKey: string };
}

/** `proj_demo`, `proj_other` and their keys for the default tenant; the same with `_<tenant>` appended for others. */
export function demoProjectsOf(tenant: string): DemoProjects {
  const suffix = tenant === DEFAULT_TENANT ? "" : `_${tenant}`;
  return {
    demo: { id: `proj_demo${suffix}`, secretKey: `demo-secret-key${suffix}` },
    other: { id: `proj_other${suffix}`, secretKey: `other-secret-key${suffix}` },
  };
}

/** The large project of a tenant (seeded only by a reset with `largeProject`): named like the demo projects. */
export function largeProjectOf(tenant: string): { id: string; secretKey: string } {
  const suffix = tenant === DEFAULT_TENANT ? "" : `_${tenant}`;
  return { id: `proj_large${suffix}`, secretKey: `large-secret-key${suffix}` };
}

/** The tenant of a project id: `t` for `proj_demo_t`, `proj_other_t` or `proj_large_t`, else the default tenant. */
export function tenantOfProject(projectId: string): string {
  const match = /^proj_(?:demo|other|large)_(.+)$/.exec(projectId);
  const name = match?.[1];
  return name !== undefined && TENANT_NAME.test(name) ? name : DEFAULT_TENANT;
}

/** The tenant of an upload token: `t` for `t.<secret>`, else the default tenant. */
export function tenantOfUploadToken(token: string): string {
  const dot = token.indexOf(".");
  const name = dot === -1 ? undefined : token.slice(0, dot);
  return name !== undefined && TENANT_NAME.test(name) ? name : DEFAULT_TENANT;
}

/** The upload token a tenant hands out for `secret`: the secret itself in the default tenant, else `t.<secret>`. */
export function uploadTokenOf(tenant: string, secret: string): string {
  return tenant === DEFAULT_TENANT ? secret : `${tenant}.${secret}`;
}

/**
 * The tenant an API request (not the control API) belongs to, from its path: the project of
 * `/projects/{p}/…` or the token of `/upload/{token}`; the default tenant for anything else (which it answers 404).
 */
export function tenantOfApiPath(pathname: string): string {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return DEFAULT_TENANT;
  }
  const project = /^\/projects\/([^/]+)\//.exec(path)?.[1];
  if (project !== undefined) return tenantOfProject(project);
  const token = /^\/upload\/([^/]+)$/.exec(path)?.[1];
  return token === undefined ? DEFAULT_TENANT : tenantOfUploadToken(token);
}

/**
 * The tenant a control request acts on: its `tenant` query parameter (`/__emulator/reset?tenant=t`), or the default
 * tenant without one. Throws a 400 `BadRequestError` naming `tenant` when the name is not valid.
 */
export function controlTenantOf(url: URL): string {
  const name = url.searchParams.get("tenant");
  if (name === null) return DEFAULT_TENANT;
  if (!TENANT_NAME.test(name)) {
    throw badRequest(
      `tenant: expected 1 to 63 lowercase letters, digits or hyphens, starting with a letter or digit, got ${JSON.stringify(name)}`,
    );
  }
  return name;
}
