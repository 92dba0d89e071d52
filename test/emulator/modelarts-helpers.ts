/**
 * Helpers for the ModelArts emulator's tests: the file's tenant's projects and tokens, HTTP calls whose every answer
 * is checked against `emulator/modelarts-openapi.json`, the ModelArts control API, and a bounded poll.
 */
import { expect, inject } from "vitest";
import { modelArtsOpenApi } from "../utils/modelarts-openapi";
import { DEFAULT_TENANT, useTenant } from "../utils/tenant";
import type { Faults, UpstreamRequest } from "../utils/tenant";

/** A seeded ModelArts project and its IAM token. */
export interface ModelArtsProject {
  project: string;
  token: string;
}

/** The seeded projects of tenant `name`: `modelarts_demo_<name>` (token `demo-iam-token_<name>`) and the other one. */
export function modelArtsProjectsOf(name: string): { demo: ModelArtsProject; other: ModelArtsProject } {
  const suffix = name === DEFAULT_TENANT ? "" : `_${name}`;
  return {
    demo: { project: `modelarts_demo${suffix}`, token: `demo-iam-token${suffix}` },
    other: { project: `modelarts_other${suffix}`, token: `other-iam-token${suffix}` },
  };
}

/** This file's tenant name. */
export const TENANT = useTenant().name;
/** The big demo project of this file's tenant. */
export const DEMO = modelArtsProjectsOf(TENANT).demo;
/** The small second project of this file's tenant. */
export const OTHER = modelArtsProjectsOf(TENANT).other;

/** The ModelArts base URL (what the gateway will use): the emulator's origin plus `/modelarts`. */
export function modelArtsUrl(): string {
  return `${inject("emulatorUrl")}/modelarts`;
}

/** The path of `rest` under `/modelarts/v2/{project}/`. */
export function v2(rest: string, project: string = DEMO.project): string {
  return `/modelarts/v2/${project}/${rest}`;
}

/** The ModelArts control path of `endpoint` (`reset`, `requests`, `faults`) for tenant `name` (default this file's). */
export function controlPath(endpoint: string, name: string = TENANT): string {
  const base = `/__emulator/modelarts/${endpoint}`;
  return name === DEFAULT_TENANT ? base : `${base}?tenant=${name}`;
}

/** A parsed JSON answer. */
export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** The error body of every ModelArts failure. */
export interface ModelArtsErrorBody {
  error_code: string;
  error_msg: string;
}

/** A dataset on the wire. */
export interface Dataset {
  dataset_id: string;
  dataset_name: string;
  dataset_type: number;
  data_format: string;
  dataset_format: number;
  status: number;
  description: string;
  create_time: number;
  update_time: number;
  total_sample_count: number;
  annotated_sample_count: number;
  unconfirmed_sample_count: number;
  current_version_id: string;
  current_version_name: string;
  dataset_version_count: number;
  work_path: string;
  data_sources: { data_type: number; data_path: string }[];
  labels: { name: string; type: number; property: Record<string, string> }[];
  dataset_tags: string[];
  exist_running_task?: boolean;
  running_tasks_id?: string[];
  workspace_id: string;
}

/** An export task on the wire. */
export interface ExportTask {
  task_id: string;
  status: "INIT" | "RUNNING" | "SUCCESSED" | "FAILED" | "STOPPING" | "STOPPED";
  progress: number;
  total_sample_count?: number;
  finished_sample_count?: number;
  path: string;
  export_type: number;
  export_format: number;
  version_format?: string;
  version_id?: string;
  export_params: Record<string, unknown>;
  error_code?: string;
  error_msg?: string;
  create_time: number;
  update_time: number;
}

/** `{datasets, total_number}`. */
export interface DatasetList {
  datasets: Dataset[];
  total_number: number;
}

/** `{total_count, export_tasks}`. */
export interface ExportTaskList {
  total_count: number;
  export_tasks: ExportTask[];
}

/**
 * Sends a request to the emulator (a path such as `/modelarts/v2/…` or `/__emulator/modelarts/…`) and parses the
 * JSON answer (undefined for an empty body). `token` defaults to the demo project's; `null` sends none. Every answer
 * is checked against the OpenAPI document (status, body, required headers).
 */
