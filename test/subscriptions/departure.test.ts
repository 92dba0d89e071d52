/**
 * Issue 13: a subscriber that leaves, at whatever point of its start, leaves no polling behind. Each test makes
 * clients leave at a chosen stage and then reads the emulator's request log until the watched jobs are quiet,
 * failing if polling goes on past the bound (30 s). The gateway is one of this file's own
 * (`startDepartureGateway`): SSE streams live 10 minutes there, so only the departure can release a listener.
 *
 * Requests go straight to the gateway's workerd process (`directUrl`, as at the edge), and in one test through
 * wrangler's dev proxy (`url`, as under `npm run dev`): the proxy forwards each request with a fetch of its own,
 * and a client's abort reaches the gateway through it too (the proxy's own invocation is cancelled, and with it
 * its fetch).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DirectlyReachableWorker } from "../utils/direct-worker";
import {
  DEPARTURE_BOUND_MS,
  JOB_LOG_ADDED,
  JOB_UPDATED,
  openSse,
  requestsFor,
  startDepartureGateway,
  timeUntilPollingStops,
  wsClientAt,
  wsUrlOf,
  type RawSse,
} from "./departure-helpers";
import {
  clearFaults,
  clearUpstreamRequests,
  createJob,
  DEMO,
  datasetIdByName,
  nexus,
  resetEmulator,
  setFaults,
  sleep,
  waitFor,
  watch,
} from "./helpers";

let gateway: DirectlyReachableWorker;
let datasetId: string;

beforeAll(async () => {
  gateway = await startDepartureGateway();
});

afterAll(async () => {
  await clearFaults();
  await gateway.worker.dispose();
});

/** Jobs that run for over a minute (48 items at 1.5 s each), so that they change at every poll and never end here. */
async function runningJobs(count: number): Promise<string[]> {
  await resetEmulator({ msPerItem: 1500 });
  datasetId = await datasetIdByName(DEMO, "retail-checkout");
  return Promise.all(Array.from({ length: count }, () => createJob(DEMO, datasetId)));
}

/** Asserts the jobs still run: the quiet came from the departures, not from the jobs ending. */
async function expectStillRunning(jobIds: string[]): Promise<void> {
  for (const jobId of jobIds) {
    const job = await nexus<{ status: { message?: string } }>(DEMO, "GET", `jobs/${jobId}`);
    expect(["Waiting", "Running"]).toContain(job.status.message);
  }
}

/** Opens `perJob` SSE subscriptions on each job at `baseUrl`. */
function openMany(baseUrl: string, jobIds: string[], perJob: number, query = JOB_UPDATED): RawSse[] {
  return Array.from({ length: jobIds.length * perJob }, (_, i) => openSse(baseUrl, query, { id: jobIds[i % jobIds.length] }));
}

describe("an SSE subscriber that leaves while its subscription starts", () => {
  it("leaves no polling when it leaves at once, before the upstream check", async () => {
    const jobIds = await runningJobs(2);
    const streams = openMany(gateway.directUrl, jobIds, 10);
    await sleep(10);
    for (const stream of streams) stream.abort();
    await Promise.all(streams.map((stream) => stream.ended));
    expect(await timeUntilPollingStops(jobIds)).toBeLessThanOrEqual(DEPARTURE_BOUND_MS);
    await expectStillRunning(jobIds);
  });

  it("leaves no polling when it leaves during the upstream check", async () => {
    const jobIds = await runningJobs(2);
    // Every check takes 1.5 s; the clients leave after 0.5 s, while the gateway waits for the upstream.
    await setFaults({ latencyMs: 1500, path: "/batch/jobs/batchjob_[^/]+$" });
    const streams = openMany(gateway.directUrl, jobIds, 10);
    await sleep(500);
    for (const stream of streams) stream.abort();
    // The checks did reach the upstream (the log records a request when it is answered).
    await waitFor(async () => (await requestsFor(jobIds)) >= streams.length, "the 20 checks to be answered");
    await clearFaults();
    expect(streams.every((stream) => stream.nexts() === 0)).toBe(true);
    expect(await timeUntilPollingStops(jobIds)).toBeLessThanOrEqual(DEPARTURE_BOUND_MS);
    await expectStillRunning(jobIds);
  });

  it("leaves no polling when it leaves while attaching to the watch object", async () => {
    const [jobId] = await runningJobs(1);
    if (jobId === undefined) throw new Error("no job");
    // A log tail keeps the job's watch object busy: each of its polls reads the logs for 1.5 s, and a poll holds
    // the object, so an attach that comes meanwhile waits. SSE subscribers get their first event (from their own
    // check, which reads no logs), start attaching, and leave at once.
    const holderClient = wsClientAt(wsUrlOf(gateway.directUrl));
    const holder = watch(holderClient, JOB_LOG_ADDED, { id: jobId });
    await setFaults({ latencyMs: 1500, path: "/logs$" });
    await sleep(2000);
    const streams = openMany(gateway.directUrl, [jobId], 20);
    await Promise.all(
      streams.map(async (stream) => {
        await stream.first;
        stream.abort();
      }),
    );
    await clearFaults();
    holder.stop();
    await holderClient.dispose();
    expect(await timeUntilPollingStops([jobId])).toBeLessThanOrEqual(DEPARTURE_BOUND_MS);
    await expectStillRunning([jobId]);
  });

  it("leaves no polling when it leaves after attaching, or stops reading without aborting", async () => {
    const jobIds = await runningJobs(2);
    const streams = openMany(gateway.directUrl, jobIds, 10);
    await Promise.all(streams.map((stream) => stream.first));
    await waitFor(() => streams.every((stream) => stream.nexts() >= 2), "a second event on every stream");
    streams.forEach((stream, i) => (i % 2 === 0 ? stream.abort() : stream.cancelReader()));
    expect(await timeUntilPollingStops(jobIds)).toBeLessThanOrEqual(DEPARTURE_BOUND_MS);
    await expectStillRunning(jobIds);
  });
});

describe("50 SSE subscribers over 5 running jobs, all leaving together", () => {
  for (const [leaveAfterMs, via] of [
    [1000, "directUrl"],
    [3000, "directUrl"],
    [8000, "directUrl"],
    [3000, "url"],
  ] as const) {
    it(`stop every poll within 30 s when they leave after ${leaveAfterMs / 1000} s (${via === "url" ? "through the dev proxy" : "straight to workerd"})`, async () => {
      const jobIds = await runningJobs(5);
      const streams = openMany(gateway[via], jobIds, 10);
      await sleep(leaveAfterMs);
      for (const stream of streams) stream.abort();
      await clearUpstreamRequests();
      expect(await timeUntilPollingStops(jobIds)).toBeLessThanOrEqual(DEPARTURE_BOUND_MS);
      await expectStillRunning(jobIds);
    }, 90_000);
  }
});
