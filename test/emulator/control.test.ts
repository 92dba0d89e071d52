/**
 * The control API under /__emulator/: reset (with msPerItem), the request log, and fault injection (latency,
 * error share, throttling with Retry-After, a path filter), with its own validation. Control calls are never
 * recorded and never faulted.
 */
import { beforeEach, describe, expect, inject, it } from "vitest";
import {
  batch,
  call,
  clearRequestLog,
  controlPath,
  createDataset,
  DEMO,
  emulatorUrl,
  keyIdOf,
  listAll,
  ndjson,
  requestLog,
  reset,
  type ApiErrorBody,
  type Dataset,
  type Job,
} from "./helpers";

async function setFaults(body: unknown): Promise<void> {
  const response = await call("POST", controlPath("faults"), { key: null, body });
  expect(response.status).toBe(200);
}

beforeEach(async () => {
  await reset();
});

describe("POST /__emulator/reset", () => {
  it("restores the seeded data: created rows disappear, deleted ones come back with the same ids", async () => {
    const seeded = (await listAll<Job>("jobs")).map((job) => job.id);
    await createDataset(ndjson(2), "temporary");
    expect((await call("DELETE", batch(`jobs/${seeded[0]}`))).status).toBe(200);
    await reset();
    expect((await listAll<Job>("jobs")).map((job) => job.id)).toEqual(seeded);
    expect((await listAll<Dataset>("datasets")).map((d) => d.name)).not.toContain("temporary");
  });

  it("answers the settings it applied, defaults included", async () => {
    const response = await call<{ msPerItem: number; uploadUrlTtlMs: number; resetAt: number }>(
      "POST",
      controlPath("reset"),
      { key: null, body: { msPerItem: 20 } },
    );
    expect(response.status).toBe(200);
    // The documented lifetimes: a 12-hour upload URL, a 10-day dataset; a job without a stop time stops after 7 days.
    expect(response.body).toEqual({
      msPerItem: 20,
      uploadUrlTtlMs: 12 * 3_600_000,
      datasetLifetimeMs: 10 * 24 * 3_600_000,
      jobRunMs: 7 * 24 * 3_600_000,
      resetAt: expect.any(Number),
    });
    const bare = await fetch(`${emulatorUrl()}${controlPath("reset")}`, { method: "POST" });
    expect(((await bare.json()) as { msPerItem: number }).msPerItem).toBe(1000);
  });

  it.each([
    [{ msPerItem: "fast" }, 'msPerItem: expected an integer from 10 to 3600000, got "fast"'],
    [{ msPerItem: 5 }, "msPerItem: expected an integer from 10 to 3600000, got 5"],
    [{ uploadUrlTtlMs: 0 }, "uploadUrlTtlMs: expected an integer from 1 to 604800000, got 0"],
    [{ datasetLifetimeMs: -1 }, "datasetLifetimeMs: expected an integer from 1 to 31536000000, got -1"],
    [{ jobRunMs: "week" }, 'jobRunMs: expected an integer from 1 to 31536000000, got "week"'],
    ["[1]", "body: expected a JSON object, got [1]"],
  ])("rejects a bad body with a 400 naming the field (%#)", async (body, message) => {
    const response = await call<ApiErrorBody>("POST", controlPath("reset"), { key: null, body });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: "BadRequestError", message });
  });
});

describe("the request log", () => {
  it("records each answer's body length in bytes, as the client read it", async () => {
    await clearRequestLog();
    const emulator = inject("emulatorUrl");
    const page = await fetch(`${emulator}${batch("jobs?limit=3")}`, { headers: { "Secret-Key": DEMO.key } });
    const refused = await fetch(`${emulator}${batch("jobs")}`, { headers: { "Secret-Key": "wrong" } });
    const sizes = [(await page.arrayBuffer()).byteLength, (await refused.arrayBuffer()).byteLength];
    expect(sizes[0]).toBeGreaterThan(1000);
    expect((await requestLog()).map((entry) => entry.bytes)).toEqual(sizes);
  });

  it("lists every API request oldest first with method, path, raw query, status, duration and key id", async () => {
    await call("GET", batch("datasets?limit=2&page=abc"));
    await call("GET", batch("jobs"), { key: "wrong" });
    await call("GET", batch("webhooks/webhook_nope"));
    expect(await requestLog()).toEqual([
      {
        method: "GET",
        path: `/projects/${DEMO.project}/batch/datasets`,
        query: "limit=2&page=abc",
        status: 400,
        durationMs: expect.any(Number),
        bytes: expect.any(Number),
        keyId: keyIdOf(DEMO.key),
        traceparent: null,
      },
      {
        method: "GET",
        path: `/projects/${DEMO.project}/batch/jobs`,
        query: "",
        status: 403,
        durationMs: expect.any(Number),
        bytes: expect.any(Number),
        keyId: keyIdOf("wrong"),
        traceparent: null,
      },
      {
        method: "GET",
        path: `/projects/${DEMO.project}/batch/webhooks/webhook_nope`,
        query: "",
        status: 404,
        durationMs: expect.any(Number),
        bytes: expect.any(Number),
        keyId: keyIdOf(DEMO.key),
        traceparent: null,
      },
    ]);
  });

  it("is emptied by reset and by DELETE, and never records control calls", async () => {
    await call("GET", batch("jobs"));
    expect(await requestLog()).toHaveLength(1);
    await clearRequestLog();
    expect(await requestLog()).toEqual([]);
    await call("GET", batch("jobs"));
    await reset();
    await call("POST", controlPath("faults"), { key: null, body: {} });
    await call("DELETE", controlPath("faults"), { key: null });
    expect(await requestLog()).toEqual([]);
  });
});

