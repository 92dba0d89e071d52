/**
 * The one rule of the gateway's own authentication, as a pure function. The rule is about which upstream
 * credentials a request would use: a caller who brings their own (headers, or the `connection_init` payload) is
 * checked by the upstream and needs no gateway auth; a caller who would fall back to the credentials the gateway
 * holds in its environment must prove who they are, and may only reach the projects they were granted.
 */
import { hasGatewayAuth, isSettingsProblem, type AuthSettings, type SettingsProblem } from "./auth-settings";
import { principalAllows, type BackendProject, type Principal } from "./principal";

/** The codes a refusal can carry in `extensions.code`. */
export type AccessRefusalCode = "UNAUTHENTICATED" | "FORBIDDEN" | "GATEWAY_MISCONFIGURED" | "UPSTREAM_UNAVAILABLE";

/** Serve the request, or refuse it with a code and a client-facing message (never a token, hash or key). */
export type AccessDecision = { outcome: "allow" } | { outcome: "refuse"; code: AccessRefusalCode; message: string };

/** What came of checking the caller's `Authorization` bearer. */
export type PrincipalCheck =
  /** No bearer was presented (or it was not needed, so it was not checked). */
  | { kind: "absent" }
  | { kind: "verified"; principal: Principal }
  | { kind: "refused"; code: "UNAUTHENTICATED" | "UPSTREAM_UNAVAILABLE"; message: string };

/** The facts a decision is made from. */
export interface AccessInput {
  /** The request names upstream credentials of its own (either one; a half pair is refused later, by the context). */
  ownCredentials: boolean;
  /** The server-held credentials' target, when the environment holds a complete pair; else null. */
  serverProject: BackendProject | null;
  /** The authentication settings, or the problem that makes them unusable. */
  settings: AuthSettings | SettingsProblem;
  principal: PrincipalCheck;
}

/** The settings that hold upstream credentials, for messages (Nexus today; one entry per backend later). */
const SERVER_CREDENTIAL_SETTINGS = "NEXUS_PROJECT_ID/NEXUS_SECRET_KEY";

const allow: AccessDecision = { outcome: "allow" };

function refuse(code: AccessRefusalCode, message: string): AccessDecision {
  return { outcome: "refuse", code, message };
}

/**
 * True when the decision depends on who the caller is, i.e. the bearer must be verified. False when the request is
 * refused or allowed whatever it carries, so a JWKS is never fetched for a request that does not need it.
 */
export function principalNeeded(input: Omit<AccessInput, "principal">): boolean {
  const { settings } = input;
  if (isSettingsProblem(settings)) return false;
  return !input.ownCredentials && input.serverProject !== null && !settings.off && hasGatewayAuth(settings);
}

/**
 * Decides a request, in this order: unusable settings refuse everything (`GATEWAY_MISCONFIGURED`, naming the
 * setting); no server-held credentials, or `GATEWAY_AUTH=off`, allow everything; server-held credentials without
 * any gateway auth refuse everything (`GATEWAY_MISCONFIGURED`, naming the missing settings); callers with their own
 * upstream credentials are allowed (the upstream checks them); for the rest, a missing or refused bearer is `UNAUTHENTICATED` (or `UPSTREAM_UNAVAILABLE` when the JWKS cannot be reached); a
 * principal without a grant for the server-held project is `FORBIDDEN`. Pure; never throws.
 */
export function decideAccess(input: AccessInput): AccessDecision {
  const { settings, serverProject, principal } = input;
  if (isSettingsProblem(settings)) return refuse("GATEWAY_MISCONFIGURED", settings.message);
  if (serverProject === null || settings.off) return allow;
  // Held keys with nobody asked who they are: refuse to serve at all, even callers with keys of their own, so the
  // mistake shows on the first request instead of once someone finds the open gateway.
  if (!hasGatewayAuth(settings)) {
    return refuse(
      "GATEWAY_MISCONFIGURED",
      // The missing settings come first: a WebSocket close reason (123 bytes) keeps only the start.
      `Set GATEWAY_TOKENS or AUTH_JWKS_URL: the gateway holds upstream credentials (${SERVER_CREDENTIAL_SETTINGS}) ` +
        "but no gateway authentication is configured (GATEWAY_AUTH=off is for local development only).",
    );
  }
  if (input.ownCredentials) return allow;
  switch (principal.kind) {
    case "absent":
      return refuse(
        "UNAUTHENTICATED",
        "No credentials: send Authorization: Bearer <token>, or your own x-nexus-project-id and x-nexus-secret-key.",
      );
    case "refused":
      return refuse(principal.code, principal.message);
    case "verified":
      if (principalAllows(principal.principal, serverProject)) return allow;
      return refuse(
        "FORBIDDEN",
        `"${principal.principal.name}" may not use ${serverProject.backend} project ${serverProject.project}.`,
      );
  }
}
