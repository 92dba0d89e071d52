/**
 * `jobLogAdded`: a job's log tailed over both transports from the moment of subscribing until the job ends, compared
 * entry by entry with the emulator's own log of that job.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createJob,
  DEMO,
  datasetIdByName,
  nexus,
  resetEmulator,
  sseClient,
  watch,
  wsClient,
  type Result,
} from "./helpers";

const JOB_LOG_ADDED = /* GraphQL */ `
  subscription Tail($jobId: ID!, $minLevel: LogLevel) {
    jobLogAdded(jobId: $jobId, minLevel: $minLevel) { id nexusId jobId createdAt level severity kind item reason }
  }
`;

interface EntryView {
  id: string;
  nexusId: string;
  createdAt: string;
  level: string;
  severity: string | null;
}

interface WireEntry {
  id: string;
  level: string;
  createTime: number;
}

function entries(results: Result[]): EntryView[] {
  return results.map((result) => {
    expect(result.errors).toBeUndefined();
    return (result.data as { jobLogAdded: EntryView }).jobLogAdded;
  });
}

/** Entries arrive each once, oldest first. */
function expectOrderedAndUnique(views: EntryView[]): void {
  const ids = views.map((view) => view.nexusId);
  expect(new Set(ids).size).toBe(ids.length);
  const times = views.map((view) => Date.parse(view.createdAt));
  expect(times).toEqual([...times].sort((a, b) => a - b));
}

describe("jobLogAdded", () => {
  const ws = wsClient(DEMO);
  const sse = sseClient(DEMO);
  let datasetId: string;

  beforeAll(async () => {
    await resetEmulator({ msPerItem: 20 });
    datasetId = await datasetIdByName(DEMO, "retail-checkout");
  });

  afterAll(async () => {
    await ws.dispose();
    sse.dispose();
  });

  it("tails a job's log from subscribing to the end: every entry once, in order, then completes", async () => {
    // A tail starts at the moment it subscribes, and this test expects every entry: the job must not start before
    // both subscriptions have, which on a loaded machine (test files run at the same time) took more than 600 ms.
    const jobId = await createJob(DEMO, datasetId, { startAtTime: Date.now() + 3_000 });
    const overWs = watch(ws, JOB_LOG_ADDED, { jobId });
    const overSse = watch(sse, JOB_LOG_ADDED, { jobId });
    expect(await overWs.done).toEqual({ error: null });
    expect(await overSse.done).toEqual({ error: null });
    const upstream = await nexus<{ entries: WireEntry[] }>(DEMO, "GET", `jobs/${jobId}/logs?maxEntries=1000`);
    const expected = upstream.entries.map((entry) => entry.id).sort();
    expect(expected.length).toBeGreaterThan(48);
    for (const views of [entries(overWs.results), entries(overSse.results)]) {
      expectOrderedAndUnique(views);
      expect(views.map((view) => view.nexusId).sort()).toEqual(expected);
    }
  });

  it("delivers only entries at or above minLevel", async () => {
    // As above: the unfiltered tail must be in place before the job starts, so that it sees every entry.
    const jobId = await createJob(DEMO, datasetId, { startAtTime: Date.now() + 3_000 });
    const overWs = watch(ws, JOB_LOG_ADDED, { jobId, minLevel: "WARNING" });
    const overSse = watch(sse, JOB_LOG_ADDED, { jobId, minLevel: "WARNING" });
    const everything = watch(ws, JOB_LOG_ADDED, { jobId });
    await Promise.all([overWs.done, overSse.done, everything.done]);
    const upstream = await nexus<{ entries: WireEntry[] }>(DEMO, "GET", `jobs/${jobId}/logs?maxEntries=1000`);
    const expected = upstream.entries
      .filter((entry) => entry.level === "Warning" || entry.level === "Error")
      .map((entry) => entry.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(entries(everything.results).length).toBe(upstream.entries.length);
    for (const views of [entries(overWs.results), entries(overSse.results)]) {
      expectOrderedAndUnique(views);
      expect(views.map((view) => view.nexusId).sort()).toEqual(expected);
      expect(views.every((view) => view.severity === "WARNING" || view.severity === "ERROR")).toBe(true);
    }
  });

  it("completes at once, with no entries, for a job that has already ended", async () => {
    const page = await nexus<{ data: { id: string; status: { message?: string } }[] }>(DEMO, "GET", "jobs?limit=1000");
    const finished = page.data.find((job) => job.status.message === "Finished");
    for (const client of [ws, sse]) {
      const stream = watch(client, JOB_LOG_ADDED, { jobId: finished!.id });
      expect(await stream.done).toEqual({ error: null });
      expect(stream.results).toEqual([]);
    }
  });
});
