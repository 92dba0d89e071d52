/**
 * Helpers for the gateway's ModelArts tests: the file's tenant in both emulators (Nexus and ModelArts share the
 * tenant name), GraphQL requests that carry either platform's credentials or both, the ModelArts control API
 * (reset with `msPerSample`, request log, faults) and direct reads of the ModelArts emulator, to check what the
 * gateway did upstream. Never write `modelarts_demo` or `demo-iam-token` in a test: that is the default tenant.
 */
import { expect, inject } from "vitest";
import { modelArtsProjectsOf, type ModelArtsProject } from "../emulator/modelarts-helpers";
import { useTenant, type Faults, type TenantProject, type UpstreamRequest } from "../utils/tenant";
import type { GraphQLResponse, GraphQLTestClient } from "../utils/graphql-client";
import { suiteGraphQL } from "../utils/test-gateway";

export type { GqlError, GraphQLResponse } from "../utils/graphql-client";
export type { UpstreamRequest } from "../utils/tenant";

/** This file's tenant name. */
export const TENANT = useTenant().name;
/** The Nexus demo project of this file's tenant. */
export const NEXUS: TenantProject = useTenant().demo;
/** The ModelArts demo project of this file's tenant (16 datasets, 20 export tasks). */
export const MA: ModelArtsProject = modelArtsProjectsOf(TENANT).demo;
/** The small second ModelArts project of this file's tenant (2 datasets, 2 export tasks). */
export const MA_OTHER: ModelArtsProject = modelArtsProjectsOf(TENANT).other;

/** Who a request acts as, per platform; a platform left out gets no credentials. */
export interface Callers {
  nexus?: TenantProject | null;
  modelarts?: ModelArtsProject | null;
}

/** The credential headers (and `connection_init` payload) of `callers`. */
export function credentialHeaders(callers: Callers): Record<string, string> {
  const headers: Record<string, string> = {};
  if (callers.nexus != null) {
    headers["x-nexus-project-id"] = callers.nexus.project;
    headers["x-nexus-secret-key"] = callers.nexus.key;
  }
  if (callers.modelarts != null) {
    headers["x-modelarts-project-id"] = callers.modelarts.project;
    headers["x-modelarts-token"] = callers.modelarts.token;
  }
  return headers;
}

/** Sends a GraphQL POST as `callers` (default: ModelArts only) to `client` (default: the run's gateway). */
export function gqlAs<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  callers: Callers = { modelarts: MA },
  client: GraphQLTestClient = suiteGraphQL(),
): Promise<GraphQLResponse<T>> {
  return client.query<T>(query, variables, { headers: credentialHeaders(callers) });
}

/** Like {@link gqlAs}, but fails the test on any GraphQL error and returns `data`. */
export async function dataAs<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  callers: Callers = { modelarts: MA },
): Promise<T> {
  const result = await gqlAs<T>(query, variables, callers);
  expect(result.body.errors, result.text).toBeUndefined();
  expect(result.body.data).toBeTruthy();
  return result.body.data as T;
}

async function control(method: string, endpoint: string, body?: unknown): Promise<Response> {
  const path = `/__emulator/modelarts/${endpoint}?tenant=${TENANT}`;
  const response = await fetch(`${inject("emulatorUrl")}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: expected 2xx, got ${response.status} ${await response.text()}`);
  return response;
}

/** The ModelArts state of this file's tenant: reset (with the export speed), request log, faults. */
export const modelArts = {
  reset: async (options: { msPerSample?: number } = {}): Promise<void> => {
    await control("POST", "reset", options);
  },
  requests: async (): Promise<UpstreamRequest[]> =>
    (await (await control("GET", "requests")).json()) as UpstreamRequest[],
  clearRequests: async (): Promise<void> => {
    await control("DELETE", "requests");
  },
  setFaults: async (faults: Faults): Promise<void> => {
    await control("POST", "faults", faults);
  },
  clearFaults: async (): Promise<void> => {
    await control("DELETE", "faults");
  },
};

/** Calls the ModelArts emulator directly as `project` (to see what the gateway did); throws on a non-2xx answer. */
export async function modelArtsApi<T>(
  rest: string,
  project: ModelArtsProject = MA,
  init: RequestInit = {},
): Promise<T> {
  const response = await fetch(`${inject("emulatorUrl")}/modelarts/v2/${project.project}/${rest}`, {
    ...init,
    headers: { "X-Auth-Token": project.token, "content-type": "application/json" },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`modelarts ${rest}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** A seeded dataset's id, by name. */
export async function datasetIdByName(name: string, project: ModelArtsProject = MA): Promise<string> {
  const page = await modelArtsApi<{ datasets: { dataset_id: string; dataset_name: string }[] }>(
    "datasets?limit=100",
    project,
  );
  const found = page.datasets.find((dataset) => dataset.dataset_name === name);
  if (found === undefined) throw new Error(`no seeded ModelArts dataset named ${name}`);
  return found.dataset_id;
}

/** The global id the gateway gives a ModelArts object (base64url of `<Type>:<ref>`), to ask for one by id. */
export function globalId(typename: string, ref: string): string {
  return Buffer.from(`${typename}:${ref}`, "utf8").toString("base64url");
}

/** The global id of export task `taskId` of dataset `datasetId`. */
export function taskGlobalId(datasetId: string, taskId: string): string {
  return globalId("ModelArtsExportTask", `${datasetId}:${taskId}`);
}

/** The ModelArts requests of a log that are list calls of export tasks (one per dataset scanned). */
export function taskListCalls(requests: UpstreamRequest[]): UpstreamRequest[] {
  return requests.filter(
    (request) => request.method === "GET" && /\/datasets\/[A-Za-z0-9]+\/export-tasks\/?$/.test(request.path),
  );
}
