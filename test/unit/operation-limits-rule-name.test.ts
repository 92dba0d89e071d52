/**
 * The operation limits' validation rule is named after its limits. Yoga's validation cache keys a document's result
 * by the names of the rules that ran, so rules of different limits must have different names (and rules of the same
 * limits may share one). A test through a Yoga server in Node meets graphql's two module builds (Yoga's executor loads
 * the other one); in the Worker there is one, and one isolate has one set of limits, so this is the property to hold.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "../../src/limits/limit-settings";
import { operationLimitsRule } from "../../src/limits/operation-limits";

describe("the name of the operation limits rule", () => {
  it("differs between limits, and not between equal ones", () => {
    const lax = operationLimitsRule({ ...DEFAULT_LIMITS, maxDepth: 10 });
    expect(lax.name).toBe(operationLimitsRule({ ...DEFAULT_LIMITS, maxDepth: 10 }).name);
    expect(lax.name).not.toBe(operationLimitsRule({ ...DEFAULT_LIMITS, maxDepth: 2 }).name);
    expect(lax.name).not.toBe(operationLimitsRule({ ...DEFAULT_LIMITS, maxDepth: 10, maxAliases: 3 }).name);
    expect(lax.name).not.toBe(operationLimitsRule({ ...DEFAULT_LIMITS, maxDepth: 10, maxRootFields: 3 }).name);
    expect(lax.name).not.toBe(operationLimitsRule({ ...DEFAULT_LIMITS, maxDepth: 10, maxDirectives: 3 }).name);
  });
});
