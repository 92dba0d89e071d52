/**
 * Reading and checking the gateway's authentication settings (`GATEWAY_AUTH`, `GATEWAY_TOKENS` with each entry's
 * projects and optional `"scopes"`, `AUTH_JWKS_URL`, `AUTH_JWT_ISSUER`, `AUTH_JWT_AUDIENCE`,
 * `AUTH_JWT_PROJECTS_CLAIM`). Pure code: a bad value is not a crash but a {@link SettingsProblem} naming the setting,
 * which the gateway answers every GraphQL request with.
 */
import { perEnv } from "../per-env";
import { BACKEND_NAMES, grantsFromJson, type Principal } from "./principal";

/** A backend name for the examples in messages (the registry's first). */
const EXAMPLE_BACKEND = BACKEND_NAMES[0] ?? "backend";
import { scopesFromJson } from "./scopes";

/** The environment fields this module reads (a subset of the Worker's `env`). */
export interface AuthEnv {
  GATEWAY_AUTH?: string | undefined;
  GATEWAY_TOKENS?: string | undefined;
  AUTH_JWKS_URL?: string | undefined;
  AUTH_JWT_ISSUER?: string | undefined;
  AUTH_JWT_AUDIENCE?: string | undefined;
  AUTH_JWT_PROJECTS_CLAIM?: string | undefined;
}

/** The JWT claim that names a caller's projects when `AUTH_JWT_PROJECTS_CLAIM` is unset. */
export const DEFAULT_PROJECTS_CLAIM = "projects";

/** How JWTs are verified. */
export interface JwtSettings {
  jwksUrl: URL;
  issuer: string;
  /** One or more accepted audiences (`AUTH_JWT_AUDIENCE`, comma-separated). */
  audience: string[];
  projectsClaim: string;
}

/** One configured bearer token: the SHA-256 of the token, and who holding it makes you. */
export interface TokenEntry {
  sha256: Uint8Array;
  principal: Principal;
}

/** The gateway's authentication, as configured. */
export interface AuthSettings {
  /** `GATEWAY_AUTH=off`: the explicit opt-out for local development; callers are never asked who they are. */
  off: boolean;
  /** From `GATEWAY_TOKENS`; empty when unset. */
  tokens: TokenEntry[];
  /** From `AUTH_JWKS_URL` and friends; null when unset. */
  jwt: JwtSettings | null;
}

/** A setting that cannot be used: which one, and a message saying what was wrong. */
export interface SettingsProblem {
  setting: string;
  message: string;
}

function trimmed(raw: string | undefined): string {
  return (raw ?? "").trim();
}

function problem(setting: string, detail: string): SettingsProblem {
  return { setting, message: `The gateway's ${setting} setting is invalid: ${detail}.` };
}

/** True for a problem rather than settings (the two shapes share no field). */
export function isSettingsProblem<T extends object>(value: T | SettingsProblem): value is SettingsProblem {
  return "setting" in value && "message" in value;
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let index = 0; index < bytes.length; index += 1) {
    bytes[index] = Number.parseInt(hex.slice(index * 2, index * 2 + 2), 16);
  }
  return bytes;
}

function tokensFromSetting(raw: string): TokenEntry[] | SettingsProblem {
  if (raw === "") return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return problem(
      "GATEWAY_TOKENS",
      `not JSON (expected {"<sha256 hex of a token>": {"name": "…", "${EXAMPLE_BACKEND}": ["…"]}})`,
    );
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return problem("GATEWAY_TOKENS", "expected a JSON object keyed by the sha256 hex of each token");
  }
  const entries: TokenEntry[] = [];
  for (const [hash, grant] of Object.entries(parsed)) {
    // The key is a hash, not a token, so naming it in the message gives nothing away.
    if (!/^[0-9a-fA-F]{64}$/.test(hash)) {
      return problem("GATEWAY_TOKENS", `key "${hash.slice(0, 70)}" is not the 64-digit sha256 hex of a token`);
    }
    if (typeof grant !== "object" || grant === null || Array.isArray(grant)) {
      return problem(
        "GATEWAY_TOKENS",
        `the entry for ${hash} must be an object such as {"name": "…", "${EXAMPLE_BACKEND}": ["…"]}`,
      );
    }
    const name: unknown = (grant as Record<string, unknown>)["name"];
    if (typeof name !== "string" || name.trim() === "") {
      return problem("GATEWAY_TOKENS", `the entry for ${hash} needs a "name"`);
    }
    const grants = grantsFromJson(grant, ["name", "scopes"]);
    if (typeof grants === "string") return problem("GATEWAY_TOKENS", `the entry "${name}": ${grants}`);
    // No "scopes": read and write, as every token had before scopes existed.
    const scopes = scopesFromJson((grant as Record<string, unknown>)["scopes"]);
    if (typeof scopes === "string") return problem("GATEWAY_TOKENS", `the entry "${name}": ${scopes}`);
    entries.push({ sha256: hexToBytes(hash.toLowerCase()), principal: { name: name.trim(), grants, scopes } });
  }
  return entries;
}

