import { describe, expect, it } from "vitest";
import { limitSettingsFromEnv } from "../../src/limits/limit-settings";
import { perEnv } from "../../src/per-env";

describe("settings read once per env object", () => {
  it("reads an env object once, and another object afresh", () => {
    const reads: string[] = [];
    const timeoutOf = perEnv((env: { TIMEOUT?: string }) => {
      reads.push(env.TIMEOUT ?? "unset");
      return { timeoutMs: Number(env.TIMEOUT ?? "10") };
    });
    const env = { TIMEOUT: "5" };
    expect(timeoutOf(env)).toEqual({ timeoutMs: 5 });
    expect(timeoutOf(env)).toBe(timeoutOf(env));
    expect(timeoutOf({ TIMEOUT: "7" })).toEqual({ timeoutMs: 7 });
    expect(reads).toEqual(["5", "7"]);
  });

  it("shares a frozen value, so that no request can change another's settings", () => {
    const limits = limitSettingsFromEnv({ MAX_QUERY_DEPTH: "4" });
    expect(limits.maxDepth).toBe(4);
    expect(Object.isFrozen(limits)).toBe(true);
  });

  it("does not cache a reader that throws", () => {
    let calls = 0;
    const flaky = perEnv((_env: object) => {
      calls += 1;
      if (calls === 1) throw new Error("first read fails");
      return calls;
    });
    const env = {};
    expect(() => flaky(env)).toThrow("first read fails");
    expect(flaky(env)).toBe(2);
    expect(flaky(env)).toBe(2);
  });
});
