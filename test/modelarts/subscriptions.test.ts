/**
 * Live export tasks: `jobUpdated` follows a ModelArts export task from `INIT` to `SUCCESSED` and to `FAILED` over
 * both transports (WebSocket credentials in `connection_init`, SSE in headers) and completes after the terminal
 * status; 20 watchers cost one upstream poll per interval (the emulator's request log); `jobLogAdded` on an export
 * task is a clear `BAD_USER_INPUT` (ModelArts has no task log); a missing task ends with `NOT_FOUND`. The export
 * speed comes from the emulator's `msPerSample`; nothing here asserts on time, time only sizes the bounds.
 */
import { createClient as createSseClient, type Client as SseClient } from "graphql-sse";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { afterAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { graphqlUrl } from "../gateway/helpers";
import { waitFor, watch, type Result, type Watch } from "../subscriptions/helpers";
import {
  MA,
  credentialHeaders,
  dataAs,
  datasetIdByName,
  globalId,
  modelArts,
  taskGlobalId,
  type Callers,
} from "./helpers";

/** POLL_INTERVAL_MS of the test gateway (test/global-setup.ts). */
const POLL_INTERVAL_MS = 200;

const JOB_UPDATED = /* GraphQL */ `
  subscription ($id: ID!) {
    jobUpdated(id: $id) {
      id state progress
      ... on ModelArtsExportTask { exportStatus finishedSampleCount totalSampleCount errorCode errorMessage }
    }
  }
`;

const CREATE = /* GraphQL */ `
  mutation ($input: CreateModelArtsExportTaskInput!) { createModelArtsExportTask(input: $input) { task { id modelArtsId } } }
`;

interface TaskView {
  id: string;
  state: string;
  progress: number;
  exportStatus: string;
  finishedSampleCount: number | null;
  totalSampleCount: number | null;
  errorCode: string | null;
  errorMessage: string | null;
}

const clients: { dispose: () => void | Promise<void> }[] = [];

afterAll(async () => {
  await Promise.all(clients.map(async (client) => client.dispose()));
});

function ws(callers: Callers = { modelarts: MA }): WsClient {
  const client = createWsClient({
    url: graphqlUrl().replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: credentialHeaders(callers),
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  return client;
}

function sse(callers: Callers = { modelarts: MA }): SseClient {
  const client = createSseClient({
    url: graphqlUrl(),
    singleConnection: false,
    headers: credentialHeaders(callers),
    retryAttempts: 0,
  });
  clients.push(client);
  return client;
}

function views(results: Result[]): TaskView[] {
  return results.map((result) => {
    expect(result.errors).toBeUndefined();
    return (result.data as { jobUpdated: TaskView }).jobUpdated;
  });
}

/** Starts an export of `samples` samples of a seeded dataset through the gateway; returns the task's global id. */
async function startExport(datasetName: string, samples?: number): Promise<{ id: string; taskId: string }> {
  const datasetId = await datasetIdByName(datasetName);
  const input = {
    datasetId: globalId("ModelArtsDataset", datasetId),
    ...(samples === undefined ? {} : { samples: Array.from({ length: samples }, (_, i) => `sample-${i}`) }),
  };
  const data = await dataAs<{ createModelArtsExportTask: { task: { id: string; modelArtsId: string } } }>(CREATE, {
    input,
  });
  return { id: data.createModelArtsExportTask.task.id, taskId: data.createModelArtsExportTask.task.modelArtsId };
}

/** The stream rules: states never go back, progress never falls, no snapshot twice, one terminal event, last. */
function expectWellFormed(stream: TaskView[], terminal: string): void {
  const rank = (state: string) => ["WAITING", "RUNNING"].indexOf(state) + 1 || 3;
  expect(stream.length).toBeGreaterThan(0);
  expect(stream.map((view) => rank(view.state))).toEqual(
    [...stream.map((view) => rank(view.state))].sort((a, b) => a - b),
  );
  expect(stream.filter((view) => rank(view.state) === 3).map((view) => view.state)).toEqual([terminal]);
  for (let i = 1; i < stream.length; i++) {
    expect(JSON.stringify(stream[i])).not.toBe(JSON.stringify(stream[i - 1]));
    expect(stream[i]!.progress).toBeGreaterThanOrEqual(stream[i - 1]!.progress);
  }
}

describe("jobUpdated on an export task", () => {
  it("follows a task from INIT to SUCCESSED over WebSocket and SSE, and completes", async () => {
    // INIT for one sample's time (3 s: room for both subscriptions to start on a loaded machine), then 2 samples:
    // 9 s in all, well within the SSE stream's lifetime (SUBSCRIPTION_MAX_LIFETIME_MS, 15 s in tests).
    await modelArts.reset({ msPerSample: 3_000 });
    const { id } = await startExport("defect-classification", 2);
    const overWs = watch(ws(), JOB_UPDATED, { id });
    const overSse = watch(sse(), JOB_UPDATED, { id });
    expect(await overWs.done).toEqual({ error: null });
    expect(await overSse.done).toEqual({ error: null });
    for (const stream of [views(overWs.results), views(overSse.results)]) {
      expectWellFormed(stream, "FINISHED");
      expect(stream[0]).toMatchObject({ id, state: "WAITING", exportStatus: "INIT", progress: 0 });
      expect(stream.some((view) => view.exportStatus === "RUNNING" && view.progress > 0 && view.progress < 1)).toBe(
        true,
      );
      expect(stream.at(-1)).toMatchObject({
        state: "FINISHED",
        exportStatus: "SUCCESSED",
        progress: 1,
        finishedSampleCount: 2,
        totalSampleCount: 2,
      });
    }
  }, 60_000);

  it("follows a task to FAILED (an empty dataset) over WebSocket and SSE, with its error, and completes", async () => {
    await modelArts.reset({ msPerSample: 3_000 });
    const { id } = await startExport("bird-photos");
    const overWs = watch(ws(), JOB_UPDATED, { id });
    const overSse = watch(sse(), JOB_UPDATED, { id });
    expect(await overWs.done).toEqual({ error: null });
    expect(await overSse.done).toEqual({ error: null });
    for (const stream of [views(overWs.results), views(overSse.results)]) {
      expectWellFormed(stream, "FAILED");
      expect(stream[0]).toMatchObject({ state: "WAITING", exportStatus: "INIT" });
      expect(stream.at(-1)).toMatchObject({
        state: "FAILED",
        exportStatus: "FAILED",
        progress: 0,
        errorCode: "ModelArts.72060041",
        errorMessage: "Dataset is empty: there are no samples to export.",
      });
    }
  }, 60_000);

  it("polls the task once per interval for 20 watchers over both transports", async () => {
    // 60 samples at 400 ms: about 24 s of progress, a change at nearly every poll.
    await modelArts.reset({ msPerSample: 400 });
    const { id, taskId } = await startExport("retail-shelf-products", 60);
    const sockets = [ws(), ws()];
    const stream = sse();
    const watches: Watch[] = [];
    for (let i = 0; i < 10; i++) watches.push(watch(sockets[i % 2]!, JOB_UPDATED, { id }));
    for (let i = 0; i < 10; i++) watches.push(watch(stream, JOB_UPDATED, { id }));
    await waitFor(() => watches.every((w) => w.results.length > 0), "every watcher's first event", {
      timeoutMs: 30_000,
    });

    // The window: from a clean log until every watcher has had three more updates.
    const seen = watches.map((w) => w.results.length);
    await modelArts.clearRequests();
    const windowStart = Date.now();
    await waitFor(() => watches.every((w, i) => w.results.length >= seen[i]! + 3), "three updates each", {
      timeoutMs: 30_000,
    });
    const windowMs = Date.now() - windowStart;
    const requests = await modelArts.requests();
    const polls = requests.filter(
      (request) => request.method === "GET" && request.path.endsWith(`/export-tasks/${taskId}`),
    );
    // A poll just before the clear may deliver the first of the three updates.
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(polls.length).toBeLessThanOrEqual(Math.floor(windowMs / POLL_INTERVAL_MS) + 2);
    // Nothing per watcher: the polls are every call.
    expect(requests.length).toBe(polls.length);
    expect(watches.every((w) => !w.ended())).toBe(true);
    for (const w of watches) expect(w.results.every((result) => result.errors === undefined)).toBe(true);
    for (const w of watches) w.stop();
  }, 90_000);

  it("ends with NOT_FOUND for a task that does not exist, over both transports", async () => {
    const datasetId = await datasetIdByName("defect-classification");
    for (const client of [ws(), sse()]) {
      const stream = watch(client, JOB_UPDATED, { id: taskGlobalId(datasetId, "noSuchTask000000000") });
      expect(await stream.done).toEqual({ error: null });
      expect(stream.results.map((result) => result.errors?.map((error) => error.extensions?.["code"]))).toEqual([
        ["NOT_FOUND"],
      ]);
    }
  });
});

describe("credentials of a live export task", () => {
  it("ends with UNAUTHENTICATED without ModelArts credentials and FORBIDDEN for a token of another project", async () => {
    const datasetId = await datasetIdByName("defect-classification");
    const id = taskGlobalId(datasetId, "anyTask0000000000001");
    const { NEXUS, MA_OTHER } = await import("./helpers");
    const cases: [Callers, string][] = [
      [{ nexus: NEXUS }, "UNAUTHENTICATED"],
      [{ modelarts: { project: MA_OTHER.project, token: MA.token } }, "FORBIDDEN"],
    ];
    for (const [callers, code] of cases) {
      for (const client of [ws(callers), sse(callers)]) {
        const stream = watch(client, JOB_UPDATED, { id });
        await stream.done;
        expect(
          stream.results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.["code"]),
        ).toEqual([code]);
      }
    }
  });
});

describe("jobLogAdded on an export task", () => {
  it("is BAD_USER_INPUT saying ModelArts has no task log, over both transports, with no upstream call", async () => {
    const datasetId = await datasetIdByName("defect-classification");
    await modelArts.clearRequests();
    for (const client of [ws(), sse()]) {
      const stream = watch(client, `subscription ($id: ID!) { jobLogAdded(jobId: $id) { createdAt } }`, {
        id: taskGlobalId(datasetId, "anyTask0000000000000"),
      });
      await stream.done;
      const errors = stream.results.flatMap((result) => result.errors ?? []);
      expect(errors.map((error) => [error.extensions?.["code"], error.message])).toEqual([
        ["BAD_USER_INPUT", 'Argument "jobId": modelarts jobs have no log to follow.'],
      ]);
    }
    // None for the task named (a watch of another test may still be polling its own task).
    expect((await modelArts.requests()).filter((request) => request.path.includes("anyTask0000000000000"))).toEqual([]);
  });
});

describe("datasetUpdated on a ModelArts dataset", () => {
  it("sends a normal (READY) dataset once and completes", async () => {
    const datasetId = await datasetIdByName("defect-classification");
    for (const client of [ws(), sse()]) {
      const stream = watch(
        client,
        `subscription ($id: ID!) { datasetUpdated(id: $id) { id state ... on ModelArtsDataset { datasetStatus } } }`,
        {
          id: globalId("ModelArtsDataset", datasetId),
        },
      );
      expect(await stream.done).toEqual({ error: null });
      expect(stream.results).toEqual([
        {
          data: {
            datasetUpdated: { id: globalId("ModelArtsDataset", datasetId), state: "READY", datasetStatus: "NORMAL" },
          },
        },
      ]);
    }
  });
});
