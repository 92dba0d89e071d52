/**
 * Tenants: each is an isolated copy of the seeded world, found from the project id (and the upload token), with its
 * own state, request log and faults; the default tenant is the emulator as it always was. This is the only test
 * file that resets the default tenant; no file sets faults on it. Other files' requests that name no tenant (an
 * unknown route, an unknown upload token) still land in its request log, so this file only looks for its own
 * entries there.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { tenantNamed, useTenant, type Tenant } from "../utils/tenant";
import {
  call,
  crc32cBase64,
  ndjson,
  upload,
  type ApiErrorBody,
  type Dataset,
  type Job,
  type Page,
  type Webhook,
} from "./helpers";

const first = useTenant();
/** A second tenant of this file's own, so that no other file's tenant is disturbed. */
const second = tenantNamed(`${first.name}-second`);
const fallback = tenantNamed("default");

const batch = (tenant: Tenant, rest: string, project = tenant.demo): Promise<{ status: number; body: unknown }> =>
  call("GET", `/projects/${project.project}/batch/${rest}`, { key: project.key });

async function names<T extends { name: string }>(tenant: Tenant, resource: string): Promise<string[]> {
  const page = await call<Page<T>>("GET", `/projects/${tenant.demo.project}/batch/${resource}?limit=1000`, {
    key: tenant.demo.key,
  });
  expect(page.status).toBe(200);
  return page.body.data.map((row) => row.name);
}

async function createWebhook(tenant: Tenant, name: string): Promise<Webhook> {
  const created = await call<Webhook>("POST", `/projects/${tenant.demo.project}/batch/webhooks`, {
    key: tenant.demo.key,
    body: {
      name,
      spec: {
        endpoint: "https://example.com/hook",
        secret: { contents: "c2VjcmV0" },
        retries: { maxRetries: 0, maxBackoffMs: 0 },
      },
    },
  });
  expect(created.status).toBe(201);
  return created.body;
}

beforeEach(async () => {
  await Promise.all([first.reset(), second.reset(), fallback.reset()]);
});

describe("the default tenant", () => {
  it("is today's emulator: proj_demo with demo-secret-key, proj_other with other-secret-key, /__emulator/* without a tenant", async () => {
    const demo = await call<Page<Job>>("GET", "/projects/proj_demo/batch/jobs?limit=1000", { key: "demo-secret-key" });
    expect(demo.status).toBe(200);
    expect(demo.body.data).toHaveLength(40);
    const other = await call<Page<Job>>("GET", "/projects/proj_other/batch/jobs?limit=1000", {
      key: "other-secret-key",
    });
    expect(other.body.data).toHaveLength(3);
    const log = await call<{ path: string }[]>("GET", "/__emulator/requests", { key: null });
    const projectPaths = log.body
      .map((entry) => entry.path)
      .filter((path) => path.startsWith("/projects/proj_demo/") || path.startsWith("/projects/proj_other/"));
    expect(projectPaths).toEqual(["/projects/proj_demo/batch/jobs", "/projects/proj_other/batch/jobs"]);
  });

  it("answers 403 for a project id that names no valid tenant, like any unknown project", async () => {
    for (const project of ["proj_demo_", "proj_demo_Not_Valid", "proj_unknown_abc"]) {
      const response = await call<ApiErrorBody>("GET", `/projects/${project}/batch/jobs`, { key: "demo-secret-key" });
      expect(response).toMatchObject({
        status: 403,
        body: { code: "ForbiddenError", message: "No Access Rights to Requested Resources" },
      });
    }
  });
});

