/**
 * `jobUpdated` and `datasetUpdated` over both transports, against the real gateway and emulator Workers: jobs watched
 * from creation to each terminal state, a finished job sent once, and the errors a bad subscription gets.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDatasetFor,
  createJob,
  DEMO,
  datasetIdByName,
  nexus,
  OTHER,
  resetEmulator,
  sseClient,
  watch,
  wsClient,
  type Result,
  type TestProject,
} from "./helpers";

const JOB_UPDATED = /* GraphQL */ `
  subscription JobUpdated($id: ID!) {
    jobUpdated(id: $id) {
      id
      state
      progress
      ... on NexusJob {
        nexusId
        status { message reason items { delivered failedDeliver } }
      }
    }
  }
`;

const DATASET_UPDATED = /* GraphQL */ `
  subscription DatasetUpdated($id: ID!) {
    datasetUpdated(id: $id) { id state ... on NexusDataset { status { overview } itemCount } }
  }
`;

const STATE_ORDER = ["WAITING", "RUNNING", "FINISHED", "CANCELLED", "FAILED"];
const TERMINAL = new Set(["FINISHED", "CANCELLED", "FAILED"]);

interface JobView {
  id: string;
  state: string;
  progress: number;
  nexusId: string;
  status: { message: string | null; reason: string | null; items: { delivered: number; failedDeliver: number } };
}

function jobs(results: Result[]): JobView[] {
  return results.map((result) => {
    expect(result.errors).toBeUndefined();
    return (result.data as { jobUpdated: JobView }).jobUpdated;
  });
}

/** Every stream rule for a job: ordered states, no repeated snapshot, moving progress, one terminal event, last. */
function expectWellFormedJobStream(views: JobView[], terminal: string): void {
  expect(views.length).toBeGreaterThan(0);
  const states = views.map((view) => view.state);
  const ranks = states.map((state) => Math.min(STATE_ORDER.indexOf(state), 2));
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(states.filter((state) => TERMINAL.has(state))).toEqual([terminal]);
  expect(states.at(-1)).toBe(terminal);
  for (let i = 1; i < views.length; i++) {
    expect(JSON.stringify(views[i])).not.toBe(JSON.stringify(views[i - 1]));
    expect(views[i]!.progress).toBeGreaterThanOrEqual(views[i - 1]!.progress);
  }
}

const clients: { dispose: () => void | Promise<void> }[] = [];
function both(project: TestProject | null) {
  const ws = wsClient(project);
  const sse = sseClient(project);
  clients.push(ws, sse);
  return { ws, sse };
}

