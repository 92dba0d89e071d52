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

/**
 * Serve the request, or refuse it with a code and a client-facing message (never a token, hash or key). An allowed
 * request says which backends' server-held credentials it may use: `"all"` (the gateway's own authentication is off,
 * or holds nothing), or the names of the backends whose held project the verified caller is granted (none for a
 * caller who brings credentials of their own), and that verified caller (`principal`) when there is one.
 */
export type AccessDecision =
  | { outcome: "allow"; serverHeld: "all" | readonly string[]; principal?: Principal }
  | { outcome: "refuse"; code: AccessRefusalCode; message: string };

/** What came of checking the caller's `Authorization` bearer. */
export type PrincipalCheck =
  /** No bearer was presented (or it was not needed, so it was not checked). */
  | { kind: "absent" }
  | { kind: "verified"; principal: Principal }
  | { kind: "refused"; code: "UNAUTHENTICATED" | "UPSTREAM_UNAVAILABLE"; message: string };

/** A project the gateway holds credentials for, in its environment. */
export interface HeldProject extends BackendProject {
  /** The settings that hold them (`NEXUS_PROJECT_ID/NEXUS_SECRET_KEY`), for messages. */
  settings: string;
  /** The headers a caller would send to bring their own instead, for messages. */
  headers: readonly string[];
}

/** The facts a decision is made from. */
export interface AccessInput {
  /** The request names upstream credentials of its own, for any backend (a half pair is refused later, by the context). */
  ownCredentials: boolean;
  /** Every backend's project whose credentials the environment holds, in registry order; empty when none. */
  serverProjects: readonly HeldProject[];
  /** The authentication settings, or the problem that makes them unusable. */
  settings: AuthSettings | SettingsProblem;
  principal: PrincipalCheck;
}

function allow(serverHeld: "all" | readonly string[], principal?: Principal): AccessDecision {
  return principal === undefined ? { outcome: "allow", serverHeld } : { outcome: "allow", serverHeld, principal };
}

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
  return !input.ownCredentials && input.serverProjects.length > 0 && !settings.off && hasGatewayAuth(settings);
}

/**
 * Decides a request, in this order: unusable settings refuse everything (`GATEWAY_MISCONFIGURED`, naming the
 * setting); no server-held credentials, or `GATEWAY_AUTH=off`, allow everything; server-held credentials without
 * any gateway auth refuse everything (`GATEWAY_MISCONFIGURED`, naming the settings that hold them); callers with
 * their own upstream credentials are allowed (the upstream checks them) but use none of the held ones; for the rest,
 * a missing or refused bearer is `UNAUTHENTICATED` (or `UPSTREAM_UNAVAILABLE` when the JWKS cannot be reached); a
 * principal is allowed the held projects it is granted, and refused (`FORBIDDEN`) when it is granted none of them.
 * Pure; never throws.
 */
export function decideAccess(input: AccessInput): AccessDecision {
  const { settings, serverProjects, principal } = input;
  if (isSettingsProblem(settings)) return refuse("GATEWAY_MISCONFIGURED", settings.message);
  if (serverProjects.length === 0 || settings.off) return allow("all");
  // Held keys with nobody asked who they are: refuse to serve at all, even callers with keys of their own, so the
  // mistake shows on the first request instead of once someone finds the open gateway.
  if (!hasGatewayAuth(settings)) {
    const held = serverProjects.map((project) => project.settings).join(", ");
    return refuse(
      "GATEWAY_MISCONFIGURED",
      // The missing settings come first: a WebSocket close reason (123 bytes) keeps only the start.
      `Set GATEWAY_TOKENS or AUTH_JWKS_URL: the gateway holds upstream credentials (${held}) ` +
        "but no gateway authentication is configured (GATEWAY_AUTH=off is for local development only).",
    );
  }
  // Their own credentials are checked by the upstream; the held ones stay for callers who proved who they are.
  if (input.ownCredentials) return allow([]);
  switch (principal.kind) {
    case "absent": {
      const own = serverProjects.map((project) => project.headers.join(" and ")).join(", or ");
      return refuse("UNAUTHENTICATED", `No credentials: send Authorization: Bearer <token>, or your own ${own}.`);
    }
    case "refused":
      return refuse(principal.code, principal.message);
    case "verified": {
      const granted = serverProjects.filter((project) => principalAllows(principal.principal, project));
      if (granted.length > 0)
        return allow(
          granted.map((project) => project.backend),
          principal.principal,
        );
      const projects = serverProjects.map((project) => `${project.backend} project ${project.project}`).join(" or ");
      return refuse("FORBIDDEN", `"${principal.principal.name}" may not use ${projects}.`);
    }
  }
}
