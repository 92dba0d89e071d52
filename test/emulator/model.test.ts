/**
 * The emulator's pure decisions that HTTP tests cannot pin down without timing or chance: the share of faulted
 * requests for a given random draw, the webhook retry backoff, and the job pipeline's timing model.
 */
import { describe, expect, it } from "vitest";
import { decideFault } from "../../emulator/src/faults";
import { finishTime, jobStatusAt, stageTime } from "../../emulator/src/job-lifecycle";
import type { JobRecord, WebhookRecord } from "../../emulator/src/types";
import { runWebhookTest, type WebhookTestIo } from "../../emulator/src/webhook-test";

describe("decideFault", () => {
  const draws = (...values: number[]): (() => number) => {
    const queue = [...values];
    return () => queue.shift() ?? 0;
  };

  it("answers errorStatus when the draw falls under errorRate, 429 under errorRate + throttleRate, else passes", async () => {
    const settings = { errorRate: 0.2, throttleRate: 0.3, errorStatus: 502, retryAfterSeconds: 4 };
    const error = decideFault(settings, "/x", draws(0, 0.1));
    expect(error.response?.status).toBe(502);
    expect(await error.response?.json()).toEqual({ code: "BadGatewayError", message: "Injected fault: 502 for /x" });
    const throttled = decideFault(settings, "/x", draws(0, 0.4));
    expect(throttled.response?.status).toBe(429);
    expect(throttled.response?.headers.get("Retry-After")).toBe("4");
    expect(decideFault(settings, "/x", draws(0, 0.5)).response).toBeUndefined();
  });

  it("adds latencyMs plus a share of jitterMs given by the draw", () => {
    expect(decideFault({ latencyMs: 100, jitterMs: 50 }, "/x", draws(0.5, 0.99)).delayMs).toBe(125);
    expect(decideFault(undefined, "/x").delayMs).toBe(0);
  });

  it("leaves paths that do not match the path expression alone", () => {
    const decision = decideFault(
      { errorRate: 1, latencyMs: 100, path: "/jobs$" },
      "/projects/p/batch/datasets",
      draws(0, 0),
    );
    expect(decision).toEqual({ delayMs: 0 });
  });
});

describe("webhook test retries", () => {
  const webhook: WebhookRecord = {
    id: "webhook_1",
    projectId: "proj_demo",
    name: "w",
    endpoint: "https://receiver.example.com/h",
    secret: "c2VjcmV0",
    retries: { maxRetries: 4, maxBackoffMs: 300 },
    createDate: 0,
    updateDate: 0,
  };

  it("waits min(100 ms × 2ⁿ, maxBackoffMs) before retry n and stops at maxRetries", async () => {
    const sleeps: number[] = [];
    const io: WebhookTestIo = {
      fetch: async () => new Response("busy", { status: 503, statusText: "Service Unavailable" }),
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      clock: () => 0,
    };
    const result = await runWebhookTest(webhook, 0, io);
    expect(sleeps).toEqual([100, 200, 300, 300]);
    expect(result).toEqual({
      status: "Failed",
      responseCode: 503,
      latencyMs: 0,
      attemptCount: 5,
      body: "busy",
      reason: "Endpoint answered 503 Service Unavailable (after 5 attempts)",
    });
  });

  it("retries a 429 and a network error, not a 400", async () => {
    const answers = [
      () => new Response(null, { status: 429 }),
      () => Promise.reject(new Error("boom")),
      () => new Response("no", { status: 400 }),
    ];
    let calls = 0;
    const io: WebhookTestIo = {
      fetch: async () => (answers[calls++] ?? answers[2])?.() ?? new Response(null, { status: 400 }),
      sleep: async () => {},
      clock: () => 0,
    };
    const result = await runWebhookTest(webhook, 0, io);
    expect(calls).toBe(3);
    expect(result).toMatchObject({ status: "Failed", responseCode: 400, attemptCount: 3 });
  });
});

describe("job timing model", () => {
  const job: JobRecord = {
    id: "batchjob_model",
    projectId: "proj_demo",
    name: "j",
    createDate: 1_000,
    updateDate: 1_000,
    spec: {
      datasetId: "dataset_x",
      deployment: { kind: "ExistingDeployment", deploymentId: "deploy_x" },
      resultDelivery: { destinations: [] },
    },
    msPerItem: 20,
    resolution: { itemCount: 20 },
  };

  it("gives every stage end of a job its own moment", () => {
    const times = new Set<number>();
    for (let item = 0; item < 20; item++)
      for (let stage = 0; stage < 4; stage++) times.add(stageTime(1_000, 20, item, stage));
    expect(times.size).toBe(80);
  });

  it("ends a 20-item job at 20 ms per item within half a second of its start", () => {
    expect(finishTime(1_000, 20, 20) - 1_000).toBeLessThan(500);
    expect(jobStatusAt(job, finishTime(1_000, 20, 20) - 1)).toMatchObject({ overview: "Waiting", message: "Running" });
    expect(jobStatusAt(job, finishTime(1_000, 20, 20))).toMatchObject({ overview: "Reached", message: "Finished" });
  });

  it("is Waiting before the start and counts nothing", () => {
    const status = jobStatusAt({ ...job, spec: { ...job.spec, startAtTime: 5_000 } }, 4_999);
    expect(status).toMatchObject({ overview: "Waiting", message: "Waiting" });
    expect(Object.values(status.items).every((count) => count === 0)).toBe(true);
  });
});
