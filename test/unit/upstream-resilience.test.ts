/**
 * The backend-neutral resilience parts on their own, with a fake clock: the deadline, the retry policy (what is
 * retried for reads and writes, Retry-After, budgets) and the circuit breaker's states. The front-door behaviour
 * is in test/gateway/resilience.test.ts.
 */
import { describe, expect, it } from "vitest";
import { reasonOfNexusStatus } from "../../src/backends/nexus/transport";
import { GatewayError, UpstreamError } from "../../src/errors";
import { callOutcomeOf, CircuitBreaker } from "../../src/upstream/circuit-breaker";
import { createDeadline } from "../../src/upstream/deadline";
import { createRetryPolicy, type RetryPolicyOptions } from "../../src/upstream/retry-policy";
import { upstreamSettingsFromEnv } from "../../src/upstream/settings";

const call = { backend: "nexus", operation: "jobs.get", method: "GET", path: "/x" } as const;
function httpError(status: number, retryAfterSeconds?: number): UpstreamError {
  return new UpstreamError(`nexus jobs.get: expected 2xx, got ${status} from /x`, {
    ...call,
    reason: reasonOfNexusStatus(status),
    kind: "http",
    status,
    retryAfterSeconds,
  });
}
const network = new UpstreamError("nexus jobs.get: the upstream could not be reached", {
  ...call,
  reason: "unavailable",
  kind: "network",
  status: 0,
});
const timeout = new UpstreamError("nexus jobs.get: no answer within 10 ms", {
  ...call,
  reason: "timeout",
  kind: "timeout",
  status: 0,
});

