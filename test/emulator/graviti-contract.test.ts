/**
 * The contract between the Graviti emulator and its OpenAPI description (`emulator/graviti-openapi.json`): the
 * document is well-formed and served as kept, and every operation and every documented status, driven for real over
 * HTTP, answers as documented (the last test fails if one was never exercised).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { graviti } from "../utils/graviti-openapi";
import type { HttpMethod } from "../utils/openapi";
import { G } from "./graviti-helpers";

const HTTP_METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
const doc = graviti.document;

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

function operations(): Array<{ template: string; method: HttpMethod; pointer: string }> {
  return Object.entries(doc.paths).flatMap(([template, item]) =>
    HTTP_METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      template,
      method,
      pointer: `#/paths/${template.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}`,
    })),
  );
}

interface ParameterShape {
  name?: unknown;
  in?: unknown;
  required?: unknown;
}

function parameterOf(value: unknown): ParameterShape {
  const target = (value as { $ref?: unknown }).$ref;
  return (typeof target === "string" ? graviti.resolvePointer(target) : value) as ParameterShape;
}

describe("the Graviti OpenAPI document", () => {
  it("is OpenAPI 3.1 with a title, a version and the X-Token security scheme", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).not.toBe("");
    expect(doc.info.version).not.toBe("");
    expect(graviti.resolvePointer("#/components/securitySchemes/XToken")).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "X-Token",
    });
  });

  it("resolves every $ref", () => {
    const refs: Array<{ at: string; ref: string }> = [];
    collectRefs(doc, "#", refs);
    expect(refs.length).toBeGreaterThan(40);
    expect(
      refs.filter(({ ref }) => graviti.resolvePointer(ref) === undefined).map(({ at, ref }) => `${at} → ${ref}`),
    ).toEqual([]);
  });

  it("declares every path parameter of every template, required, and no other", () => {
    const problems: string[] = [];
    for (const { template, method } of operations()) {
      const item = doc.paths[template] ?? {};
      const declared = [...(item.parameters ?? []), ...(item[method]?.parameters ?? [])]
        .map(parameterOf)
        .filter((p) => p.in === "path");
      const inTemplate = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      for (const name of inTemplate) {
        const parameter = declared.find((candidate) => candidate.name === name);
        if (parameter?.required !== true) problems.push(`${method} ${template}: {${name}} is not declared as required`);
      }
      for (const parameter of declared) {
        if (!inTemplate.includes(String(parameter.name)))
          problems.push(`${method} ${template}: declares ${String(parameter.name)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("gives every operation a unique operationId and a success status", () => {
    const ids = operations().map(({ template, method }) => doc.paths[template]?.[method]?.operationId);
    expect(ids.every((id) => typeof id === "string" && id !== "")).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { template, method } of operations()) {
      expect(
        Object.keys(doc.paths[template]?.[method]?.responses ?? {}).some((status) => status.startsWith("2")),
        `${method} ${template}`,
      ).toBe(true);
    }
  });

  it("requires the X-Token on every /graviti/v2 operation and documents its 401, and on nothing else", () => {
    for (const { template, method } of operations()) {
      const operation = doc.paths[template]?.[method] as { security?: unknown[]; responses: object };
      const security = operation.security ?? (doc as { security?: unknown[] }).security ?? [];
      if (template.startsWith("/graviti/v2/")) {
        expect(security, `${method} ${template}`).toEqual([{ XToken: [] }]);
        expect(Object.keys(operation.responses), `${method} ${template}`).toContain("401");
      } else {
        expect(security, `${method} ${template}`).toEqual([]);
      }
    }
  });

  it("compiles every request, response and parameter schema", () => {
    for (const { template, method, pointer } of operations()) {
      const operation = doc.paths[template]?.[method];
      const body = (operation?.requestBody as { content?: Record<string, unknown> } | undefined)?.content;
      for (const mediaType of Object.keys(body ?? {})) {
        expect(() =>
          graviti.schemaValidator(`${pointer}/requestBody/content/${mediaType.replace(/\//g, "~1")}/schema`),
        ).not.toThrow();
      }
      for (const [status, response] of Object.entries(operation?.responses ?? {})) {
        const base = (response as { $ref?: string }).$ref ?? `${pointer}/responses/${status}`;
        const content = (graviti.resolvePointer(base) as { content?: Record<string, unknown> }).content ?? {};
        for (const mediaType of Object.keys(content)) {
          expect(() =>
            graviti.schemaValidator(`${base}/content/${mediaType.replace(/\//g, "~1")}/schema`),
          ).not.toThrow();
        }
      }
    }
    for (const name of Object.keys(doc.components?.parameters ?? {})) {
      expect(() => graviti.schemaValidator(`#/components/parameters/${name}/schema`)).not.toThrow();
    }
  });

  it("is in canonical two-space JSON", () => {
    const text = readFileSync(new URL("../../emulator/graviti-openapi.json", import.meta.url), "utf8");
    expect(text).toBe(`${JSON.stringify(doc, null, 2)}\n`);
  });

  it("pins error codes per status: a 404 body with another code does not match", () => {
    expect(() =>
      graviti.expectMatchesOpenApi("GET", "/graviti/v2/datasets/w/d", 404, {
        code: "ResourceNotFoundError",
        message: "x",
      }),
    ).toThrow(
      "OpenAPI: getDataset (GET /graviti/v2/datasets/{workspace}/{dataset}) → 404: body does not match the schema",
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The running emulator, operation by operation and status by status.
// ---------------------------------------------------------------------------------------------------------------

interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

interface CallOptions {
  /** The `X-Token`; `null` sends none. Default: the demo workspace's key. */
  key?: string | null;
  json?: unknown;
  /** The document itself rejects this request (a 400 test): asserts that it does. */
  invalid?: boolean;
}

