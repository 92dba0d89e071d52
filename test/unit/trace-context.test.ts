/**
 * The trace context a request brings (W3C traceparent, read strictly, an invalid one ignored) and the upstream tally
 * behind Server-Timing: wall time waiting on upstreams is the union of the calls' intervals, refusals are failures but
 * not calls.
 */
import { describe, expect, it } from "vitest";
import { formatTraceParent, newSpanId, newTraceId, parseTraceParent } from "../../src/telemetry/trace-context";
import { UpstreamTally } from "../../src/telemetry/upstream-tally";

describe("traceparent", () => {
  it("reads a valid version-00 header, and writes one back the same", () => {
    const header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    expect(parseTraceParent(header)).toEqual({
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      parentSpanId: "00f067aa0ba902b7",
      sampled: true,
    });
    expect(formatTraceParent("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true)).toBe(header);
  });

  it.each([
    ["absent", undefined],
    ["empty", ""],
    ["upper-case hex", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01"],
    ["an all-zero trace id", "00-00000000000000000000000000000000-00f067aa0ba902b7-01"],
    ["an all-zero parent id", "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"],
    ["version ff", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"],
    ["version 00 with a fifth field", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x"],
    ["a short trace id", "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01"],
  ])("ignores %s", (_name, value) => {
    expect(parseTraceParent(value)).toBeNull();
  });

  it("accepts a future version's extra fields", () => {
    expect(parseTraceParent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-extra")?.sampled).toBe(false);
  });

  it("makes ids of the right shape, different each time", () => {
    expect(newTraceId()).toMatch(/^[0-9a-f]{32}$/);
    expect(newSpanId()).toMatch(/^[0-9a-f]{16}$/);
    expect(newTraceId()).not.toBe(newTraceId());
  });
});

describe("UpstreamTally", () => {
  const result = { sent: true, status: 200, failure: undefined, retryAfterSeconds: undefined };
  const attempt = { backend: "b", operation: "o", method: "GET", path: "/p", attempt: 0, breakerState: undefined };

  it("counts the wall time during which any call was in flight, not the sum of the calls", () => {
    let now = 0;
    const tally = new UpstreamTally(() => now);
    const first = tally.attemptStarted(attempt);
    now = 5;
    const second = tally.attemptStarted(attempt);
    now = 20;
    first.end(result);
    now = 25;
    second.end(result);
    now = 100;
    expect(tally.waitMs).toBe(25);
    expect(tally.calls).toBe(2);
  });

  it("counts a refused attempt as a failure but not as a call, and an end told twice once", () => {
    const tally = new UpstreamTally(() => 0);
    const refused = tally.attemptStarted(attempt);
    refused.end({ ...result, sent: false, status: 0, failure: "UPSTREAM_UNAVAILABLE" });
    refused.end({ ...result, sent: false, status: 0, failure: "UPSTREAM_UNAVAILABLE" });
    expect(tally.calls).toBe(0);
    expect([...tally.failures]).toEqual([["UPSTREAM_UNAVAILABLE", 1]]);
  });
});
