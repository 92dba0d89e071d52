/**
 * Where a request's ModelArts credentials come from: the caller's `x-modelarts-project-id` and `x-modelarts-token`
 * (HTTP headers, or the graphql-ws `connection_init` payload under the same names), else the gateway's server-held
 * `MODELARTS_PROJECT_ID`/`MODELARTS_TOKEN`. The same rules as Nexus's: a pair or nothing. The one home of those names.
 */
import type { CredentialsFound } from "../backend";
import type { GatewayVars } from "../../vars";
import type { ModelArtsCredentials } from "./transport";

/** Header (and `connection_init` payload key) that carries the project id. */
export const PROJECT_ID_HEADER = "x-modelarts-project-id";
/** Header (and `connection_init` payload key) that carries the IAM token. */
export const TOKEN_HEADER = "x-modelarts-token";

/** How a caller gives ModelArts credentials (for the `UNAUTHENTICATED` message). */
export const MODELARTS_CREDENTIALS_HINT =
  `send the ${PROJECT_ID_HEADER} and ${TOKEN_HEADER} headers (both), ` +
  "or configure MODELARTS_PROJECT_ID and MODELARTS_TOKEN on the gateway";

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function pickCredentials(
  projectId: string | null,
  token: string | null,
  env: GatewayVars,
): CredentialsFound<ModelArtsCredentials> | null {
  // The caller's own credentials win, but only as a pair: half from the request and half from the environment
  // would act on a project with a token the caller never chose.
  if (projectId !== null || token !== null) {
    return projectId !== null && token !== null ? { credentials: { projectId, token }, source: "request" } : null;
  }
  const defaultProject = nonEmpty(env.MODELARTS_PROJECT_ID);
  const defaultToken = nonEmpty(env.MODELARTS_TOKEN);
  return defaultProject !== null && defaultToken !== null
    ? { credentials: { projectId: defaultProject, token: defaultToken }, source: "environment" }
    : null;
}

/**
 * The credentials of an HTTP request: both headers when the request has either (null if it has only one), else the
 * environment's when both are set and non-empty, else null. Never throws.
 */
export function modelArtsCredentialsFromHeaders(headers: Headers, env: GatewayVars): CredentialsFound<ModelArtsCredentials> | null {
  return pickCredentials(nonEmpty(headers.get(PROJECT_ID_HEADER)), nonEmpty(headers.get(TOKEN_HEADER)), env);
}

/**
 * The credentials of a graphql-ws `connection_init` payload, under the header names (matched case-insensitively),
 * with the same fallback rules as {@link modelArtsCredentialsFromHeaders}. Never throws.
 */
export function modelArtsCredentialsFromPayload(
  payload: Readonly<Record<string, unknown>>,
  env: GatewayVars,
): CredentialsFound<ModelArtsCredentials> | null {
  let projectId: string | null = null;
  let token: string | null = null;
  for (const [name, value] of Object.entries(payload)) {
    const lower = name.toLowerCase();
    if (lower === PROJECT_ID_HEADER) projectId = nonEmpty(value);
    if (lower === TOKEN_HEADER) token = nonEmpty(value);
  }
  return pickCredentials(projectId, token, env);
}
