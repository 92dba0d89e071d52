/**
 * JWTs signed by an identity provider: verified with jose against the provider's JWKS (fetched and cached once per
 * isolate and URL by `createRemoteJWKSet`), for signature, issuer, audience and expiry. The projects a caller may
 * use come from one claim (`AUTH_JWT_PROJECTS_CLAIM`, default `projects`), read like a token's grants; what they may
 * do there from the OAuth `scope` claim (`"read"`, `"read write"`; absent: both).
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import type { JwtSettings } from "./auth-settings";
import { grantsFromJson, type Principal } from "./principal";
import { scopesFromClaim } from "./scopes";

/** The JWT claim that holds a caller's scopes: OAuth's, a space-separated string (RFC 8693 §4.2, RFC 9068). */
export const SCOPE_CLAIM = "scope";

/** Why a JWT was refused: a client-facing sentence and the code it goes with. */
export interface JwtRefusal {
  code: "UNAUTHENTICATED" | "UPSTREAM_UNAVAILABLE";
  message: string;
}

// One key set per JWKS URL and isolate: jose caches the keys inside it and refetches on an unknown `kid`.
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function keySetFor(url: URL): ReturnType<typeof createRemoteJWKSet> {
  let keySet = keySets.get(url.href);
  if (keySet === undefined) {
    // jose's own default, spelled out: a JWKS that takes longer gives UPSTREAM_UNAVAILABLE, not a hung request.
    keySet = createRemoteJWKSet(url, { timeoutDuration: 5000 });
    keySets.set(url.href, keySet);
  }
  return keySet;
}

/** True when a bearer value has the shape of a compact JWS (three base64url parts), so it is tried as a JWT. */
export function looksLikeJwt(value: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(value);
}

function errorCode(error: unknown): string {
  if (typeof error === "object" && error !== null && "code" in error && typeof error.code === "string")
    return error.code;
  return "";
}

function claimOf(error: unknown): string {
  if (typeof error === "object" && error !== null && "claim" in error && typeof error.claim === "string")
    return error.claim;
  return "";
}

/** The client-facing reason for a jose failure. Never includes the token. */
export function refusalFromJoseError(error: unknown, settings: JwtSettings): JwtRefusal {
  const refused = (message: string): JwtRefusal => ({
    code: "UNAUTHENTICATED",
    message: `The JWT was refused: ${message}.`,
  });
  switch (errorCode(error)) {
    case "ERR_JWT_EXPIRED":
      return refused("it has expired");
    case "ERR_JWT_CLAIM_VALIDATION_FAILED": {
      const claim = claimOf(error);
      if (claim === "iss") return refused(`wrong issuer (expected ${settings.issuer})`);
      if (claim === "aud") return refused(`wrong audience (expected ${settings.audience.join(" or ")})`);
      if (claim === "nbf") return refused("it is not valid yet");
      return refused(`its "${claim}" claim is missing or invalid`);
    }
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
      return refused("the signature does not verify");
    case "ERR_JWKS_NO_MATCHING_KEY":
      return refused("no key in the JWKS matches its header (kid, alg)");
    case "ERR_JWKS_MULTIPLE_MATCHING_KEYS":
      return refused("several keys in the JWKS match its header; it needs a kid");
    case "ERR_JOSE_ALG_NOT_ALLOWED":
    case "ERR_JOSE_NOT_SUPPORTED":
      return refused("its signing algorithm is not allowed");
    case "ERR_JWS_INVALID":
    case "ERR_JWT_INVALID":
      return refused("it is not a well-formed signed JWT");
    case "ERR_JWKS_TIMEOUT":
      return {
        code: "UPSTREAM_UNAVAILABLE",
        message: "The JWT could not be checked: the JWKS (AUTH_JWKS_URL) did not answer in time.",
      };
    default:
      // A JWKS that cannot be fetched or read is the gateway's trouble, not the caller's: retry later.
      return {
        code: "UPSTREAM_UNAVAILABLE",
        message: "The JWT could not be checked: the JWKS (AUTH_JWKS_URL) could not be fetched or read.",
      };
  }
}

/**
 * Verifies a compact JWT: signature against the JWKS, `iss`, `aud`, `exp` (required) and `nbf`. The principal is
 * named by `sub` and may use what the projects claim grants (an object `{"nexus": ["proj_demo"]}` or a list
 * `["nexus:proj_demo"]`; a missing claim grants nothing) with the scopes of its `scope` claim (`"read"` or
 * `"read write"`; a missing claim: both; names not ours, such as OIDC's `openid`, are ignored: `scopes.ts`), until
 * `exp` (`expiresAt`, in ms).
 * Never throws: failures are a {@link JwtRefusal}.
 */
export async function principalFromJwt(jwt: string, settings: JwtSettings): Promise<Principal | JwtRefusal> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(jwt, keySetFor(settings.jwksUrl), {
      issuer: settings.issuer,
      audience: settings.audience,
      requiredClaims: ["exp"],
    }));
  } catch (error) {
    return refusalFromJoseError(error, settings);
  }
  const claim = payload[settings.projectsClaim];
  const grants = claim === undefined ? {} : grantsFromJson(claim);
  if (typeof grants === "string") {
    return {
      code: "UNAUTHENTICATED",
      message: `The JWT was refused: its "${settings.projectsClaim}" claim is unusable: ${grants}.`,
    };
  }
  const scopes = scopesFromClaim(payload[SCOPE_CLAIM]);
  if (typeof scopes === "string") {
    return {
      code: "UNAUTHENTICATED",
      message: `The JWT was refused: its "${SCOPE_CLAIM}" claim is unusable: ${scopes}.`,
    };
  }
  const name = typeof payload.sub === "string" ? payload.sub : "jwt";
  // `exp` is a required claim, so jose has checked it is a number; seconds in the JWT, milliseconds here.
  return typeof payload.exp === "number"
    ? { name, grants, scopes, expiresAt: payload.exp * 1000 }
    : { name, grants, scopes };
}