export async function call<T = unknown>(
  method: string,
  path: string,
  init: { token?: string | null; body?: unknown; raw?: string } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = {};
  const token = init.token === undefined ? DEMO.token : init.token;
  if (token !== null && !path.startsWith("/__emulator/")) headers["X-Auth-Token"] = token;
  let body: string | undefined = init.raw;
  if (init.body !== undefined) body = JSON.stringify(init.body);
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${inject("emulatorUrl")}${path}`, { method, headers, body: body ?? null });
  const text = await response.text();
  const parsed: unknown = text === "" ? undefined : JSON.parse(text);
  modelArtsOpenApi.expectMatchesOpenApi(method, path, response.status, parsed, response.headers);
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/**
 * Sends a request to a path the OpenAPI document cannot describe (an unknown path: OpenAPI has no catch-all) and
 * checks that the answer is still a ModelArts error body (`#/components/schemas/Error`).
 */
export async function callUndocumented(
  method: string,
  path: string,
  token: string | null = DEMO.token,
): Promise<JsonResponse<ModelArtsErrorBody>> {
  const response = await fetch(`${inject("emulatorUrl")}${path}`, {
    method,
    headers: token === null ? {} : { "X-Auth-Token": token },
  });
  const body: unknown = await response.json();
  const validate = modelArtsOpenApi.schemaValidator("#/components/schemas/Error");
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
  return { status: response.status, headers: response.headers, body: body as ModelArtsErrorBody };
}

/** Calls and asserts the status; returns the answer. */
export async function expectStatus<T = unknown>(
  status: number,
  method: string,
  path: string,
  init: { token?: string | null; body?: unknown; raw?: string } = {},
): Promise<JsonResponse<T>> {
  const response = await call<T>(method, path, init);
  expect(response.status, `${method} ${path}: ${JSON.stringify(response.body)}`).toBe(status);
  return response;
}

/** Back to the seeded data of tenant `name` (default this file's), with the given job speed. */
export async function reset(options: { msPerSample?: number } = {}, name: string = TENANT): Promise<void> {
  await expectStatus(200, "POST", controlPath("reset", name), { body: options });
}

/** The ModelArts request log of tenant `name` (default this file's). */
export async function requests(name: string = TENANT): Promise<UpstreamRequest[]> {
  return (await expectStatus<UpstreamRequest[]>(200, "GET", controlPath("requests", name))).body;
}

/** Replaces the ModelArts faults of tenant `name` (default this file's). */
export async function setFaults(faults: Faults, name: string = TENANT): Promise<void> {
  await expectStatus(200, "POST", controlPath("faults", name), { body: faults });
}

/** Removes every ModelArts fault of tenant `name` (default this file's). */
export async function clearFaults(name: string = TENANT): Promise<void> {
  await expectStatus(204, "DELETE", controlPath("faults", name));
}

/** Every dataset of a project, walking `offset` in pages of `limit`. */
export async function allDatasets(project: ModelArtsProject = DEMO, limit = 5): Promise<Dataset[]> {
  const rows: Dataset[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await expectStatus<DatasetList>(
      200,
      "GET",
      v2(`datasets?offset=${offset}&limit=${limit}`, project.project),
      { token: project.token },
    );
    rows.push(...page.body.datasets);
    if (page.body.datasets.length < limit) return rows;
  }
}

/** The seeded dataset of the demo project called `name`. */
export async function datasetNamed(name: string, project: ModelArtsProject = DEMO): Promise<Dataset> {
  const found = (await allDatasets(project, 100)).find((dataset) => dataset.dataset_name === name);
  if (found === undefined) throw new Error(`no seeded dataset ${name} in ${project.project}`);
  return found;
}

/** Every export task of a dataset, newest first. */
export async function allExportTasks(datasetId: string, project: ModelArtsProject = DEMO): Promise<ExportTask[]> {
  const page = await expectStatus<ExportTaskList>(
    200,
    "GET",
    v2(`datasets/${datasetId}/export-tasks?limit=100`, project.project),
    {
      token: project.token,
    },
  );
  return page.body.export_tasks;
}

/** Reads `read()` until `done` holds, at most `attempts` times `intervalMs` apart; fails with the last value. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  attempts = 400,
  intervalMs = 50,
): Promise<T> {
  let last = await read();
  for (let i = 0; i < attempts && !done(last); i++) {
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
    last = await read();
  }
  if (!done(last)) throw new Error(`pollUntil: condition never held; last value ${JSON.stringify(last).slice(0, 500)}`);
  return last;
}
