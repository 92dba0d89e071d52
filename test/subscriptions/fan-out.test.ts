/**
 * One upstream poll per job, whatever the number of subscribers, and no polling left behind: measured from the
 * emulator's request log. Bounds follow from the interval (POLL_INTERVAL_MS=200 in test/global-setup.ts): polls are
 * at least one interval apart, so a window of `t` ms holds at most `t / 200 + 1` polls of one job, while fifty
 * pollers would make about fifty times that. Nothing here asserts on time; time only sizes the bounds.
 *
 * SSE clients that abort are not seen by the gateway behind wrangler's dev proxy (the proxy keeps reading the
 * stream), so their listeners are released by the stream lifetime (SUBSCRIPTION_MAX_LIFETIME_MS = 15 s in tests).
 * WebSocket closes are seen at once, so the "within one interval" bound is asserted with WebSocket subscribers.
 */
import type { Client as SseClient } from "graphql-sse";
import type { Client as WsClient } from "graphql-ws";
import { afterAll, describe, expect, it } from "vitest";
import {
  clearUpstreamRequests,
  createJob,
  DEMO,
  datasetIdByName,
  jobGets,
  nexus,
  resetEmulator,
  sleep,
  sseClient,
  upstreamRequests,
  waitFor,
  watch,
  wsClient,
  type Watch,
} from "./helpers";

const POLL_INTERVAL_MS = 200;
const POLL_MAX_INTERVAL_MS = 1000;
const SSE_LIFETIME_MS = 15_000;

const JOB_UPDATED = /* GraphQL */ `
  subscription ($id: ID!) { jobUpdated(id: $id) { id state progress ... on NexusJob { status { items { delivered } } } } }
`;

/**
 * Waits until the upstream has seen no request for any of `jobIds` during a whole quiet window (longer than the
 * longest poll interval), sampling the request log; fails after `timeoutMs`. Returns the log from the clear on.
 */
async function waitForQuiet(jobIds: string[], timeoutMs = 30_000): Promise<number> {
  const quietWindowMs = 2 * POLL_MAX_INTERVAL_MS + POLL_INTERVAL_MS;
  const count = async (): Promise<number> =>
    (await upstreamRequests()).filter((request) => jobIds.some((id) => request.path.includes(id))).length;
  let last = await count();
  let quietSince = Date.now();
  await waitFor(
    async () => {
      const now = await count();
      if (now !== last) {
        last = now;
        quietSince = Date.now();
      }
      return Date.now() - quietSince >= quietWindowMs;
    },
    `polling of ${jobIds.length} job(s) to stop`,
    { timeoutMs, intervalMs: POLL_INTERVAL_MS },
  );
  return last;
}

const wsClients: WsClient[] = [];
const sseClients: SseClient[] = [];

afterAll(async () => {
  await Promise.all(wsClients.map(async (client) => client.dispose()));
  for (const client of sseClients) client.dispose();
});