describe("a tenant", () => {
  it("is seeded like the default tenant: the same names, its own ids", async () => {
    expect(await names<Dataset>(first, "datasets")).toEqual(await names<Dataset>(fallback, "datasets"));
    expect(await names<Job>(first, "jobs")).toEqual(await names<Job>(fallback, "jobs"));
    const ids = async (tenant: Tenant): Promise<string[]> =>
      (
        await call<Page<Job>>("GET", `/projects/${tenant.demo.project}/batch/jobs?limit=1000`, { key: tenant.demo.key })
      ).body.data.map((job) => job.id);
    const [mine, theirs] = await Promise.all([ids(first), ids(second)]);
    expect(mine).toHaveLength(40);
    expect(mine.filter((id) => theirs.includes(id))).toEqual([]);
  });

  it("holds proj_demo_<tenant> and proj_other_<tenant>, each with its own key and no other", async () => {
    expect(first.demo).toEqual({ project: `proj_demo_${first.name}`, key: `demo-secret-key_${first.name}` });
    expect(first.other).toEqual({ project: `proj_other_${first.name}`, key: `other-secret-key_${first.name}` });
    expect((await batch(first, "jobs", first.other)).status).toBe(200);
    for (const key of ["demo-secret-key", second.demo.key, first.other.key]) {
      const response = await batch(first, "jobs", { project: first.demo.project, key });
      expect(response).toMatchObject({ status: 403, body: { code: "ForbiddenError" } });
    }
  });

  it("keeps its state: a create in one tenant and a reset of another leave each other alone", async () => {
    await createWebhook(first, "only-in-first");
    await second.reset();
    expect(await names<Webhook>(first, "webhooks")).toContain("only-in-first");
    expect(await names<Webhook>(second, "webhooks")).not.toContain("only-in-first");
    expect(await names<Webhook>(fallback, "webhooks")).not.toContain("only-in-first");
    await first.reset({ msPerItem: 20 });
    expect(await names<Webhook>(first, "webhooks")).not.toContain("only-in-first");
    const settings = await call<{ msPerItem: number }>("POST", second.controlPath("reset"), { key: null, body: {} });
    expect(settings.body.msPerItem).toBe(1000);
  });

  it("keeps its request log: a request in one tenant is logged there only", async () => {
    await batch(first, "datasets?limit=1");
    await batch(second, "webhooks");
    expect((await first.requests()).map((entry) => `${entry.path}?${entry.query}`)).toEqual([
      `/projects/${first.demo.project}/batch/datasets?limit=1`,
    ]);
    expect((await second.requests()).map((entry) => entry.path)).toEqual([
      `/projects/${second.demo.project}/batch/webhooks`,
    ]);
    const ours = [first.demo.project, second.demo.project].map((project) => `/projects/${project}/`);
    expect((await fallback.requests()).filter((entry) => ours.some((prefix) => entry.path.startsWith(prefix)))).toEqual(
      [],
    );
    await first.clearRequests();
    expect(await first.requests()).toEqual([]);
    expect(await second.requests()).toHaveLength(1);
  });

  it("keeps its faults: a fault in one tenant does not touch another", async () => {
    await first.setFaults({ errorRate: 1, errorStatus: 503 });
    expect(await first.faults()).toEqual({ errorRate: 1, errorStatus: 503 });
    expect(await second.faults()).toEqual({});
    expect(await fallback.faults()).toEqual({});
    expect((await batch(first, "jobs")).status).toBe(503);
    expect((await batch(second, "jobs")).status).toBe(200);
    expect((await batch(fallback, "jobs")).status).toBe(200);
    await first.clearFaults();
    expect((await batch(first, "jobs")).status).toBe(200);
  });

  it("hands out upload URLs that lead back to it", async () => {
    const bytes = ndjson(3);
    const created = await call<Dataset>("POST", `/projects/${first.demo.project}/batch/datasets`, {
      key: first.demo.key,
      body: {
        name: "tenant-upload",
        spec: {
          source: {
            kind: "UploadedNewlineDelimitedJsonFile",
            sizeBytes: bytes.byteLength,
            crc32c: crc32cBase64(bytes),
          },
        },
      },
    });
    expect(created.status).toBe(201);
    const uploadPath = new URL(created.body.status.source.uploadUrl.url).pathname;
    expect(uploadPath).toMatch(new RegExp(`^/upload/${first.name}\\.[0-9a-f]{32}$`));
    await Promise.all([first.clearRequests(), second.clearRequests(), fallback.clearRequests()]);
    expect((await upload(created.body, bytes)).status).toBe(200);
    expect((await first.requests()).map((entry) => entry.method)).toEqual(["PUT"]);
    expect(await second.requests()).toEqual([]);
    expect((await fallback.requests()).map((entry) => entry.path)).not.toContain(uploadPath);
    const read = await call<Dataset>("GET", `/projects/${first.demo.project}/batch/datasets/${created.body.id}`, {
      key: first.demo.key,
    });
    expect(read.body.status).toMatchObject({ overview: "Uploaded", itemCount: 3 });
  });
});
