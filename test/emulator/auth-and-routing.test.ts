/**
 * Auth, routing and error shapes of the emulator: `Secret-Key` per project, 404 for unknown ids and routes, 405 for
 * a wrong method, 400 for bad JSON, isolation between the two seeded projects, and `/openapi.json`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  batch,
  call,
  clearRequestLog,
  DEMO,
  listAll,
  OTHER,
  requestLog,
  reset,
  type ApiErrorBody,
  type Dataset,
  type Job,
  type Webhook,
} from "./helpers";

const FORBIDDEN = { code: "ForbiddenError", message: "No Access Rights to Requested Resources" };

beforeAll(async () => {
  await reset();
});

describe("Secret-Key auth", () => {
  it("answers 403 ForbiddenError without a Secret-Key", async () => {
    const response = await call<ApiErrorBody>("GET", batch("datasets"), { key: null });
    expect(response.status).toBe(403);
    expect(response.body).toEqual(FORBIDDEN);
  });

  it("answers 403 ForbiddenError for a wrong Secret-Key", async () => {
    const response = await call<ApiErrorBody>("GET", batch("jobs"), { key: "not-the-key" });
    expect(response.status).toBe(403);
    expect(response.body).toEqual(FORBIDDEN);
  });

  it("answers 403 when one project's key is used on another project's path", async () => {
    const response = await call<ApiErrorBody>("GET", batch("webhooks", DEMO.project), { key: OTHER.key });
    expect(response.status).toBe(403);
    expect(response.body).toEqual(FORBIDDEN);
  });

  it("answers 403 for a project that does not exist", async () => {
    const response = await call<ApiErrorBody>("GET", batch("jobs", "proj_0123456789abcdef0123456789abcdef"));
    expect(response.status).toBe(403);
    expect(response.body).toEqual(FORBIDDEN);
  });

  it("checks the key before the route, so a caller without the key learns nothing", async () => {
    const response = await call<ApiErrorBody>("GET", batch("no-such-resource"), { key: null });
    expect(response.status).toBe(403);
  });
});

describe("unknown ids and routes", () => {
  it.each([
    ["datasets", "dataset"],
    ["jobs", "job"],
    ["webhooks", "webhook"],
  ])("answers 404 ResourceNotFoundError naming an unknown %s id", async (resource, noun) => {
    const response = await call<ApiErrorBody>("GET", batch(`${resource}/${noun}_missing`));
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      code: "ResourceNotFoundError",
      message: `${noun} ${noun}_missing not found in project ${DEMO.project}`,
    });
  });

  it("answers 404 for logs of an unknown job", async () => {
    const response = await call<ApiErrorBody>("GET", batch("jobs/batchjob_missing/logs"));
    expect(response.status).toBe(404);
    expect(response.body.message).toBe(`job batchjob_missing not found in project ${DEMO.project}`);
  });

  it("answers 404 with {code, message} for an unknown route", async () => {
    const inside = await call<ApiErrorBody>("GET", batch("deployments"));
    expect(inside.status).toBe(404);
    expect(inside.body).toEqual({
      code: "ResourceNotFoundError",
      message: `no route for GET /projects/${DEMO.project}/batch/deployments`,
    });
    const outside = await call<ApiErrorBody>("GET", "/v2/anything");
    expect(outside.status).toBe(404);
    expect(outside.body.code).toBe("ResourceNotFoundError");
  });

  it("answers 405 naming the allowed methods for a wrong method on a known route", async () => {
    const response = await call<ApiErrorBody>("PUT", batch("datasets"), { body: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, POST");
    expect(response.body).toEqual({
      code: "MethodNotAllowedError",
      message: `PUT /projects/${DEMO.project}/batch/datasets: expected one of GET, POST`,
    });
  });

  it("answers 405 for GET on the webhook :test path", async () => {
    const [webhook] = await listAll<Webhook>("webhooks");
    const response = await call<ApiErrorBody>("GET", batch(`webhooks/${webhook?.id}:test`));
    expect(response.status).toBe(405);
  });
});

describe("bad bodies", () => {
  it("answers 400 for a body that is not JSON", async () => {
    const response = await call<ApiErrorBody>("POST", batch("webhooks"), { body: "{not json" });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: "BadRequestError", message: "body: expected valid JSON" });
  });

  it("answers 400 for a missing body", async () => {
    const response = await call<ApiErrorBody>("POST", batch("jobs"));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: "BadRequestError", message: "body: expected a JSON object, got nothing" });
  });

  it("answers 400 for a JSON body that is not an object", async () => {
    const response = await call<ApiErrorBody>("POST", batch("datasets"), { body: [1, 2] });
    expect(response.status).toBe(400);
    expect(response.body.message).toBe("body: expected a JSON object, got [1,2]");
  });
});

describe("isolation between projects", () => {
  it("lists only the project's own resources", async () => {
    const other = {
      datasets: await listAll<Dataset>("datasets", OTHER.project, OTHER.key),
      jobs: await listAll<Job>("jobs", OTHER.project, OTHER.key),
      webhooks: await listAll<Webhook>("webhooks", OTHER.project, OTHER.key),
    };
    expect(other.datasets).toHaveLength(2);
    expect(other.jobs).toHaveLength(3);
    expect(other.webhooks).toHaveLength(1);
    for (const row of [...other.datasets, ...other.jobs, ...other.webhooks]) expect(row.projectId).toBe(OTHER.project);
  });

  it("answers 404 for another project's id, even with a valid key", async () => {
    const [demoJob] = await listAll<Job>("jobs");
    const response = await call<ApiErrorBody>("GET", batch(`jobs/${demoJob?.id}`, OTHER.project), { key: OTHER.key });
    expect(response.status).toBe(404);
    const deletion = await call<ApiErrorBody>("DELETE", batch(`jobs/${demoJob?.id}`, OTHER.project), {
      key: OTHER.key,
    });
    expect(deletion.status).toBe(404);
    expect((await call<Job>("GET", batch(`jobs/${demoJob?.id}`))).status).toBe(200);
  });
});

describe("GET /openapi.json", () => {
  it("serves the OpenAPI description without auth and without recording it", async () => {
    await clearRequestLog();
    const response = await call<{ openapi: string; paths: Record<string, unknown> }>("GET", "/openapi.json", {
      key: null,
    });
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(await requestLog()).toEqual([]);
  });
});
