/**
 * Issue 19: no key can be read from a watch object's storage. A gateway of this file's own keeps its Durable Objects'
 * storage on disk (wrangler's local persistence, SQLite files); while two callers watch one running job with a key
 * of their own, over graphql-ws and over SSE, the watch object's files hold its listeners' records (the check that
 * this test reads the right files) and not one copy of the key, as text or in base64: only its sealed form.
 */
import { readdir, readFile, rm, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient as createSseClient } from "graphql-sse";
import { createClient as createWsClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import { useTenant } from "../utils/tenant";
import { SUITE_GATEWAY_VARS } from "../utils/test-gateway";
import { startWorker, type StartedWorker } from "../utils/workers";
import { createJob, DEMO, datasetIdByName, resetEmulator, sleep, waitFor, watch, type TestProject } from "./helpers";

const tenant = useTenant();
/** A key of the demo project that this file adds, and looks for in the watch object's files. */
const KEY = "watch-storage-plaintext-needle-5e3a91";
const CALLER: TestProject = { "x-nexus-project-id": DEMO["x-nexus-project-id"], "x-nexus-secret-key": KEY };
const JOB_UPDATED = /* GraphQL */ `subscription ($id: ID!) { jobUpdated(id: $id) { id state } }`;

let dir = "";
let persistTo = "";
let worker: StartedWorker | undefined;
let url = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "watch-storage-"));
  persistTo = join(dir, "state");
  const started = await startWorker({
    config: "wrangler.toml",
    vars: SUITE_GATEWAY_VARS(inject("emulatorUrl")),
    persistTo,
  });
  worker = started.worker;
  url = started.url;
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
  if (dir !== "") await rm(dir, { recursive: true, force: true });
});

/** Every file under `root` (the SQLite database and its WAL, which holds the newest writes). */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** The watch objects' storage files: wrangler keeps each Durable Object class's under a folder named for it. */
async function watchObjectFiles(): Promise<string[]> {
  return (await filesUnder(persistTo)).filter((file) => file.includes("ResourceWatch"));
}

describe("a watch object's storage", () => {
  it("holds its listeners' records but not their key, in any file, while they watch over graphql-ws and SSE", async () => {
    await resetEmulator({ msPerItem: 100 });
    const response = await fetch(`${inject("emulatorUrl")}${tenant.controlPath("keys")}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ project: tenant.demo.project, add: KEY }),
    });
    expect(response.status, await response.text()).toBe(200);
    const jobId = await createJob(DEMO, await datasetIdByName(DEMO, "street-scenes-2026-11"), {
      startAtTime: Date.now() + 500,
    });
    const ws = createWsClient({
      url: `${url.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { ...CALLER },
      retryAttempts: 0,
      lazy: true,
    });
    const sse = createSseClient({
      url: `${url}/graphql`,
      singleConnection: false,
      headers: { ...CALLER },
      retryAttempts: 0,
    });
    try {
      const overWs = watch(ws, JOB_UPDATED, { id: jobId });
      const overSse = watch(sse, JOB_UPDATED, { id: jobId });
      await waitFor(() => overWs.results.length > 1 && overSse.results.length > 1, "two events on each transport", {
        timeoutMs: 30_000,
      });
      // A poll or two more, so that the listeners' records have been written back (fingerprint, check time).
      await sleep(1000);
      const files = await watchObjectFiles();
      const contents = await Promise.all(files.map((file) => readFile(file)));
      // The right files: the watch object's, holding its listener records (a connection's `listener:…`, a socket's
      // `socket:…`).
      expect(
        contents.some((bytes) => bytes.includes("listener:")),
        `listener record in ${files.join(", ")}`,
      ).toBe(true);
      expect(
        contents.some((bytes) => bytes.includes("socket:")),
        `socket record in ${files.join(", ")}`,
      ).toBe(true);
      for (const needle of [KEY, Buffer.from(KEY).toString("base64"), Buffer.from(KEY).toString("base64url")]) {
        const holding = files.filter((_file, index) => contents[index]?.includes(needle) === true);
        expect(holding, `files holding ${needle}`).toEqual([]);
      }
      expect(overWs.ended() || overSse.ended()).toBe(false);
    } finally {
      await ws.dispose();
      sse.dispose();
    }
  }, 90_000);
});
