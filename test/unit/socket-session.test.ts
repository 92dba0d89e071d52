/**
 * How long a graphql-ws socket keeps serving its caller, as plain code: the end decision (JWT `exp`, a token no
 * longer in `GATEWAY_TOKENS`, the lifetime cap), when the alarm must look next, the token look-up against the current
 * setting, and the settings' defaults. The socket closing is tested at the front door, in
 * test/subscriptions/session-expiry.test.ts (a token's removal cannot be: a running Worker's settings do not change).
 */
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/auth/bearer-token";
import { tokenIsConfigured } from "../../src/auth/connection-init-auth";
import { subscriptionSettingsFromEnv } from "../../src/subscriptions/settings";
import {
  MAX_LIFETIME,
  nextSessionCheckAt,
  sessionEnd,
  startSession,
  TOKEN_EXPIRED,
  TOKEN_REVOKED,
  type SessionSettings,
} from "../../src/subscriptions/socket-session";

const SETTINGS: SessionSettings = { wsMaxLifetimeMs: 86_400_000, sessionRecheckMs: 60_000 };
const T0 = 1_800_000_000_000;
const HASH = "b".repeat(64);
const known = (): boolean => true;
const removed = (): boolean => false;

describe("sessionEnd", () => {
  it("ends a JWT's session at its exp, not a millisecond before, with 4403", () => {
    const session = startSession(T0, { expiresAt: T0 + 12_000 });
    expect(sessionEnd(session, T0 + 11_999, SETTINGS, removed)).toBeNull();
    expect(sessionEnd(session, T0 + 12_000, SETTINGS, removed)).toEqual({
      code: 4403,
      reason: "Forbidden: token expired",
    });
    expect(TOKEN_EXPIRED.code).toBe(4403);
  });

  it("ends a token's session once the token is no longer configured, and asks only about its own hash", () => {
    const session = startSession(T0, { tokenSha256: HASH });
    const asked: string[] = [];
    expect(sessionEnd(session, T0 + 1, SETTINGS, (hash) => (asked.push(hash), true))).toBeNull();
    expect(asked).toEqual([HASH]);
    expect(sessionEnd(session, T0 + 1, SETTINGS, removed)).toEqual({
      code: 4403,
      reason: "Forbidden: token no longer accepted",
    });
    expect(TOKEN_REVOKED.code).toBe(4403);
  });

  it("never asks about a token for a session without one", () => {
    const asked: string[] = [];
    expect(sessionEnd(startSession(T0, {}), T0 + 1, SETTINGS, (hash) => (asked.push(hash), false))).toBeNull();
    expect(asked).toEqual([]);
  });

  it("ends every session at the lifetime cap with 1001, which graphql-ws clients retry", () => {
    for (const session of [
      startSession(T0, {}),
      startSession(T0, { tokenSha256: HASH }),
      startSession(T0, { expiresAt: T0 + 10 * SETTINGS.wsMaxLifetimeMs }),
    ]) {
      expect(sessionEnd(session, T0 + SETTINGS.wsMaxLifetimeMs - 1, SETTINGS, known)).toBeNull();
      expect(sessionEnd(session, T0 + SETTINGS.wsMaxLifetimeMs, SETTINGS, known)).toEqual({
        code: 1001,
        reason: "Going away: maximum socket lifetime reached, reconnect",
      });
    }
    expect(MAX_LIFETIME.code).toBe(1001);
  });

  it("says expired rather than revoked or too old when several apply", () => {
    const session = startSession(T0, { expiresAt: T0 + 5, tokenSha256: HASH });
    expect(sessionEnd(session, T0 + SETTINGS.wsMaxLifetimeMs, SETTINGS, removed)).toBe(TOKEN_EXPIRED);
  });
});

describe("nextSessionCheckAt", () => {
  it("is the earliest of exp, the lifetime's end and, for a token, one recheck interval from now", () => {
    expect(nextSessionCheckAt(startSession(T0, {}), T0 + 7, SETTINGS)).toBe(T0 + SETTINGS.wsMaxLifetimeMs);
    expect(nextSessionCheckAt(startSession(T0, { expiresAt: T0 + 12_000 }), T0 + 7, SETTINGS)).toBe(T0 + 12_000);
    expect(nextSessionCheckAt(startSession(T0, { tokenSha256: HASH }), T0 + 7, SETTINGS)).toBe(T0 + 7 + 60_000);
    const nearTheCap = T0 + SETTINGS.wsMaxLifetimeMs - 10;
    expect(nextSessionCheckAt(startSession(T0, { tokenSha256: HASH }), nearTheCap, SETTINGS)).toBe(
      T0 + SETTINGS.wsMaxLifetimeMs,
    );
  });
});

describe("tokenIsConfigured", () => {
  it("finds a token's hash in the current GATEWAY_TOKENS, and not once it is removed or the setting is unusable", async () => {
    const hash = await sha256Hex("dashboard-token");
    const entry = { name: "dashboard", nexus: ["proj_demo"] };
    expect(tokenIsConfigured(hash, { GATEWAY_TOKENS: JSON.stringify({ [hash.toUpperCase()]: entry }) })).toBe(true);
    expect(tokenIsConfigured(hash, { GATEWAY_TOKENS: JSON.stringify({ ["c".repeat(64)]: entry }) })).toBe(false);
    expect(tokenIsConfigured(hash, {})).toBe(false);
    expect(tokenIsConfigured(hash, { GATEWAY_TOKENS: "{not json" })).toBe(false);
  });
});

describe("the session settings", () => {
  it("default to 24 h and 60 s, and take valid overrides only", () => {
    expect(subscriptionSettingsFromEnv({})).toMatchObject({ wsMaxLifetimeMs: 86_400_000, sessionRecheckMs: 60_000 });
    expect(subscriptionSettingsFromEnv({ WS_MAX_LIFETIME_MS: "5000", SESSION_RECHECK_MS: "1000" })).toMatchObject({
      wsMaxLifetimeMs: 5000,
      sessionRecheckMs: 1000,
    });
    expect(subscriptionSettingsFromEnv({ WS_MAX_LIFETIME_MS: "-1", SESSION_RECHECK_MS: "1.5" })).toMatchObject({
      wsMaxLifetimeMs: 86_400_000,
      sessionRecheckMs: 60_000,
    });
  });
});
