/**
 * The ModelArts control API (`/__emulator/modelarts/…`): reset with the job speed setting, the request log (GET,
 * DELETE), faults (GET, POST, DELETE) answered in ModelArts's `{error_code, error_msg}` shape, each acting on one
 * tenant only, and separate from the Nexus control API.
 */
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { useTenant } from "../utils/tenant";
import {
  clearFaults,
  controlPath,
  datasetNamed,
  DEMO,
  expectStatus,
  modelArtsProjectsOf,
  requests,
  reset,
  setFaults,
  TENANT,
  v2,
  type DatasetList,
  type ExportTask,
  type ModelArtsErrorBody,
} from "./modelarts-helpers";

const NEIGHBOUR = `${TENANT}-b`;

beforeEach(async () => {
  await reset();
  await reset({}, NEIGHBOUR);
});

afterEach(async () => {
  await clearFaults();
});

describe("reset", () => {
  it("answers the settings applied: msPerSample (default 100) and the reset time", async () => {
    const before = Date.now();
    const fast = await expectStatus<{ msPerSample: number; resetAt: number }>(200, "POST", controlPath("reset"), {
      body: { msPerSample: 7 },
    });
    expect(fast.body.msPerSample).toBe(7);
    expect(fast.body.resetAt).toBeGreaterThanOrEqual(before);
    const plain = await expectStatus<{ msPerSample: number }>(200, "POST", controlPath("reset"));
    expect(plain.body.msPerSample).toBe(100);
  });

  it("makes new export tasks run at msPerSample", async () => {
    await reset({ msPerSample: 3 });
    const dataset = await datasetNamed("product-relations");
    const created = await expectStatus<{ task_id: string }>(
      200,
      "POST",
      v2(`datasets/${dataset.dataset_id}/export-tasks`),
      { body: {} },
    );
    const path = v2(`datasets/${dataset.dataset_id}/export-tasks/${created.body.task_id}`);
    let task = (await expectStatus<ExportTask>(200, "GET", path)).body;
    for (let i = 0; i < 200 && task.status !== "SUCCESSED"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      task = (await expectStatus<ExportTask>(200, "GET", path)).body;
    }
    expect(task.status).toBe("SUCCESSED");
    expect(task.update_time - task.create_time).toBe(3 + 300 * 3);
  });

  it("refuses a msPerSample out of range and an unknown tenant name with 400 naming the field", async () => {
    const bad = await expectStatus<{ code: string; message: string }>(400, "POST", controlPath("reset"), {
      body: { msPerSample: 0 },
    });
    expect(bad.body).toEqual({
      code: "BadRequestError",
      message: "msPerSample: expected an integer from 1 to 3600000, got 0",
    });
    const tenant = await expectStatus<{ code: string; message: string }>(
      400,
      "GET",
      "/__emulator/modelarts/requests?tenant=Bad_Name",
    );
    expect(tenant.body).toEqual({
      code: "BadRequestError",
      message:
        'tenant: expected 1 to 63 lowercase letters, digits or hyphens, starting with a letter or digit, got "Bad_Name"',
    });
  });

  it("brings back the seeded data after a change, and touches no other tenant", async () => {
    const dataset = await datasetNamed("retail-shelf-products");
    const tasksPath = v2(`datasets/${dataset.dataset_id}/export-tasks`);
    await expectStatus(200, "POST", tasksPath, { body: {} });
    const neighbour = modelArtsProjectsOf(NEIGHBOUR).demo;
    const theirDataset = await datasetNamed("retail-shelf-products", neighbour);
    const theirTasks = v2(`datasets/${theirDataset.dataset_id}/export-tasks`, neighbour.project);
    await expectStatus(200, "POST", theirTasks, { token: neighbour.token, body: {} });
    await reset();
    expect((await expectStatus<{ total_count: number }>(200, "GET", tasksPath)).body.total_count).toBe(7);
    expect(
      (await expectStatus<{ total_count: number }>(200, "GET", theirTasks, { token: neighbour.token })).body
        .total_count,
    ).toBe(8);
  });
});

describe("request log", () => {
  it("records every API request with method, path, query, status and duration, oldest first, and is cleared by reset", async () => {
    await expectStatus(200, "GET", v2("datasets?limit=2&order=asc"));
    await expectStatus(401, "GET", v2("datasets"), { token: null });
    await expectStatus(400, "GET", v2("datasets/NoSuch"));
    const log = await requests();
    expect(log.map(({ method, path, query, status }) => ({ method, path, query, status }))).toEqual([
      { method: "GET", path: `/modelarts/v2/${DEMO.project}/datasets`, query: "limit=2&order=asc", status: 200 },
      { method: "GET", path: `/modelarts/v2/${DEMO.project}/datasets`, query: "", status: 401 },
      { method: "GET", path: `/modelarts/v2/${DEMO.project}/datasets/NoSuch`, query: "", status: 400 },
    ]);
    for (const entry of log) expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    await reset();
    expect(await requests()).toEqual([]);
  });

  it("is cleared by DELETE, and never records control calls", async () => {
    await expectStatus(200, "GET", v2("datasets"));
    await expectStatus(204, "DELETE", controlPath("requests"));
    await expectStatus(200, "GET", controlPath("faults"));
    expect(await requests()).toEqual([]);
  });

  it("is a tenant's own, and separate from the Nexus request log", async () => {
    await expectStatus(200, "GET", v2("datasets"));
    expect(await requests(NEIGHBOUR)).toEqual([]);
    expect(await useTenant().requests()).toEqual([]);
    expect(await requests()).toHaveLength(1);
  });
});

