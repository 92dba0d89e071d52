/**
 * The gateway's own authentication as plain code: the settings it reads, token hashing and comparison, and the one
 * decision over which credentials a request would use. How a request's headers and `connection_init` payload are
 * read (which needs the Worker's context module) is tested at the front door, in test/gateway/security-auth.test.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { authSettingsFromEnv, type AuthEnv, type AuthSettings } from "../../src/auth/auth-settings";
import { principalFromToken, sha256Hex, timingSafeEqual } from "../../src/auth/bearer-token";
import { closeReason } from "../../src/auth/close-reason";
import { decideAccess, principalNeeded, type AccessInput } from "../../src/auth/decide-access";
import { looksLikeJwt } from "../../src/auth/jwt-verifier";
import { grantsFromJson, principalAllows, type Principal } from "../../src/auth/principal";
import { ALL_SCOPES } from "../../src/auth/scopes";

const DEMO_HASH = "a".repeat(64);

function settings(env: AuthEnv): AuthSettings {
  const parsed = authSettingsFromEnv(env);
  if ("setting" in parsed) throw new Error(parsed.message);
  return parsed;
}

const withTokens = settings({
  GATEWAY_TOKENS: JSON.stringify({ [DEMO_HASH]: { name: "dashboard", nexus: ["proj_demo"] } }),
});
const noAuth = settings({});
const off = settings({ GATEWAY_AUTH: "off" });
const dashboard: Principal = { name: "dashboard", grants: { nexus: ["proj_demo"] }, scopes: ALL_SCOPES };
const held = {
  backend: "nexus",
  project: "proj_demo",
  settings: "NEXUS_PROJECT_ID/NEXUS_SECRET_KEY",
  headers: ["x-nexus-project-id", "x-nexus-secret-key"],
} as const;
const heldGraviti = {
  backend: "graviti",
  project: "graviti-demo",
  settings: "GRAVITI_ACCESS_KEY",
  headers: ["x-graviti-access-key"],
} as const;

function decide(input: Partial<AccessInput>): ReturnType<typeof decideAccess> {
  return decideAccess({
    ownCredentials: false,
    serverProjects: [held],
    settings: withTokens,
    principal: { kind: "absent" },
    ...input,
  });
}

describe("decideAccess", () => {
  it("lets callers with their own upstream credentials through without gateway auth, but not to the held ones", () => {
    expect(decide({ ownCredentials: true })).toEqual({ outcome: "allow", serverHeld: [] });
    expect(decide({ ownCredentials: true, principal: { kind: "verified", principal: dashboard } })).toEqual({
      outcome: "allow",
      serverHeld: [],
    });
  });

  it("allows everything when the gateway holds no credentials, or auth is explicitly off", () => {
    expect(decide({ serverProjects: [], settings: noAuth })).toEqual({ outcome: "allow", serverHeld: "all" });
    expect(decide({ settings: off })).toEqual({ outcome: "allow", serverHeld: "all" });
    expect(decide({ settings: off, ownCredentials: true })).toEqual({ outcome: "allow", serverHeld: "all" });
  });

  it("refuses to serve anyone when it holds credentials and no gateway auth is configured, naming the settings", () => {
    const expected = {
      outcome: "refuse",
      code: "GATEWAY_MISCONFIGURED",
      message:
        "Set GATEWAY_TOKENS or AUTH_JWKS_URL: the gateway holds upstream credentials (NEXUS_PROJECT_ID/NEXUS_SECRET_KEY) " +
        "but no gateway authentication is configured (GATEWAY_AUTH=off is for local development only).",
    };
    expect(decide({ settings: noAuth })).toEqual(expected);
    expect(decide({ settings: noAuth, ownCredentials: true })).toEqual(expected);
  });

  it("refuses everything while a setting is unusable, whoever asks", () => {
    const problem = { setting: "GATEWAY_TOKENS", message: "bad" };
    expect(decide({ settings: problem, ownCredentials: true })).toEqual({
      outcome: "refuse",
      code: "GATEWAY_MISCONFIGURED",
      message: "bad",
    });
    expect(decide({ settings: problem, serverProjects: [] })).toEqual({
      outcome: "refuse",
      code: "GATEWAY_MISCONFIGURED",
      message: "bad",
    });
  });

  it("asks a caller who would use the held credentials who they are", () => {
    expect(decide({})).toEqual({
      outcome: "refuse",
      code: "UNAUTHENTICATED",
      message:
        "No credentials: send Authorization: Bearer <token>, or your own x-nexus-project-id and x-nexus-secret-key.",
    });
    expect(decide({ principal: { kind: "refused", code: "UNAUTHENTICATED", message: "expired" } })).toEqual({
      outcome: "refuse",
      code: "UNAUTHENTICATED",
      message: "expired",
    });
  });

  it("serves a principal granted the held project and refuses one that is not", () => {
    // The allow carries the principal: the rules per caller (scopes, rate limits) read it from there.
    expect(decide({ principal: { kind: "verified", principal: dashboard } })).toEqual({
      outcome: "allow",
      serverHeld: ["nexus"],
      principal: dashboard,
    });
    const other: Principal = { name: "other", grants: { nexus: ["proj_other"], graviti: ["*"] }, scopes: ALL_SCOPES };
    expect(decide({ principal: { kind: "verified", principal: other } })).toEqual({
      outcome: "refuse",
      code: "FORBIDDEN",
      message: '"other" may not use nexus project proj_demo.',
    });
    const any: Principal = { name: "ops", grants: { nexus: ["*"] }, scopes: ALL_SCOPES };
    expect(decide({ principal: { kind: "verified", principal: any } })).toEqual({
      outcome: "allow",
      serverHeld: ["nexus"],
      principal: any,
    });
  });

  it("with several held backends, allows a principal the ones it is granted and names them all otherwise", () => {
    const both = { serverProjects: [held, heldGraviti] };
    expect(decide({ ...both, principal: { kind: "verified", principal: dashboard } })).toEqual({
      outcome: "allow",
      serverHeld: ["nexus"],
      principal: dashboard,
    });
    const everything: Principal = {
      name: "ops",
      grants: { nexus: ["*"], graviti: ["graviti-demo"] },
      scopes: ALL_SCOPES,
    };
    expect(decide({ ...both, principal: { kind: "verified", principal: everything } })).toEqual({
      outcome: "allow",
      serverHeld: ["nexus", "graviti"],
      principal: everything,
    });
    const nobody: Principal = { name: "other", grants: { nexus: ["proj_other"] }, scopes: ALL_SCOPES };
    expect(decide({ ...both, principal: { kind: "verified", principal: nobody } })).toEqual({
      outcome: "refuse",
      code: "FORBIDDEN",
      message: '"other" may not use nexus project proj_demo or graviti project graviti-demo.',
    });
    expect(decide(both)).toEqual({
      outcome: "refuse",
      code: "UNAUTHENTICATED",
      message:
        "No credentials: send Authorization: Bearer <token>, or your own x-nexus-project-id and x-nexus-secret-key, " +
        "or x-graviti-access-key.",
    });
    expect(decide({ ...both, settings: noAuth })).toMatchObject({
      code: "GATEWAY_MISCONFIGURED",
      message: expect.stringContaining("(NEXUS_PROJECT_ID/NEXUS_SECRET_KEY, GRAVITI_ACCESS_KEY)"),
    });
  });

  it("needs the principal exactly when the decision depends on it", () => {
    expect(principalNeeded({ ownCredentials: false, serverProjects: [held], settings: withTokens })).toBe(true);
    expect(principalNeeded({ ownCredentials: true, serverProjects: [held], settings: withTokens })).toBe(false);
    expect(principalNeeded({ ownCredentials: false, serverProjects: [], settings: withTokens })).toBe(false);
    expect(principalNeeded({ ownCredentials: false, serverProjects: [held], settings: off })).toBe(false);
    expect(principalNeeded({ ownCredentials: false, serverProjects: [held], settings: noAuth })).toBe(false);
  });

  it("never allows a caller without own credentials past held keys unless a verified principal is granted them", () => {
    const principal = fc.oneof(
      fc.constant({ kind: "absent" as const }),
      fc.constant({ kind: "refused" as const, code: "UNAUTHENTICATED" as const, message: "no" }),
      fc.record({
        kind: fc.constant("verified" as const),
        principal: fc.record({
          name: fc.string(),
          grants: fc.record({ nexus: fc.array(fc.constantFrom("proj_demo", "proj_other", "*")) }, { requiredKeys: [] }),
          scopes: fc.constant(ALL_SCOPES),
        }),
      }),
    );
    fc.assert(
      fc.property(principal, (check) => {
        const decision = decide({ principal: check });
        const granted = check.kind === "verified" && principalAllows(check.principal, held);
        expect(decision.outcome === "allow").toBe(granted);
      }),
    );
  });
});

describe("authSettingsFromEnv", () => {
  const problemOf = (env: AuthEnv): unknown => authSettingsFromEnv(env);

  it("reads tokens, with hashes in either case, and JWT settings with the default projects claim", () => {
    const parsed = settings({
      GATEWAY_TOKENS: JSON.stringify({ [DEMO_HASH.toUpperCase()]: { name: "dashboard", nexus: ["proj_demo"] } }),
      AUTH_JWKS_URL: "https://idp.example.com/.well-known/jwks.json",
      AUTH_JWT_ISSUER: "https://idp.example.com/",
      AUTH_JWT_AUDIENCE: "gateway, gateway-staging",
    });
    expect(parsed.off).toBe(false);
    expect(parsed.tokens.map((entry) => entry.principal)).toEqual([dashboard]);
    expect(parsed.jwt).toEqual({
      jwksUrl: new URL("https://idp.example.com/.well-known/jwks.json"),
      issuer: "https://idp.example.com/",
      audience: ["gateway", "gateway-staging"],
      projectsClaim: "projects",
    });
  });

  it("names the setting and what was wrong for every unusable value", () => {
    expect(problemOf({ GATEWAY_TOKENS: "{not json" })).toEqual({
      setting: "GATEWAY_TOKENS",
      message: `The gateway's GATEWAY_TOKENS setting is invalid: not JSON (expected {"<sha256 hex of a token>": {"name": "…", "nexus": ["…"]}}).`,
    });
    expect(problemOf({ GATEWAY_TOKENS: JSON.stringify({ "secret-token": { name: "x", nexus: ["p"] } }) })).toEqual({
      setting: "GATEWAY_TOKENS",
      message: `The gateway's GATEWAY_TOKENS setting is invalid: key "secret-token" is not the 64-digit sha256 hex of a token.`,
    });
    expect(problemOf({ GATEWAY_TOKENS: JSON.stringify({ [DEMO_HASH]: { name: "x", nexsu: ["p"] } }) })).toEqual({
      setting: "GATEWAY_TOKENS",
      message: `The gateway's GATEWAY_TOKENS setting is invalid: the entry "x": unknown backend "nexsu" (expected one of nexus, graviti, modelarts).`,
    });
    expect(problemOf({ GATEWAY_TOKENS: JSON.stringify({ [DEMO_HASH]: { nexus: ["p"] } }) })).toEqual({
      setting: "GATEWAY_TOKENS",
      message: `The gateway's GATEWAY_TOKENS setting is invalid: the entry for ${DEMO_HASH} needs a "name".`,
    });
    expect(
      problemOf({ AUTH_JWKS_URL: "http://idp.example.com/jwks.json", AUTH_JWT_ISSUER: "i", AUTH_JWT_AUDIENCE: "a" }),
    ).toEqual({
      setting: "AUTH_JWKS_URL",
      message:
        "The gateway's AUTH_JWKS_URL setting is invalid: it must be an https URL (plain http only on a loopback address).",
    });
    expect(problemOf({ AUTH_JWKS_URL: "https://idp.example.com/jwks.json", AUTH_JWT_AUDIENCE: "a" })).toEqual({
      setting: "AUTH_JWT_ISSUER",
      message: "The gateway's AUTH_JWT_ISSUER setting is missing: AUTH_JWKS_URL needs the issuer its JWTs must name.",
    });
    expect(problemOf({ AUTH_JWKS_URL: "https://idp.example.com/jwks.json", AUTH_JWT_ISSUER: "i" })).toEqual({
      setting: "AUTH_JWT_AUDIENCE",
      message:
        "The gateway's AUTH_JWT_AUDIENCE setting is missing: AUTH_JWKS_URL needs the audience its JWTs must name.",
    });
    expect(problemOf({ GATEWAY_AUTH: "disabled" })).toEqual({
      setting: "GATEWAY_AUTH",
      message: `The gateway's GATEWAY_AUTH setting is invalid: expected "on" or "off", got "disabled".`,
    });
  });

  it("accepts plain http for a JWKS on a loopback address (tests, local identity providers)", () => {
    expect(
      settings({ AUTH_JWKS_URL: "http://127.0.0.1:9999/jwks", AUTH_JWT_ISSUER: "i", AUTH_JWT_AUDIENCE: "a" }).jwt
        ?.jwksUrl.href,
    ).toBe("http://127.0.0.1:9999/jwks");
  });
});

describe("grants", () => {
  it("reads the object form and the backend:project list form alike", () => {
    expect(grantsFromJson({ nexus: ["proj_demo"], graviti: ["*"] })).toEqual({ nexus: ["proj_demo"], graviti: ["*"] });
    expect(grantsFromJson(["nexus:proj_demo", "nexus:proj_other", "modelarts:*"])).toEqual({
      nexus: ["proj_demo", "proj_other"],
      modelarts: ["*"],
    });
    expect(grantsFromJson(["proj_demo"])).toBe('expected "backend:project" entries, got "proj_demo"');
    expect(grantsFromJson("proj_demo")).toBe(
      'expected an object such as {"nexus": ["proj_demo"]} or a list such as ["nexus:proj_demo"]',
    );
  });

  it("keeps backends apart: a grant for a Graviti workspace is not one for a Nexus project of the same name", () => {
    expect(principalAllows({ name: "g", grants: { graviti: ["proj_demo"] }, scopes: ALL_SCOPES }, held)).toBe(false);
    expect(principalAllows({ name: "g", grants: { graviti: ["*"] }, scopes: ALL_SCOPES }, held)).toBe(false);
  });
});

describe("bearer tokens", () => {
  it("hashes tokens to the sha256 hex GATEWAY_TOKENS is keyed by", async () => {
    // sha256("abc"), the FIPS 180-2 test vector.
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("finds the principal of a known token and nothing for any other", async () => {
    const parsed = settings({
      GATEWAY_TOKENS: JSON.stringify({
        [await sha256Hex("token-one")]: { name: "one", nexus: ["proj_demo"] },
        [await sha256Hex("token-two")]: { name: "two", nexus: ["proj_other"] },
      }),
    });
    expect((await principalFromToken("token-two", parsed.tokens))?.name).toBe("two");
    expect(await principalFromToken("token-three", parsed.tokens)).toBeNull();
    expect(await principalFromToken("", parsed.tokens)).toBeNull();
  });

  it("compares bytes exactly", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (a, b) => {
          expect(timingSafeEqual(a, b)).toBe(Buffer.from(a).equals(Buffer.from(b)));
          expect(timingSafeEqual(a, Uint8Array.from(a))).toBe(true);
        },
      ),
    );
    expect(timingSafeEqual(new Uint8Array(32), new Uint8Array(31))).toBe(false);
  });

  it("tells JWTs from opaque tokens by shape", () => {
    expect(looksLikeJwt("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")).toBe(true);
    expect(looksLikeJwt("2f1c6c1f0a6a4f0e9d0f5a3c")).toBe(false);
  });
});

describe("graphql-ws refusals", () => {
  it("cuts a close reason to the 123 bytes a close frame can carry", () => {
    const reason = closeReason(`FORBIDDEN: ${"é".repeat(200)}`);
    expect(new TextEncoder().encode(reason).length).toBeLessThanOrEqual(123);
    expect(reason.endsWith("…")).toBe(true);
    expect(closeReason("short")).toBe("short");
  });
});
