/**
 * The contract between the ModelArts emulator and its OpenAPI description (`emulator/modelarts-openapi.json`): the
 * document is well-formed, and every operation and every documented status, driven for real over HTTP, answers as
 * documented (every answer goes through `expectMatchesOpenApi` in `call`). The last test fails if one was missed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { HttpMethod } from "../utils/openapi";
import { modelArtsOpenApi } from "../utils/modelarts-openapi";
import {
  clearFaults,
  controlPath,
  datasetNamed,
  DEMO,
  expectStatus,
  OTHER,
  reset,
  setFaults,
  v2,
  type ExportTask,
} from "./modelarts-helpers";

const {
  document: openApiDocument,
  resolvePointer,
  schemaValidator,
  checkedResponses,
  documentedResponses,
} = modelArtsOpenApi;
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

function operations(): Array<{ template: string; method: HttpMethod; pointer: string }> {
  return Object.entries(openApiDocument.paths).flatMap(([template, item]) =>
    HTTP_METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      template,
      method,
      pointer: `#/paths/${template.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}`,
    })),
  );
}

/** A parameter object, following its `$ref` when it has one. */
function parameterOf(value: unknown): { name?: unknown; in?: unknown; required?: unknown } {
  const target = (value as { $ref?: unknown }).$ref;
  return (typeof target === "string" ? resolvePointer(target) : value) as {
    name?: unknown;
    in?: unknown;
    required?: unknown;
  };
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with a title, a version and the X-Auth-Token security scheme", () => {
    expect(openApiDocument.openapi).toMatch(/^3\.1\.\d+$/);
    expect(openApiDocument.info.title).toContain("ModelArts");
    expect(openApiDocument.info.version).not.toBe("");
    expect(resolvePointer("#/components/securitySchemes/IamToken")).toMatchObject({
      type: "apiKey",
      in: "header",
      name: "X-Auth-Token",
    });
  });

  it("describes the five operations of modelarts.md under /modelarts/v2/{project_id}/ and the control API", () => {
    const ids = operations().map(
      ({ template, method }) =>
        `${method.toUpperCase()} ${template} ${openApiDocument.paths[template]?.[method]?.operationId ?? ""}`,
    );
    expect(ids.sort()).toEqual([
      "DELETE /__emulator/modelarts/faults clearModelArtsFaults",
      "DELETE /__emulator/modelarts/requests clearModelArtsRequests",
      "GET /__emulator/modelarts/faults getModelArtsFaults",
      "GET /__emulator/modelarts/requests listModelArtsRequests",
      "GET /modelarts/openapi.json getModelArtsOpenApi",
      "GET /modelarts/v2/{project_id}/datasets listDatasets",
      "GET /modelarts/v2/{project_id}/datasets/{dataset_id} getDataset",
      "GET /modelarts/v2/{project_id}/datasets/{dataset_id}/export-tasks listExportTasks",
      "GET /modelarts/v2/{project_id}/datasets/{dataset_id}/export-tasks/{task_id} getExportTask",
      "POST /__emulator/modelarts/faults setModelArtsFaults",
      "POST /__emulator/modelarts/keys changeModelArtsKeys",
      "POST /__emulator/modelarts/reset resetModelArts",
      "POST /modelarts/v2/{project_id}/datasets/{dataset_id}/export-tasks createExportTask",
    ]);
  });

  it("resolves every $ref", () => {
    const refs: Array<{ at: string; ref: string }> = [];
    collectRefs(openApiDocument, "#", refs);
    expect(refs.length).toBeGreaterThan(50);
    expect(refs.filter(({ ref }) => resolvePointer(ref) === undefined).map(({ at, ref }) => `${at} → ${ref}`)).toEqual(
      [],
    );
  });

  it("declares every path parameter of every template, required, and none that is not in it", () => {
    const problems: string[] = [];
    for (const { template, method } of operations()) {
      const item = openApiDocument.paths[template] ?? {};
      const declared = [...(item.parameters ?? []), ...(item[method]?.parameters ?? [])]
        .map(parameterOf)
        .filter((p) => p.in === "path");
      const inTemplate = [...template.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      for (const name of inTemplate) {
        const parameter = declared.find((candidate) => candidate.name === name);
        if (parameter === undefined) problems.push(`${method} ${template}: {${name}} is not declared`);
        else if (parameter.required !== true) problems.push(`${method} ${template}: {${name}} is not required`);
      }
      for (const parameter of declared) {
        if (!inTemplate.includes(String(parameter.name)))
          problems.push(`${method} ${template}: declares ${String(parameter.name)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("requires the X-Auth-Token on every API operation and documents its 401 and 403, and on nothing else", () => {
    for (const { template, method } of operations()) {
      const operation = openApiDocument.paths[template]?.[method] as { security?: unknown[]; responses: object };
      const security = operation.security ?? (openApiDocument as { security?: unknown[] }).security ?? [];
      if (template.startsWith("/modelarts/v2/")) {
        expect(security, `${method} ${template}`).toEqual([{ IamToken: [] }]);
        expect(Object.keys(operation.responses), `${method} ${template}`).toEqual(
          expect.arrayContaining(["200", "400", "401", "403", "429"]),
        );
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
        const base = (response as { $ref?: string }).$ref ?? `${pointer}/responses/${status}`;
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

  it("is the file the emulator serves, in canonical two-space JSON", async () => {
    const text = readFileSync(new URL("../../emulator/modelarts-openapi.json", import.meta.url), "utf8");
    expect(text).toBe(`${JSON.stringify(openApiDocument, null, 2)}\n`);
    const served = await expectStatus(200, "GET", "/modelarts/openapi.json", { token: null });
    expect(served.body).toEqual(openApiDocument);
  });

  it("tells a task's statuses apart: counts absent only while INIT, error fields only when FAILED", () => {
    const validate = schemaValidator("#/components/schemas/ExportTask");
    const base = {
      task_id: "t",
      progress: 0,
      path: "/bkt/dir/",
      export_type: 2,
      export_format: 1,
      export_params: {},
      create_time: 1,
      update_time: 2,
    };
    expect(validate({ ...base, status: "INIT" })).toBe(true);
    expect(validate({ ...base, status: "INIT", total_sample_count: 3, finished_sample_count: 0 })).toBe(false);
    expect(validate({ ...base, status: "RUNNING" })).toBe(false);
    expect(
      validate({ ...base, status: "RUNNING", total_sample_count: 3, finished_sample_count: 1, progress: 33.3 }),
    ).toBe(true);
    expect(validate({ ...base, status: "FAILED", total_sample_count: 0, finished_sample_count: 0 })).toBe(false);
    expect(
      validate({
        ...base,
        status: "FAILED",
        total_sample_count: 0,
        finished_sample_count: 0,
        error_code: "ModelArts.72060041",
        error_msg: "x",
      }),
    ).toBe(true);
    expect(
      validate({ ...base, status: "SUCCESSED", total_sample_count: 3, finished_sample_count: 3, progress: 99.9 }),
    ).toBe(false);
  });
});

describe("the emulator against the document", () => {
  /** One request of every API operation on `project` (ids need not exist when auth fails first). */
  function everyOperation(
    project: string,
    datasetId = "AnyDataset",
    taskId = "AnyTask",
  ): Array<[string, string, unknown]> {
    return [
      ["GET", v2("datasets", project), undefined],
      ["GET", v2(`datasets/${datasetId}`, project), undefined],
      ["POST", v2(`datasets/${datasetId}/export-tasks`, project), {}],
      ["GET", v2(`datasets/${datasetId}/export-tasks`, project), undefined],
      ["GET", v2(`datasets/${datasetId}/export-tasks/${taskId}`, project), undefined],
    ];
  }

  it("answers every seeded dataset and export task, in both projects, as documented", async () => {
    await reset();
    for (const project of [DEMO, OTHER]) {
      const list = await expectStatus<{ datasets: { dataset_id: string }[] }>(
        200,
        "GET",
        v2("datasets?limit=100", project.project),
        { token: project.token },
      );
      for (const { dataset_id: id } of list.body.datasets) {
        await expectStatus(200, "GET", v2(`datasets/${id}?check_running_task=true`, project.project), {
          token: project.token,
        });
        const tasks = await expectStatus<{ export_tasks: ExportTask[] }>(
          200,
          "GET",
          v2(`datasets/${id}/export-tasks?limit=100`, project.project),
          { token: project.token },
        );
        for (const task of tasks.body.export_tasks) {
          await expectStatus(200, "GET", v2(`datasets/${id}/export-tasks/${task.task_id}`, project.project), {
            token: project.token,
          });
        }
      }
    }
  });

  it("answers 400 on every operation: bad parameters, a missing dataset (ModelArts.4352), a missing task (ModelArts.4359)", async () => {
    const dataset = await datasetNamed("retail-shelf-products");
    await expectStatus(400, "GET", v2("datasets?limit=0"));
    await expectStatus(400, "GET", v2("datasets/NoSuchDataset"));
    await expectStatus(400, "POST", v2(`datasets/${dataset.dataset_id}/export-tasks`), { body: { export_type: 9 } });
    await expectStatus(400, "GET", v2(`datasets/${dataset.dataset_id}/export-tasks?limit=101`));
    await expectStatus(400, "GET", v2(`datasets/${dataset.dataset_id}/export-tasks/NoSuchTask`));
    const created = await expectStatus<{ task_id: string }>(
      200,
      "POST",
      v2(`datasets/${dataset.dataset_id}/export-tasks`),
      { body: {} },
    );
    await expectStatus(200, "GET", v2(`datasets/${dataset.dataset_id}/export-tasks/${created.body.task_id}`));
  });

  it("answers 401 without a token and 403 with another project's on every operation", async () => {
    for (const [method, path, body] of everyOperation(DEMO.project)) {
      await expectStatus(401, method, path, { token: null, body });
      await expectStatus(403, method, path, { token: OTHER.token, body });
    }
  });

  it("answers 429 with Retry-After, 500 and 503 on every operation when faults say so", async () => {
    const dataset = await datasetNamed("retail-shelf-products");
    try {
      for (const [fault, status] of [
        [{ throttleRate: 1 }, 429],
        [{ errorRate: 1, errorStatus: 500 }, 500],
        [{ errorRate: 1 }, 503],
      ] as const) {
        await setFaults(fault);
        for (const [method, path, body] of everyOperation(DEMO.project, dataset.dataset_id))
          await expectStatus(status, method, path, { body });
      }
    } finally {
      await clearFaults();
    }
  });

  it("answers every control call as documented, and 400 for a bad tenant or body on each", async () => {
    await expectStatus(200, "POST", controlPath("reset"), { body: { msPerSample: 50 } });
    await expectStatus(200, "GET", controlPath("requests"));
    await expectStatus(204, "DELETE", controlPath("requests"));
    await expectStatus(200, "POST", controlPath("faults"), { body: { latencyMs: 1 } });
    await expectStatus(200, "GET", controlPath("faults"));
    await expectStatus(204, "DELETE", controlPath("faults"));
    const badTenant = "/__emulator/modelarts/X?tenant=Not_Valid";
    await expectStatus(400, "POST", badTenant.replace("X", "reset"));
    await expectStatus(400, "POST", controlPath("reset"), { body: { msPerSample: "fast" } });
    await expectStatus(400, "GET", badTenant.replace("X", "requests"));
    await expectStatus(400, "DELETE", badTenant.replace("X", "requests"));
    await expectStatus(400, "POST", controlPath("faults"), { body: { errorRate: -1 } });
    await expectStatus(400, "GET", badTenant.replace("X", "faults"));
    await expectStatus(400, "DELETE", badTenant.replace("X", "faults"));
    await expectStatus(200, "POST", controlPath("keys"), { body: { project: DEMO.project, add: "contract-token" } });
    await expectStatus(200, "GET", v2("datasets?limit=1"), { token: "contract-token" });
    await expectStatus(200, "POST", controlPath("keys"), { body: { project: DEMO.project, revoke: "contract-token" } });
    await expectStatus(401, "GET", v2("datasets?limit=1"), { token: "contract-token" });
    await expectStatus(400, "POST", controlPath("keys"), { body: { project: DEMO.project, add: "" } });
    await expectStatus(400, "POST", badTenant.replace("X", "keys"), { body: { project: DEMO.project, add: "t" } });
  });

  it("has exercised every documented operation and status", () => {
    expect(documentedResponses().filter((response) => !checkedResponses.has(response))).toEqual([]);
  });
});
