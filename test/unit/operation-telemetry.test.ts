/**
 * The pure parts of the operation telemetry (issue 21): the `Server-Timing` value, the operation log's settings and
 * caller label, the upstream call log, and the Analytics Engine data points. The points are checked here, built,
 * because the local runtime's Analytics Engine binding accepts writes and stores nothing (README, "Metrics").
 */
import { describe, expect, it } from "vitest";
import {
  metricsIndexOf,
  operationDataPoint,
  upstreamDataPoint,
  writeOperationMetrics,
} from "../../src/telemetry/metrics";
import { MAX_RECORDED_CALLS, statusClassOf, UpstreamCallLog } from "../../src/telemetry/metrics-upstream-calls";
import {
  callerLabel,
  operationLogLevel,
  shouldLog,
  type LabelledCaller,
  type OperationLogEntry,
} from "../../src/telemetry/operation-log";
import { createRequestTelemetry } from "../../src/telemetry/request-telemetry";
import { serverTimingEnabled, serverTimingValue } from "../../src/telemetry/server-timing";

const ATTEMPT = {
  backend: "nexus",
  operation: "jobs.get",
  method: "GET",
  path: "/x",
  attempt: 0,
  breakerState: undefined,
};

function callerWith(credentials: ReturnType<LabelledCaller["credentials"]>, principal?: string): LabelledCaller {
  return { ...(principal === undefined ? {} : { principal: { name: principal } }), credentials: () => credentials };
}

const ENTRY: OperationLogEntry = {
  message: "graphql operation",
  traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
  operationName: "Jobs",
  operationType: "query",
  documentHash: "ab".repeat(32),
  durationMs: 41.2,
  upstreamCalls: 3,
  upstreamWaitMs: 38.1,
  upstreamFailures: {},
  outcome: "error",
  errorCodes: ["UPSTREAM_UNAVAILABLE", "NOT_FOUND"],
  caller: "key:0123456789ab",
  transport: "http",
};

describe("Server-Timing", () => {
  it("gives total, gateway (total minus upstream wait), upstream and the calls, in the header's grammar", () => {
    const telemetry = createRequestTelemetry("http");
    const attempt = telemetry.upstreamObserver.attemptStarted(ATTEMPT);
    attempt.end({ sent: true, status: 200, failure: undefined, retryAfterSeconds: undefined });
    const value = serverTimingValue(telemetry, telemetry.startedAt + 50);
    const [, upstream = ""] = /upstream;dur=([\d.]+)/.exec(value) ?? [];
    expect(value).toMatch(/^total;dur=50, gateway;dur=[\d.]+, upstream;dur=[\d.]+, upstream-calls;desc="1"$/);
    const [, gateway = ""] = /gateway;dur=([\d.]+)/.exec(value) ?? [];
    expect(Number(gateway) + Number(upstream)).toBeCloseTo(50, 0);
  });

  it("is on unless SERVER_TIMING is false", () => {
    expect(serverTimingEnabled({})).toBe(true);
    expect(serverTimingEnabled({ SERVER_TIMING: "true" })).toBe(true);
    expect(serverTimingEnabled({ SERVER_TIMING: " FALSE " })).toBe(false);
  });
});

describe("the operation log's settings and caller", () => {
  it("reads OPERATION_LOGS as all (default, unknown values too), errors or off", () => {
    expect(operationLogLevel({})).toBe("all");
    expect(operationLogLevel({ OPERATION_LOGS: "verbose" })).toBe("all");
    expect(operationLogLevel({ OPERATION_LOGS: "errors" })).toBe("errors");
    expect(operationLogLevel({ OPERATION_LOGS: "off" })).toBe("off");
    expect(operationLogLevel({ OPERATION_LOGS: "false" })).toBe("off");
    expect(shouldLog("errors", { outcome: "ok" })).toBe(false);
    expect(shouldLog("errors", { outcome: "error" })).toBe(true);
  });

  it("labels a principal by name, own keys by a fingerprint that never holds them, and nobody as anonymous", () => {
    const key = "demo-secret-key_unit";
    const own = callerWith({ nexus: { source: "request", credentials: { projectId: "p", secretKey: key } } });
    const label = callerLabel(own);
    expect(label).toMatch(/^key:[0-9a-f]{12}$/);
    expect(label).not.toContain(key.slice(0, 6));
    expect(
      callerLabel(callerWith({ nexus: { source: "request", credentials: { projectId: "p", secretKey: "x" } } })),
    ).not.toBe(label);
    expect(callerLabel(callerWith({}, "ci-bot"))).toBe("ci-bot");
    expect(callerLabel(callerWith({ nexus: { source: "environment", credentials: { secretKey: key } } }))).toBe(
      "anonymous",
    );
    expect(callerLabel(undefined)).toBe("anonymous");
  });
});

