/**
 * The counting rule of the per-caller rate limits (src/limits/rate-window.ts): a minute's window per budget, opened
 * by the first request it counts; refused requests are not counted; a request charged to two budgets is counted in
 * both or in neither; and the refusal says how long until the window ends. Settings: 0 is off, junk is the default.
 */
import { describe, expect, it } from "vitest";
import { chargesFor } from "../../src/limits/rate-window";
import { DEFAULT_RATE_LIMITS, rateLimitSettingsFromEnv } from "../../src/limits/rate-limit-settings";
import { RATE_WINDOW_MS, takeFromWindows, type RateCharge, type RateWindows } from "../../src/limits/rate-window";

const REQUESTS: RateCharge = { budget: "requests", max: 2 };
const SUBSCRIPTIONS: RateCharge = { budget: "subscriptions", max: 1 };

describe("takeFromWindows", () => {
  it("allows max requests in a window, then refuses until it ends, with the whole seconds left", () => {
    const windows: RateWindows = new Map();
    expect(takeFromWindows(windows, [REQUESTS], 1_000)).toEqual({ allowed: true });
    expect(takeFromWindows(windows, [REQUESTS], 2_000)).toEqual({ allowed: true });
    expect(takeFromWindows(windows, [REQUESTS], 31_500)).toEqual({
      allowed: false,
      budget: "requests",
      max: 2,
      retryAfterSeconds: 30,
    });
    expect(takeFromWindows(windows, [REQUESTS], 1_000 + RATE_WINDOW_MS - 1)).toEqual({
      allowed: false,
      budget: "requests",
      max: 2,
      retryAfterSeconds: 1,
    });
    // The window opened at 1 s ends at 61 s: the next request opens a new one.
    expect(takeFromWindows(windows, [REQUESTS], 1_000 + RATE_WINDOW_MS)).toEqual({ allowed: true });
  });

  it("counts a request charged to two budgets in both or in neither", () => {
    const windows: RateWindows = new Map();
    expect(takeFromWindows(windows, [REQUESTS, SUBSCRIPTIONS], 0)).toEqual({ allowed: true });
    // The subscription budget is full: the refused start does not use up a request.
    expect(takeFromWindows(windows, [REQUESTS, SUBSCRIPTIONS], 10)).toEqual({
      allowed: false,
      budget: "subscriptions",
      max: 1,
      retryAfterSeconds: 60,
    });
    expect(takeFromWindows(windows, [REQUESTS], 20)).toEqual({ allowed: true });
    expect(takeFromWindows(windows, [REQUESTS], 30)).toMatchObject({ allowed: false, budget: "requests" });
  });

  it("starts afresh when the clock goes back", () => {
    const windows: RateWindows = new Map();
    takeFromWindows(windows, [SUBSCRIPTIONS], 10_000);
    expect(takeFromWindows(windows, [SUBSCRIPTIONS], 5_000)).toEqual({ allowed: true });
  });
});

describe("rate limit settings", () => {
  it("reads budgets per minute, 0 as off, and junk as the default", () => {
    expect(rateLimitSettingsFromEnv({})).toEqual(DEFAULT_RATE_LIMITS);
    expect(DEFAULT_RATE_LIMITS).toEqual({ requestsPerMinute: 1200, subscriptionsPerMinute: 120 });
    expect(
      rateLimitSettingsFromEnv({ RATE_LIMIT_REQUESTS_PER_MINUTE: "0", RATE_LIMIT_SUBSCRIPTIONS_PER_MINUTE: "7" }),
    ).toEqual({
      requestsPerMinute: 0,
      subscriptionsPerMinute: 7,
    });
    expect(
      rateLimitSettingsFromEnv({ RATE_LIMIT_REQUESTS_PER_MINUTE: "-1", RATE_LIMIT_SUBSCRIPTIONS_PER_MINUTE: "1.5" }),
    ).toEqual(DEFAULT_RATE_LIMITS);
  });

  it("charges nothing to a budget that is off", () => {
    expect(chargesFor("subscription", { requestsPerMinute: 0, subscriptionsPerMinute: 0 })).toEqual([]);
    expect(chargesFor("request", { requestsPerMinute: 5, subscriptionsPerMinute: 3 })).toEqual([
      { budget: "requests", max: 5 },
    ]);
    expect(chargesFor("subscription", { requestsPerMinute: 0, subscriptionsPerMinute: 3 })).toEqual([
      { budget: "subscriptions", max: 3 },
    ]);
  });
});
