/**
 * Helpers for the subscription tests: the emulator's control API and REST API (to make jobs), real graphql-ws and
 * graphql-sse clients against the gateway, and bounded waits (no timed assertions: poll a condition with a bound).
 */
import { crc32c } from "@aws-crypto/crc32c";
import { createClient as createSseClient, type Client as SseClient } from "graphql-sse";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { inject } from "vitest";
import WebSocket from "ws";
import type { UpstreamRequest } from "../utils/emulator-control";
import { useTenant, type TenantProject } from "../utils/tenant";

/** A project's credentials as the gateway's headers (and `connection_init` payload) name them. */
export interface TestProject {
  "x-nexus-project-id": string;
  "x-nexus-secret-key": string;
}

const asHeaders = ({ project, key }: TenantProject): TestProject => ({
  "x-nexus-project-id": project,
  "x-nexus-secret-key": key,
});

/** The emulator's demo project in this file's tenant (`test/utils/tenant.ts`). */
export const DEMO: TestProject = asHeaders(useTenant().demo);
/** The emulator's second project in this file's tenant, for isolation tests. */
export const OTHER: TestProject = asHeaders(useTenant().other);

/** The gateway's GraphQL endpoint over HTTP. */
export const graphqlUrl = (): string => `${inject("gatewayUrl")}/graphql`;
/** The gateway's GraphQL endpoint over WebSocket. */
export const graphqlWsUrl = (): string => graphqlUrl().replace(/^http/, "ws");

// The emulator's control API, shared with the gateway tests and the benchmarks.
export {
  clearFaults,
  clearUpstreamRequests,
  resetEmulator,
  setFaults,
  upstreamRequests,
  type UpstreamRequest,
} from "../utils/emulator-control";

/** Calls the emulator's REST API as a project and returns the parsed JSON; throws on a non-2xx answer. */
export async function nexus<T>(project: TestProject, method: string, path: string, body?: unknown): Promise<T> {
  const projectId = project["x-nexus-project-id"];
  const response = await fetch(`${inject("emulatorUrl")}/projects/${projectId}/batch/${path}`, {
    method,
    headers: {
      "Secret-Key": project["x-nexus-secret-key"],
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** The id of a seeded dataset, by name. */
export async function datasetIdByName(project: TestProject, name: string): Promise<string> {
  const page = await nexus<{ data: { id: string; name: string }[] }>(project, "GET", "datasets?limit=1000");
  const found = page.data.find((dataset) => dataset.name === name);
  if (found === undefined) throw new Error(`no seeded dataset named ${name}`);
  return found.id;
}

/** Creates a job on a dataset (an ephemeral deployment, no webhooks) straight on the emulator; returns its id. */
export async function createJob(
  project: TestProject,
  datasetId: string,
  spec: { startAtTime?: number; stopAtTime?: number } = {},
): Promise<string> {
  const job = await nexus<{ id: string }>(project, "POST", "jobs", {
    name: `subscription-test-${Date.now()}`,
    spec: {
      ...spec,
      datasetId,
      deployment: {
        kind: "NewEphemeralDeployment",
        template: { artifactId: "artifact_subscriptiontests", instanceId: "instance_t4-standard-1g", replicas: 1 },
      },
      resultDelivery: { destinations: [] },
    },
  });
  return job.id;
}

/** A graphql-ws client over `ws`, acting as `project` (credentials in `connection_init`), with no retries. */
export function wsClient(project: TestProject | null): WsClient {
  return createWsClient({
    url: graphqlWsUrl(),
    webSocketImpl: WebSocket,
    connectionParams: project === null ? {} : { ...project },
    retryAttempts: 0,
    lazy: true,
  });
}

/** A graphql-sse client in distinct connections mode, acting as `project` (credentials in headers). */
export function sseClient(project: TestProject | null): SseClient {
  return createSseClient({
    url: graphqlUrl(),
    singleConnection: false,
    headers: project === null ? {} : { ...project },
    retryAttempts: 0,
  });
}

/** One result of a subscription, as both clients deliver it. */
export interface Result {
  data?: Record<string, unknown> | null;
  errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

/** A running subscription: what arrived so far, how it ended, and a way to leave. */
export interface Watch {
  results: Result[];
  done: Promise<{ error: unknown }>;
  ended: () => boolean;
  stop: () => void;
}

/** Subscribes with either client and records every result until it completes, fails or is stopped. */
export function watch(client: WsClient | SseClient, query: string, variables: Record<string, unknown> = {}): Watch {
  const results: Result[] = [];
  let finished = false;
  let stop: () => void = () => {};
  const done = new Promise<{ error: unknown }>((resolve) => {
    stop = client.subscribe<Record<string, unknown>>(
      { query, variables },
      {
        next: (value) => results.push(value),
        error: (error) => {
          finished = true;
          resolve({ error });
        },
        complete: () => {
          finished = true;
          resolve({ error: null });
        },
      },
    );
  });
  return { results, done, ended: () => finished, stop: () => stop() };
}

/** Waits until `condition` holds, checking every `intervalMs`; throws `message` after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  message: string,
  { timeoutMs = 20_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${message}`);
    await sleep(intervalMs);
  }
}

/** Resolves after `ms` (to let time pass between log samples, never as an assertion). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The number of recorded GETs of one job (`/projects/{p}/batch/jobs/{id}`), not its logs. */
export function jobGets(requests: UpstreamRequest[], jobId: string): number {
  return requests.filter((request) => request.method === "GET" && request.path.endsWith(`/batch/jobs/${jobId}`)).length;
}

/** A dataset created on the emulator, waiting for its file at `upload`. */
export interface CreatedDataset {
  id: string;
  upload: () => Promise<void>;
}

/**
 * Creates a dataset for `ndjson` straight on the emulator (size and CRC32C announced); `upload()` then PUTs the
 * bytes to its upload URL with exactly the headers it asked for.
 */
export async function createDatasetFor(project: TestProject, ndjson: string): Promise<CreatedDataset> {
  const bytes = new TextEncoder().encode(ndjson);
  const digest = crc32c(bytes);
  const crc = Buffer.from([(digest >>> 24) & 0xff, (digest >>> 16) & 0xff, (digest >>> 8) & 0xff, digest & 0xff]);
  const dataset = await nexus<{
    id: string;
    status: { source: { uploadUrl: { method: string; url: string; headers: Record<string, string> } } };
  }>(project, "POST", "datasets", {
    name: `subscription-upload-${Date.now()}`,
    spec: {
      source: { kind: "UploadedNewlineDelimitedJsonFile", sizeBytes: bytes.length, crc32c: crc.toString("base64") },
    },
  });
  const { method, url, headers } = dataset.status.source.uploadUrl;
  return {
    id: dataset.id,
    upload: async () => {
      const response = await fetch(url, { method, headers, body: bytes });
      if (!response.ok) throw new Error(`upload: ${response.status} ${await response.text()}`);
    },
  };
}