function clock(start = 1_000): { now: () => number; advance: (ms: number) => void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

const policyOptions: RetryPolicyOptions = {
  budget: 10,
  maxRetriesPerCall: 5,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
  maxRetryAfterMs: 5_000,
  random: () => 0.5,
};
const noDeadline = createDeadline(Number.POSITIVE_INFINITY);

describe("deadline", () => {
  it("cuts a call's timeout to what is left, and refuses a call once it has passed", () => {
    const time = clock();
    const deadline = createDeadline(3_000, time.now);
    expect(deadline.timeoutFor(10_000, "GET /a")).toBe(3_000);
    time.advance(2_500);
    expect(deadline.timeoutFor(10_000, "GET /a")).toBe(500);
    expect(deadline.timeoutFor(200, "GET /a")).toBe(200);
    expect(deadline.fits(100)).toBe(false);
    time.advance(500);
    expect(() => deadline.timeoutFor(10_000, "GET /a")).toThrow(
      new GatewayError(
        "UPSTREAM_TIMEOUT",
        "The upstream did not answer within the request's deadline of 3000 ms (GET /a).",
      ),
    );
  });

  it("bounds nothing once released", () => {
    const time = clock();
    const deadline = createDeadline(1_000, time.now);
    time.advance(5_000);
    deadline.release();
    expect(deadline.timeoutFor(10_000, "GET /a")).toBe(10_000);
    expect(deadline.fits(60_000)).toBe(true);
  });

  it("falls back to defaults for settings that are not positive integers", () => {
    expect(
      upstreamSettingsFromEnv({ REQUEST_DEADLINE_MS: "-5", UPSTREAM_RETRY_BUDGET: "x", BREAKER_COOL_DOWN_MS: "2.5" }),
    ).toEqual({
      requestDeadlineMs: 15_000,
      retryBudget: 10,
      maxRetryAfterMs: 5_000,
      breakerFailureThreshold: 20,
      breakerCoolDownMs: 10_000,
    });
    expect(upstreamSettingsFromEnv({ REQUEST_DEADLINE_MS: "2000", BREAKER_FAILURE_THRESHOLD: "3" })).toMatchObject({
      requestDeadlineMs: 2_000,
      breakerFailureThreshold: 3,
    });
  });
});

describe("retry policy", () => {
  it("retries reads on 429, 5xx and network errors, but not on timeouts or other 4xx", () => {
    const decide = (error: unknown): number | null =>
      createRetryPolicy(policyOptions).delayBeforeRetry("read", 0, error, noDeadline);
    expect(decide(httpError(503))).toBe(75);
    expect(decide(httpError(500))).toBe(75);
    expect(decide(network)).toBe(75);
    expect(decide(httpError(429, 1))).toBe(1_050);
    expect(decide(timeout)).toBeNull();
    expect(decide(httpError(404))).toBeNull();
    expect(decide(httpError(400))).toBeNull();
    expect(decide(new GatewayError("BAD_USER_INPUT", "too many calls"))).toBeNull();
  });

  it("retries writes only on 429: the upstream refused before acting", () => {
    const decide = (error: unknown): number | null =>
      createRetryPolicy(policyOptions).delayBeforeRetry("write", 0, error, noDeadline);
    expect(decide(httpError(429, 2))).toBe(2_050);
    expect(decide(httpError(429))).toBe(75);
    expect(decide(httpError(503))).toBeNull();
    expect(decide(network)).toBeNull();
  });

  it("backs off exponentially with jitter up to the ceiling, within the call's and the request's retries", () => {
    const policy = createRetryPolicy({ ...policyOptions, budget: 6 });
    expect(
      [0, 1, 2, 3, 4].map((retries) => policy.delayBeforeRetry("read", retries, httpError(503), noDeadline)),
    ).toEqual([75, 150, 300, 600, 750]);
    expect(policy.delayBeforeRetry("read", 5, httpError(503), noDeadline)).toBeNull();
    expect(policy.delayBeforeRetry("read", 0, httpError(503), noDeadline)).toBe(75);
    // The request's budget (6) is spent now, whatever the call.
    expect(policy.delayBeforeRetry("read", 0, httpError(503), noDeadline)).toBeNull();
  });

  it("does not wait out a Retry-After that is too long or does not fit in the deadline", () => {
    const time = clock();
    const deadline = createDeadline(3_000, time.now);
    const policy = createRetryPolicy(policyOptions);
    expect(policy.delayBeforeRetry("read", 0, httpError(429, 7), noDeadline)).toBeNull();
    expect(policy.delayBeforeRetry("read", 0, httpError(429, 2), deadline)).toBe(2_050);
    time.advance(1_000);
    expect(policy.delayBeforeRetry("read", 1, httpError(429, 2), deadline)).toBeNull();
  });
});

describe("circuit breaker", () => {
  it("classifies outcomes: 5xx, network errors and timeouts fail; 429 and 4xx answer; our own errors tell nothing", () => {
    expect([httpError(503), httpError(500), network, timeout].map(callOutcomeOf)).toEqual([
      "failed",
      "failed",
      "failed",
      "failed",
    ]);
    expect([null, httpError(429, 1), httpError(404), httpError(403)].map(callOutcomeOf)).toEqual([
      "answered",
      "answered",
      "answered",
      "answered",
    ]);
    expect(callOutcomeOf(new GatewayError("UPSTREAM_TIMEOUT", "deadline"))).toBe("unknown");
  });

  it("opens after the threshold of failures in a row, and an answer in between resets the run", () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 3, coolDownMs: 5_000, now: time.now });
    const fail = (): void => breaker.record(breaker.admit(), "failed");
    fail();
    fail();
    breaker.record(breaker.admit(), "answered");
    fail();
    fail();
    expect(breaker.state).toBe("closed");
    fail();
    expect(breaker.state).toBe("open");
    expect(() => breaker.admit()).toThrow(
      "The upstream is failing for this project: after 3 failed calls in a row the gateway paused calling it. Try again in 5 s.",
    );
  });

  it("lets one probe through after the cool-down; its failure opens again, its answer closes", () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, coolDownMs: 5_000, now: time.now });
    breaker.record(breaker.admit(), "failed");
    time.advance(5_000);
    const probe = breaker.admit();
    expect(probe.probe).toBe(true);
    expect(() => breaker.admit()).toThrow(/while a trial call is under way/);
    breaker.record(probe, "failed");
    expect(breaker.state).toBe("open");
    time.advance(5_000);
    const second = breaker.admit();
    // A call let through before the breaker opened cannot close it; only the probe can.
    breaker.record({ probe: false }, "answered");
    expect(breaker.state).toBe("half-open");
    breaker.record(second, "answered");
    expect(breaker.state).toBe("closed");
    expect(breaker.admit().probe).toBe(false);
  });

  it("frees the probe's slot when the probe tells nothing, and replaces a probe that never reports", () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, coolDownMs: 5_000, now: time.now });
    breaker.record(breaker.admit(), "failed");
    time.advance(5_000);
    breaker.record(breaker.admit(), "unknown");
    const lost = breaker.admit();
    expect(lost.probe).toBe(true);
    time.advance(5_000);
    expect(breaker.admit().probe).toBe(true);
  });
});