/** Sends one request, checks the response (and an accepted request) against the document, and returns it. */
async function call(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
  const url = `${inject("emulatorUrl")}${path}`;
  const headers = new Headers();
  const key = options.key === undefined ? G.demo.key : options.key;
  if (key !== null) headers.set("X-Token", key);
  let body: string | undefined;
  if (options.json !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(options.json);
  }
  const response = await fetch(url, { method, headers, body });
  const text = await response.text();
  const parsed: unknown = text === "" ? undefined : JSON.parse(text);
  graviti.expectMatchesOpenApi(method, url, response.status, parsed, response.headers);
  if (response.ok) graviti.expectRequestMatchesOpenApi(method, url, options.json);
  if (options.invalid === true) {
    expect(
      graviti.requestProblems(method, url, options.json),
      `the document should reject ${method} ${path}`,
    ).not.toEqual([]);
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

async function expectStatus(status: number, method: string, path: string, options?: CallOptions): Promise<ApiResponse> {
  const response = await call(method, path, options);
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
  return response;
}

const ds = (workspace: string, name: string): string => `/graviti/v2/datasets/${workspace}/${name}`;

/** One request to every API operation, with a valid body, for the auth and fault sweeps. */
function everyOperation(): Array<[string, string, unknown]> {
  return [
    ["GET", "/graviti/v2/current-workspace", undefined],
    ["GET", "/graviti/v2/datasets", undefined],
    ["POST", "/graviti/v2/datasets", { name: "sweep" }],
    ["GET", ds(G.demo.workspace, "MNIST"), undefined],
    ["PATCH", ds(G.demo.workspace, "MNIST"), { alias: "sweep" }],
    ["DELETE", ds(G.demo.workspace, "LFW"), undefined],
  ];
}

describe("the running Graviti emulator", () => {
  beforeAll(() => G.reset());

  it("serves the document as kept at /graviti/openapi.json", async () => {
    const response = await expectStatus(200, "GET", "/graviti/openapi.json", { key: null });
    expect(response.body).toEqual(doc);
  });

  it("answers the current workspace", async () => {
    await expectStatus(200, "GET", "/graviti/v2/current-workspace");
  });

  it("lists, and refuses bad paging", async () => {
    await expectStatus(200, "GET", "/graviti/v2/datasets?offset=3&limit=4");
    await expectStatus(400, "GET", "/graviti/v2/datasets?limit=129", { invalid: true });
  });

  it("creates, and answers 400, 404 and 409", async () => {
    await expectStatus(200, "POST", "/graviti/v2/datasets", {
      json: { name: "contract-set", alias: "", storage_config: "demo-s3", with_draft: true },
    });
    await expectStatus(400, "POST", "/graviti/v2/datasets", { json: { alias: "no name" }, invalid: true });
    await expectStatus(400, "POST", "/graviti/v2/datasets", { json: { name: "bad name" }, invalid: true });
    await expectStatus(404, "POST", "/graviti/v2/datasets", { json: { name: "x", storage_config: "nowhere" } });
    await expectStatus(409, "POST", "/graviti/v2/datasets", { json: { name: "contract-set" } });
  });

  it("gets, and answers 403 and 404", async () => {
    await expectStatus(200, "GET", ds(G.demo.workspace, "contract-set"));
    await expectStatus(200, "GET", ds(G.demo.workspace, "MNIST"), { key: G.other.key });
    await expectStatus(403, "GET", ds(G.demo.workspace, "OxfordIIITPet"), { key: G.other.key });
    await expectStatus(404, "GET", ds(G.demo.workspace, "nothing"));
    await expectStatus(404, "GET", ds("nowhere", "MNIST"));
  });

  it("updates, and answers 400, 403 (both codes), 404 and 409", async () => {
    await expectStatus(200, "PATCH", ds(G.demo.workspace, "contract-set"), {
      json: { name: "contract-set-2", alias: "renamed", default_branch: "main" },
    });
    await expectStatus(400, "PATCH", ds(G.demo.workspace, "contract-set-2"), { json: {}, invalid: true });
    await expectStatus(400, "PATCH", ds(G.demo.workspace, "contract-set-2"), { json: { alias: 1 }, invalid: true });
    const denied = await expectStatus(403, "PATCH", ds(G.demo.workspace, "OxfordIIITPet"), {
      key: G.other.key,
      json: { alias: "x" },
    });
    expect(denied.body).toMatchObject({ code: "AccessDenied" });
    const forbidden = await expectStatus(403, "PATCH", ds(G.demo.workspace, "MNIST"), {
      key: G.other.key,
      json: { alias: "x" },
    });
    expect(forbidden.body).toMatchObject({ code: "Forbidden" });
    await expectStatus(404, "PATCH", ds(G.demo.workspace, "contract-set-2"), { json: { default_branch: "nope" } });
    await expectStatus(409, "PATCH", ds(G.demo.workspace, "contract-set-2"), { json: { name: "MNIST" } });
  });

  it("deletes, and answers 403 and 404", async () => {
    await expectStatus(204, "DELETE", ds(G.demo.workspace, "contract-set-2"));
    await expectStatus(404, "DELETE", ds(G.demo.workspace, "contract-set-2"));
    await expectStatus(403, "DELETE", ds(G.demo.workspace, "MNIST"), { key: G.other.key });
  });

  it("answers 401 Unauthorized on every operation without a valid key", async () => {
    for (const key of [null, "ACCESSKEY-nobody"]) {
      for (const [method, path, json] of everyOperation()) {
        const response = await expectStatus(401, method, path, { key, json });
        expect(response.body).toMatchObject({ code: "Unauthorized" });
      }
    }
  });

  describe("faults", () => {
    afterAll(() => G.clearFaults());

    it("answers 429 TooManyRequests with Retry-After on every operation when throttled", async () => {
      await expectStatus(200, "POST", G.controlPath("faults"), {
        key: null,
        json: { throttleRate: 1, retryAfterSeconds: 3 },
      });
      for (const [method, path, json] of everyOperation()) {
        const response = await expectStatus(429, method, path, { json });
        expect(response.headers.get("retry-after")).toBe("3");
      }
    });

    it("answers 500 InternalServerError and 503 ServiceUnavailable on every operation", async () => {
      for (const status of [500, 503]) {
        await expectStatus(200, "POST", G.controlPath("faults"), {
          key: null,
          json: { errorRate: 1, errorStatus: status },
        });
        for (const [method, path, json] of everyOperation()) await expectStatus(status, method, path, { json });
      }
    });
  });

  it("answers every control endpoint, and 400 for a bad tenant on each", async () => {
    await expectStatus(200, "GET", G.controlPath("faults"), { key: null });
    await expectStatus(204, "DELETE", G.controlPath("faults"), { key: null });
    await expectStatus(200, "GET", G.controlPath("requests"), { key: null });
    await expectStatus(204, "DELETE", G.controlPath("requests"), { key: null });
    await expectStatus(200, "POST", G.controlPath("reset"), { key: null });
    await expectStatus(400, "POST", G.controlPath("reset"), { key: null, json: { msPerItem: 1 }, invalid: true });
    await expectStatus(400, "POST", G.controlPath("faults"), { key: null, json: { errorRate: 3 }, invalid: true });
    const key = `ACCESSKEY-demo-contract_${G.name}`;
    await expectStatus(200, "POST", G.controlPath("keys"), {
      key: null,
      json: { workspace: G.demo.workspace, add: key },
    });
    await expectStatus(200, "GET", "/graviti/v2/current-workspace", { key });
    await expectStatus(200, "POST", G.controlPath("keys"), {
      key: null,
      json: { workspace: G.demo.workspace, revoke: key },
    });
    await expectStatus(401, "GET", "/graviti/v2/current-workspace", { key });
    await expectStatus(400, "POST", G.controlPath("keys"), {
      key: null,
      json: { workspace: G.demo.workspace },
      invalid: true,
    });
    const bad = "?tenant=BAD";
    for (const [method, endpoint] of [
      ["POST", "reset"],
      ["GET", "requests"],
      ["DELETE", "requests"],
      ["GET", "faults"],
      ["DELETE", "faults"],
      ["POST", "keys"],
    ] as const) {
      const response = await expectStatus(400, method, `/__emulator/graviti/${endpoint}${bad}`, { key: null });
      expect(response.body).toMatchObject({ code: "InvalidParamsValue" });
    }
  });

  it("has exercised every documented operation and status", () => {
    const missing = graviti.documentedResponses().filter((response) => !graviti.checkedResponses.has(response));
    expect(missing).toEqual([]);
  });
});
