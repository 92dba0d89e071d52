/**
 * Helpers for the emulator's own tests: HTTP calls with a project's key, the control API, NDJSON files with their
 * CRC32C, and a bounded poll (no timed assertions).
 */
import { crc32c } from "@aws-crypto/crc32c";
import { createHash } from "node:crypto";
import { expect, inject } from "vitest";
import { expectMatchesOpenApi, findOperation } from "../utils/openapi";
import { useTenant } from "../utils/tenant";
import type { JobLog } from "../../emulator/src/logs";
import type {
  DatasetWire as Dataset,
  ItemCounters,
  JobWire as Job,
  LogEntry,
  Page,
  WebhookWire as Webhook,
} from "../../emulator/src/types";

/** The seeded demo project of this file's tenant and its key (`test/utils/tenant.ts`). */
export const DEMO = useTenant().demo;
/** The second seeded project of this file's tenant, for isolation tests. */
export const OTHER = useTenant().other;

/** The control API path of `endpoint` (`reset`, `requests`, `faults`) in this file's tenant. */
export function controlPath(endpoint: string): string {
  return useTenant().controlPath(endpoint);
}

/** The emulator's base URL for this run. */
export function emulatorUrl(): string {
  return inject("emulatorUrl");
}

/** A parsed JSON response: status, headers, body. */
export interface JsonResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** The error body of every failure. */
export interface ApiErrorBody {
  code: string;
  message: string;
}

/**
 * The wire shapes the emulator sends (a dataset, a job, a webhook, a list page, a log entry and a job's log): the one
 * definition, the gateway's types narrowed to what the emulator always fills.
 */
export type { Dataset, ItemCounters, Job, JobLog, LogEntry, Page, Webhook };

/** Sends a request to the emulator and parses the JSON answer (undefined for an empty body). */
export async function call<T = unknown>(
  method: string,
  path: string,
  init: { key?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  const key = init.key === undefined ? DEMO.key : init.key;
  if (key !== null) headers["Secret-Key"] = key;
  let body: string | undefined;
  if (init.body !== undefined) {
    headers["content-type"] = "application/json";
    body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
  }
  const url = `${emulatorUrl()}${path}`;
  const response = await fetch(url, body === undefined ? { method, headers } : { method, headers, body });
  const text = await response.text();
  const parsed: unknown = text === "" ? undefined : JSON.parse(text);
  // Every answer to a documented operation, in every emulator test, must match the OpenAPI document, so the two
  // cannot drift. Calls to routes or methods it does not document (the 404 and 405 tests) have nothing to match.
  if (isDocumented(method, url)) expectMatchesOpenApi(method, url, response.status, parsed, response.headers);
  return { status: response.status, headers: response.headers, body: parsed as T };
}

function isDocumented(method: string, url: string): boolean {
  try {
    findOperation(method, url);
    return true;
  } catch {
    return false;
  }
}

/** `/projects/{project}/batch/{rest}`. */
export function batch(rest: string, project: string = DEMO.project): string {
  return `/projects/${project}/batch/${rest}`;
}

/** Resets this file's tenant (seeded data, empty request log, no faults). */
export async function reset(
  options: { msPerItem?: number; uploadUrlTtlMs?: number; datasetLifetimeMs?: number; jobRunMs?: number } = {},
): Promise<void> {
  const response = await call("POST", controlPath("reset"), { key: null, body: options });
  expect(response.status).toBe(200);
}

/** One request log entry. */
export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  status: number;
  durationMs: number;
  /** Length of the answer's body in bytes. */
  bytes: number;
  /** {@link keyIdOf} the credential the request carried, null without one. */
  keyId: string | null;
  /** The W3C `traceparent` the request carried, null without one. */
  traceparent: string | null;
}

/**
 * The key id the emulator logs for a key or token (every platform): the first 8 hex digits of its SHA-256, computed
 * here independently of the emulator's code.
 */
