/**
 * Upstream resilience through the front door: 429s with Retry-After are waited out for reads, subscription starts
 * and mutations (and a mutation is retried on nothing else), the request deadline bounds a nested query however
 * slow every call is, and the circuit breaker fails fast for one project while the upstream fails it, without
 * touching another, then closes again through a probe. The deadline and breaker tests run against a gateway of their
 * own, with a short deadline, a low threshold and a quick cool-down.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createJob,
  datasetIdByName,
  nexus,
  DEMO as SUBSCRIBER,
  sseClient,
  waitFor,
  watch,
  wsClient,
} from "../subscriptions/helpers";
import { startTestGateway, type TestGateway } from "../utils/test-gateway";
import {
  clearFaults,
  clearUpstreamRequests,
  DEMO,
  gql,
  OTHER,
  resetEmulator,
  setFaults,
  upstreamRequests,
  type UpstreamRequest,
} from "./helpers";

const WEBHOOKS = `{ webhooks(first: 2) { edges { node { id name } } } }`;

function statusesOf(requests: UpstreamRequest[], method: string, pathPattern: RegExp): number[] {
  return requests
    .filter((request) => request.method === method && pathPattern.test(request.path))
    .map((request) => request.status);
}

/** Waits until the emulator has answered `count` requests of `method` on paths matching `pathPattern` with `status`. */
async function untilSeen(method: string, pathPattern: RegExp, status: number, count = 1): Promise<void> {
  await waitFor(
    async () =>
      statusesOf(await upstreamRequests(), method, pathPattern).filter((seen) => seen === status).length >= count,
    `${count} × ${status} for ${method} ${pathPattern}`,
  );
}

beforeAll(async () => {
  await resetEmulator({ msPerItem: 20 });
});

afterEach(async () => {
  await clearFaults();
});

