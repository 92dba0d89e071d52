/**
 * Who a caller is once the gateway has verified them, and what they may use: a name (for messages and logs) and,
 * per backend, the projects (Nexus projects, Graviti workspaces, ModelArts projects) they may act on, and the scopes
 * (`scopes.ts`) that say which operations they may run there. The same grant shape comes from `GATEWAY_TOKENS` and
 * from a JWT's projects claim, so both are read here.
 */
import { BACKENDS } from "../backends/registry";
import type { Scope } from "./scopes";

/**
 * The backends a grant may name: those of the registry, so a new backend is grantable with no edit here. A grant for
 * any other name is a typo, refused where the grant is read.
 */
export const BACKEND_NAMES: readonly string[] = BACKENDS.map((backend) => backend.name);

/** One backend's name (one of {@link BACKEND_NAMES}). */
export type BackendName = string;

/** In a grant, the project wildcard: every project of that backend. */
export const ANY_PROJECT = "*";

/** Per backend, the projects a principal may use (`"*"` for any); a backend that is absent is not allowed. */
export type ProjectGrants = Readonly<Partial<Record<BackendName, readonly string[]>>>;

/** A verified caller. */
export interface Principal {
  /** A label: the token's `name`, or the JWT's `sub`. Shown in messages; never a secret. */
  name: string;
  /** What it may use. */
  grants: ProjectGrants;
  /**
   * What it may do there: `read` (queries, subscriptions), `write` (mutations). A grant that names no scopes has
   * both (`ALL_SCOPES`), as every grant had before scopes existed.
   */
  scopes: readonly Scope[];
  /**
   * When its authorization ends (ms since the epoch): a JWT's `exp`. Unset for a `GATEWAY_TOKENS` token, which lasts
   * until it is removed from the setting. A graphql-ws socket closes at this time (`socket-session.ts`).
   */
  expiresAt?: number;
}

/** One backend's project: what a request would act on. */
export interface BackendProject {
  backend: BackendName;
  project: string;
}

/** True when `principal` may use `target` (the project is granted, or the backend's grant holds `"*"`). */
export function principalAllows(principal: Principal, target: BackendProject): boolean {
  const projects = principal.grants[target.backend] ?? [];
  return projects.includes(ANY_PROJECT) || projects.includes(target.project);
}

/** True for the name of a backend a grant may name. */
export function isBackendName(name: string): boolean {
  return BACKEND_NAMES.includes(name);
}

function isProjectList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string" && item.trim() !== "");
}

/**
 * Reads grants from a JSON object such as `{"nexus": ["proj_demo"], "graviti": ["*"]}`, or from a list of
 * `backend:project` strings such as `["nexus:proj_demo", "graviti:*"]` (for identity providers that cannot put an
 * object in a claim). Keys in `ignore` (for example a token's `name`) are skipped. Returns the grants, or a sentence
 * saying what was wrong (for the caller to prefix with where the grants came from). Never throws.
 */
export function grantsFromJson(value: unknown, ignore: readonly string[] = []): ProjectGrants | string {
  if (Array.isArray(value)) return grantsFromList(value);
  if (typeof value !== "object" || value === null) {
    const example = BACKEND_NAMES[0] ?? "backend";
    return `expected an object such as {"${example}": ["proj_demo"]} or a list such as ["${example}:proj_demo"]`;
  }
  const grants: Partial<Record<BackendName, string[]>> = {};
  for (const [key, projects] of Object.entries(value)) {
    if (ignore.includes(key)) continue;
    if (!isBackendName(key)) return `unknown backend "${key}" (expected one of ${BACKEND_NAMES.join(", ")})`;
    if (!isProjectList(projects)) return `"${key}" must be a list of project ids (or ["*"])`;
    grants[key] = projects.map((project) => project.trim());
  }
  return grants;
}

function grantsFromList(items: readonly unknown[]): ProjectGrants | string {
  const grants: Partial<Record<BackendName, string[]>> = {};
  for (const item of items) {
    const separator = typeof item === "string" ? item.indexOf(":") : -1;
    if (typeof item !== "string" || separator <= 0 || separator === item.length - 1) {
      return `expected "backend:project" entries, got ${JSON.stringify(item)}`;
    }
    const backend = item.slice(0, separator);
    if (!isBackendName(backend)) return `unknown backend "${backend}" (expected one of ${BACKEND_NAMES.join(", ")})`;
    (grants[backend] ??= []).push(item.slice(separator + 1));
  }
  return grants;
}
