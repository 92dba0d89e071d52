/**
 * The Graviti emulator's control API under `/__emulator/graviti/`: reset, the request log and faults, each in this
 * file's tenant; faults answer in Graviti's words, and the control calls are neither recorded nor faulted.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { datasetPath, G, gcall, type GravitiErrorBody } from "./graviti-helpers";

beforeEach(() => G.reset());
afterEach(() => G.clearFaults());

describe("faults", () => {
  it("answer an injected status with the Graviti code for it", async () => {
    const cases: Array<[number, string]> = [
      [503, "ServiceUnavailable"],
      [500, "InternalServerError"],
      [400, "InvalidParamsValue"],
      [401, "Unauthorized"],
      [403, "AccessDenied"],
      [404, "ResourceNotExist"],
      [409, "NameConflict"],
      [502, "InternalServerError"],
    ];
    for (const [status, code] of cases) {
      await G.setFaults({ errorRate: 1, errorStatus: status });
      // A plain fetch: an injected status need not be one the document promises for this operation.
      const response = await fetch(`${inject("emulatorUrl")}/graviti/v2/datasets`, {
        headers: { "X-Token": G.demo.key },
      });
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ code, message: `Injected fault: ${status} for /graviti/v2/datasets` });
    }
  });

  it("default to 503 ServiceUnavailable, and throttle with 429 TooManyRequests and Retry-After", async () => {
    await G.setFaults({ errorRate: 1 });
    expect((await gcall<GravitiErrorBody>("GET", "/graviti/v2/current-workspace")).body.code).toBe(
      "ServiceUnavailable",
    );
    await G.setFaults({ throttleRate: 1, retryAfterSeconds: 9 });
    const throttled = await gcall<GravitiErrorBody>("GET", "/graviti/v2/current-workspace");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("9");
    expect(throttled.body).toEqual({ code: "TooManyRequests", message: "Too many requests: retry after 9 s" });
  });

  it("apply only to paths matching `path`, which sees the /graviti prefix", async () => {
    await G.setFaults({ errorRate: 1, path: "^/graviti/v2/datasets/" });
    expect((await gcall("GET", "/graviti/v2/datasets")).status).toBe(200);
    expect((await gcall("GET", datasetPath(G.demo.workspace, "MNIST"))).status).toBe(503);
  });

  it("leave the state alone when they answer instead of it", async () => {
    await G.setFaults({ errorRate: 1 });
    expect((await gcall("DELETE", datasetPath(G.demo.workspace, "MNIST"))).status).toBe(503);
    await G.clearFaults();
    expect((await gcall("GET", datasetPath(G.demo.workspace, "MNIST"))).status).toBe(200);
  });

  it("are shown by GET, replaced by POST, removed by DELETE and by reset", async () => {
    expect((await gcall("GET", G.controlPath("faults"), { key: null })).body).toEqual({});
    await G.setFaults({ latencyMs: 1, errorRate: 0.5 });
    await G.setFaults({ throttleRate: 0.25 });
    expect((await gcall("GET", G.controlPath("faults"), { key: null })).body).toEqual({ throttleRate: 0.25 });
    await G.reset();
    expect((await gcall("GET", G.controlPath("faults"), { key: null })).body).toEqual({});
  });

  it("answer 400 InvalidParamsValue for a bad setting", async () => {
    const cases: Array<[unknown, string]> = [
      [{ errorRate: 2 }, "errorRate: expected a number from 0 to 1, got 2"],
      [{ path: "(" }, expect.stringMatching(/^path: expected a valid regular expression, got "\(" \(/)],
    ];
    for (const [body, message] of cases) {
      const response = await gcall<GravitiErrorBody>("POST", G.controlPath("faults"), { key: null, body });
      expect(response, JSON.stringify(body)).toMatchObject({
        status: 400,
        body: { code: "InvalidParamsValue", message },
      });
    }
  });
});

describe("the request log", () => {
  it("holds API requests only, injected faults included, and is cleared by DELETE and by reset", async () => {
    await gcall("GET", "/graviti/v2/current-workspace");
    await G.setFaults({ errorRate: 1, errorStatus: 500 });
    await gcall("GET", "/graviti/v2/datasets?limit=1");
    await G.clearFaults();
    await gcall("GET", G.controlPath("requests"), { key: null });
    const log = await G.requests();
    expect(log.map(({ method, path, query, status }) => [method, path, query, status])).toEqual([
      ["GET", "/graviti/v2/current-workspace", "", 200],
      ["GET", "/graviti/v2/datasets", "limit=1", 500],
    ]);
    expect((await gcall("DELETE", G.controlPath("requests"), { key: null })).status).toBe(204);
    expect(await G.requests()).toEqual([]);
    await gcall("GET", "/graviti/v2/current-workspace");
    await G.reset();
    expect(await G.requests()).toEqual([]);
  });

  it("records unknown routes too, never the key, and leaves a request without a key to the default tenant", async () => {
    // Without a key the request names no tenant: the default tenant answers it (401) and records it, not this one.
    await gcall("GET", "/graviti/v2/datasets", { key: null });
    await gcall("GET", "/graviti/nowhere");
    const log = await G.requests();
    expect(log.map((entry) => [entry.path, entry.status])).toEqual([["/graviti/nowhere", 404]]);
    expect(JSON.stringify(log)).not.toContain(G.demo.key);
  });
});

describe("the control API", () => {
  it("resets with an empty body or {}, answering when, and refuses a setting (there are none)", async () => {
    for (const body of [undefined, {}]) {
      const response = await gcall<{ resetAt: number }>("POST", G.controlPath("reset"), { key: null, body });
      expect(response.status).toBe(200);
      expect(response.body.resetAt).toBeGreaterThan(0);
    }
    const refused = await gcall<GravitiErrorBody>("POST", G.controlPath("reset"), {
      key: null,
      body: { msPerItem: 20 },
    });
    expect(refused).toMatchObject({
      status: 400,
      body: { code: "InvalidParamsValue", message: "msPerItem: not a setting (the Graviti emulator has none)" },
    });
  });

  it("answers 400 InvalidParamsValue for a bad tenant name", async () => {
    const response = await gcall<GravitiErrorBody>("GET", "/__emulator/graviti/requests?tenant=Not_Valid", {
      key: null,
    });
    expect(response).toMatchObject({
      status: 400,
      body: {
        code: "InvalidParamsValue",
        message:
          'tenant: expected 1 to 63 lowercase letters, digits or hyphens, starting with a letter or digit, got "Not_Valid"',
      },
    });
  });

  it("answers 404 for an unknown control endpoint and 405 with Allow for a wrong method", async () => {
    const unknown = await gcall<GravitiErrorBody>("GET", "/__emulator/graviti/nothing", { key: null });
    expect(unknown).toMatchObject({
      status: 404,
      body: { code: "ResourceNotExist", message: "no control endpoint /__emulator/graviti/nothing" },
    });
    const wrong = await gcall<GravitiErrorBody>("PUT", "/__emulator/graviti/reset", { key: null });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    expect(wrong.body).toEqual({ code: "MethodNotAllowed", message: "PUT /__emulator/graviti/reset: expected POST" });
  });

  it("is never faulted", async () => {
    await G.setFaults({ errorRate: 1 });
    expect((await gcall("GET", G.controlPath("faults"), { key: null })).status).toBe(200);
    expect((await gcall("GET", G.controlPath("requests"), { key: null })).status).toBe(200);
  });
});
