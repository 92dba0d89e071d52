/**
 * A grant's scopes as plain code: how a `GATEWAY_TOKENS` entry's `"scopes"` and a JWT's `scope` claim are read (no
 * scopes: both, as before scopes existed; an unknown name: refused in GATEWAY_TOKENS, ignored in a JWT's claim,
 * which also carries the identity provider's other scopes such as OIDC's `openid`), and which operation
 * types each scope allows. The rule at the front door, on every transport, is in test/gateway/scopes.test.ts.
 */
import { describe, expect, it } from "vitest";
import { authSettingsFromEnv, type AuthEnv } from "../../src/auth/auth-settings";
import { ALL_SCOPES, scopeRefusal, scopesFromClaim, scopesFromJson } from "../../src/auth/scopes";

const HASH = "b".repeat(64);

function tokensOf(entry: Record<string, unknown>): AuthEnv {
  return { GATEWAY_TOKENS: JSON.stringify({ [HASH]: entry }) };
}

describe("scopes in a GATEWAY_TOKENS entry", () => {
  it("are read and write when the entry names none, so tokens issued before scopes keep working", () => {
    const parsed = authSettingsFromEnv(tokensOf({ name: "old", nexus: ["proj_demo"] }));
    expect(parsed).toMatchObject({
      tokens: [{ principal: { name: "old", grants: { nexus: ["proj_demo"] }, scopes: ["read", "write"] } }],
    });
    expect(scopesFromJson(undefined)).toBe(ALL_SCOPES);
  });

  it("are the entry's list, deduplicated, in a fixed order, and not taken for a backend", () => {
    expect(authSettingsFromEnv(tokensOf({ name: "dashboard", nexus: ["proj_demo"], scopes: ["read"] }))).toMatchObject({
      tokens: [{ principal: { name: "dashboard", grants: { nexus: ["proj_demo"] }, scopes: ["read"] } }],
    });
    expect(scopesFromJson(["write", "read", "write"])).toEqual(["read", "write"]);
    expect(scopesFromJson(["write"])).toEqual(["write"]);
  });

  it("make the setting unusable, naming the entry, for an unknown name, an empty list or another type", () => {
    const problem = (scopes: unknown): unknown =>
      authSettingsFromEnv(tokensOf({ name: "dashboard", nexus: ["proj_demo"], scopes }));
    const prefix = `The gateway's GATEWAY_TOKENS setting is invalid: the entry "dashboard": `;
    expect(problem(["read", "admin"])).toEqual({
      setting: "GATEWAY_TOKENS",
      message: `${prefix}unknown scope "admin" (expected read or write).`,
    });
    expect(problem(["Read"])).toEqual({
      setting: "GATEWAY_TOKENS",
      message: `${prefix}unknown scope "Read" (expected read or write).`,
    });
    expect(problem([])).toEqual({
      setting: "GATEWAY_TOKENS",
      message: `${prefix}it names no scope (omit it for read and write).`,
    });
    expect(problem("read")).toEqual({
      setting: "GATEWAY_TOKENS",
      message: `${prefix}"scopes" must be a list such as ["read"] or ["read", "write"].`,
    });
    expect(problem([7])).toEqual({
      setting: "GATEWAY_TOKENS",
      message: `${prefix}unknown scope 7 (expected read or write).`,
    });
  });
});

describe("the scope claim of a JWT", () => {
  it("is a space-separated string, as OAuth writes it, or a list", () => {
    expect(scopesFromClaim("read")).toEqual(["read"]);
    expect(scopesFromClaim("read write")).toEqual(["read", "write"]);
    expect(scopesFromClaim("  write\tread ")).toEqual(["read", "write"]);
    expect(scopesFromClaim(["write"])).toEqual(["write"]);
  });

  it("gives read and write when absent", () => {
    expect(scopesFromClaim(undefined)).toEqual(["read", "write"]);
  });

  it("ignores names that are not ours (OIDC's, another API's): they grant nothing", () => {
    expect(scopesFromClaim("read openid")).toEqual(["read"]);
    expect(scopesFromClaim("openid profile email read")).toEqual(["read"]);
    expect(scopesFromClaim("openid write profile")).toEqual(["write"]);
    expect(scopesFromClaim(["openid", "read", "offline_access", "write"])).toEqual(["read", "write"]);
    // Not ours however close: case, prefixes and resource-qualified names are other scopes.
    expect(scopesFromClaim("read write:datasets admin")).toEqual(["read"]);
  });

  it("gives no scope when it names none of ours (fail closed), so its holder may run nothing", () => {
    expect(scopesFromClaim("openid profile email")).toEqual([]);
    expect(scopesFromClaim("openid Read WRITE")).toEqual([]);
    expect(scopesFromClaim(["openid"])).toEqual([]);
    expect(scopeRefusal("user-1", [], "query")).toBe('"user-1" may not run queries: its grant has no scope.');
  });

  it("is refused with a reason for an empty value or another type", () => {
    expect(scopesFromClaim("")).toBe("it names no scope (omit it for read and write)");
    expect(scopesFromClaim("   ")).toBe("it names no scope (omit it for read and write)");
    expect(scopesFromClaim([])).toBe("it names no scope (omit it for read and write)");
    expect(scopesFromClaim(["read", 7])).toBe("expected a list of scope names (strings)");
    expect(scopesFromClaim(3)).toBe('expected a space-separated string such as "read write"');
  });
});

describe("which operations a grant's scopes allow", () => {
  it("refuses a mutation without write, naming the principal and what its grant has", () => {
    expect(scopeRefusal("dashboard", ["read"], "mutation")).toBe(
      '"dashboard" may not run mutations: its grant has the read scope only.',
    );
    expect(scopeRefusal("dashboard", ["read"], "query")).toBeNull();
    expect(scopeRefusal("dashboard", ["read"], "subscription")).toBeNull();
  });

  it("refuses queries and subscriptions without read", () => {
    expect(scopeRefusal("ci", ["write"], "mutation")).toBeNull();
    expect(scopeRefusal("ci", ["write"], "query")).toBe(
      '"ci" may not run queries: its grant has the write scope only.',
    );
    expect(scopeRefusal("ci", ["write"], "subscription")).toBe(
      '"ci" may not run subscriptions: its grant has the write scope only.',
    );
    expect(scopeRefusal("none", [], "query")).toBe('"none" may not run queries: its grant has no scope.');
  });

  it("allows everything with both", () => {
    for (const operation of ["query", "mutation", "subscription"] as const)
      expect(scopeRefusal("ops", ALL_SCOPES, operation)).toBeNull();
  });
});
