/**
 * Helpers for the Graviti emulator's tests: HTTP calls with a workspace's access key that check every answer against
 * `emulator/graviti-openapi.json`, the wire types, and this file's tenant.
 */
import { expect, inject } from "vitest";
import type { DatasetPage as GravitiPage, DatasetWire as GravitiDataset } from "../../emulator/src/graviti/types";
import { graviti } from "../utils/graviti-openapi";
import { useGravitiTenant } from "../utils/graviti-tenant";

/** This file's Graviti tenant: its workspaces, keys and control calls. */
export const G = useGravitiTenant();

/** A dataset on the wire (`with_draft` true while it has an open draft), and the list envelope: the one definition. */
export type { GravitiDataset, GravitiPage };

/** The error body of every failure. */
export interface GravitiErrorBody {
  code: string;
  message: string;
}

/** A parsed JSON response: status, headers, body (undefined when empty). */
export interface GravitiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Options of {@link gcall}. */
export interface GravitiCallOptions {
  /** The `X-Token`; `null` sends none. Default: the demo workspace's key. */
  key?: string | null;
  /** A JSON body (a string is sent as it is). */
  body?: unknown;
}

function isDocumented(method: string, url: string): boolean {
  try {
    graviti.findOperation(method, url);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends a request to the emulator (`path` includes `/graviti` or `/__emulator/graviti`) and parses the JSON answer.
 * Every answer of a documented operation must match the OpenAPI document.
 */
export async function gcall<T = unknown>(
  method: string,
  path: string,
  options: GravitiCallOptions = {},
): Promise<GravitiResponse<T>> {
  const headers: Record<string, string> = {};
  const key = options.key === undefined ? G.demo.key : options.key;
  if (key !== null) headers["X-Token"] = key;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  }
  const url = `${inject("emulatorUrl")}${path}`;
  const response = await fetch(url, body === undefined ? { method, headers } : { method, headers, body });
  const text = await response.text();
  const parsed: unknown = text === "" ? undefined : JSON.parse(text);
  if (isDocumented(method, url)) graviti.expectMatchesOpenApi(method, url, response.status, parsed, response.headers);
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** `/graviti/v2/datasets/{workspace}/{dataset}` with both names encoded. */
export function datasetPath(workspace: string, name: string): string {
  return `/graviti/v2/datasets/${encodeURIComponent(workspace)}/${encodeURIComponent(name)}`;
}

/** Every dataset of a workspace, walking `offset` with `limit`. */
export async function listAllDatasets(key: string = G.demo.key, limit = 5): Promise<GravitiDataset[]> {
  const rows: GravitiDataset[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await gcall<GravitiPage>("GET", `/graviti/v2/datasets?offset=${offset}&limit=${limit}`, { key });
    expect(page.status).toBe(200);
    rows.push(...page.body.datasets);
    if (offset + limit >= page.body.total_count) return rows;
  }
}

/** Creates a dataset in the demo workspace (or the key's) and returns it. */
export async function createGravitiDataset(
  body: Record<string, unknown>,
  key: string = G.demo.key,
): Promise<GravitiDataset> {
  const created = await gcall<GravitiDataset>("POST", "/graviti/v2/datasets", { key, body });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return created.body;
}