describe("faults", () => {
  it("answers every request with errorStatus (default 503) at errorRate 1, and records it", async () => {
    await setFaults({ errorRate: 1 });
    const response = await call<ApiErrorBody>("GET", batch("jobs"));
    expect(response.status).toBe(503);
    expect(response.body).toEqual({
      code: "ServiceUnavailableError",
      message: `Injected fault: 503 for /projects/${DEMO.project}/batch/jobs`,
    });
    await setFaults({ errorRate: 1, errorStatus: 500 });
    const internal = await call<ApiErrorBody>("POST", batch("datasets"), { body: { name: "x" } });
    expect(internal.status).toBe(500);
    expect(internal.body.code).toBe("InternalServerError");
    expect((await requestLog()).map((entry) => entry.status)).toEqual([503, 500]);
  });

  it("throttles with 429 TooManyRequestsError and Retry-After at throttleRate 1", async () => {
    await setFaults({ throttleRate: 1, retryAfterSeconds: 7 });
    const response = await call<ApiErrorBody>("GET", batch("datasets"));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.body).toEqual({ code: "TooManyRequestsError", message: "Too many requests: retry after 7 s" });
  });

  it("applies only to paths matching the path regular expression", async () => {
    await setFaults({ errorRate: 1, path: "/jobs" });
    expect((await call("GET", batch("jobs"))).status).toBe(503);
    expect((await call("GET", batch("datasets"))).status).toBe(200);
  });

  it("adds latencyMs to every matching request (seen in the logged duration)", async () => {
    await setFaults({ latencyMs: 150 });
    expect((await call("GET", batch("webhooks"))).status).toBe(200);
    const [entry] = await requestLog();
    expect(entry?.durationMs).toBeGreaterThanOrEqual(150);
  });

  it("is replaced by each POST, shown by GET, removed by DELETE and by reset", async () => {
    await setFaults({ errorRate: 1 });
    await setFaults({ latencyMs: 0 });
    expect((await call("GET", controlPath("faults"), { key: null })).body).toEqual({ latencyMs: 0 });
    expect((await call("GET", batch("jobs"))).status).toBe(200);
    await setFaults({ errorRate: 1 });
    expect((await call("DELETE", controlPath("faults"), { key: null })).status).toBe(204);
    expect((await call("GET", batch("jobs"))).status).toBe(200);
    await setFaults({ errorRate: 1 });
    await reset();
    expect((await call("GET", batch("jobs"))).status).toBe(200);
  });

  it("never applies to control calls", async () => {
    await setFaults({ errorRate: 1, throttleRate: 0 });
    expect((await call("GET", controlPath("requests"), { key: null })).status).toBe(200);
    expect((await call("POST", controlPath("reset"), { key: null, body: {} })).status).toBe(200);
  });

  it.each([
    [{ errorRate: 2 }, "errorRate: expected a number from 0 to 1, got 2"],
    [{ throttleRate: "half" }, 'throttleRate: expected a number from 0 to 1, got "half"'],
    [{ errorStatus: 200 }, "errorStatus: expected an integer from 400 to 599, got 200"],
    [{ latencyMs: -1 }, "latencyMs: expected an integer from 0 to 60000, got -1"],
    [
      { path: "(" },
      'path: expected a valid regular expression, got "(" (Invalid regular expression: /(/: Unterminated group)',
    ],
  ])("rejects a bad fault body with a 400 naming the field (%#)", async (body, message) => {
    const response = await call<ApiErrorBody>("POST", controlPath("faults"), { key: null, body });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: "BadRequestError", message });
  });
});

describe("control routing", () => {
  it("answers 404 for an unknown control endpoint and 405 for a wrong method", async () => {
    const unknown = await call<ApiErrorBody>("GET", "/__emulator/clock", { key: null });
    expect(unknown).toMatchObject({
      status: 404,
      body: { code: "ResourceNotFoundError", message: "no control endpoint /__emulator/clock" },
    });
    const wrong = await call<ApiErrorBody>("PUT", "/__emulator/requests", { key: null, body: {} });
    expect(wrong).toMatchObject({
      status: 405,
      body: { code: "MethodNotAllowedError", message: "PUT /__emulator/requests: expected one of GET, DELETE" },
    });
  });
});
