/**
 * Upstream trouble while polling, with the emulator's faults on one job's path: transient failures are retried
 * (honouring Retry-After) and the stream goes on; failures that persist (POLL_MAX_FAILURES=3 in tests) end it with
 * the usual error code.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  clearFaults,
  createJob,
  DEMO,
  datasetIdByName,
  nexus,
  resetEmulator,
  setFaults,
  sseClient,
  upstreamRequests,
  waitFor,
  watch,
  wsClient,
  type Result,
} from "./helpers";

const JOB_UPDATED = /* GraphQL */ `subscription ($id: ID!) { jobUpdated(id: $id) { id state } }`;

const states = (results: Result[]): (string | undefined)[] =>
  results.map((result) => (result.data as { jobUpdated?: { state: string } } | null)?.jobUpdated?.state);

describe("upstream trouble while polling", () => {
  const ws = wsClient(DEMO);
  const sse = sseClient(DEMO);
  let datasetId: string;

  beforeAll(async () => {
    await resetEmulator({ msPerItem: 20 });
    datasetId = await datasetIdByName(DEMO, "retail-checkout");
  });

  afterEach(async () => {
    await clearFaults();
  });

  afterAll(async () => {
    await ws.dispose();
    sse.dispose();
  });

  it("retries a rate-limited poll after Retry-After and carries on to the end", async () => {
    const jobId = await createJob(DEMO, datasetId, { startAtTime: Date.now() + 60_000 });
    const streams = [watch(ws, JOB_UPDATED, { id: jobId }), watch(sse, JOB_UPDATED, { id: jobId })];
    await waitFor(() => streams.every((stream) => stream.results.length > 0), "the first events");
    await setFaults({ throttleRate: 1, retryAfterSeconds: 2, path: `/jobs/${jobId}$` });
    await waitFor(
      async () => (await upstreamRequests()).some((request) => request.path.endsWith(jobId) && request.status === 429),
      "a throttled poll",
    );
    await clearFaults();
    // Cancel the waiting job, so that the stream has an end to reach once polling works again.
    await nexus(DEMO, "PATCH", `jobs/${jobId}`, { spec: { stopAtTime: Date.now() } });
    for (const stream of streams) {
      expect(await stream.done).toEqual({ error: null });
      expect(stream.results.every((result) => result.errors === undefined)).toBe(true);
      expect(states(stream.results).at(-1)).toBe("CANCELLED");
    }
  });

  it("ends the stream with UPSTREAM_UNAVAILABLE after POLL_MAX_FAILURES failed polls in a row", async () => {
    const jobId = await createJob(DEMO, datasetId, { startAtTime: Date.now() + 60_000 });
    const streams = [watch(ws, JOB_UPDATED, { id: jobId }), watch(sse, JOB_UPDATED, { id: jobId })];
    await waitFor(() => streams.every((stream) => stream.results.length > 0), "the first events");
    await setFaults({ errorRate: 1, errorStatus: 503, path: `/jobs/${jobId}$` });
    for (const stream of streams) {
      expect(await stream.done).toEqual({ error: null });
      const last = stream.results.at(-1)!;
      expect(last.data).toBeNull();
      expect(last.errors?.map((error) => error.extensions?.["code"])).toEqual(["UPSTREAM_UNAVAILABLE"]);
    }
    const failed = (await upstreamRequests()).filter(
      (request) => request.path.endsWith(jobId) && request.status === 503,
    );
    expect(failed).toHaveLength(3);
  });
});
