/**
 * The single call every transport makes before serving GraphQL: Yoga's plugin for HTTP and SSE, the graphql-ws
 * connection object for `connection_init`. It gathers the facts (which credentials the request would use, the
 * settings, the verified bearer when it matters) and lets {@link decideAccess} decide.
 */
import { PROJECT_ID_HEADER, SECRET_KEY_HEADER } from "../backends/nexus/credentials";
import { authSettingsFromEnv, isSettingsProblem, type AuthEnv, type AuthSettings } from "./auth-settings";
import { principalFromToken } from "./bearer-token";
import { decideAccess, principalNeeded, type AccessDecision, type PrincipalCheck } from "./decide-access";
import { looksLikeJwt, principalFromJwt } from "./jwt-verifier";
import type { BackendProject } from "./principal";

/** The header (and `connection_init` payload key) that carries the gateway bearer. */
export const AUTHORIZATION_KEY = "authorization";

/** What a request carries that matters to authentication. */
export interface CallerCredentials {
  projectId: string | null;
  secretKey: string | null;
  /** The raw `Authorization` value (`Bearer …`), or null. */
  authorization: string | null;
}

/** The environment fields authentication reads. */
export interface AuthorizeEnv extends AuthEnv {
  NEXUS_PROJECT_ID?: string | undefined;
  NEXUS_SECRET_KEY?: string | undefined;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** The credentials an HTTP (or SSE) request carries. */
export function callerFromHeaders(headers: Headers): CallerCredentials {
  return {
    projectId: nonEmpty(headers.get(PROJECT_ID_HEADER)),
    secretKey: nonEmpty(headers.get(SECRET_KEY_HEADER)),
    authorization: nonEmpty(headers.get(AUTHORIZATION_KEY)),
  };
}

/** The credentials a graphql-ws `connection_init` payload carries, under the header names (any case). */
export function callerFromPayload(payload: Record<string, unknown> | null | undefined): CallerCredentials {
  const caller: CallerCredentials = { projectId: null, secretKey: null, authorization: null };
  for (const [name, value] of Object.entries(payload ?? {})) {
    const lower = name.toLowerCase();
    if (lower === PROJECT_ID_HEADER) caller.projectId = nonEmpty(value);
    if (lower === SECRET_KEY_HEADER) caller.secretKey = nonEmpty(value);
    if (lower === AUTHORIZATION_KEY) caller.authorization = nonEmpty(value);
  }
  return caller;
}

/** The project the environment's credentials act on, when it holds a complete pair (as the context uses them). */
export function serverProjectFromEnv(env: AuthorizeEnv): BackendProject | null {
  const project = nonEmpty(env.NEXUS_PROJECT_ID);
  return project !== null && nonEmpty(env.NEXUS_SECRET_KEY) !== null ? { backend: "nexus", project } : null;
}

/** The bearer token of an `Authorization` value: `Bearer <token>` (the scheme in any case). */
function bearerOf(authorization: string): string | null {
  const match = /^bearer\s+(\S+)$/i.exec(authorization);
  return match?.[1] ?? null;
}

async function checkBearer(authorization: string | null, settings: AuthSettings): Promise<PrincipalCheck> {
  if (authorization === null) return { kind: "absent" };
  const bearer = bearerOf(authorization);
  if (bearer === null) {
    return { kind: "refused", code: "UNAUTHENTICATED", message: "The Authorization value must be Bearer <token>." };
  }
  if (settings.jwt !== null && looksLikeJwt(bearer)) {
    const result = await principalFromJwt(bearer, settings.jwt);
    return "grants" in result ? { kind: "verified", principal: result } : { kind: "refused", ...result };
  }
  const principal = await principalFromToken(bearer, settings.tokens);
  if (principal !== null) return { kind: "verified", principal };
  // The same answer whatever the token was: nothing tells a caller how close it came.
  return { kind: "refused", code: "UNAUTHENTICATED", message: "The bearer token is not known to this gateway." };
}

/**
 * Decides whether to serve a caller: reads the settings, verifies the bearer only when the decision depends on it,
 * and returns {@link decideAccess}'s answer. Never throws (a JWKS that cannot be reached is a refusal).
 */
export async function authorize(caller: CallerCredentials, env: AuthorizeEnv): Promise<AccessDecision> {
  const settings = authSettingsFromEnv(env);
  const facts = {
    ownCredentials: caller.projectId !== null || caller.secretKey !== null,
    serverProject: serverProjectFromEnv(env),
    settings,
  };
  const principal: PrincipalCheck =
    !isSettingsProblem(settings) && principalNeeded(facts)
      ? await checkBearer(caller.authorization, settings)
      : { kind: "absent" };
  return decideAccess({ ...facts, principal });
}
