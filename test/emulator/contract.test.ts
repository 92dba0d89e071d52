/**
 * The contract between the emulator and its OpenAPI description (`emulator/openapi.json`): the document is
 * well-formed, and every endpoint and every documented status, driven for real over HTTP, answers as documented.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type HttpMethod,
  openApiDocument,
  resolvePointer,
  schemaValidator,
} from "../utils/openapi";

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
      expect(statuses.some((status) => status.startsWith("2")), `${method} ${template}`).toBe(true);
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
        expect(() => schemaValidator(`${pointer}/requestBody/content/${mediaType.replace(/\//g, "~1")}/schema`)).not.toThrow();
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
