/**
 * The one credential reader every backend uses (src/backends/credential-set.ts) and what names a circuit breaker
 * (src/backends/session-transport.ts): a whole set or none, project ids only in their grammar, and a breaker per
 * tenant and credentials, so a caller with a wrong key cannot open the breaker of another caller's project.
 */
import { describe, expect, it } from "vitest";
import { credentialSet } from "../../src/backends/credential-set";
import { nexusCredentials } from "../../src/backends/nexus/credentials";
import { breakerScopeOf } from "../../src/backends/session-transport";
import { credentialsFingerprint } from "../../src/encoding/credentials-fingerprint";

describe("credentialSet", () => {
  const pair = credentialSet({
    id: { header: "x-id", setting: "ID", pattern: /^[a-z]+$/ },
    key: { header: "x-key", setting: "KEY" },
  });

  it("says how to give them, naming the headers and settings", () => {
    expect(pair.credentialsHint).toBe("send the x-id and x-key headers (both), or configure ID and KEY on the gateway");
    expect(nexusCredentials.credentialsHint).toBe(
      "send the x-nexus-project-id and x-nexus-secret-key headers (both), or configure NEXUS_PROJECT_ID and NEXUS_SECRET_KEY on the gateway",
    );
    expect(pair.credentialHeaders).toEqual(["x-id", "x-key"]);
    expect(pair.credentialSettings).toEqual(["ID", "KEY"]);
  });

  it("takes a whole set from the request, else a whole set from the environment, never half of each", () => {
    const env = { ID: "held", KEY: "heldkey" };
    expect(pair.credentialsFromHeaders(new Headers({ "x-id": "abc", "x-key": " k " }), env)).toEqual({
      credentials: { id: "abc", key: "k" },
      source: "request",
    });
    expect(pair.credentialsFromHeaders(new Headers({ "x-id": "abc" }), env)).toBeNull();
    expect(pair.credentialsFromHeaders(new Headers(), env)).toEqual({
      credentials: { id: "held", key: "heldkey" },
      source: "environment",
    });
    expect(pair.credentialsFromHeaders(new Headers(), { ID: "held" })).toBeNull();
    expect(pair.credentialsFromPayload({ "X-Id": "abc", "x-KEY": "k" }, {})).toEqual({
      credentials: { id: "abc", key: "k" },
      source: "request",
    });
  });

  it("counts a value outside its grammar as not given, from the request and from the environment", () => {
    expect(
      pair.credentialsFromHeaders(new Headers({ "x-id": "..", "x-key": "k" }), { ID: "held", KEY: "h" }),
    ).toBeNull();
    expect(pair.credentialsFromHeaders(new Headers(), { ID: "a/b", KEY: "h" })).toBeNull();
    for (const projectId of ["..", "proj/../x", "a b", "%2e%2e", ""]) {
      expect(
        nexusCredentials.credentialsFromHeaders(
          new Headers({ "x-nexus-project-id": projectId, "x-nexus-secret-key": "k" }),
          {},
        ),
        projectId,
      ).toBeNull();
    }
    expect(
      nexusCredentials.credentialsFromHeaders(
        new Headers({ "x-nexus-project-id": "proj_demo_t-1", "x-nexus-secret-key": "k" }),
        {},
      ),
    ).not.toBeNull();
  });
});

describe("breakerScopeOf", () => {
  it("is the tenant and a fingerprint of the credentials: the same for the same, another for another key", () => {
    const mine = breakerScopeOf("proj_a", { projectId: "proj_a", secretKey: "right" });
    expect(mine).toBe(breakerScopeOf("proj_a", { projectId: "proj_a", secretKey: "right" }));
    expect(mine).not.toBe(breakerScopeOf("proj_a", { projectId: "proj_a", secretKey: "wrong" }));
    // The one fingerprint of credentials (src/encoding/credentials-fingerprint.ts), the rate limits' too.
    expect(mine).toMatch(/^proj_a:[0-9a-f]{32}$/);
    expect(mine).toBe(`proj_a:${credentialsFingerprint({ projectId: "proj_a", secretKey: "right" })}`);
    expect(mine).not.toContain("right");
  });
});