describe("jobUpdated", () => {
  let datasetId: string;
  let bigDatasetId: string;
  let corruptDatasetId: string;

  beforeAll(async () => {
    await resetEmulator({ msPerItem: 20 });
    datasetId = await datasetIdByName(DEMO, "retail-checkout"); // 48 items: about a second at 20 ms per item
    bigDatasetId = await datasetIdByName(DEMO, "street-scenes-2026-11"); // 300 items: about 6 s at 20 ms per item
    corruptDatasetId = await datasetIdByName(DEMO, "corrupt-export"); // FailedProcessing: jobs on it fail
  });

  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
  });

  it("follows a job from creation to FINISHED over WebSocket and SSE, in order, each change once", async () => {
    // The first event must find the job still WAITING: leave room for both subscriptions to start on a loaded
    // machine (test files run at the same time), where 800 ms was sometimes not enough. While it waits, polling slows
    // down to POLL_MAX_INTERVAL_MS, so the job must then run for several intervals to be seen RUNNING: 300 items.
    const jobId = await createJob(DEMO, bigDatasetId, { startAtTime: Date.now() + 3_000 });
    const { ws, sse } = both(DEMO);
    const overWs = watch(ws, JOB_UPDATED, { id: jobId });
    const overSse = watch(sse, JOB_UPDATED, { id: jobId });
    expect(await overWs.done).toEqual({ error: null });
    expect(await overSse.done).toEqual({ error: null });
    for (const views of [jobs(overWs.results), jobs(overSse.results)]) {
      expectWellFormedJobStream(views, "FINISHED");
      expect(views[0]!.state).toBe("WAITING");
      expect(views.map((view) => view.state)).toContain("RUNNING");
      expect(views.at(-1)!.progress).toBe(1);
      expect(views.every((view) => view.nexusId === jobId)).toBe(true);
    }
  });

  it("follows a job to CANCELLED when it is cancelled while running", async () => {
    // A job long enough to be still running when both streams have seen RUNNING and the cancel lands, even on a
    // loaded machine (test files run at the same time); a 48-item job sometimes finished first.
    const jobId = await createJob(DEMO, bigDatasetId, { startAtTime: Date.now() + 300 });
    const { ws, sse } = both(DEMO);
    const overWs = watch(ws, JOB_UPDATED, { id: jobId });
    const overSse = watch(sse, JOB_UPDATED, { id: jobId });
    const running = (w: typeof overWs): boolean => jobs(w.results).some((view) => view.state === "RUNNING");
    await expect.poll(() => running(overWs) && running(overSse), { timeout: 20_000, interval: 20 }).toBe(true);
    await nexus(DEMO, "PATCH", `jobs/${jobId}`, { spec: { stopAtTime: Date.now() } });
    expect(await overWs.done).toEqual({ error: null });
    expect(await overSse.done).toEqual({ error: null });
    for (const views of [jobs(overWs.results), jobs(overSse.results)]) {
      expectWellFormedJobStream(views, "CANCELLED");
      expect(views.at(-1)!.status.message).toBe("Cancelled");
    }
  });

  it("follows a job to FAILED when its dataset never became ready", async () => {
    const jobId = await createJob(DEMO, corruptDatasetId, { startAtTime: Date.now() + 600 });
    const { ws, sse } = both(DEMO);
    const overWs = watch(ws, JOB_UPDATED, { id: jobId });
    const overSse = watch(sse, JOB_UPDATED, { id: jobId });
    expect(await overWs.done).toEqual({ error: null });
    expect(await overSse.done).toEqual({ error: null });
    for (const views of [jobs(overWs.results), jobs(overSse.results)]) {
      expectWellFormedJobStream(views, "FAILED");
      expect(views.at(-1)!.status.reason).toEqual(expect.any(String));
    }
  });

  it("sends a finished job once and completes", async () => {
    const page = await nexus<{ data: { id: string; status: { message?: string } }[] }>(DEMO, "GET", "jobs?limit=1000");
    const finished = page.data.find((job) => job.status.message === "Finished");
    expect(finished).toBeDefined();
    const { ws, sse } = both(DEMO);
    for (const client of [ws, sse]) {
      const stream = watch(client, JOB_UPDATED, { id: finished!.id });
      expect(await stream.done).toEqual({ error: null });
      expect(jobs(stream.results).map((view) => view.state)).toEqual(["FINISHED"]);
    }
  });

  it("accepts the global id that a query returned", async () => {
    const jobId = await createJob(DEMO, datasetId);
    const { ws } = both(DEMO);
    const first = watch(ws, JOB_UPDATED, { id: jobId });
    await first.done;
    const globalId = jobs(first.results)[0]!.id;
    expect(globalId).not.toBe(jobId);
    const again = watch(ws, JOB_UPDATED, { id: globalId });
    expect(await again.done).toEqual({ error: null });
    expect(jobs(again.results).at(-1)!.nexusId).toBe(jobId);
  });
});

