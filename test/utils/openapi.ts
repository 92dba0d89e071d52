/**
 * Checks HTTP responses against the emulator's OpenAPI descriptions, so that an emulator and its description cannot
 * drift apart. Any test (emulator or gateway) can call {@link expectMatchesOpenApi} with what it sent and what came
 * back; those top-level exports check against the Nexus document (`emulator/openapi.json`).
 * {@link createOpenApiChecker} makes the same checks for another document (`graviti-openapi.ts` uses it).
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import openapiJson from "../../emulator/openapi.json";

/** The parts of an OpenAPI 3.1 document that the validator reads. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, PathItem>;
  components?: Record<string, Record<string, unknown>>;
}

/** An OpenAPI path item: operations by lower-case method, plus path-level parameters. */
export type PathItem = Partial<Record<HttpMethod, Operation>> & { parameters?: unknown[] };

/** An OpenAPI operation, reduced to what the validator reads. */
export interface Operation {
  operationId?: string;
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

/** The methods an OpenAPI path item can hold. */
export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

const HTTP_METHODS: readonly HttpMethod[] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** One matched operation: where it lives in the document and what the test asked about. */
export interface MatchedOperation {
  /** The path template, e.g. `/projects/{projectId}/batch/jobs/{jobId}`. */
  template: string;
  method: HttpMethod;
  operation: Operation;
  /** `operationId`, or `METHOD template` when the document gives none. */
  name: string;
  /** The path parameters taken from the URL. */
  params: Record<string, string>;
}

interface CompiledTemplate {
  template: string;
  regex: RegExp;
  names: string[];
  /** How many literal characters the template has: more means more specific (`{id}:test` beats `{id}`). */
  literalLength: number;
}

/** The checks of one OpenAPI document (see {@link createOpenApiChecker}). */
export interface OpenApiChecker {
  // Functions, not methods: they close over the document and use no `this`, so they can be destructured.
  /** The document, exactly as given. */
  document: OpenApiDocument;
  /**
   * Finds the operation for a method and URL (absolute, or a path with an optional query string). When several
   * templates match (a `{webhookId}` segment also matches `webhook_1:test`), the one with the most literal text
   * wins. Throws an error naming the method and path when no path template or no operation matches.
   */
  findOperation: (method: string, url: string) => MatchedOperation;
  /** Reads the value at a local `#/…` JSON pointer of the document; `undefined` when nothing is there. */
  resolvePointer: (pointer: string) => unknown;
  /** Compiles (once) the JSON Schema at a pointer of the document. */
  schemaValidator: (pointer: string) => ValidateFunction;
  /** Every operation and status that `expectMatchesOpenApi` has checked, as `operationId status`. */
  checkedResponses: Set<string>;
  /** Every operation and status documented, as `operationId status`, for coverage checks. */
  documentedResponses: () => string[];
  /**
   * Asserts that a response matches the document: the method and URL must match a documented operation, the
   * status must be documented for it (exactly, or as `2XX`-style range, or `default`), and the parsed JSON body
   * must satisfy the response's `application/json` schema. A response documented without content must have no
   * body (`undefined`, `null` or `""`). When `headers` are given, every response header documented as `required`
   * must be among them. Records the pair in `checkedResponses`. Throws an error naming the operation, the status
   * and every violation otherwise.
   */
  expectMatchesOpenApi: (method: string, url: string, status: number, body: unknown, headers?: Headers) => void;
  /**
   * What is wrong with a request according to the document: undocumented or out-of-range query parameters,
   * missing required ones, and a JSON body (pass `undefined` for none) that does not match the `application/json`
   * request schema. An empty list means the document accepts the request. Throws when no operation matches.
   */
  requestProblems: (method: string, url: string, body?: unknown) => string[];
  /**
   * Asserts that the document accepts a request (see `requestProblems`); throws an error naming the operation and
   * every problem otherwise.
   */
  expectRequestMatchesOpenApi: (method: string, url: string, body?: unknown) => void;
}

/**
 * The checks of one OpenAPI 3.1 document, registered with its own ajv instance under `documentId` (any unique URL),
 * so that JSON pointers into it resolve. Throws if the document's schemas do not compile when first used.
 */
export function createOpenApiChecker(document: OpenApiDocument, documentId: string): OpenApiChecker {
  const compiledTemplates: CompiledTemplate[] = Object.keys(document.paths).map(compileTemplate);

  function compileTemplate(template: string): CompiledTemplate {
    const names: string[] = [];
    let literalLength = 0;
    const source = template
      .split(/(\{[^}]+\})/)
      .map((part) => {
        const name = /^\{([^}]+)\}$/.exec(part)?.[1];
        if (name !== undefined) {
          names.push(name);
          return "([^/]+)";
        }
        literalLength += part.length;
        return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("");
    return { template, regex: new RegExp(`^${source}$`), names, literalLength };
  }

  /**
   * Finds the operation for a method and URL (absolute, or a path with an optional query string). When several
   * templates match (a `{webhookId}` segment also matches `webhook_1:test`), the one with the most literal text wins.
   * Throws an error naming the method and path when no path template or no operation matches.
   */
  function findOperation(method: string, url: string): MatchedOperation {
    const path = new URL(url, "http://openapi.invalid").pathname;
    const lowerMethod = method.toLowerCase() as HttpMethod;
    const matches = compiledTemplates
      .map((compiled) => ({ compiled, match: compiled.regex.exec(path) }))
      .filter(
        (candidate): candidate is { compiled: CompiledTemplate; match: RegExpExecArray } => candidate.match !== null,
      )
      .sort((a, b) => b.compiled.literalLength - a.compiled.literalLength);
    const best = matches[0];
    if (best === undefined) {
      throw new Error(`OpenAPI: no path template matches ${method.toUpperCase()} ${path}`);
    }
    const { template, names } = best.compiled;
    const operation = document.paths[template]?.[lowerMethod];
    if (operation === undefined || !HTTP_METHODS.includes(lowerMethod)) {
      throw new Error(`OpenAPI: ${template} has no ${method.toUpperCase()} operation (asked for ${path})`);
    }
    const params = Object.fromEntries(
      names.map((name, index) => [name, decodeURIComponent(best.match[index + 1] ?? "")]),
    );
    const name = operation.operationId ?? `${lowerMethod.toUpperCase()} ${template}`;
    return { template, method: lowerMethod, operation, name, params };
  }

  /** Escapes one JSON pointer token (RFC 6901). */
  function pointerToken(token: string): string {
    return token.replace(/~/g, "~0").replace(/\//g, "~1");
  }

  /** Reads the value at a local `#/…` JSON pointer of the document; `undefined` when nothing is there. */
  function resolvePointer(pointer: string): unknown {
    if (!pointer.startsWith("#")) return undefined;
    const tokens = pointer
      .slice(1)
      .split("/")
      .slice(1)
      .map((token) => token.replace(/~1/g, "/").replace(/~0/g, "~"));
    let node: unknown = document;
    for (const token of tokens) {
      if (node === null || typeof node !== "object" || !Object.hasOwn(node, token)) return undefined;
      node = (node as Record<string, unknown>)[token];
    }
    return node;
  }

  /** Follows OpenAPI-level `$ref`s (responses, parameters) until a concrete object, returning it and its pointer. */
  function dereference(value: unknown, pointer: string): { value: unknown; pointer: string } {
    let current = { value, pointer };
    for (let hops = 0; hops < 16; hops++) {
      const target = (current.value as { $ref?: unknown } | null)?.$ref;
      if (typeof target !== "string") return current;
      const resolved = resolvePointer(target);
      if (resolved === undefined) throw new Error(`OpenAPI: $ref ${target} (at ${current.pointer}) does not resolve`);
      current = { value: resolved, pointer: target };
    }
    throw new Error(`OpenAPI: $ref chain too long at ${pointer}`);
  }

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // The whole document is one schema resource, so `#/components/schemas/X` inside any schema resolves against it.
  ajv.addSchema({ ...document, $id: documentId });

  const validators = new Map<string, ValidateFunction>();

  /** Compiles (once) the JSON Schema at a pointer of the document. */
  function schemaValidator(pointer: string): ValidateFunction {
    let validate = validators.get(pointer);
    if (validate === undefined) {
      validate = ajv.compile({ $ref: `${documentId}${pointer}` });
      validators.set(pointer, validate);
    }
    return validate;
  }

  /** Every operation and status that {@link expectMatchesOpenApi} has checked, as `operationId status`. */
  const checkedResponses = new Set<string>();

  /** Every operation and status documented, as `operationId status`, for coverage checks. */
  function documentedResponses(): string[] {
    return Object.entries(document.paths).flatMap(([template, item]) =>
      HTTP_METHODS.flatMap((method) => {
        const operation = item[method];
        if (operation === undefined) return [];
        const name = operation.operationId ?? `${method.toUpperCase()} ${template}`;
        return Object.keys(operation.responses).map((status) => `${name} ${status}`);
      }),
    );
  }

  /** ajv errors as one line: where (`root` for the value itself), what, and ajv's parameters. */
  function formatErrors(errors: ErrorObject[] | null | undefined, root = "(body)"): string {
    return (errors ?? [])
      .map(
        (error) =>
          `${error.instancePath === "" ? root : error.instancePath} ${error.message ?? "is invalid"}${
            Object.keys(error.params).length > 0 ? ` ${JSON.stringify(error.params)}` : ""
          }`,
      )
      .join("; ");
  }

  /**
   * Asserts that a response matches the OpenAPI description: the method and URL must match a documented operation,
   * the status must be documented for it (exactly, or as `2XX`-style range, or `default`), and the parsed JSON body
   * must satisfy the response's `application/json` schema. A response documented without content must have no body
   * (`undefined`, `null` or `""`). When `headers` are given, every response header documented as `required` must be
   * among them. Records the pair in {@link checkedResponses}.
   * Throws an error naming the operation, the status and every violation otherwise.
   */
  function expectMatchesOpenApi(method: string, url: string, status: number, body: unknown, headers?: Headers): void {
    const matched = findOperation(method, url);
    const { operation, name, template } = matched;
    const label = `${name} (${matched.method.toUpperCase()} ${template}) → ${status}`;
    const range = `${String(status).charAt(0)}XX`;
    const key = [String(status), range, "default"].find((candidate) => Object.hasOwn(operation.responses, candidate));
    if (key === undefined) {
      const documented = Object.keys(operation.responses).join(", ");
      throw new Error(`OpenAPI: ${label}: status ${status} is not documented (documented: ${documented})`);
    }
    const basePointer = `#/paths/${pointerToken(template)}/${matched.method}/responses/${pointerToken(key)}`;
    const response = dereference(operation.responses[key], basePointer);
    const { content, headers: documentedHeaders } = response.value as {
      content?: Record<string, { schema?: unknown }>;
      headers?: Record<string, { required?: boolean }>;
    };
    if (headers !== undefined) {
      const missing = Object.entries(documentedHeaders ?? {})
        .filter(([name, header]) => header.required === true && !headers.has(name))
        .map(([name]) => name);
      if (missing.length > 0)
        throw new Error(`OpenAPI: ${label}: required response header missing: ${missing.join(", ")}`);
    }
    if (content === undefined) {
      if (body !== undefined && body !== null && body !== "") {
        throw new Error(`OpenAPI: ${label}: documented without a body, got ${JSON.stringify(body).slice(0, 200)}`);
      }
      checkedResponses.add(`${name} ${key}`);
      return;
    }
    if (content["application/json"]?.schema === undefined) {
      throw new Error(
        `OpenAPI: ${label}: no application/json schema documented (have ${Object.keys(content).join(", ")})`,
      );
    }
    const validate = schemaValidator(`${response.pointer}/content/application~1json/schema`);
    if (!validate(body)) {
      throw new Error(`OpenAPI: ${label}: body does not match the schema: ${formatErrors(validate.errors)}`);
    }
    checkedResponses.add(`${name} ${key}`);
  }

  interface ParameterObject {
    name: string;
    in: string;
    required?: boolean;
  }

  /** A query value as the schema sees it: numeric text becomes a number where the schema wants a number. */
  function queryValue(raw: string, schema: { type?: unknown } | undefined): unknown {
    const numeric = schema?.type === "integer" || schema?.type === "number";
    return numeric && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
  }

  /**
   * What is wrong with a request according to the document: undocumented or out-of-range query parameters, missing
   * required ones, and a JSON body (pass `undefined` for none) that does not match the `application/json` request
   * schema. An empty list means the document accepts the request. Throws when no operation matches.
   */
  function requestProblems(method: string, url: string, body?: unknown): string[] {
    const matched = findOperation(method, url);
    const operationPointer = `#/paths/${pointerToken(matched.template)}/${matched.method}`;
    const pathItem = document.paths[matched.template] ?? {};
    const declared = [
      ...(pathItem.parameters ?? []).map((parameter, index) =>
        dereference(parameter, `#/paths/${pointerToken(matched.template)}/parameters/${index}`),
      ),
      ...(matched.operation.parameters ?? []).map((parameter, index) =>
        dereference(parameter, `${operationPointer}/parameters/${index}`),
      ),
    ];
    const problems: string[] = [];
    const query = new URL(url, "http://openapi.invalid").searchParams;
    for (const name of new Set(query.keys())) {
      const found = declared.find(
        ({ value }) => (value as ParameterObject).name === name && (value as ParameterObject).in === "query",
      );
      if (found === undefined) {
        problems.push(`query ${name}: not documented`);
        continue;
      }
      const schema = (found.value as { schema?: { type?: unknown } }).schema;
      const validate = schemaValidator(`${found.pointer}/schema`);
      for (const raw of query.getAll(name)) {
        if (!validate(queryValue(raw, schema)))
          problems.push(`query ${name}=${raw}: ${formatErrors(validate.errors, "value")}`);
      }
    }
    for (const { value } of declared) {
      const parameter = value as ParameterObject;
      if (parameter.in === "query" && parameter.required === true && !query.has(parameter.name)) {
        problems.push(`query ${parameter.name}: required`);
      }
    }
    const requestBody =
      matched.operation.requestBody === undefined
        ? undefined
        : dereference(matched.operation.requestBody, `${operationPointer}/requestBody`);
    const bodyObject = requestBody?.value as { required?: boolean; content?: Record<string, unknown> } | undefined;
    if (body === undefined) {
      if (bodyObject?.required === true) problems.push("body: required");
    } else if (bodyObject?.content?.["application/json"] === undefined) {
      problems.push("body: the operation documents no JSON body");
    } else {
      const validate = schemaValidator(`${requestBody?.pointer ?? ""}/content/application~1json/schema`);
      if (!validate(body)) problems.push(`body: ${formatErrors(validate.errors)}`);
    }
    return problems;
  }

  /**
   * Asserts that the document accepts a request (see {@link requestProblems}); throws an error naming the operation
   * and every problem otherwise. Use it on requests the emulator accepted, so that the documented request schemas
   * are never stricter than the emulator.
   */
  function expectRequestMatchesOpenApi(method: string, url: string, body?: unknown): void {
    const problems = requestProblems(method, url, body);
    if (problems.length > 0) {
      const { name, method: lower, template } = findOperation(method, url);
      throw new Error(`OpenAPI: ${name} (${lower.toUpperCase()} ${template}) request: ${problems.join("; ")}`);
    }
  }

  return {
    document,
    findOperation,
    resolvePointer,
    schemaValidator,
    checkedResponses,
    documentedResponses,
    expectMatchesOpenApi,
    requestProblems,
    expectRequestMatchesOpenApi,
  };
}

const nexus = createOpenApiChecker(openapiJson, "https://nexus-emulator.local/openapi.json");

/** The Nexus emulator's OpenAPI document, exactly as kept in the repository. */
export const openApiDocument = nexus.document;

/** The Nexus document's checks (see {@link OpenApiChecker} for each). */
export const {
  findOperation,
  resolvePointer,
  schemaValidator,
  checkedResponses,
  documentedResponses,
  expectMatchesOpenApi,
  requestProblems,
  expectRequestMatchesOpenApi,
} = nexus;
