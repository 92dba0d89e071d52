/**
 * Helpers for the Graviti backend's front-door tests: GraphQL requests that carry Nexus credentials, a Graviti
 * access key, both or neither, and the file's Graviti tenant (its workspaces, request log and faults).
 */
import { expect, inject } from "vitest";
import type { GraphQLResponse } from "../utils/graphql-client";
import { suiteGraphQL } from "../utils/test-gateway";
import { useGravitiTenant } from "../utils/graviti-tenant";
import { useTenant } from "../utils/tenant";
import type { GravitiDataset as WireDataset } from "../../src/backends/graviti/types";

/** This file's Graviti tenant. */
export const GRAVITI = useGravitiTenant();
/** This file's Nexus tenant. */
export const NEXUS = useTenant();

/** Who a request acts as, on each platform (absent: no credentials for it). */
export interface MixedCaller {
  nexus?: { project: string; key: string };
  graviti?: string;
}

/** The file's demo project on Nexus and demo workspace on Graviti. */
export const BOTH: MixedCaller = { nexus: NEXUS.demo, graviti: GRAVITI.demo.key };
/** Graviti's demo workspace only. */
export const GRAVITI_ONLY: MixedCaller = { graviti: GRAVITI.demo.key };

/** The credential headers of `caller`. */
export function mixedHeaders(caller: MixedCaller): Record<string, string> {
  const headers: Record<string, string> = {};
  if (caller.nexus !== undefined) {
    headers["x-nexus-project-id"] = caller.nexus.project;
    headers["x-nexus-secret-key"] = caller.nexus.key;
  }
  if (caller.graviti !== undefined) headers["x-graviti-access-key"] = caller.graviti;
  return headers;
}

/** Sends a GraphQL POST as `caller` to the run's gateway. */
export async function mixedGql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  caller: MixedCaller = GRAVITI_ONLY,
): Promise<GraphQLResponse<T>> {
  const result = await suiteGraphQL().query<T>(query, variables, { headers: mixedHeaders(caller) });
  // Locations say where in the document, which these tests never assert: dropped so errors compare whole.
  const errors = result.body.errors?.map(({ locations: _locations, ...error }) => error);
  return { ...result, body: { ...result.body, ...(errors === undefined ? {} : { errors }) } };
}

/** Like {@link mixedGql}, but fails the test on any GraphQL error and returns `data`. */
export async function mixedData<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  caller: MixedCaller = GRAVITI_ONLY,
): Promise<T> {
  const result = await mixedGql<T>(query, variables, caller);
  expect(result.body.errors, result.text).toBeUndefined();
  expect(result.body.data).toBeTruthy();
  return result.body.data as T;
}

/** A dataset as the emulator's Graviti API answers it: the one definition. */
export type { WireDataset };

/** Calls the emulator's Graviti API directly as `key` (to set up data and to check what the gateway did). */
export async function gravitiApi<T>(
  method: string,
  path: string,
  body?: unknown,
  key = GRAVITI.demo.key,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${inject("emulatorUrl")}/graviti${path}`, {
    method,
    headers: { "X-Token": key, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text === "" ? null : JSON.parse(text)) as T };
}

/** Every dataset of the demo workspace, in the upstream's order (oldest first). */
export async function allWireDatasets(key = GRAVITI.demo.key): Promise<WireDataset[]> {
  const all: WireDataset[] = [];
  for (let offset = 0; ; offset += 128) {
    const page = await gravitiApi<{ datasets: WireDataset[]; total_count: number }>(
      "GET",
      `/v2/datasets?offset=${offset}&limit=128`,
      undefined,
      key,
    );
    all.push(...page.body.datasets);
    if (all.length >= page.body.total_count || page.body.datasets.length === 0) return all;
  }
}

/** The Graviti requests of this file's tenant since the last reset or clear, as `METHOD path?query`. */
export async function gravitiCalls(): Promise<string[]> {
  return (await GRAVITI.requests()).map(
    (request) => `${request.method} ${request.path}${request.query === "" ? "" : `?${request.query}`}`,
  );
}

/** The global id the gateway gives a Graviti dataset (`ids.ts`: `<id>:<workspace>:<name>`, encoded). */
export function gravitiGlobalId(dataset: Pick<WireDataset, "id" | "workspace" | "name">): string {
  const ref = `${dataset.id}:${encodeURIComponent(dataset.workspace)}:${encodeURIComponent(dataset.name)}`;
  return Buffer.from(`GravitiDataset:${ref}`, "utf8").toString("base64url");
}