describe("subscription errors", () => {
  beforeAll(async () => {
    await resetEmulator({ msPerItem: 20 });
  });

  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
  });

  async function errorsOf(project: TestProject | null, query: string, variables: Record<string, unknown>) {
    const { ws, sse } = both(project);
    const outcomes = [];
    for (const client of [ws, sse]) {
      const stream = watch(client, query, variables);
      expect(await stream.done).toEqual({ error: null });
      expect(stream.results).toHaveLength(1);
      outcomes.push(stream.results[0]!.errors?.map((error) => error.extensions?.["code"]));
    }
    return outcomes;
  }

  it("ends with NOT_FOUND for a job id that does not exist", async () => {
    const missing = "batchjob_00000000-0000-4000-8000-000000000000";
    expect(await errorsOf(DEMO, JOB_UPDATED, { id: missing })).toEqual([["NOT_FOUND"], ["NOT_FOUND"]]);
  });

  it("ends with NOT_FOUND for another project's job, and FORBIDDEN for a key of the wrong project", async () => {
    const otherJobs = await nexus<{ data: { id: string }[] }>(OTHER, "GET", "jobs");
    const otherJob = otherJobs.data[0]!.id;
    expect(await errorsOf(DEMO, JOB_UPDATED, { id: otherJob })).toEqual([["NOT_FOUND"], ["NOT_FOUND"]]);
    const wrongKey: TestProject = { ...OTHER, "x-nexus-secret-key": DEMO["x-nexus-secret-key"] };
    expect(await errorsOf(wrongKey, JOB_UPDATED, { id: otherJob })).toEqual([["FORBIDDEN"], ["FORBIDDEN"]]);
  });

  it("ends with UNAUTHENTICATED without credentials and BAD_USER_INPUT for an id of another type", async () => {
    const jobs = await nexus<{ data: { id: string }[] }>(DEMO, "GET", "jobs");
    expect(await errorsOf(null, JOB_UPDATED, { id: jobs.data[0]!.id })).toEqual([
      ["UNAUTHENTICATED"],
      ["UNAUTHENTICATED"],
    ]);
    const datasetId = await datasetIdByName(DEMO, "retail-checkout");
    expect(await errorsOf(DEMO, JOB_UPDATED, { id: datasetId })).toEqual([["BAD_USER_INPUT"], ["BAD_USER_INPUT"]]);
  });
});

describe("datasetUpdated", () => {
  afterAll(async () => {
    await Promise.all(clients.map(async (client) => client.dispose()));
  });

  it("sends an uploaded dataset once and completes, and a missing one ends with NOT_FOUND", async () => {
    await resetEmulator({ msPerItem: 20 });
    const datasetId = await datasetIdByName(DEMO, "retail-checkout");
    const { ws, sse } = both(DEMO);
    for (const client of [ws, sse]) {
      const stream = watch(client, DATASET_UPDATED, { id: datasetId });
      expect(await stream.done).toEqual({ error: null });
      expect(stream.results).toEqual([
        {
          data: {
            datasetUpdated: {
              id: expect.any(String),
              state: "READY",
              status: { overview: "Uploaded" },
              itemCount: 48,
            },
          },
        },
      ]);
      const missing = watch(client, DATASET_UPDATED, { id: "dataset_00000000-0000-4000-8000-000000000000" });
      await missing.done;
      expect(missing.results[0]!.errors?.[0]?.extensions?.["code"]).toBe("NOT_FOUND");
    }
  });

  it("follows an upload from creation to READY, and a bad file to FAILED, over both transports", async () => {
    const good = await createDatasetFor(DEMO, '{"kind":"Image","url":"https://example.com/1.jpg"}\n'.repeat(3));
    const bad = await createDatasetFor(DEMO, '{"kind":"Image","url":"https://example.com/1.jpg"}\nnot json\n');
    const { ws, sse } = both(DEMO);
    const streams = [good, bad].flatMap((dataset) => [
      watch(ws, DATASET_UPDATED, { id: dataset.id }),
      watch(sse, DATASET_UPDATED, { id: dataset.id }),
    ]);
    await expect.poll(() => streams.every((stream) => stream.results.length > 0), { timeout: 20_000 }).toBe(true);
    await good.upload();
    await bad.upload();
    await Promise.all(streams.map((stream) => stream.done));
    const states = streams.map((stream) =>
      stream.results.map((result) => (result.data as { datasetUpdated: { state: string } }).datasetUpdated.state),
    );
    for (const [index, sequence] of states.entries()) {
      expect(sequence.length).toBeGreaterThanOrEqual(2);
      expect(sequence.slice(0, -1).every((state) => state !== "READY" && state !== "FAILED")).toBe(true);
      expect(sequence.at(-1)).toBe(index < 2 ? "READY" : "FAILED");
    }
  });
});
