/**
 * Where a request's Nexus credentials come from: the caller's `x-nexus-project-id` and `x-nexus-secret-key` (HTTP
 * headers, or the graphql-ws `connection_init` payload under the same names), else the gateway's server-held
 * `NEXUS_PROJECT_ID`/`NEXUS_SECRET_KEY`. The one home of those names.
 */
import type { CredentialsFound } from "../backend";
import type { GatewayVars } from "../../vars";
import type { NexusCredentials } from "./transport";

/** Header (and graphql-ws `connection_init` payload key) that carries the project id. */
export const PROJECT_ID_HEADER = "x-nexus-project-id";
/** Header (and graphql-ws `connection_init` payload key) that carries the secret key. */
export const SECRET_KEY_HEADER = "x-nexus-secret-key";

/** How a caller gives Nexus credentials (for the `UNAUTHENTICATED` message). */
export const NEXUS_CREDENTIALS_HINT =
  `send the ${PROJECT_ID_HEADER} and ${SECRET_KEY_HEADER} headers (both), ` +
  "or configure NEXUS_PROJECT_ID and NEXUS_SECRET_KEY on the gateway";

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function pickCredentials(
  projectId: string | null,
  secretKey: string | null,
  env: GatewayVars,
): CredentialsFound<NexusCredentials> | null {
  // The caller's own credentials win, but only as a pair: half from the request and half from the environment
  // would act on a project with a key the caller never chose.
  if (projectId !== null || secretKey !== null) {
    return projectId !== null && secretKey !== null ? { credentials: { projectId, secretKey }, source: "request" } : null;
  }
  const defaultProject = nonEmpty(env.NEXUS_PROJECT_ID);
  const defaultKey = nonEmpty(env.NEXUS_SECRET_KEY);
  return defaultProject !== null && defaultKey !== null
    ? { credentials: { projectId: defaultProject, secretKey: defaultKey }, source: "environment" }
    : null;
}

/**
 * The credentials of an HTTP request: both headers when the request has either (null if it has only one), else the
 * environment's when both are set and non-empty, else null. Never throws.
 */
export function nexusCredentialsFromHeaders(headers: Headers, env: GatewayVars): CredentialsFound<NexusCredentials> | null {
  return pickCredentials(nonEmpty(headers.get(PROJECT_ID_HEADER)), nonEmpty(headers.get(SECRET_KEY_HEADER)), env);
}

/**
 * The credentials of a graphql-ws `connection_init` payload, under the header names (matched case-insensitively),
 * with the same fallback rules as {@link nexusCredentialsFromHeaders}. Never throws.
 */
export function nexusCredentialsFromPayload(
  payload: Readonly<Record<string, unknown>>,
  env: GatewayVars,
): CredentialsFound<NexusCredentials> | null {
  let projectId: string | null = null;
  let secretKey: string | null = null;
  for (const [name, value] of Object.entries(payload)) {
    const lower = name.toLowerCase();
    if (lower === PROJECT_ID_HEADER) projectId = nonEmpty(value);
    if (lower === SECRET_KEY_HEADER) secretKey = nonEmpty(value);
  }
  return pickCredentials(projectId, secretKey, env);
}
