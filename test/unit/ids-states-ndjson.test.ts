/** Global ids, normalised job and dataset states, NDJSON preparation and the error mapping: pure functions. */
import { describe, expect, it } from "vitest";
import { GraphQLError } from "graphql";
import { datasetStateFromNexus, jobProgress, jobStateFromNexus } from "../../src/backends/nexus/job-state";
import type { NexusDataset, NexusJob } from "../../src/backends/nexus/types";
import { GatewayError, isTransient, toGraphQLError, UpstreamError } from "../../src/errors";
import { crc32cBase64, prepareNdjson } from "../../src/backends/nexus/resolvers/ndjson";
import { reasonOfNexusStatus } from "../../src/backends/nexus/transport";
import { resolveId, resolveIdOf } from "../../src/backends/registry";
import { toGlobalId } from "../../src/global-id";

/** What the registry makes of an id: its type and ref, or null. */
function fromGlobalId(id: string): { typename: string; rawId: string } | null {
  const resolved = resolveId(id);
  return resolved === null ? null : { typename: resolved.nodeType.typename, rawId: resolved.ref };
}

function job(status: Partial<NexusJob["status"]>): NexusJob {
  return {
    id: "batchjob_1",
    name: "j",
    projectId: "p",
    spec: {},
    status: { overview: "Waiting", ...status },
    createDate: 1,
    updateDate: 1,
  };
}

describe("global ids", () => {
  it("round-trips and accepts raw upstream ids", () => {
    const id = toGlobalId("NexusJob", "batchjob_abc-123");
    expect(id).not.toContain("=");
    expect(fromGlobalId(id)).toEqual({ typename: "NexusJob", rawId: "batchjob_abc-123" });
    expect(fromGlobalId("dataset_42")).toEqual({ typename: "NexusDataset", rawId: "dataset_42" });
    expect(fromGlobalId("webhook_x")).toEqual({ typename: "NexusWebhook", rawId: "webhook_x" });
  });

  it("refuses what it did not issue", () => {
    expect(fromGlobalId("hello")).toBeNull();
    expect(fromGlobalId(toGlobalId("NexusJob", "a").slice(0, -1) + "!")).toBeNull();
    expect(fromGlobalId(btoa("Unknown:x"))).toBeNull();
    expect(fromGlobalId(btoa("NexusJob:../../etc"))).toBeNull();
    // Dot segments would steer an upstream path (`DELETE …/webhooks/..` is `DELETE …/batch/`): not ids.
    expect(fromGlobalId(toGlobalId("NexusWebhook", ".."))).toBeNull();
    expect(fromGlobalId(toGlobalId("NexusJob", "."))).toBeNull();
    expect(fromGlobalId(toGlobalId("NexusJob", "batchjob_1/../x"))).toBeNull();
    expect(fromGlobalId(toGlobalId("NexusJob", "dataset_1"))).toBeNull();
    expect(() => resolveIdOf("dataset_1", { typename: "NexusJob" })).toThrow(
      'Argument "id": expected a NexusJob id, got a NexusDataset id.',
    );
    expect(() => resolveIdOf("dataset_1", { kind: "job" })).toThrow(
      'Argument "id": expected a Job id, got a NexusDataset id.',
    );
  });
});

describe("job state", () => {
  it.each([
    [{ overview: "Waiting", message: "Waiting" }, "WAITING"],
    [{ overview: "Waiting", message: "Running" }, "RUNNING"],
    [{ overview: "Waiting", items: { Gathered: 1 } }, "RUNNING"],
    [{ overview: "Reached", message: "Finished" }, "FINISHED"],
    [{ overview: "Reached", message: "Cancelled", cancelledAt: 5 }, "CANCELLED"],
    [{ overview: "Failed", reason: "boom" }, "FAILED"],
    [{ overview: "SomethingNew" }, "WAITING"],
  ] as const)("maps %j to %s", (status, state) => {
    expect(jobStateFromNexus(job(status))).toBe(state);
  });

  it("computes progress as the SDK does, clamped, 1 when finished", () => {
    expect(jobProgress(job({ items: { Delivered: 3, FailedDeliver: 1 } }), 8)).toBe(0.5);
    expect(jobProgress(job({ items: { Delivered: 30 } }), 8)).toBe(1);
    expect(jobProgress(job({ items: { Delivered: 3 } }), null)).toBe(0);
    expect(jobProgress(job({ overview: "Reached", message: "Finished" }), null)).toBe(1);
  });

  it("maps dataset overviews, unknown ones to PROCESSING", () => {
    const dataset = (overview: string): NexusDataset => ({
      id: "d",
      name: "d",
      projectId: "p",
      status: { overview },
      createDate: 1,
      updateDate: 1,
    });
    expect(datasetStateFromNexus(dataset("Uploaded"))).toBe("READY");
    expect(datasetStateFromNexus(dataset("FailedUpload"))).toBe("FAILED");
    expect(datasetStateFromNexus(dataset("Uploading"))).toBe("UPLOADING");
    expect(datasetStateFromNexus(dataset("Mystery"))).toBe("PROCESSING");
  });
});

