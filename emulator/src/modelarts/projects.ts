/**
 * The ModelArts projects of a tenant and how a request names its tenant (the same idea as ../tenants.ts for Nexus;
 * emulator convention, the real API has no tenants). A tenant is found from the `{project_id}` of
 * `/modelarts/v2/{project_id}/…`: tenant `t` holds `modelarts_demo_t` (token `demo-iam-token_t`) and
 * `modelarts_other_t` (token `other-iam-token_t`). The default tenant holds `modelarts_demo`/`demo-iam-token` and
 * `modelarts_other`/`other-iam-token`; any other project id goes to it, which answers 403 for a project it does
 * not hold.
 */
import { DEFAULT_TENANT, TENANT_NAME } from "../tenants";

/** A seeded project and its one IAM token (`X-Auth-Token`). */
export interface ModelArtsProject {
  id: string;
  token: string;
}

/** The two seeded projects of a tenant. */
export interface ModelArtsProjects {
  demo: ModelArtsProject;
  other: ModelArtsProject;
}

/** `modelarts_demo`, `modelarts_other` and their tokens; with `_<tenant>` appended outside the default tenant. */
export function modelArtsProjectsOf(tenant: string): ModelArtsProjects {
  const suffix = tenant === DEFAULT_TENANT ? "" : `_${tenant}`;
  return {
    demo: { id: `modelarts_demo${suffix}`, token: `demo-iam-token${suffix}` },
    other: { id: `modelarts_other${suffix}`, token: `other-iam-token${suffix}` },
  };
}

/** The tenant of a project id: `t` for `modelarts_demo_t` or `modelarts_other_t`, else the default tenant. */
export function tenantOfModelArtsProject(projectId: string): string {
  const name = /^modelarts_(?:demo|other)_(.+)$/.exec(projectId)?.[1];
  return name !== undefined && TENANT_NAME.test(name) ? name : DEFAULT_TENANT;
}

/**
 * The tenant of a ModelArts API path (`/modelarts/v2/{project_id}/…`, with or without the `/modelarts` prefix):
 * the tenant of its project; the default tenant for anything else (which it answers 404).
 */
export function tenantOfModelArtsPath(pathname: string): string {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return DEFAULT_TENANT;
  }
  const project = /^(?:\/modelarts)?\/v2\/([^/]+)(?:\/|$)/.exec(path)?.[1];
  return project === undefined ? DEFAULT_TENANT : tenantOfModelArtsProject(project);
}