describe("faults", () => {
  it("answers the setting on POST and GET, {} when none, and removes it on DELETE", async () => {
    expect((await expectStatus(200, "GET", controlPath("faults"))).body).toEqual({});
    const setting = { errorRate: 0.5, errorStatus: 502, path: "export-tasks" };
    expect((await expectStatus(200, "POST", controlPath("faults"), { body: setting })).body).toEqual(setting);
    expect((await expectStatus(200, "GET", controlPath("faults"))).body).toEqual(setting);
    expect((await expectStatus(200, "GET", controlPath("faults", NEIGHBOUR))).body).toEqual({});
    expect(await useTenant().faults()).toEqual({});
    await expectStatus(204, "DELETE", controlPath("faults"));
    expect((await expectStatus(200, "GET", controlPath("faults"))).body).toEqual({});
  });

  it("injects errors as {error_code, error_msg} and records them", async () => {
    await setFaults({ errorRate: 1 });
    const unavailable = await expectStatus<ModelArtsErrorBody>(503, "GET", v2("datasets"));
    expect(unavailable.body).toEqual({
      error_code: "ModelArts.0000",
      error_msg: `Injected fault: 503 for /modelarts/v2/${DEMO.project}/datasets`,
    });
    await setFaults({ errorRate: 1, errorStatus: 500 });
    const internal = await expectStatus<ModelArtsErrorBody>(500, "GET", v2("datasets"));
    expect(internal.body.error_code).toBe("ModelArts.0000");
    expect((await requests()).map((entry) => entry.status)).toEqual([503, 500]);
  });

  it("throttles with 429 APIGW.0308 and Retry-After", async () => {
    await setFaults({ throttleRate: 1, retryAfterSeconds: 4 });
    const response = await expectStatus<ModelArtsErrorBody>(429, "GET", v2("datasets"));
    expect(response.headers.get("retry-after")).toBe("4");
    expect(response.body).toEqual({ error_code: "APIGW.0308", error_msg: "Too many requests: retry after 4 s" });
  });

  it("applies only to paths matching `path`, and only in its tenant", async () => {
    await setFaults({ errorRate: 1, path: "/export-tasks" });
    const dataset = await datasetNamed("retail-shelf-products");
    await expectStatus(503, "GET", v2(`datasets/${dataset.dataset_id}/export-tasks`));
    await expectStatus(200, "GET", v2(`datasets/${dataset.dataset_id}`));
    const neighbour = modelArtsProjectsOf(NEIGHBOUR).demo;
    const theirs = await datasetNamed("retail-shelf-products", neighbour);
    await expectStatus(200, "GET", v2(`datasets/${theirs.dataset_id}/export-tasks`, neighbour.project), {
      token: neighbour.token,
    });
  });

  it("adds latency: the answer comes no sooner than latencyMs", async () => {
    await setFaults({ latencyMs: 300 });
    const started = Date.now();
    const page = await expectStatus<DatasetList>(200, "GET", v2("datasets?limit=1"));
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(page.body.datasets).toHaveLength(1);
  });

  it("refuses a bad setting with 400 naming the field", async () => {
    const rate = await expectStatus<{ code: string; message: string }>(400, "POST", controlPath("faults"), {
      body: { errorRate: 2 },
    });
    expect(rate.body).toEqual({ code: "BadRequestError", message: "errorRate: expected a number from 0 to 1, got 2" });
    const path = await expectStatus<{ code: string; message: string }>(400, "POST", controlPath("faults"), {
      body: { path: "(" },
    });
    expect(path.body.message).toMatch(/^path: expected a valid regular expression, got "\("/);
  });

  it("never faults the control API or the Nexus API", async () => {
    await setFaults({ errorRate: 1 });
    await expectStatus(200, "GET", controlPath("faults"));
    await expectStatus(200, "GET", controlPath("requests"));
    const nexus = await fetch(`${inject("emulatorUrl")}/projects/${useTenant().demo.project}/batch/datasets?limit=1`, {
      headers: { "Secret-Key": useTenant().demo.key },
    });
    expect(nexus.status).toBe(200);
    await nexus.arrayBuffer();
  });
});