describe("fan-out", () => {
  it("polls a job once per interval for 50 subscribers over both transports, and stops after they leave", async () => {
    await resetEmulator({ msPerItem: 50 });
    // 500 items at 50 ms: the job runs for about 25 s, changing at every poll.
    const jobId = await createJob(DEMO, await datasetIdByName(DEMO, "drone-survey-north"));
    const sockets = Array.from({ length: 5 }, () => wsClient(DEMO));
    const sse = sseClient(DEMO);
    wsClients.push(...sockets);
    sseClients.push(sse);
    const watches: Watch[] = [];
    for (let i = 0; i < 25; i++) watches.push(watch(sockets[i % sockets.length]!, JOB_UPDATED, { id: jobId }));
    for (let i = 0; i < 25; i++) watches.push(watch(sse, JOB_UPDATED, { id: jobId }));
    await waitFor(() => watches.every((w) => w.results.length > 0), "every subscriber's first event");

    // The window: from a clean log until every subscriber has had three more updates.
    const seen = watches.map((w) => w.results.length);
    await clearUpstreamRequests();
    const windowStart = Date.now();
    await waitFor(() => watches.every((w, i) => w.results.length >= seen[i]! + 3), "three updates each");
    const windowMs = Date.now() - windowStart;
    const requests = await upstreamRequests();
    const polls = jobGets(requests, jobId);
    // A poll just before the clear may deliver the first of the three updates.
    expect(polls).toBeGreaterThanOrEqual(2);
    expect(polls).toBeLessThanOrEqual(Math.floor(windowMs / POLL_INTERVAL_MS) + 2);
    // Nothing per subscriber either: besides the polls, at most one read of the job's dataset (the watch object's
    // first poll reads it for progress, then keeps it, since an uploaded dataset's item count cannot change).
    const others = requests.filter((request) => !request.path.endsWith(`/batch/jobs/${jobId}`));
    expect(others.length).toBeLessThanOrEqual(1);
    for (const request of others) expect(request.path).toMatch(/\/batch\/datasets\/dataset_[0-9a-f-]+$/);
    expect(watches.every((w) => !w.ended())).toBe(true);
    for (const w of watches) expect(w.results.every((result) => result.errors === undefined)).toBe(true);

    // Everyone leaves: WebSocket subscribers by `complete` or by closing their socket, SSE ones by aborting. SSE
    // listeners go at the latest when their stream's lifetime ends (SUBSCRIPTION_MAX_LIFETIME_MS, 15 s in tests),
    // which catches clients the runtime cannot see leave; the job itself runs for about 25 s.
    for (const w of watches.slice(0, 10)) w.stop();
    for (const socket of sockets) await socket.dispose();
    for (const w of watches.slice(25)) w.stop();
    await waitForQuiet([jobId], SSE_LIFETIME_MS + 10_000);
    // Quiet before the job ended: polling stopped because everyone left, not because the job finished.
    const job = await nexus<{ status: { message?: string } }>(DEMO, "GET", `jobs/${jobId}`);
    expect(job.status.message).toBe("Running");
  }, 60_000);

  it("stops polling within one interval after the last of 50 WebSocket subscribers leaves", async () => {
    await resetEmulator({ msPerItem: 50 });
    const jobId = await createJob(DEMO, await datasetIdByName(DEMO, "drone-survey-north"));
    const sockets = Array.from({ length: 5 }, () => wsClient(DEMO));
    wsClients.push(...sockets);
    const watches = Array.from({ length: 50 }, (_, i) =>
      watch(sockets[i % sockets.length]!, JOB_UPDATED, { id: jobId }),
    );
    await waitFor(() => watches.every((w) => w.results.length > 1), "every subscriber's second event");
    await clearUpstreamRequests();
    for (const w of watches.slice(0, 25)) w.stop();
    for (const socket of sockets) await socket.dispose();
    const afterLeaving = await waitForQuiet([jobId]);
    // At most the poll that was under way, plus one already due while the last close travelled.
    expect(afterLeaving).toBeLessThanOrEqual(2);
  });

  it("leaves no polling behind after 500 subscriptions open and close", async () => {
    await resetEmulator({ msPerItem: 20 });
    const datasetId = await datasetIdByName(DEMO, "retail-checkout");
    // Jobs that wait for an hour: they never end on their own, so only leaving can stop their polling.
    const jobIds = await Promise.all(
      Array.from({ length: 5 }, () => createJob(DEMO, datasetId, { startAtTime: Date.now() + 3_600_000 })),
    );
    const sockets = Array.from({ length: 5 }, () => wsClient(DEMO));
    const sse = sseClient(DEMO);
    wsClients.push(...sockets);
    sseClients.push(sse);
    const watches: Watch[] = [];
    const staying: Watch[] = [];
    for (let i = 0; i < 500; i++) {
      const client = i % 2 === 0 ? sockets[i % sockets.length]! : sse;
      const w = watch(client, JOB_UPDATED, { id: jobIds[i % jobIds.length]! });
      watches.push(w);
      // A fifth leave at once, racing their own start (check, first event, attach).
      if (i % 5 === 4) w.stop();
      else staying.push(w);
      // Batches of 50, so that the one emulator (a single Durable Object) is not asked 1000 checks at once.
      if (i % 50 === 49) {
        await waitFor(() => staying.every((s) => s.results.length > 0), "the first events of a batch", {
          timeoutMs: 30_000,
        });
      }
    }
    for (const w of staying) expect(w.results[0]!.errors).toBeUndefined();
    const allStarted = Date.now();

    for (const w of staying.filter((_w, i) => i % 2 === 0)) w.stop();
    for (const socket of sockets) await socket.dispose();
    for (const w of staying) w.stop();
    // Every SSE stream ends within its lifetime, even one whose client left unseen. Wait that out before looking for
    // quiet: on a loaded machine (other test files run at the same time) a listener's poll can be late by more than
    // the quiet window, which then passed for quiet while that listener still had one poll to make.
    await sleep(Math.max(0, allStarted + SSE_LIFETIME_MS - Date.now()));
    await clearUpstreamRequests();
    await waitForQuiet(jobIds, SSE_LIFETIME_MS + 30_000);
    // Quiet for a whole window: now check that it stays so for another one.
    await clearUpstreamRequests();
    await sleep(2 * POLL_MAX_INTERVAL_MS + POLL_INTERVAL_MS);
    const late = (await upstreamRequests()).filter((request) => jobIds.some((id) => request.path.includes(id)));
    expect(late).toEqual([]);
  }, 120_000);
});
