/**
 * What a watch object stores of a listener's credentials (`src/subscriptions/sealed-credentials.ts`): never the key
 * in any readable form, a fresh IV every time, nothing at all for the gateway's held credentials (they are read from
 * the environment when a poll needs them), and nothing usable without the same STATE_ENCRYPTION_KEY.
 */
import { describe, expect, it } from "vitest";
import {
  listenerCredentialsOf,
  openCredentials,
  parseListenerCredentials,
  sealCredentials,
  sealingKeyFromEnv,
} from "../../src/subscriptions/sealed-credentials";

const SECRET_KEY = "sealed-unit-secret-key-4e2a";
const OWN = { projectId: "proj_demo", secretKey: SECRET_KEY };
const ENV = { STATE_ENCRYPTION_KEY: "unit-state-key" };

describe("sealed listener credentials", () => {
  it("store a caller's own key only encrypted, with a new 96-bit IV each time, and open back to it", async () => {
    const key = await sealingKeyFromEnv(ENV);
    const first = await sealCredentials(key, listenerCredentialsOf({ credentials: OWN, source: "request" }));
    const second = await sealCredentials(key, { own: OWN });
    const stored = JSON.stringify([first, second]);
    expect(stored).not.toContain(SECRET_KEY);
    expect(stored).not.toContain(Buffer.from(SECRET_KEY).toString("base64").slice(0, 16));
    expect(Object.keys(first).sort()).toEqual(["iv", "sealed"]);
    if (!("iv" in first) || !("iv" in second)) throw new Error("expected sealed values");
    expect(Buffer.from(first.iv, "base64")).toHaveLength(12);
    expect(first.iv).not.toBe(second.iv);
    expect(first.sealed).not.toBe(second.sealed);
    expect(await openCredentials(key, first, "NEXUS", ENV)).toEqual(OWN);
    expect(await openCredentials(key, second, "NEXUS", ENV)).toEqual(OWN);
  });

  it("keep only a marker for the gateway's held credentials, resolved from the environment when opened", async () => {
    const key = await sealingKeyFromEnv(ENV);
    const held = listenerCredentialsOf({ credentials: OWN, source: "environment" });
    expect(held).toEqual({ held: true });
    const sealed = await sealCredentials(key, held);
    expect(sealed).toEqual({ held: true });
    const env = { ...ENV, NEXUS_PROJECT_ID: "proj_held", NEXUS_SECRET_KEY: "held-key" };
    expect(await openCredentials(key, sealed, "NEXUS", env)).toEqual(
      expect.objectContaining({ projectId: "proj_held", secretKey: "held-key" }),
    );
    // The gateway no longer holds any: nothing to poll with.
    expect(await openCredentials(key, sealed, "NEXUS", ENV)).toBeNull();
  });

  it("cannot be opened with another STATE_ENCRYPTION_KEY, nor tampered with", async () => {
    const sealed = await sealCredentials(await sealingKeyFromEnv(ENV), { own: OWN });
    const other = await sealingKeyFromEnv({ STATE_ENCRYPTION_KEY: "another-state-key" });
    expect(await openCredentials(other, sealed, "NEXUS", ENV)).toBeNull();
    if (!("sealed" in sealed)) throw new Error("expected a sealed value");
    const bytes = Buffer.from(sealed.sealed, "base64");
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    const tampered = { iv: sealed.iv, sealed: bytes.toString("base64") };
    expect(await openCredentials(await sealingKeyFromEnv(ENV), tampered, "NEXUS", ENV)).toBeNull();
  });

  it("refuse to make a key without STATE_ENCRYPTION_KEY, naming the setting", async () => {
    await expect(sealingKeyFromEnv({})).rejects.toMatchObject({
      message:
        "Subscriptions need the STATE_ENCRYPTION_KEY setting (a secret that seals subscribers' credentials in Durable Object storage); it is not set.",
      extensions: { code: "GATEWAY_MISCONFIGURED" },
    });
    await expect(sealingKeyFromEnv({ STATE_ENCRYPTION_KEY: "" })).rejects.toMatchObject({
      extensions: { code: "GATEWAY_MISCONFIGURED" },
    });
  });

  it("read only the two forms a subscriber hands over", () => {
    expect(parseListenerCredentials({ held: true })).toEqual({ held: true });
    expect(parseListenerCredentials({ own: OWN })).toEqual({ own: OWN });
    expect(parseListenerCredentials({ held: "yes" })).toBeNull();
    expect(parseListenerCredentials(null)).toBeNull();
    expect(parseListenerCredentials("text")).toBeNull();
  });
});
