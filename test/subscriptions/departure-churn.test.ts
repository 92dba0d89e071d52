/**
 * Issue 13's churn: 1,000 SSE and WebSocket subscriptions that leave at random moments of their start leave no
 * polling behind (see departure.test.ts for how departures are seen and measured). A file of its own, so that its
 * clients (1,000 subscriptions opened and closed by this process) run in a test process of their own: beside the
 * other departure tests, in one process, the WebSocket clients there answered the gateway's pings too late (closed
 * with 1001 "ping timeout"). The jobs, faults and request log are the test's own (`runningJobs`' scene), the gateway
 * too.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { TestGateway } from "../utils/test-gateway";
import type { WebSocket as RawWebSocket } from "ws";
import {
  DEPARTURE_BOUND_MS,
  expectStillRunning,
  JOB_UPDATED,
  openSse,
  POLL_INTERVAL_MS,
  POLL_MAX_INTERVAL_MS,
  requestsFor,
  runningJobs,
  seededRandom,
  startDepartureGateway,
  timeUntilPollingStops,
  wsClientAt,
  wsUrlOf,
  type Scene,
} from "./departure-helpers";
import { sleep, watch } from "./helpers";

/** The test's scene, so that the file leaves no fault set behind, whatever failed. */
const scenes: Scene[] = [];

afterAll(async () => {
  await Promise.all(scenes.map((scene) => scene.tenant.clearFaults()));
});

describe("churn", () => {
  // Here the SSE streams live 20 s: the local runtime (workerd under miniflare) does not report every departure to
  // the Worker. Of SSE requests closed 0.6 to 1.5 s after they were sent, a few in 500 go on being read with
  // their signal never aborted, so no part of the gateway can tell them from a client that stays; the lifetime is
  // what releases those, and it fits in the 30 s bound. Every other departure is released well before.
  it("leaves 0 polls behind after 1,000 SSE and WebSocket subscriptions closed at random moments of their start", async () => {
    const churnGateway = await startDepartureGateway({ sseLifetimeMs: 20_000 });
    try {
      await churnOfAThousand(churnGateway);
    } finally {
      await churnGateway.dispose();
    }
  }, 180_000);

  async function churnOfAThousand(gateway: TestGateway): Promise<void> {
    const { scene, jobIds } = await runningJobs(scenes, "churn", 5);
    const random = seededRandom(13);
    const wsBase = wsUrlOf(gateway.url);
    const WAVES = 10;
    for (let wave = 0; wave < WAVES; wave++) {
      const departures: Promise<void>[] = [];
      // 50 SSE requests, each leaving (abort, or a reader that stops) 0 to 1.5 s after it was sent: before, during
      // and after its check and attach.
      for (let i = 0; i < 50; i++) {
        const stream = openSse(gateway.url, JOB_UPDATED, { id: jobIds[i % jobIds.length] }, scene.project);
        const delay = random() * 1500;
        const byAbort = random() < 0.5;
        departures.push(
          sleep(delay).then(async () => {
            if (byAbort) stream.abort();
            else stream.cancelReader();
            await stream.ended;
          }),
        );
      }
      // 50 WebSocket subscriptions on 10 sockets: each completed at a random moment, or its socket closed under it,
      // cleanly or torn down without a close frame.
      for (let s = 0; s < 10; s++) {
        const opened: { socket: RawWebSocket | null } = { socket: null };
        const client = wsClientAt(wsBase, { onSocket: (socket) => (opened.socket = socket), project: scene.project });
        const watches = Array.from({ length: 5 }, (_, i) =>
          watch(client, JOB_UPDATED, { id: jobIds[(s + i) % jobIds.length] }),
        );
        const delays = watches.map(() => random() * 1500);
        const ending = random();
        departures.push(
          (async () => {
            await Promise.all(
              watches.map((w, i) =>
                sleep(delays[i]!).then(() => {
                  if (ending < 0.5) w.stop();
                }),
              ),
            );
            // Torn down only once open: `ws` reports a teardown during the handshake as an error of its own.
            if (ending >= 0.75 && opened.socket?.readyState === opened.socket?.OPEN) opened.socket?.terminate();
            // After a teardown, graphql-ws's dispose rejects with the socket's 1006 close: that is the point here.
            await Promise.resolve(client.dispose()).catch(() => {});
          })(),
        );
      }
      await Promise.all(departures);
    }
    const stoppedAfter = await timeUntilPollingStops(jobIds, scene.tenant);
    expect(stoppedAfter).toBeLessThanOrEqual(DEPARTURE_BOUND_MS);
    // Quiet: and it stays so for another window.
    await scene.tenant.clearRequests();
    await sleep(2 * POLL_MAX_INTERVAL_MS + POLL_INTERVAL_MS);
    expect(await requestsFor(jobIds, scene.tenant)).toBe(0);
    await expectStillRunning(scene, jobIds);
  }
});