describe("the upstream call log", () => {
  it("keeps each attempt's backend, operation, status class, outcome and latency", () => {
    let now = 100;
    const log = new UpstreamCallLog(() => now);
    const first = log.attemptStarted(ATTEMPT);
    const refused = log.attemptStarted({ ...ATTEMPT, attempt: 1 });
    now = 130;
    first.end({ sent: true, status: 503, failure: "http", retryAfterSeconds: 2 });
    refused.end({ sent: false, status: 0, failure: "UPSTREAM_UNAVAILABLE", retryAfterSeconds: undefined });
    first.end({ sent: true, status: 200, failure: undefined, retryAfterSeconds: undefined }); // a second end: ignored
    expect(log.records).toEqual([
      {
        backend: "nexus",
        operation: "jobs.get",
        statusClass: "5xx",
        outcome: "http",
        sent: true,
        attempt: 0,
        latencyMs: 30,
      },
      {
        backend: "nexus",
        operation: "jobs.get",
        statusClass: "none",
        outcome: "UPSTREAM_UNAVAILABLE",
        sent: false,
        attempt: 1,
        latencyMs: 30,
      },
    ]);
    expect(statusClassOf(204)).toBe("2xx");
    expect(statusClassOf(0)).toBe("none");
  });

  it(`keeps at most ${MAX_RECORDED_CALLS} attempts and counts the rest`, () => {
    const log = new UpstreamCallLog();
    for (let index = 0; index < MAX_RECORDED_CALLS + 5; index += 1) {
      log.attemptStarted(ATTEMPT).end({ sent: true, status: 200, failure: undefined, retryAfterSeconds: undefined });
    }
    expect(log.records).toHaveLength(MAX_RECORDED_CALLS);
    expect(log.dropped).toBe(5);
  });
});

describe("the metrics' data points", () => {
  it("an operation's point: kind, name, type, outcome, first error code, transport; duration, count, calls, wait, errors", () => {
    expect(operationDataPoint(ENTRY)).toEqual({
      blobs: ["operation", "Jobs", "query", "error", "UPSTREAM_UNAVAILABLE", "http"],
      doubles: [41.2, 1, 3, 38.1, 2],
      indexes: ["key:0123456789ab"],
    });
    expect(operationDataPoint({ ...ENTRY, operationName: null, operationType: null, errorCodes: [] }).blobs).toEqual([
      "operation",
      "",
      "",
      "error",
      "",
      "http",
    ]);
  });

  it("an upstream attempt's point: kind, backend, operation, status class, outcome, sent; latency, count, attempt", () => {
    const call = {
      backend: "graviti",
      operation: "datasets.list",
      statusClass: "none",
      outcome: "timeout",
      sent: true,
      attempt: 2,
      latencyMs: 4000,
    };
    expect(upstreamDataPoint(call, "ci-bot")).toEqual({
      blobs: ["upstream", "graviti", "datasets.list", "none", "timeout", "sent"],
      doubles: [4000, 1, 2],
      indexes: ["ci-bot"],
    });
  });

  it("indexes by the caller's label, hashed when too long for an index (96 bytes)", () => {
    expect(metricsIndexOf("ci-bot")).toBe("ci-bot");
    expect(metricsIndexOf("x".repeat(200))).toMatch(/^sha256:[0-9a-f]{32}$/);
  });

  it("writes the operation's point then one per attempt, and a sink that throws fails nothing", () => {
    const written: unknown[] = [];
    const call = {
      backend: "nexus",
      operation: "jobs.get",
      statusClass: "2xx",
      outcome: "ok",
      sent: true,
      attempt: 0,
      latencyMs: 5,
    };
    writeOperationMetrics({ writeDataPoint: (point) => written.push(point) }, ENTRY, [call, call]);
    expect(written.map((point) => (point as { blobs: string[] }).blobs[0])).toEqual([
      "operation",
      "upstream",
      "upstream",
    ]);
    expect(() =>
      writeOperationMetrics(
        {
          writeDataPoint: () => {
            throw new Error("too many points");
          },
        },
        ENTRY,
        [call],
      ),
    ).not.toThrow();
  });
});
