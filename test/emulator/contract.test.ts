/**
 * The contract between the emulator and its OpenAPI description (`emulator/openapi.json`): the document is
 * well-formed, and every endpoint and every documented status, driven for real over HTTP, answers as documented.
 */
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { crc32c } from "@aws-crypto/crc32c";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  checkedResponses,
  documentedResponses,
  expectMatchesOpenApi,
  expectRequestMatchesOpenApi,
  findOperation,
  type HttpMethod,
  openApiDocument,
  requestProblems,
  resolvePointer,
  schemaValidator,
} from "../utils/openapi";
import { useTenant } from "../utils/tenant";

const HTTP_METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Every `$ref` in a JSON value, with the pointer where it sits. */
function collectRefs(value: unknown, pointer: string, out: Array<{ at: string; ref: string }>): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectRefs(item, `${pointer}/${index}`, out));
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") out.push({ at: pointer, ref: child });
      else collectRefs(child, `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, out);
    }
  }
}

interface ParameterShape {
  name?: unknown;
  in?: unknown;
  required?: unknown;
  schema?: unknown;
}

/** A parameter object, following its `$ref` when it has one. */
function parameterOf(value: unknown): ParameterShape {
  const target = (value as { $ref?: unknown }).$ref;
  return (typeof target === "string" ? resolvePointer(target) : value) as ParameterShape;
}

function operations(): Array<{ template: string; method: HttpMethod; pointer: string }> {
  return Object.entries(openApiDocument.paths).flatMap(([template, item]) =>
    HTTP_METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      template,
      method,
      pointer: `#/paths/${template.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}`,
    })),
  );
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with a title, a version and the Secret-Key security scheme", () => {
    expect(openApiDocument.openapi).toMatch(/^3\.1\.\d+$/);
    expect(openApiDocument.info.title).not.toBe("");
    expect(openApiDocument.info.version).not.toBe("");
    expect(resolvePointer("#/components/securitySchemes/SecretKey")).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "Secret-Key",
    });
  });

  it("resolves every $ref", () => {
    const refs: Array<{ at: string; ref: string }> = [];
    collectRefs(openApiDocument, "#", refs);
    expect(refs.length).toBeGreaterThan(50);
    const dangling = refs.filter(({ ref }) => resolvePointer(ref) === undefined).map(({ at, ref }) => `${at} → ${ref}`);
    expect(dangling).toEqual([]);
  });

  it("declares every path parameter of every template, required, and no path parameter that is not in it", () => {
    const problems: string[] = [];
    for (const { template, method } of operations()) {
      const item = openApiDocument.paths[template] ?? {};
      const declared = [...(item.parameters ?? []), ...(item[method]?.parameters ?? [])]
        .map(parameterOf)
        .filter((parameter) => parameter.in === "path");
      const inTemplate = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      for (const name of inTemplate) {
        const parameter = declared.find((candidate) => candidate.name === name);
        if (parameter === undefined) problems.push(`${method} ${template}: {${name}} is not declared`);
        else if (parameter.required !== true) problems.push(`${method} ${template}: {${name}} is not required`);
      }
      for (const parameter of declared) {
        if (!inTemplate.includes(String(parameter.name))) {
          problems.push(`${method} ${template}: declares path parameter ${String(parameter.name)} not in the path`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("gives every operation a unique operationId and documents at least one success status", () => {
    const ids = operations().map(({ template, method }) => openApiDocument.paths[template]?.[method]?.operationId);
    expect(ids.every((id) => typeof id === "string" && id !== "")).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { template, method } of operations()) {
      const statuses = Object.keys(openApiDocument.paths[template]?.[method]?.responses ?? {});
      expect(
        statuses.some((status) => status.startsWith("2")),
        `${method} ${template}`,
      ).toBe(true);
    }
  });

  it("requires the Secret-Key on every batch operation and documents its 403, and on nothing else", () => {
    for (const { template, method } of operations()) {
      const operation = openApiDocument.paths[template]?.[method] as { security?: unknown[]; responses: object };
      const security = operation.security ?? (openApiDocument as { security?: unknown[] }).security ?? [];
      if (template.startsWith("/projects/")) {
        expect(security, `${method} ${template}`).toEqual([{ SecretKey: [] }]);
        expect(Object.keys(operation.responses), `${method} ${template}`).toContain("403");
      } else {
        expect(security, `${method} ${template}`).toEqual([]);
      }
    }
  });

  it("compiles every request, response and parameter schema", () => {
    for (const { template, method, pointer } of operations()) {
      const operation = openApiDocument.paths[template]?.[method];
      const body = (operation?.requestBody as { content?: Record<string, unknown> } | undefined)?.content;
      for (const mediaType of Object.keys(body ?? {})) {
        expect(() =>
          schemaValidator(`${pointer}/requestBody/content/${mediaType.replace(/\//g, "~1")}/schema`),
        ).not.toThrow();
      }
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        const target = (response as { $ref?: string }).$ref;
        const base = target ?? `${pointer}/responses/${status}`;
        const content = (resolvePointer(base) as { content?: Record<string, unknown> }).content ?? {};
        for (const mediaType of Object.keys(content)) {
          expect(() => schemaValidator(`${base}/content/${mediaType.replace(/\//g, "~1")}/schema`)).not.toThrow();
        }
      }
    }
    for (const name of Object.keys(openApiDocument.components?.parameters ?? {})) {
      expect(() => schemaValidator(`#/components/parameters/${name}/schema`)).not.toThrow();
    }
  });

  it("is the file the emulator imports, in canonical two-space JSON", () => {
    const text = readFileSync(new URL("../../emulator/openapi.json", import.meta.url), "utf8");
    expect(JSON.parse(text)).toEqual(openApiDocument);
    expect(text).toBe(`${JSON.stringify(openApiDocument, null, 2)}\n`);
  });
});

describe("expectMatchesOpenApi", () => {
  const webhook = {
    id: "webhook_1",
    object: "webhook",
    projectId: "proj_demo",
    name: "hook",
    endpoint: "https://example.com/hook",
    retries: { maxRetries: 3, maxBackoffMs: 15000 },
    createDate: 1,
    updateDate: 2,
  };

  it("accepts a body that matches the documented schema", () => {
    expect(() =>
      expectMatchesOpenApi("GET", "/projects/proj_demo/batch/webhooks/webhook_1", 200, webhook),
    ).not.toThrow();
  });

  it("names the operation, the status and the offending field when the body does not match", () => {
    expect(() =>
      expectMatchesOpenApi("GET", "http://x/projects/proj_demo/batch/webhooks/webhook_1?a=1", 200, {
        ...webhook,
        secret: "c2VjcmV0",
      }),
    ).toThrow(
      "OpenAPI: getWebhook (GET /projects/{projectId}/batch/webhooks/{webhookId}) → 200: body does not match the schema: " +
        '(body) must NOT have additional properties {"additionalProperty":"secret"}',
    );
  });

  it("routes the literal :test suffix to testWebhook, not to getWebhook's template", () => {
    expect(findOperation("POST", "/projects/p/batch/webhooks/webhook_1:test")).toMatchObject({
      name: "testWebhook",
      params: { projectId: "p", webhookId: "webhook_1" },
    });
  });

  it("fails for an undocumented path, method or status", () => {
    expect(() => expectMatchesOpenApi("GET", "/nothing", 200, {})).toThrow(
      "OpenAPI: no path template matches GET /nothing",
    );
    expect(() => expectMatchesOpenApi("PUT", "/projects/p/batch/jobs", 200, {})).toThrow(
      "OpenAPI: /projects/{projectId}/batch/jobs has no PUT operation (asked for /projects/p/batch/jobs)",
    );
    expect(() => expectMatchesOpenApi("GET", "/projects/p/batch/jobs", 418, {})).toThrow(
      "OpenAPI: listJobs (GET /projects/{projectId}/batch/jobs) → 418: status 418 is not documented",
    );
  });

  it("fails when a required response header is missing", () => {
    const body = { code: "TooManyRequestsError", message: "slow down" };
    expect(() =>
      expectMatchesOpenApi("GET", "/projects/p/batch/jobs", 429, body, new Headers({ "Retry-After": "1" })),
    ).not.toThrow();
    expect(() => expectMatchesOpenApi("GET", "/projects/p/batch/jobs", 429, body, new Headers())).toThrow(
      "OpenAPI: listJobs (GET /projects/{projectId}/batch/jobs) → 429: required response header missing: Retry-After",
    );
  });

  it("accepts a request the document allows and names every problem of one it does not", () => {
    expect(
      requestProblems("GET", "/projects/p/batch/jobs/batchjob_1/logs?maxEntries=1000&minLevel=Warning&beforeTime=5"),
    ).toEqual([]);
    expect(requestProblems("GET", "/projects/p/batch/jobs?limit=0&sort=name")).toEqual([
      'query limit=0: value must be >= 1 {"comparison":">=","limit":1}',
      "query sort: not documented",
    ]);
    expect(requestProblems("PUT", "/projects/p/batch/webhooks/webhook_1/secret")).toEqual(["body: required"]);
    expect(() =>
      expectRequestMatchesOpenApi("PATCH", "/projects/p/batch/jobs/batchjob_1", { spec: { stopAtTime: "now" } }),
    ).toThrow(
      "OpenAPI: patchJob (PATCH /projects/{projectId}/batch/jobs/{jobId}) request: body: /spec/stopAtTime must be integer",
    );
  });

  it("fails for a body where the document says there is none", () => {
    expect(() => expectMatchesOpenApi("DELETE", "/__emulator/faults", 204, { ok: true })).toThrow(
      'OpenAPI: clearEmulatorFaults (DELETE /__emulator/faults) → 204: documented without a body, got {"ok":true}',
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The running emulator, driven endpoint by endpoint and status by status.
// ---------------------------------------------------------------------------------------------------------------

const tenant = useTenant();
const DEMO = { projectId: tenant.demo.project, secretKey: tenant.demo.key } as const;
const OTHER = { projectId: tenant.other.project, secretKey: tenant.other.key } as const;
/** This file's tenant's form of a control endpoint (`/__emulator/reset?tenant=…`). */
const control = (endpoint: string): string => tenant.controlPath(endpoint);
const NO_SUCH = {
  dataset: "dataset_00000000-0000-4000-8000-000000000000",
  job: "batchjob_00000000-0000-4000-8000-000000000000",
  webhook: "webhook_00000000-0000-4000-8000-000000000000",
};

/** A response as the test sees it: status, headers and the body parsed as JSON (or text, or undefined). */
interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

interface CallOptions {
  /** The `Secret-Key` to send; `null` sends none. Default: the demo project's key. */
  key?: string | null;
  /** A JSON body. */
  json?: unknown;
  /** A raw body (for uploads and malformed JSON). */
  raw?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
  /**
   * The document itself rejects this request (a 400 test): asserts that it does, so that the documented request
   * schemas are never looser than the emulator's validation.
   */
  invalid?: boolean;
}

/** Sends one request to the emulator, checks the response against the OpenAPI document, and returns it. */
async function call(method: string, pathAndQuery: string, options: CallOptions = {}): Promise<ApiResponse> {
  const url = pathAndQuery.startsWith("http") ? pathAndQuery : `${inject("emulatorUrl")}${pathAndQuery}`;
  const headers = new Headers(options.headers);
  const key = options.key === undefined ? DEMO.secretKey : options.key;
  if (key !== null) headers.set("Secret-Key", key);
  let body: string | Uint8Array<ArrayBuffer> | undefined = options.raw;
  if (options.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.json);
  }
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text === "" ? undefined : text;
  if (text !== "" && (response.headers.get("content-type") ?? "").includes("json")) parsed = JSON.parse(text);
  expectMatchesOpenApi(method, url, response.status, parsed, response.headers);
  // Requests the emulator accepted must be ones the document accepts (raw uploads carry no JSON to check).
  if (response.ok && options.raw === undefined) expectRequestMatchesOpenApi(method, url, options.json);
  if (options.invalid === true) {
    expect(
      requestProblems(method, url, options.json),
      `the document should reject ${method} ${pathAndQuery}`,
    ).not.toEqual([]);
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** Like {@link call}, and asserts the status. */
async function expectStatus(status: number, method: string, path: string, options?: CallOptions): Promise<ApiResponse> {
  const response = await call(method, path, options);
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
  return response;
}

const batch = (projectId: string = DEMO.projectId) => `/projects/${projectId}/batch`;

/** Base64 of the 4-byte big-endian CRC32C of some bytes, as Nexus wants it. */
function crc32cBase64(bytes: Uint8Array): string {
  const digest = crc32c(bytes);
  return Buffer.from([digest >>> 24, (digest >>> 16) & 0xff, (digest >>> 8) & 0xff, digest & 0xff]).toString("base64");
}

const NDJSON = new TextEncoder().encode(
  ['{"kind":"Image","url":"https://example.com/1.jpg"}', '{"kind":"Image","url":"https://example.com/2.jpg"}'].join(
    "\n",
  ),
);
const BAD_NDJSON = new TextEncoder().encode('{"kind":"Image","url":"https://example.com/1.jpg"}\nnot json\n');

function createDatasetBody(bytes: Uint8Array, name = "contract dataset") {
  return {
    name,
    spec: {
      source: { kind: "UploadedNewlineDelimitedJsonFile", sizeBytes: bytes.byteLength, crc32c: crc32cBase64(bytes) },
    },
  };
}

function webhookBody(endpoint: string) {
  return {
    name: "contract webhook",
    spec: {
      endpoint,
      secret: { contents: Buffer.from("0123456789abcdef0123456789abcdef").toString("base64") },
      retries: { maxRetries: 0, maxBackoffMs: 100 },
    },
  };
}

interface Listed {
  id: string;
}

/** Every item of a list endpoint, walking `nextPage` with a small `limit` so that paging is exercised. */
async function listAll<T extends Listed>(resource: string, limit = 7): Promise<T[]> {
  const items: T[] = [];
  let page: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const query: string = page === null ? `limit=${limit}` : `limit=${limit}&page=${encodeURIComponent(page)}`;
    const { body } = await expectStatus(200, "GET", `${batch()}/${resource}?${query}`);
    const result = body as { nextPage: string | null; data: T[] };
    items.push(...result.data);
    page = result.nextPage;
    if (page === null) return items;
  }
  throw new Error(`${resource}: more than 100 pages`);
}

/** Polls a condition until it holds, with a bound (no timing assertions). */
async function eventually<T>(what: string, probe: () => Promise<T | undefined>, attempts = 100): Promise<T> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** A local receiver for webhook tests: answers 204 to every POST and counts them. */
let receiver: Server;
let receiverUrl = "";
let received = 0;

/** Ids that the tests below fill in as they go (created objects and seeded ones). */
const ids = {
  dataset: "",
  uploadedDataset: "",
  job: "",
  webhook: "",
  deployment: "",
  uploadUrl: "",
  uploadHeaders: {} as Record<string, string>,
};

describe("the emulator against its OpenAPI document", () => {
  beforeAll(async () => {
    receiver = createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        received++;
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    await expectStatus(200, "POST", control("reset"), { key: null, json: { msPerItem: 20 } });
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  describe("control API", () => {
    it("resets with and without a body and refuses a bad one with 400 naming the field", async () => {
      await expectStatus(200, "POST", control("reset"), { key: null });
      await expectStatus(200, "POST", control("reset"), { key: null, json: { msPerItem: 20 } });
      const bad = await expectStatus(400, "POST", control("reset"), {
        key: null,
        json: { msPerItem: "fast" },
        invalid: true,
      });
      expect((bad.body as { message: string }).message).toMatch(/^msPerItem: /);
    });

    it("lists and clears the request log", async () => {
      await expectStatus(200, "GET", `${batch()}/webhooks?limit=1`);
      const log = await expectStatus(200, "GET", control("requests"), { key: null });
      expect(log.body).toContainEqual(
        expect.objectContaining({ method: "GET", path: `${batch()}/webhooks`, query: "limit=1", status: 200 }),
      );
      await expectStatus(204, "DELETE", control("requests"), { key: null });
      // Not asserted empty: a gateway test file that ran before may still have a subscription poll in flight.
      const cleared = await expectStatus(200, "GET", control("requests"), { key: null });
      expect(cleared.body).not.toContainEqual(
        expect.objectContaining({ path: `${batch()}/webhooks`, query: "limit=1" }),
      );
    });

    it("sets and clears faults, refusing a bad setting with 400 naming the field", async () => {
      const setting = { latencyMs: 1, path: "^/nothing$" };
      await expectStatus(200, "POST", control("faults"), { key: null, json: setting });
      expect((await expectStatus(200, "GET", control("faults"), { key: null })).body).toEqual(setting);
      const bad = await expectStatus(400, "POST", control("faults"), {
        key: null,
        json: { errorRate: 2 },
        invalid: true,
      });
      expect((bad.body as { message: string }).message).toMatch(/^errorRate: /);
      const badRegex = await expectStatus(400, "POST", control("faults"), {
        key: null,
        json: { path: "([" },
        invalid: true,
      });
      expect((badRegex.body as { message: string }).message).toMatch(/^path: /);
      await expectStatus(204, "DELETE", control("faults"), { key: null });
      expect((await expectStatus(200, "GET", control("faults"), { key: null })).body).toEqual({});
    });

    it("adds and revokes a key, refusing a bad body with 400 naming the field", async () => {
      const key = "contract-second-key";
      const added = await expectStatus(200, "POST", control("keys"), {
        key: null,
        json: { project: DEMO.projectId, add: key },
      });
      expect((added.body as { keyIds: string[] }).keyIds).toHaveLength(2);
      await expectStatus(200, "GET", `${batch()}/webhooks?limit=1`, { key });
      await expectStatus(200, "POST", control("keys"), { key: null, json: { project: DEMO.projectId, revoke: key } });
      const refused = await expectStatus(403, "GET", `${batch()}/webhooks?limit=1`, { key });
      expect(refused.body).toEqual({ code: "ForbiddenError", message: "No Access Rights to Requested Resources" });
      const bad = await expectStatus(400, "POST", control("keys"), {
        key: null,
        json: { project: DEMO.projectId, add: "" },
        invalid: true,
      });
      expect((bad.body as { message: string }).message).toMatch(/^add: /);
    });

    it("rejects an upload after its URL expired with 403; the dataset reads FailedUpload", async () => {
      await expectStatus(200, "POST", control("reset"), { key: null, json: { uploadUrlTtlMs: 1 } });
      const created = await expectStatus(201, "POST", `${batch()}/datasets`, {
        json: createDatasetBody(NDJSON, "expires at once"),
      });
      const dataset = created.body as {
        id: string;
        status: { source: { uploadUrl: { url: string; headers: Record<string, string>; expiresAtTime: number } } };
      };
      const { url, headers, expiresAtTime } = dataset.status.source.uploadUrl;
      await eventually("the upload URL to expire", async () => (Date.now() > expiresAtTime + 5 ? true : undefined));
      const preflight = await expectStatus(204, "OPTIONS", url, {
        key: null,
        headers: {
          Origin: "http://app.example",
          "Access-Control-Request-Method": "PUT",
          "Access-Control-Request-Headers": Object.keys(headers).join(", "),
        },
      });
      expect(preflight.headers.get("access-control-allow-methods")).toContain("PUT");
      for (const name of Object.keys(headers))
        expect(preflight.headers.get("access-control-allow-headers")).toContain(name);
      const expired = await expectStatus(403, "PUT", url, { key: null, raw: NDJSON, headers });
      expect(expired.body).toMatchObject({ code: "ForbiddenError" });
      const after = await expectStatus(200, "GET", `${batch()}/datasets/${dataset.id}`);
      expect(after.body).toMatchObject({ status: { overview: "FailedUpload", updateTime: expiresAtTime } });
      await expectStatus(200, "POST", control("reset"), { key: null, json: { msPerItem: 20 } });
    });

    it("refuses a tenant name that is not valid with 400 naming tenant, on every control operation", async () => {
      const operations: Array<[string, string, unknown]> = [
        ["POST", "reset", {}],
        ["GET", "requests", undefined],
        ["DELETE", "requests", undefined],
        ["POST", "faults", {}],
        ["GET", "faults", undefined],
        ["DELETE", "faults", undefined],
        ["POST", "keys", {}],
      ];
      for (const [method, endpoint, json] of operations) {
        const bad = await expectStatus(400, method, `/__emulator/${endpoint}?tenant=Not_Valid`, {
          key: null,
          json,
          invalid: true,
        });
        expect(bad.body).toEqual({
          code: "BadRequestError",
          message:
            'tenant: expected 1 to 63 lowercase letters, digits or hyphens, starting with a letter or digit, got "Not_Valid"',
        });
      }
    });

    it("serves /openapi.json equal to emulator/openapi.json", async () => {
      const { body } = await expectStatus(200, "GET", "/openapi.json", { key: null });
      const file: unknown = JSON.parse(readFileSync(new URL("../../emulator/openapi.json", import.meta.url), "utf8"));
      expect(body).toEqual(file);
    });
  });

  describe("seeded data", () => {
    it("lists every seeded dataset, job and webhook page by page, each matching its schema", async () => {
      const datasets = await listAll<Listed & { status: { overview: string } }>("datasets");
      const jobs = await listAll<Listed & { spec: { deployment: { kind: string; deploymentId?: string } } }>("jobs");
      const webhooks = await listAll<Listed>("webhooks");
      expect(datasets.length).toBeGreaterThanOrEqual(8);
      expect(jobs.length).toBeGreaterThanOrEqual(40);
      expect(webhooks.length).toBeGreaterThanOrEqual(3);
      ids.uploadedDataset = datasets.find((dataset) => dataset.status.overview === "Uploaded")?.id ?? "";
      ids.deployment = jobs.map((job) => job.spec.deployment.deploymentId).find((id) => id !== undefined) ?? "";
      expect(ids.uploadedDataset).not.toBe("");
      expect(ids.deployment).not.toBe("");
    });

    it("walks back with prevPage", async () => {
      const first = (await expectStatus(200, "GET", `${batch()}/jobs?limit=5`)).body as { nextPage: string };
      const second = (
        await expectStatus(200, "GET", `${batch()}/jobs?limit=5&page=${encodeURIComponent(first.nextPage)}`)
      ).body as { prevPage: string };
      expect(second.prevPage).not.toBeNull();
      await expectStatus(200, "GET", `${batch()}/jobs?limit=5&page=${encodeURIComponent(second.prevPage)}`);
    });

    it("gets every seeded job and its logs", async () => {
      const jobs = await listAll<Listed>("jobs", 100);
      for (const job of jobs) {
        await expectStatus(200, "GET", `${batch()}/jobs/${job.id}`);
        await expectStatus(200, "GET", `${batch()}/jobs/${job.id}/logs?maxEntries=1000`);
      }
    });

    it("gets every seeded dataset, job and webhook, in both projects", async () => {
      for (const project of [DEMO, OTHER]) {
        for (const resource of ["datasets", "jobs", "webhooks"]) {
          const { body } = await expectStatus(200, "GET", `${batch(project.projectId)}/${resource}?limit=1000`, {
            key: project.secretKey,
          });
          for (const item of (body as { data: Listed[] }).data) {
            await expectStatus(200, "GET", `${batch(project.projectId)}/${resource}/${item.id}`, {
              key: project.secretKey,
            });
          }
        }
      }
    });
  });

  describe("datasets", () => {
    it("creates a dataset with an upload URL, then refuses a bad body with 400 naming the field", async () => {
      const created = await expectStatus(201, "POST", `${batch()}/datasets`, { json: createDatasetBody(NDJSON) });
      const dataset = created.body as {
        id: string;
        status: { source: { uploadUrl: { url: string; headers: Record<string, string> } } };
      };
      ids.dataset = dataset.id;
      ids.uploadUrl = dataset.status.source.uploadUrl.url;
      ids.uploadHeaders = dataset.status.source.uploadUrl.headers;
      const bad = await expectStatus(400, "POST", `${batch()}/datasets`, {
        json: {
          name: "x",
          spec: { source: { kind: "UploadedNewlineDelimitedJsonFile", sizeBytes: -1, crc32c: "AAAAAA==" } },
        },
        invalid: true,
      });
      expect((bad.body as { message: string }).message).toMatch(/^spec\.source\.sizeBytes: /);
      await expectStatus(400, "POST", `${batch()}/datasets`, {
        raw: "{not json",
        headers: { "content-type": "application/json" },
      });
    });

    it("refuses list queries out of range or with a malformed page token", async () => {
      for (const query of ["limit=0", "limit=1001", "limit=abc", "limit=1.5"]) {
        await expectStatus(400, "GET", `${batch()}/datasets?${query}`, { invalid: true });
      }
      // A page token is an opaque string to the document; only the emulator can tell a forged one.
      for (const query of ["page=%25%25%25", "page=bm90LWEtdG9rZW4"]) {
        await expectStatus(400, "GET", `${batch()}/datasets?${query}`);
      }
    });

    it("rejects an upload with a wrong CRC32C, size or header or an unknown token, then accepts the right file once", async () => {
      const otherCrc = crc32cBase64(BAD_NDJSON);
      const wrongCrc = await expectStatus(400, "PUT", ids.uploadUrl, {
        key: null,
        raw: NDJSON.map((byte, index) => (index === 10 ? byte ^ 1 : byte)),
        headers: ids.uploadHeaders,
      });
      expect((wrongCrc.body as { message: string }).message).toMatch(/CRC32C/);
      const wrongHeader = await expectStatus(400, "PUT", ids.uploadUrl, {
        key: null,
        raw: NDJSON,
        headers: { ...ids.uploadHeaders, "x-goog-hash": `crc32c=${otherCrc}` },
      });
      expect((wrongHeader.body as { message: string }).message).toMatch(/x-goog-hash/);
      // The client sends the true length of what it sends: the signed content-length no longer matches.
      const trueLength = Object.fromEntries(
        Object.entries(ids.uploadHeaders).filter(([name]) => name !== "content-length"),
      );
      const wrongSize = await expectStatus(400, "PUT", ids.uploadUrl, {
        key: null,
        raw: NDJSON.slice(1),
        headers: trueLength,
      });
      expect((wrongSize.body as { message: string }).message).toMatch(/content-length/);
      const unknown = ids.uploadUrl.replace(/[^/]+$/, "no-such-token");
      await expectStatus(404, "PUT", unknown, { key: null, raw: NDJSON, headers: ids.uploadHeaders });
      const accepted = await call("PUT", ids.uploadUrl, { key: null, raw: NDJSON, headers: ids.uploadHeaders });
      expect(accepted.status).toBeGreaterThanOrEqual(200);
      expect(accepted.status).toBeLessThan(300);
      const uploaded = await eventually("the dataset to be Uploaded", async () => {
        const { body } = await expectStatus(200, "GET", `${batch()}/datasets/${ids.dataset}`);
        const dataset = body as { status: { overview: string; itemCount?: number } };
        return dataset.status.overview === "Uploaded" ? dataset : undefined;
      });
      expect(uploaded.status.itemCount).toBe(2);
      const again = await expectStatus(412, "PUT", ids.uploadUrl, {
        key: null,
        raw: NDJSON,
        headers: ids.uploadHeaders,
      });
      expect(again.body).toMatchObject({ code: "PreconditionFailedError" });
    });

    it("moves a dataset with a bad line to FailedProcessing, still matching the schema", async () => {
      const created = await expectStatus(201, "POST", `${batch()}/datasets`, {
        json: createDatasetBody(BAD_NDJSON, "bad file"),
      });
      const dataset = created.body as {
        id: string;
        status: { source: { uploadUrl: { url: string; headers: Record<string, string> } } };
      };
      await call("PUT", dataset.status.source.uploadUrl.url, {
        key: null,
        raw: BAD_NDJSON,
        headers: dataset.status.source.uploadUrl.headers,
      });
      await eventually("the dataset to be FailedProcessing", async () => {
        const { body } = await expectStatus(200, "GET", `${batch()}/datasets/${dataset.id}`);
        return (body as { status: { overview: string } }).status.overview === "FailedProcessing" ? body : undefined;
      });
    });

    it("answers 404 for an unknown dataset on get and delete, and deletes a known one", async () => {
      await expectStatus(404, "GET", `${batch()}/datasets/${NO_SUCH.dataset}`);
      await expectStatus(404, "DELETE", `${batch()}/datasets/${NO_SUCH.dataset}`);
      const created = await expectStatus(201, "POST", `${batch()}/datasets`, {
        json: createDatasetBody(NDJSON, "to delete"),
      });
      const { id } = created.body as { id: string };
      const deleted = await expectStatus(200, "DELETE", `${batch()}/datasets/${id}`);
      expect(deleted.body).toMatchObject({ deleted: true });
      await expectStatus(404, "GET", `${batch()}/datasets/${id}`);
    });
  });

  describe("webhooks", () => {
    it("creates, gets, updates and rotates the secret of a webhook, never returning the secret", async () => {
      const created = await expectStatus(201, "POST", `${batch()}/webhooks`, { json: webhookBody(receiverUrl) });
      ids.webhook = (created.body as { id: string }).id;
      await expectStatus(200, "GET", `${batch()}/webhooks/${ids.webhook}`);
      await expectStatus(200, "PATCH", `${batch()}/webhooks/${ids.webhook}`, {
        json: { spec: { retries: { maxRetries: 1, maxBackoffMs: 100 } } },
      });
      await expectStatus(200, "PUT", `${batch()}/webhooks/${ids.webhook}/secret`, {
        json: { contents: Buffer.from("another secret").toString("base64") },
      });
    });

    it("refuses bad webhook bodies and list queries with 400 naming the field", async () => {
      const create = await expectStatus(400, "POST", `${batch()}/webhooks`, {
        json: webhookBody("ftp://example.com"),
        invalid: true,
      });
      expect((create.body as { message: string }).message).toMatch(/^spec\.endpoint: /);
      const patch = await expectStatus(400, "PATCH", `${batch()}/webhooks/${ids.webhook}`, {
        json: { spec: { retries: { maxRetries: -1, maxBackoffMs: 0 } } },
        invalid: true,
      });
      expect((patch.body as { message: string }).message).toMatch(/^spec\.retries\.maxRetries: /);
      const rotate = await expectStatus(400, "PUT", `${batch()}/webhooks/${ids.webhook}/secret`, {
        json: { contents: "not base64!" },
        invalid: true,
      });
      expect((rotate.body as { message: string }).message).toMatch(/^contents: /);
      await expectStatus(400, "GET", `${batch()}/webhooks?limit=-5`, { invalid: true });
    });

    it("tests a reachable webhook (Ok) and an unreachable one (a result with a reason)", async () => {
      const before = received;
      const ok = await expectStatus(200, "POST", `${batch()}/webhooks/${ids.webhook}:test`);
      expect(ok.body).toMatchObject({ status: "Ok", responseCode: 204 });
      expect(received).toBeGreaterThan(before);
      const dead = await expectStatus(201, "POST", `${batch()}/webhooks`, {
        json: webhookBody("http://127.0.0.1:9/unreachable"),
      });
      const result = await expectStatus(200, "POST", `${batch()}/webhooks/${(dead.body as { id: string }).id}:test`);
      expect(result.body).toHaveProperty("reason");
    });

    it("answers 404 for an unknown webhook on every webhook operation, and deletes a known one", async () => {
      const unknown = `${batch()}/webhooks/${NO_SUCH.webhook}`;
      await expectStatus(404, "GET", unknown);
      await expectStatus(404, "PATCH", unknown, { json: { spec: { endpoint: receiverUrl } } });
      await expectStatus(404, "PUT", `${unknown}/secret`, { json: { contents: "c2VjcmV0" } });
      await expectStatus(404, "POST", `${unknown}:test`);
      await expectStatus(404, "DELETE", unknown);
      const created = await expectStatus(201, "POST", `${batch()}/webhooks`, { json: webhookBody(receiverUrl) });
      const deleted = await expectStatus(200, "DELETE", `${batch()}/webhooks/${(created.body as { id: string }).id}`);
      expect(deleted.body).toMatchObject({ deleted: true });
    });
  });

  describe("jobs", () => {
    function jobBody(overrides: Record<string, unknown> = {}) {
      return {
        name: "contract job",
        spec: {
          datasetId: ids.dataset,
          deployment: { kind: "ExistingDeployment", deploymentId: ids.deployment },
          resultDelivery: { destinations: [{ kind: "Webhook", webhookId: ids.webhook }] },
          ...overrides,
        },
      };
    }

    it("creates a job and follows it to the end, its logs matching the schema on the way", async () => {
      const created = await expectStatus(201, "POST", `${batch()}/jobs`, { json: jobBody() });
      ids.job = (created.body as { id: string }).id;
      await eventually("the job to finish", async () => {
        const { body } = await expectStatus(200, "GET", `${batch()}/jobs/${ids.job}`);
        await expectStatus(200, "GET", `${batch()}/jobs/${ids.job}/logs?minLevel=Debug&maxEntries=1000`);
        return (body as { status: { overview: string } }).status.overview === "Reached" ? body : undefined;
      });
      await expectStatus(
        200,
        "GET",
        `${batch()}/jobs/${ids.job}/logs?beforeTime=${Date.now()}&afterTime=0&minLevel=Warning&maxEntries=5`,
      );
    });

    it("creates a job with an ephemeral deployment and a future start, and cancels it with a PATCH", async () => {
      const created = await expectStatus(201, "POST", `${batch()}/jobs`, {
        json: jobBody({
          startAtTime: Date.now() + 3_600_000,
          deployment: {
            kind: "NewEphemeralDeployment",
            template: { artifactId: "artifact_1", instanceId: "instance_t4-standard-1g", replicas: 1 },
          },
        }),
      });
      const { id } = created.body as { id: string };
      const cancelled = await expectStatus(200, "PATCH", `${batch()}/jobs/${id}`, {
        json: { spec: { stopAtTime: Date.now() } },
      });
      expect(cancelled.body).toMatchObject({ status: { overview: "Reached", message: "Cancelled" } });
    });

    it("fails a job whose dataset is missing, with a reason", async () => {
      const created = await expectStatus(201, "POST", `${batch()}/jobs`, {
        json: jobBody({ datasetId: NO_SUCH.dataset }),
      });
      const failed = await eventually("the job to fail", async () => {
        const { body } = await expectStatus(200, "GET", `${batch()}/jobs/${(created.body as { id: string }).id}`);
        return (body as { status: { overview: string } }).status.overview === "Failed" ? body : undefined;
      });
      expect(failed).toHaveProperty("status.reason");
    });

    it("refuses bad job bodies and queries with 400 naming the field", async () => {
      const create = await expectStatus(400, "POST", `${batch()}/jobs`, {
        json: jobBody({ deployment: { kind: "Nope" } }),
        invalid: true,
      });
      expect((create.body as { message: string }).message).toMatch(/^spec\.deployment/);
      const patch = await expectStatus(400, "PATCH", `${batch()}/jobs/${ids.job}`, {
        json: { spec: { stopAtTime: "now" } },
        invalid: true,
      });
      expect((patch.body as { message: string }).message).toMatch(/^spec\.stopAtTime: /);
      await expectStatus(400, "GET", `${batch()}/jobs?limit=10000`, { invalid: true });
      for (const query of [
        "maxEntries=1001",
        "maxEntries=0",
        "minLevel=Loud",
        "beforeTime=yesterday",
        "afterTime=-x",
      ]) {
        await expectStatus(400, "GET", `${batch()}/jobs/${ids.job}/logs?${query}`, { invalid: true });
      }
    });

    it("answers 404 for an unknown job on every job operation, and deletes a known one", async () => {
      const unknown = `${batch()}/jobs/${NO_SUCH.job}`;
      await expectStatus(404, "GET", unknown);
      await expectStatus(404, "PATCH", unknown, { json: { spec: { stopAtTime: Date.now() } } });
      await expectStatus(404, "GET", `${unknown}/logs`);
      await expectStatus(404, "DELETE", unknown);
      const deleted = await expectStatus(200, "DELETE", `${batch()}/jobs/${ids.job}`);
      expect(deleted.body).toMatchObject({ deleted: true });
    });
  });

  /** One request to every batch operation, with a valid body, for the auth and fault sweeps. */
  function everyBatchOperation(projectId: string = DEMO.projectId): Array<[string, string, unknown]> {
    const p = batch(projectId);
    return [
      ["POST", `${p}/datasets`, createDatasetBody(NDJSON)],
      ["GET", `${p}/datasets`, undefined],
      ["GET", `${p}/datasets/${ids.uploadedDataset}`, undefined],
      ["DELETE", `${p}/datasets/${NO_SUCH.dataset}`, undefined],
      [
        "POST",
        `${p}/jobs`,
        {
          name: "j",
          spec: {
            datasetId: ids.uploadedDataset,
            deployment: { kind: "ExistingDeployment", deploymentId: ids.deployment },
            resultDelivery: { destinations: [] },
          },
        },
      ],
      ["GET", `${p}/jobs`, undefined],
      ["GET", `${p}/jobs/${NO_SUCH.job}`, undefined],
      ["PATCH", `${p}/jobs/${NO_SUCH.job}`, { spec: { stopAtTime: Date.now() } }],
      ["DELETE", `${p}/jobs/${NO_SUCH.job}`, undefined],
      ["GET", `${p}/jobs/${NO_SUCH.job}/logs`, undefined],
      ["POST", `${p}/webhooks`, webhookBody(receiverUrl)],
      ["GET", `${p}/webhooks`, undefined],
      ["GET", `${p}/webhooks/${ids.webhook}`, undefined],
      ["PATCH", `${p}/webhooks/${ids.webhook}`, { spec: { endpoint: receiverUrl } }],
      ["PUT", `${p}/webhooks/${ids.webhook}/secret`, { contents: "c2VjcmV0" }],
      ["DELETE", `${p}/webhooks/${NO_SUCH.webhook}`, undefined],
      ["POST", `${p}/webhooks/${ids.webhook}:test`, undefined],
    ];
  }

  describe("auth", () => {
    it("answers 403 ForbiddenError on every batch operation without a key, with a wrong key, or with another project's key", async () => {
      const attempts: Array<{ projectId: string; key: string | null }> = [
        { projectId: DEMO.projectId, key: null },
        { projectId: DEMO.projectId, key: "wrong-key" },
        { projectId: DEMO.projectId, key: OTHER.secretKey },
        { projectId: OTHER.projectId, key: DEMO.secretKey },
      ];
      for (const { projectId, key } of attempts) {
        for (const [method, path, json] of everyBatchOperation(projectId)) {
          const response = await expectStatus(403, method, path, { key, json });
          expect(response.body).toEqual({ code: "ForbiddenError", message: "No Access Rights to Requested Resources" });
        }
      }
    });
  });

  describe("faults", () => {
    afterAll(async () => {
      await expectStatus(204, "DELETE", control("faults"), { key: null });
    });

    it("answers 429 TooManyRequestsError with Retry-After on every operation when throttled", async () => {
      await expectStatus(200, "POST", control("faults"), {
        key: null,
        json: { throttleRate: 1, retryAfterSeconds: 7 },
      });
      for (const [method, path, json] of [
        ...everyBatchOperation(),
        ["PUT", ids.uploadUrl, undefined] as [string, string, unknown],
      ]) {
        const response = await expectStatus(429, method, path, {
          json,
          raw: method === "PUT" && json === undefined ? NDJSON : undefined,
        });
        expect(response.headers.get("retry-after")).toBe("7");
        expect(response.body).toMatchObject({ code: "TooManyRequestsError" });
      }
    });

    it("answers 500 InternalServerError on every operation when errorStatus is 500", async () => {
      await expectStatus(200, "POST", control("faults"), { key: null, json: { errorRate: 1, errorStatus: 500 } });
      for (const [method, path, json] of [
        ...everyBatchOperation(),
        ["PUT", ids.uploadUrl, undefined] as [string, string, unknown],
      ]) {
        const response = await expectStatus(500, method, path, {
          json,
          raw: method === "PUT" && json === undefined ? NDJSON : undefined,
        });
        expect(response.body).toMatchObject({ code: "InternalServerError" });
      }
    });

    it("answers 503 on every operation when errorRate is 1", async () => {
      await expectStatus(200, "POST", control("faults"), { key: null, json: { errorRate: 1 } });
      for (const [method, path, json] of [
        ...everyBatchOperation(),
        ["PUT", ids.uploadUrl, undefined] as [string, string, unknown],
      ]) {
        await expectStatus(503, method, path, {
          json,
          raw: method === "PUT" && json === undefined ? NDJSON : undefined,
        });
      }
    });
  });

  it("has exercised every documented operation and status", () => {
    const missing = documentedResponses().filter((response) => !checkedResponses.has(response));
    expect(missing).toEqual([]);
  });
});