describe("429 with Retry-After", () => {
  it("is waited out for a read, which then succeeds", async () => {
    await setFaults({ throttleRate: 1, retryAfterSeconds: 3, path: `/projects/${DEMO.project}/batch/webhooks$` });
    await clearUpstreamRequests();
    const started = Date.now();
    const pending = gql<{ webhooks: { edges: unknown[] } }>(WEBHOOKS);
    await untilSeen("GET", /\/webhooks$/, 429);
    // Within the 3 s the gateway waits: its retry finds the upstream well again.
    await clearFaults();
    const result = await pending;
    expect(result.body.errors, result.text).toBeUndefined();
    expect(result.body.data?.webhooks.edges.length).toBeGreaterThan(0);
    expect(statusesOf(await upstreamRequests(), "GET", /\/webhooks$/)).toEqual([429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3_000);
  });

  it("no longer kills a new subscription, over SSE or the WebSocket", async () => {
    const datasetId = await datasetIdByName(SUBSCRIBER, "retail-checkout");
    const jobId = await createJob(SUBSCRIBER, datasetId, { startAtTime: Date.now() + 60_000 });
    const sse = sseClient(SUBSCRIBER);
    const ws = wsClient(SUBSCRIBER);
    try {
      await setFaults({ throttleRate: 1, retryAfterSeconds: 3, path: `/jobs/${jobId}$` });
      await clearUpstreamRequests();
      const query = `subscription ($id: ID!) { jobUpdated(id: $id) { id state } }`;
      const streams = [watch(sse, query, { id: jobId }), watch(ws, query, { id: jobId })];
      // Both start checks were refused once...
      await untilSeen("GET", new RegExp(`/jobs/${jobId}$`), 429, 2);
      await clearFaults();
      // ...and both streams start with the job, not an error.
      await waitFor(() => streams.every((stream) => stream.results.length > 0), "the first events");
      for (const stream of streams) {
        expect(stream.results[0]?.errors).toBeUndefined();
        expect(stream.results[0]?.data?.["jobUpdated"]).toMatchObject({ state: "WAITING" });
      }
      // Cancel the job, so that the streams end and nothing keeps polling it into later tests.
      await nexus(SUBSCRIBER, "PATCH", `jobs/${jobId}`, { spec: { stopAtTime: Date.now() } });
      for (const stream of streams) expect(await stream.done).toEqual({ error: null });
    } finally {
      await ws.dispose();
      sse.dispose();
    }
  });

  it("is the only failure a mutation is retried on: a 503 is sent exactly once", async () => {
    const create = `mutation { createWebhook(input: { name: "retried-on-429", endpoint: "https://example.com/h" }) { webhook { name } } }`;
    await setFaults({ throttleRate: 1, retryAfterSeconds: 2, path: `/projects/${DEMO.project}/batch/webhooks$` });
    await clearUpstreamRequests();
    const pending = gql<{ createWebhook: { webhook: { name: string } } }>(create);
    await untilSeen("POST", /\/webhooks$/, 429);
    await clearFaults();
    const created = await pending;
    expect(created.body.errors, created.text).toBeUndefined();
    expect(created.body.data?.createWebhook.webhook.name).toBe("retried-on-429");
    expect(statusesOf(await upstreamRequests(), "POST", /\/webhooks$/)).toEqual([429, 201]);

    await setFaults({ errorRate: 1, errorStatus: 503, path: `/projects/${DEMO.project}/batch/webhooks$` });
    await clearUpstreamRequests();
    const failed = await gql(create);
    expect(failed.body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(statusesOf(await upstreamRequests(), "POST", /\/webhooks$/)).toEqual([503]);
  });
});

describe("with a gateway of its own (deadline 5 s, breaker at 4 failures, 3 s cool-down)", () => {
  const DEADLINE_MS = 5_000;
  const COOL_DOWN_MS = 3_000;
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({
      REQUEST_DEADLINE_MS: String(DEADLINE_MS),
      BREAKER_FAILURE_THRESHOLD: "4",
      BREAKER_COOL_DOWN_MS: String(COOL_DOWN_MS),
      // The gateway's own upstream timeout (10 s), not the suite's 4 s: the deadline, not a call's timeout, must end
      // the 4 s calls of the deadline test.
      UPSTREAM_TIMEOUT_MS: "",
    });
    // The first request to a new Worker pays for its start (seconds on a busy machine): not in a timed test.
    await gql(WEBHOOKS, {}, DEMO, gateway.graphql);
  });

  afterAll(async () => {
    await gateway.dispose();
  });

  it("ends a nested query within the deadline with UPSTREAM_TIMEOUT, not after the sum of its calls", async () => {
    // Every call takes 4 s: the jobs page answers at 4 s, its datasets and webhooks (the next level) would at 8 s.
    await setFaults({ latencyMs: 4_000, path: `/projects/${DEMO.project}/` });
    await clearUpstreamRequests();
    const started = Date.now();
    const result = await gql<{ jobs: { edges: { node: { dataset: unknown; webhooks: unknown } }[] } }>(
      `{ jobs(first: 3) { edges { node { id ... on NexusJob { dataset { name } webhooks { name } } } } } }`,
      {},
      DEMO,
      gateway.graphql,
    );
    const elapsed = Date.now() - started;
    console.log(`deadline: a nested query under 4 s calls answered after ${elapsed} ms (deadline ${DEADLINE_MS} ms)`);
    expect(elapsed).toBeLessThan(DEADLINE_MS + 1_500);
    expect(result.status).toBe(200);
    expect(result.body.data?.jobs.edges).toHaveLength(3);
    // Every job's dataset needs a call that the deadline cut (webhooks only for jobs that have some).
    expect(result.body.data?.jobs.edges.map((edge) => edge.node.dataset)).toEqual([null, null, null]);
    expect(result.body.errors?.length).toBeGreaterThan(0);
    for (const error of result.body.errors ?? []) {
      expect(error.extensions?.code).toBe("UPSTREAM_TIMEOUT");
      expect(error.message).toMatch(
        new RegExp(
          `^The upstream did not answer within the request's deadline of 5000 ms \\(GET /projects/${DEMO.project}/batch/(datasets|webhooks)[^)]*\\)\\.$`,
        ),
      );
    }
    // The emulator still finishes the abandoned calls: wait for them, so they cannot land in a later test's log.
    // One distinct message per abandoned call, plus the jobs page.
    const calls = 1 + new Set(result.body.errors?.map((error) => error.message)).size;
    await waitFor(async () => (await upstreamRequests()).length >= calls, "the abandoned calls", { timeoutMs: 15_000 });
  }, 30_000);

  it("returns a 429 at once when its Retry-After does not fit in what is left of the deadline", async () => {
    // The call answers 429 after 2 s with Retry-After 4 s: waiting would end past the 5 s deadline.
    await setFaults({
      latencyMs: 2_000,
      throttleRate: 1,
      retryAfterSeconds: 4,
      path: `/projects/${DEMO.project}/batch/webhooks$`,
    });
    await clearUpstreamRequests();
    const started = Date.now();
    const result = await gql(WEBHOOKS, {}, DEMO, gateway.graphql);
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        message:
          `nexus webhooks.list: expected 2xx, got 429 from /projects/${DEMO.project}/batch/webhooks ` +
          "(TooManyRequestsError: Too many requests: retry after 4 s). Retry after 4 s.",
        extensions: { code: "RATE_LIMITED", retryAfterSeconds: 4 },
      }),
    ]);
    expect(Date.now() - started).toBeLessThan(2_000 + 4_000);
    expect(statusesOf(await upstreamRequests(), "GET", /\/webhooks$/)).toEqual([429]);
  });

  it("opens the breaker for a failing project, fails fast without calling it, spares another project, and closes through a probe", async () => {
    const JOBS = `{ jobs(first: 2) { edges { node { id } } } }`;
    const OPEN_MESSAGE =
      /^The upstream is failing for this project: after 4 failed calls in a row the gateway paused calling it( while a trial call is under way)?\. Try again in \d+ s\.$/;
    await setFaults({ errorRate: 1, errorStatus: 503, path: `/projects/${DEMO.project}/` });
    await clearUpstreamRequests();

    // The first request's retries reach the threshold: the breaker opens under it.
    const first = await gql(JOBS, {}, DEMO, gateway.graphql);
    expect(first.body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(statusesOf(await upstreamRequests(), "GET", new RegExp(`/projects/${DEMO.project}/`))).toEqual([
      503, 503, 503, 503,
    ]);

    // Open: fail fast, no upstream call.
    await clearUpstreamRequests();
    const fast = await gql(JOBS, {}, DEMO, gateway.graphql);
    expect(fast.body.errors).toEqual([
      expect.objectContaining({
        path: ["jobs"],
        extensions: { code: "UPSTREAM_UNAVAILABLE", retryAfterSeconds: expect.any(Number) },
      }),
    ]);
    expect(fast.body.errors?.[0]?.message).toMatch(OPEN_MESSAGE);
    const other = await gql<{ jobs: { edges: unknown[] } }>(JOBS, {}, OTHER, gateway.graphql);
    expect(other.body.errors, other.text).toBeUndefined();
    expect(other.body.data?.jobs.edges.length).toBeGreaterThan(0);
    const seen = await upstreamRequests();
    expect(statusesOf(seen, "GET", new RegExp(`/projects/${DEMO.project}/`))).toEqual([]);
    expect(statusesOf(seen, "GET", new RegExp(`/projects/${OTHER.project}/`))).toEqual([200]);

    // After the cool-down, one probe goes through; it fails, so the breaker opens again at once.
    await new Promise((resolve) => setTimeout(resolve, COOL_DOWN_MS + 200));
    await clearUpstreamRequests();
    const probed = await gql(JOBS, {}, DEMO, gateway.graphql);
    expect(probed.body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(statusesOf(await upstreamRequests(), "GET", new RegExp(`/projects/${DEMO.project}/`))).toEqual([503]);

    // The upstream recovers: after the next cool-down the probe succeeds and closes the breaker.
    await clearFaults();
    await new Promise((resolve) => setTimeout(resolve, COOL_DOWN_MS + 200));
    await clearUpstreamRequests();
    for (let request = 0; request < 3; request += 1) {
      const result = await gql<{ jobs: { edges: unknown[] } }>(JOBS, {}, DEMO, gateway.graphql);
      expect(result.body.errors, result.text).toBeUndefined();
      expect(result.body.data?.jobs.edges).toHaveLength(2);
    }
    expect(statusesOf(await upstreamRequests(), "GET", new RegExp(`/projects/${DEMO.project}/`))).toEqual([
      200, 200, 200,
    ]);
  }, 30_000);
});