describe("NDJSON", () => {
  it("computes CRC32C as base64 of the big-endian digest (the standard check value)", () => {
    // CRC-32C("123456789") = 0xE3069283.
    expect(crc32cBase64(new TextEncoder().encode("123456789"))).toBe(btoa(String.fromCharCode(0xe3, 0x06, 0x92, 0x83)));
  });

  it("normalises line ends and blank lines, and counts items", () => {
    const prepared = prepareNdjson('{"a":1}\r\n\n  \n{"b":2}', "input.ndjson");
    expect(new TextDecoder().decode(prepared.bytes)).toBe('{"a":1}\n{"b":2}\n');
    expect(prepared).toMatchObject({ sizeBytes: 16, itemCount: 2 });
  });

  it.each([
    ['{"a":1}\n[1,2]', "input.ndjson, line 2: expected a JSON object, got [1,2]"],
    ['{"a":1}\n\n{nope', "input.ndjson, line 3: not valid JSON: {nope"],
    ["\n\n", "input.ndjson: no items (expected one JSON object per line)."],
  ])("refuses %j naming the line", (text, message) => {
    expect(() => prepareNdjson(text, "input.ndjson")).toThrow(message);
  });
});

describe("toGraphQLError", () => {
  const upstream = (
    status: number,
    extra: Partial<ConstructorParameters<typeof UpstreamError>[1]> = {},
  ): UpstreamError =>
    new UpstreamError("x", {
      backend: "nexus",
      operation: "jobs.list",
      reason: reasonOfNexusStatus(status),
      kind: "http",
      method: "GET",
      path: "/projects/p/batch/jobs",
      status,
      ...extra,
    });
  const failed = (kind: "timeout" | "network" | "invalid-body", reason: "timeout" | "unavailable"): UpstreamError =>
    new UpstreamError(kind, {
      backend: "nexus",
      operation: "jobs.get",
      reason,
      kind,
      method: "GET",
      path: "/p",
      status: 0,
    });

  it.each([
    [upstream(401), "FORBIDDEN"],
    [upstream(403), "FORBIDDEN"],
    [upstream(404), "NOT_FOUND"],
    [upstream(400), "BAD_USER_INPUT"],
    [upstream(429), "RATE_LIMITED"],
    [upstream(503), "UPSTREAM_UNAVAILABLE"],
    [failed("timeout", "timeout"), "UPSTREAM_TIMEOUT"],
    [failed("network", "unavailable"), "UPSTREAM_UNAVAILABLE"],
    [failed("invalid-body", "unavailable"), "UPSTREAM_UNAVAILABLE"],
    [new GatewayError("UNAUTHENTICATED", "no"), "UNAUTHENTICATED"],
  ])("maps %s to %s", (error, code) => {
    expect(toGraphQLError(error).extensions["code"]).toBe(code);
  });

  it("masks anything unexpected, keeping the path of a wrapped error", () => {
    const wrapped = new GraphQLError("secret detail", {
      path: ["jobs", 0],
      originalError: new TypeError("secret detail"),
    });
    const masked = toGraphQLError(wrapped);
    expect(masked.message).toBe("Unexpected error.");
    expect(masked.path).toEqual(["jobs", 0]);
    expect(masked.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR" });
  });

  it("carries retryAfterSeconds on RATE_LIMITED", () => {
    expect(toGraphQLError(upstream(429, { retryAfterSeconds: 9 })).extensions).toEqual({
      code: "RATE_LIMITED",
      retryAfterSeconds: 9,
    });
  });

  it("counts 429, 5xx, timeouts and network failures as transient, 4xx not", () => {
    expect([429, 500, 503].map((status) => isTransient(upstream(status)))).toEqual([true, true, true]);
    expect(isTransient(failed("timeout", "timeout")) && isTransient(failed("network", "unavailable"))).toBe(true);
    expect([400, 403, 404].map((status) => isTransient(upstream(status)))).toEqual([false, false, false]);
    expect(isTransient(new Error("x"))).toBe(false);
  });
});
