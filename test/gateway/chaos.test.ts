/**
 * The chaos test: the gateway, with its default resilience settings, in front of an upstream that answers 20% of
 * calls with 503, 10% with 429 (`Retry-After: 1`) and adds up to 200 ms of jitter to every call. At least 99% of
 * 300 reads succeed in full, none hangs, none gets a 5xx, every failure is coded, and subscriptions opened under the
 * same faults all start. It prints the figures (successes, failures by code, upstream calls, p50/p95 latency).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO as SUBSCRIBER, sseClient, waitFor, watch, wsClient, type Watch } from "../subscriptions/helpers";
import {
  clearFaults,
  clearUpstreamRequests,
  DEMO,
  resetEmulator,
  setFaults,
  upstreamGet,
  upstreamRequests,
} from "./helpers";
import { suiteGraphQL } from "../utils/test-gateway";

const READS = 300;
const CONCURRENCY = 10;
/** A read that takes longer than this has hung: the deadline (15 s by default) should have ended it long before. */
const HUNG_AFTER_MS = 30_000;
const CHAOS = {
  errorRate: 0.2,
  errorStatus: 503,
  throttleRate: 0.1,
  retryAfterSeconds: 1,
  jitterMs: 200,
  path: "/batch/",
};
const CODES = new Set(["RATE_LIMITED", "UPSTREAM_TIMEOUT", "UPSTREAM_UNAVAILABLE"]);

// One, two and three upstream calls: a page; a page with its jobs' datasets; and a job with its dataset and logs.
const QUERIES = [
  `{ jobs(first: 5) { edges { node { id state } } } }`,
  `{ jobs(first: 5) { edges { node { id ... on NexusJob { dataset { name } } } } } }`,
  `{ webhooks(first: 3) { edges { node { id name } } } datasets(first: 3) { edges { node { id name } } } }`,
];

interface ReadOutcome {
  ok: boolean;
  status: number;
  /** The error codes, "HUNG" when it did not answer in time, "UNCODED" for an error without a code. */
  codes: string[];
  ms: number;
}

async function read(query: string): Promise<ReadOutcome> {
  const started = Date.now();
  try {
    const response = await suiteGraphQL().fetch({
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-nexus-project-id": DEMO.project,
        "x-nexus-secret-key": DEMO.key,
      },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(HUNG_AFTER_MS),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    const codes = (body.errors ?? []).map((error) =>
      typeof error.extensions?.code === "string" ? error.extensions.code : "UNCODED",
    );
    const ok = response.status === 200 && codes.length === 0 && body.data !== null && body.data !== undefined;
    return { ok, status: response.status, codes, ms: Date.now() - started };
  } catch {
    return { ok: false, status: 0, codes: ["HUNG"], ms: Date.now() - started };
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

describe("chaos: 20% 503, 10% 429 (Retry-After: 1), 200 ms jitter", () => {
  beforeAll(async () => {
    await resetEmulator({ msPerItem: 20 });
  });

  afterAll(async () => {
    await clearFaults();
  });

  it(`answers at least 99% of ${READS} reads in full, none hung, none 5xx, every failure coded`, async () => {
    await setFaults(CHAOS);
    await clearUpstreamRequests();
    const outcomes: ReadOutcome[] = [];
    const started = Date.now();
    let next = 0;
    // Bounded concurrency: CONCURRENCY readers take the next read until all are done.
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < READS) {
          const index = next;
          next += 1;
          outcomes.push(await read(QUERIES[index % QUERIES.length] ?? ""));
        }
      }),
    );
    const wallMs = Date.now() - started;
    await clearFaults();
    const calls = await upstreamRequests();

    const failures = outcomes.filter((outcome) => !outcome.ok);
    const byCode: Record<string, number> = {};
    for (const failure of failures) for (const code of new Set(failure.codes)) byCode[code] = (byCode[code] ?? 0) + 1;
    const latencies = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
    const upstreamByStatus: Record<string, number> = {};
    for (const call of calls) upstreamByStatus[call.status] = (upstreamByStatus[call.status] ?? 0) + 1;
    console.log(
      `chaos: ${READS - failures.length}/${READS} reads succeeded in full; failures by code ${JSON.stringify(byCode)}; ` +
        `${calls.length} upstream calls ${JSON.stringify(upstreamByStatus)}; latency p50 ${percentile(latencies, 50)} ms, ` +
        `p95 ${percentile(latencies, 95)} ms, max ${latencies.at(-1) ?? 0} ms; wall ${wallMs} ms at concurrency ${CONCURRENCY}`,
    );

    expect(outcomes).toHaveLength(READS);
    expect(failures.length).toBeLessThanOrEqual(READS * 0.01);
    expect(outcomes.filter((outcome) => outcome.codes.includes("HUNG"))).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.status >= 500 || outcome.status === 0)).toEqual([]);
    for (const failure of failures) {
      expect(failure.codes.length).toBeGreaterThan(0);
      for (const code of failure.codes) expect(CODES).toContain(code);
    }
    // The faults were really there: the gateway met (and retried) 503s and 429s.
    expect(upstreamByStatus["503"] ?? 0).toBeGreaterThan(0);
    expect(upstreamByStatus["429"] ?? 0).toBeGreaterThan(0);
  }, 240_000);

  it("starts every subscription opened under the same faults, over SSE and the WebSocket", async () => {
    // Finished jobs: each stream sends the job and completes, so no watch object keeps polling into later tests.
    const listed = (await upstreamGet<{ data: { id: string; status?: { overview?: string } }[] }>("jobs?limit=100"))
      .body.data;
    const jobs = listed
      .filter((job) => job.status?.overview === "Reached" || job.status?.overview === "Failed")
      .slice(0, 10)
      .map((job) => job.id);
    expect(jobs).toHaveLength(10);
    const sse = sseClient(SUBSCRIBER);
    const ws = wsClient(SUBSCRIBER);
    const query = `subscription ($id: ID!) { jobUpdated(id: $id) { id state } }`;
    let streams: Watch[] = [];
    try {
      await setFaults(CHAOS);
      await clearUpstreamRequests();
      streams = jobs.flatMap((id) => [watch(sse, query, { id }), watch(ws, query, { id })]);
      await waitFor(() => streams.every((stream) => stream.ended()), "every stream to send its job and complete", {
        timeoutMs: 60_000,
      });
      const calls = await upstreamRequests();
      console.log(
        `chaos: ${streams.filter((stream) => stream.results[0]?.errors === undefined && stream.results.length > 0).length}` +
          `/${streams.length} subscriptions started; ${calls.length} upstream calls, ` +
          `${calls.filter((call) => call.status === 503).length} × 503, ${calls.filter((call) => call.status === 429).length} × 429`,
      );
      for (const stream of streams) {
        expect(await stream.done).toEqual({ error: null });
        expect(stream.results).toHaveLength(1);
        expect(stream.results[0]?.errors).toBeUndefined();
        expect(stream.results[0]?.data?.["jobUpdated"]).toMatchObject({ id: expect.any(String) });
      }
    } finally {
      for (const stream of streams) stream.stop();
      await clearFaults();
      await ws.dispose();
      sse.dispose();
    }
  }, 90_000);
});