/** True for a host a developer's own machine answers on, where plain http cannot be intercepted on the way. */
function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function jwtFromSettings(env: AuthEnv): JwtSettings | null | SettingsProblem {
  const rawUrl = trimmed(env.AUTH_JWKS_URL);
  if (rawUrl === "") return null;
  let jwksUrl: URL;
  try {
    jwksUrl = new URL(rawUrl);
  } catch {
    return problem("AUTH_JWKS_URL", "not a URL");
  }
  if (jwksUrl.protocol !== "https:" && !(jwksUrl.protocol === "http:" && isLoopbackHost(jwksUrl.hostname))) {
    return problem("AUTH_JWKS_URL", "it must be an https URL (plain http only on a loopback address)");
  }
  // Without an issuer and an audience, any token the key set ever signed (for any app) would be accepted.
  const issuer = trimmed(env.AUTH_JWT_ISSUER);
  if (issuer === "")
    return {
      setting: "AUTH_JWT_ISSUER",
      message: "The gateway's AUTH_JWT_ISSUER setting is missing: AUTH_JWKS_URL needs the issuer its JWTs must name.",
    };
  const audience = trimmed(env.AUTH_JWT_AUDIENCE)
    .split(",")
    .map((value) => value.trim())
    .filter((value) => value !== "");
  if (audience.length === 0)
    return {
      setting: "AUTH_JWT_AUDIENCE",
      message:
        "The gateway's AUTH_JWT_AUDIENCE setting is missing: AUTH_JWKS_URL needs the audience its JWTs must name.",
    };
  const projectsClaim = trimmed(env.AUTH_JWT_PROJECTS_CLAIM) || DEFAULT_PROJECTS_CLAIM;
  return { jwksUrl, issuer, audience, projectsClaim };
}

/**
 * Reads the authentication settings. Unset settings give no tokens and no JWT verification; `GATEWAY_AUTH` must be
 * unset, `on` or `off`. Returns a {@link SettingsProblem} for the first unusable setting (unparseable
 * `GATEWAY_TOKENS`, a JWKS URL that is not https outside loopback, a JWKS URL without issuer or audience, …).
 * Read once per isolate (`per-env.ts`): every request used to parse `GATEWAY_TOKENS` again. Never throws.
 */
export const authSettingsFromEnv: (env: AuthEnv) => AuthSettings | SettingsProblem = perEnv(readAuthSettings);

function readAuthSettings(env: AuthEnv): AuthSettings | SettingsProblem {
  const mode = trimmed(env.GATEWAY_AUTH).toLowerCase();
  if (mode !== "" && mode !== "on" && mode !== "off")
    return problem("GATEWAY_AUTH", `expected "on" or "off", got "${mode.slice(0, 20)}"`);
  const tokens = tokensFromSetting(trimmed(env.GATEWAY_TOKENS));
  if (isSettingsProblem(tokens)) return tokens;
  const jwt = jwtFromSettings(env);
  if (jwt !== null && isSettingsProblem(jwt)) return jwt;
  return { off: mode === "off", tokens, jwt };
}

/** True when at least one way for callers to prove who they are is configured. */
export function hasGatewayAuth(settings: AuthSettings): boolean {
  return settings.tokens.length > 0 || settings.jwt !== null;
}
