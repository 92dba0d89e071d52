/**
 * The single call every transport makes before serving GraphQL: Yoga's plugin for HTTP and SSE, the graphql-ws
 * connection object for `connection_init`. It gathers the facts (which credentials the request would use, the
 * settings, the verified bearer when it matters) and lets {@link decideAccess} decide.
 */
import { BACKENDS, CREDENTIAL_HEADERS } from "../backends/registry";
import type { GatewayVars } from "../vars";
import { authSettingsFromEnv, isSettingsProblem, type AuthSettings } from "./auth-settings";
import { principalFromToken } from "./bearer-token";
import {
  decideAccess,
  principalNeeded,
  type AccessDecision,
  type HeldProject,
  type PrincipalCheck,
} from "./decide-access";
import { looksLikeJwt, principalFromJwt } from "./jwt-verifier";
import { perEnv } from "../per-env";

/** The header (and `connection_init` payload key) that carries the gateway bearer. */
export const AUTHORIZATION_KEY = "authorization";

/** What a request carries that matters to authentication. */
export interface CallerCredentials {
  /** It names credentials of its own for some backend (any of their headers, even half a pair). */
  ownCredentials: boolean;
  /** The raw `Authorization` value (`Bearer …`), or null. */
  authorization: string | null;
}

/** The environment fields authentication reads: the auth settings, and every backend's server-held credentials. */
export type AuthorizeEnv = GatewayVars;

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** The credentials an HTTP (or SSE) request carries. */
export function callerFromHeaders(headers: Headers): CallerCredentials {
  return {
    ownCredentials: CREDENTIAL_HEADERS.some((name) => nonEmpty(headers.get(name)) !== null),
    authorization: nonEmpty(headers.get(AUTHORIZATION_KEY)),
  };
}

/** The credentials a graphql-ws `connection_init` payload carries, under the header names (any case). */
export function callerFromPayload(payload: Record<string, unknown> | null | undefined): CallerCredentials {
  const caller: CallerCredentials = { ownCredentials: false, authorization: null };
  for (const [name, value] of Object.entries(payload ?? {})) {
    const lower = name.toLowerCase();
    if (CREDENTIAL_HEADERS.includes(lower) && nonEmpty(value) !== null) caller.ownCredentials = true;
    if (lower === AUTHORIZATION_KEY) caller.authorization = nonEmpty(value);
  }
  return caller;
}

const NO_HEADERS = new Headers();

/**
 * The projects the environment's credentials act on, one per backend that holds a complete set (exactly as the
 * context would use them), in registry order. Every registered backend is here, grantable or not, so a held key is
 * never left out of the decision (a backend missing from it would be served to anyone). Read once per isolate
 * (`per-env.ts`): it depends on `env` alone.
 */
export const serverProjectsFromEnv: (env: AuthorizeEnv) => readonly HeldProject[] = perEnv((env: AuthorizeEnv) =>
  BACKENDS.flatMap((backend): HeldProject[] => {
    const found = backend.credentialsFromHeaders(NO_HEADERS, env);
    if (found?.source !== "environment") return [];
    return [
      {
        backend: backend.name,
        project: backend.tenantOf(found.credentials),
        settings: backend.credentialSettings.join("/"),
        headers: backend.credentialHeaders,
      },
    ];
  }),
);

/** The bearer token of an `Authorization` value: `Bearer <token>` (the scheme in any case), or null for another shape. */
export function bearerOf(authorization: string): string | null {
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
 * and returns {@link decideAccess}'s answer. Synchronous when no bearer needs verifying (gateway auth off, a caller
 * with keys of its own, no server-held credentials): a promise there would make every hook after it asynchronous.
 * Never throws, and the promise never rejects (a JWKS that cannot be reached is a refusal).
 */
export function authorize(caller: CallerCredentials, env: AuthorizeEnv): AccessDecision | Promise<AccessDecision> {
  const settings = authSettingsFromEnv(env);
  const facts = {
    ownCredentials: caller.ownCredentials,
    serverProjects: serverProjectsFromEnv(env),
    settings,
  };
  if (isSettingsProblem(settings) || !principalNeeded(facts)) {
    return decideAccess({ ...facts, principal: { kind: "absent" } });
  }
  return checkBearer(caller.authorization, settings).then((principal) => decideAccess({ ...facts, principal }));
}