export function keyIdOf(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** The request log of this file's tenant. */
export async function requestLog(): Promise<LoggedRequest[]> {
  return (await call<LoggedRequest[]>("GET", controlPath("requests"), { key: null })).body;
}

/** Empties the request log of this file's tenant. */
export async function clearRequestLog(): Promise<void> {
  expect((await call("DELETE", controlPath("requests"), { key: null })).status).toBe(204);
}

/** The base64 of the 4-byte big-endian CRC32C of `bytes`. */
export function crc32cBase64(bytes: Uint8Array): string {
  const value = crc32c(bytes);
  return Buffer.from([value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]).toString("base64");
}

/** An NDJSON file of `count` image items. */
export function ndjson(count: number): Uint8Array<ArrayBuffer> {
  const lines = Array.from({ length: count }, (_, i) =>
    JSON.stringify({ kind: "Image", url: `https://images.example.com/${i}.jpg` }),
  );
  return new TextEncoder().encode(`${lines.join("\n")}\n`);
}

/** Creates a dataset for `bytes` and returns the created dataset. */
export async function createDataset(
  bytes: Uint8Array,
  name = "test-dataset",
  announce: { sizeBytes?: number; crc32c?: string } = {},
): Promise<Dataset> {
  const response = await call<Dataset>("POST", batch("datasets"), {
    body: {
      name,
      spec: {
        source: {
          kind: "UploadedNewlineDelimitedJsonFile",
          sizeBytes: announce.sizeBytes ?? bytes.byteLength,
          crc32c: announce.crc32c ?? crc32cBase64(bytes),
        },
      },
    },
  });
  expect(response.status).toBe(201);
  return response.body;
}

/** PUTs bytes to a dataset's upload URL with the headers it asked for, or with `headers` instead. */
export async function upload(
  dataset: Dataset,
  bytes: Uint8Array<ArrayBuffer>,
  headers?: Record<string, string>,
): Promise<{ status: number; text: string }> {
  const uploadUrl = dataset.status.source.uploadUrl;
  const response = await fetch(uploadUrl.url, {
    method: uploadUrl.method,
    headers: headers ?? uploadUrl.headers,
    body: bytes,
  });
  return { status: response.status, text: await response.text() };
}

/** Creates a dataset and uploads `count` items to it; returns the dataset as it reads after the upload. */
export async function uploadedDataset(count: number): Promise<Dataset> {
  const bytes = ndjson(count);
  const dataset = await createDataset(bytes);
  expect((await upload(dataset, bytes)).status).toBe(200);
  const read = await call<Dataset>("GET", batch(`datasets/${dataset.id}`));
  expect(read.body.status.overview).toBe("Uploaded");
  return read.body;
}

/** A valid job body on a dataset, with an ephemeral deployment and no destinations unless given. */
export function jobBody(
  datasetId: string,
  spec: Record<string, unknown> = {},
): { name: string; spec: Record<string, unknown> } {
  return {
    name: "test-job",
    spec: {
      datasetId,
      deployment: {
        kind: "NewEphemeralDeployment",
        template: { artifactId: "artifact_test", instanceId: "instance_t4-standard-1g", replicas: 1 },
      },
      resultDelivery: { destinations: [] },
      ...spec,
    },
  };
}

/** Reads `read()` until `done` holds, at most `attempts` times `intervalMs` apart; fails with the last value. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  attempts = 200,
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

/** Every row of a list endpoint, walking `nextPage`. */
export async function listAll<T>(
  resource: string,
  project: string = DEMO.project,
  key: string = DEMO.key,
  limit = 7,
): Promise<T[]> {
  const rows: T[] = [];
  let page: string | null = null;
  do {
    const query: string = `limit=${limit}${page === null ? "" : `&page=${page}`}`;
    const response: JsonResponse<Page<T>> = await call<Page<T>>("GET", batch(`${resource}?${query}`, project), { key });
    expect(response.status).toBe(200);
    rows.push(...response.body.data);
    page = response.body.nextPage;
  } while (page !== null);
  return rows;
}
