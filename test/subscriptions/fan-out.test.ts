/**
 * One upstream poll per job, whatever the number of subscribers, and no polling left behind: measured from the
 * emulator's request log. Bounds follow from the interval (POLL_INTERVAL_MS=200 in test/global-setup.ts): polls are
 * at least one interval apart, so a window of `t` ms holds at most `t / 200 + 1` polls of one job, while fifty
 * pollers would make about fifty times that. Nothing here asserts on time; time only sizes the bounds.
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
  await Promise.all(wsClients.map((client) => client.dispose()));
  for (const client of sseClients) client.dispose();
});

describe("fan-out", () => {
  it("polls a job once per interval for 50 subscribers over both transports, and stops after they leave", async () => {
    await resetEmulator(50);
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
    expect(polls).toBeGreaterThanOrEqual(3);
    expect(polls).toBeLessThanOrEqual(Math.floor(windowMs / POLL_INTERVAL_MS) + 2);
    // Nothing per subscriber either: every upstream call in the window is a poll of that job.
    expect(requests.length).toBe(polls);
    expect(watches.every((w) => !w.ended())).toBe(true);
    for (const w of watches) expect(w.results.every((result) => result.errors === undefined)).toBe(true);

    // Everyone leaves: WebSocket subscribers by `complete` or by closing their socket, SSE ones by aborting.
    await clearUpstreamRequests();
    for (const w of watches.slice(0, 10)) w.stop();
    for (const socket of sockets) await socket.dispose();
    for (const w of watches.slice(25)) w.stop();
    const afterLeaving = await waitForQuiet([jobId]);
    // At most the poll that was under way, plus one already due while the last close travelled.
    expect(afterLeaving).toBeLessThanOrEqual(2);
  });

  it("leaves no polling behind after 500 subscriptions open and close", async () => {
    await resetEmulator(20);
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
    for (let i = 0; i < 500; i++) {
      const client = i % 2 === 0 ? sockets[i % sockets.length]! : sse;
      watches.push(watch(client, JOB_UPDATED, { id: jobIds[i % jobIds.length]! }));
      // A fifth leave at once, racing their own start (check, first event, attach).
      if (i % 5 === 4) watches.at(-1)!.stop();
      if (i % 50 === 49) await sleep(10);
    }
    const staying = watches.filter((_w, i) => i % 5 !== 4);
    await waitFor(() => staying.every((w) => w.results.length > 0), "the first event of every staying subscriber", {
      timeoutMs: 60_000,
    });
    for (const w of staying) expect(w.results[0]!.errors).toBeUndefined();

    for (const w of staying.filter((_w, i) => i % 2 === 0)) w.stop();
    for (const socket of sockets) await socket.dispose();
    for (const w of staying) w.stop();
    await clearUpstreamRequests();
    await waitForQuiet(jobIds, 60_000);
    // Quiet for a whole window: now check that it stays so for another one.
    await clearUpstreamRequests();
    await sleep(2 * POLL_MAX_INTERVAL_MS + POLL_INTERVAL_MS);
    const late = (await upstreamRequests()).filter((request) => jobIds.some((id) => request.path.includes(id)));
    expect(late).toEqual([]);
  });
});
