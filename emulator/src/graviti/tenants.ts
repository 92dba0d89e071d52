/**
 * Tenants of the Graviti emulator: the same idea as the Nexus emulator's (../tenants.ts), found from what a client
 * already sends. Graviti requests name no project in their path, so the tenant travels in the access key:
 * - tenant `t` holds the workspaces `graviti-demo-t` (key `ACCESSKEY-demo_t`) and `graviti-other-t` (key
 *   `ACCESSKEY-other_t`), seeded like the default ones;
 * - the default tenant holds `graviti-demo` (`ACCESSKEY-demo`) and `graviti-other` (`ACCESSKEY-other`);
 * - a reset with `largeWorkspace` also seeds `graviti-large-t` (key `ACCESSKEY-large_t`; `graviti-large` and
 *   `ACCESSKEY-large` in the default tenant), large-workspace.ts;
 * - the control API takes `?tenant=t` (`/__emulator/graviti/reset?tenant=t`);
 * - so does a key `ACCESSKEY-demo-<letters or digits>_t` or `ACCESSKEY-other-<letters or digits>_t`
 *   (`ACCESSKEY-demo-second_t`), so that a key added to a tenant's workspace through the control API
 *   (`POST /__emulator/graviti/keys`) reaches it.
 * A key that names no tenant goes to the default tenant, which answers 401 for a key it does not hold.
 */
import { DEFAULT_TENANT, TENANT_NAME } from "../tenants";

/**
 * A key that names tenant `t` (group 1): `ACCESSKEY-demo_t`, `ACCESSKEY-other_t`, `ACCESSKEY-large_t`,
 * `ACCESSKEY-demo-<id>_t`, …
 */
const ACCESS_KEY_OF_TENANT = /^ACCESSKEY-(?:demo|other|large)(?:-[A-Za-z0-9]+)?_(.+)$/;

/** A demo workspace of a tenant and its access key. */
export interface DemoWorkspace {
  name: string;
  accessKey: string;
}

/** The two demo workspaces of a tenant. */
export interface DemoWorkspaces {
  demo: DemoWorkspace;
  other: DemoWorkspace;
}

/** `graviti-demo`/`ACCESSKEY-demo` and `graviti-other`/`ACCESSKEY-other`, suffixed with the tenant outside the default. */
export function demoWorkspacesOf(tenant: string): DemoWorkspaces {
  const isDefault = tenant === DEFAULT_TENANT;
  const workspace = (base: string): DemoWorkspace => ({
    name: isDefault ? `graviti-${base}` : `graviti-${base}-${tenant}`,
    accessKey: isDefault ? `ACCESSKEY-${base}` : `ACCESSKEY-${base}_${tenant}`,
  });
  return { demo: workspace("demo"), other: workspace("other") };
}

/** The large workspace of a tenant (seeded only by a reset with `largeWorkspace`): named like the demo ones. */
export function largeWorkspaceOf(tenant: string): DemoWorkspace {
  const isDefault = tenant === DEFAULT_TENANT;
  return {
    name: isDefault ? "graviti-large" : `graviti-large-${tenant}`,
    accessKey: isDefault ? "ACCESSKEY-large" : `ACCESSKEY-large_${tenant}`,
  };
}

/**
 * The tenant of an `X-Token`: `t` for `ACCESSKEY-demo_t`, `ACCESSKEY-other_t`, or an added key such as
 * `ACCESSKEY-demo-second_t` (`demo` or `other`, then `-` and letters or digits), else the default tenant.
 */
export function tenantOfAccessKey(accessKey: string | null): string {
  const name = accessKey === null ? undefined : ACCESS_KEY_OF_TENANT.exec(accessKey)?.[1];
  return name !== undefined && TENANT_NAME.test(name) ? name : DEFAULT_TENANT;
}
