/**
 * `Server-Timing` on every answer of `/graphql` (issue 21): a nested query, a refused query, the body cap's 413, a
 * rate limit's 429 and an SSE stream's headers each carry a header that parses by the W3C grammar, whose
 * `upstream-calls` is what the emulator's request log saw for that request; `SERVER_TIMING=false` removes it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../utils/test-gateway";
import { useTenant } from "../utils/tenant";
import { captureLogLines, newTraceparent, parseServerTiming, timingsOf, type LogCapture } from "./telemetry-helpers";

const tenant = useTenant();
const demo = { "x-nexus-project-id": tenant.demo.project, "x-nexus-secret-key": tenant.demo.key };
/** A caller of its own for the rate limit: a key nobody else uses, refused before any upstream call. */
const limited = { "x-nexus-project-id": tenant.demo.project, "x-nexus-secret-key": "rate-limited-caller" };
// Above what the demo caller sends in this file; the limited caller spends it on `{ __typename }`.
const RATE_LIMIT = 30;
const MAX_REQUEST_BYTES = 4096;

const NESTED = /* GraphQL */ `query Nested { jobs(first: 5) { edges { node { name ... on NexusJob {
  dataset { name } webhooks { name } } } } } }`;

let gateway: TestGateway;
let untimed: TestGateway;
let logs: LogCapture;

beforeAll(async () => {
  logs = captureLogLines();
  [gateway, untimed] = await Promise.all([
    startTestGateway({
      RATE_LIMIT_REQUESTS_PER_MINUTE: String(RATE_LIMIT),
      MAX_REQUEST_BYTES: String(MAX_REQUEST_BYTES),
    }),
    // Telemetry off: no header, and (read from its output) no operation log line.
    startTestGateway({ SERVER_TIMING: "false", OPERATION_LOGS: "off" }, { logLevel: "log" }),
  ]);
  await tenant.reset();
});

afterAll(async () => {
  await Promise.all([gateway?.dispose(), untimed?.dispose()]);
  logs?.stop();
});

describe("Server-Timing", () => {
  it("a nested query's header counts exactly the upstream calls the emulator saw, and its parts add up", async () => {
    await tenant.clearRequests();
    const answer = await gateway.graphql.query(NESTED, {}, { headers: demo });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const timings = timingsOf(answer);
    const seen = await tenant.requests();
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(timings.upstreamCalls).toBe(seen.length);
    expect(timings.upstream).toBeGreaterThan(0);
    expect(timings.total).toBeGreaterThanOrEqual(timings.upstream);
    // gateway = total - upstream, each rounded to 0.1 ms.
    expect(Math.abs(timings.gateway - (timings.total - timings.upstream))).toBeLessThanOrEqual(0.11);
  });

  it("names its metrics as devtools show them: total, gateway, upstream with dur, upstream-calls with desc", async () => {
    const answer = await gateway.graphql.query("{ __typename }");
    const header = answer.headers.get("server-timing") ?? "";
    expect(parseServerTiming(header).map((metric) => metric.name)).toEqual([
      "total",
      "gateway",
      "upstream",
      "upstream-calls",
    ]);
    expect(header).toMatch(/^total;dur=[\d.]+, gateway;dur=[\d.]+, upstream;dur=0, upstream-calls;desc="0"$/);
  });

  it("a refused query (validation, before any call) carries it, with no upstream call", async () => {
    await tenant.clearRequests();
    const answer = await gateway.graphql.query("{ noSuchField }", {}, { headers: demo });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(timingsOf(answer)).toMatchObject({ upstreamCalls: 0, upstream: 0 });
    expect(await tenant.requests()).toEqual([]);
  });

  it("a query whose upstream fails carries it, counting the attempts the emulator saw (retries included)", async () => {
    await tenant.clearRequests();
    await tenant.setFaults({ errorRate: 1 });
    try {
      const answer = await gateway.graphql.query(
        "{ jobs(first: 1) { edges { node { name } } } }",
        {},
        { headers: demo },
      );
      expect(answer.body.errors?.length ?? 0).toBeGreaterThan(0);
      const seen = await tenant.requests();
      expect(seen.length).toBeGreaterThan(0);
      expect(timingsOf(answer).upstreamCalls).toBe(seen.length);
    } finally {
      await tenant.clearFaults();
    }
  });

  it("the body cap's 413 carries it", async () => {
    const response = await gateway.graphql.fetch({
      method: "POST",
      headers: { "content-type": "application/json", ...demo },
      body: JSON.stringify({ query: `{ __typename } # ${"x".repeat(MAX_REQUEST_BYTES)}` }),
    });
    expect(response.status).toBe(413);
    expect(timingsOf(response)).toMatchObject({ upstreamCalls: 0, upstream: 0 });
    await response.body?.cancel();
  });

  it("a rate limit's 429 carries it", async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let sent = 0; sent <= RATE_LIMIT && refused === undefined; sent += 1) {
      const response = await gateway.graphql.fetch({
        method: "POST",
        headers: { "content-type": "application/json", ...limited },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      statuses.push(response.status);
      if (response.status === 429) refused = response;
      else await response.body?.cancel();
    }
    expect(statuses).toEqual([...Array<number>(RATE_LIMIT).fill(200), 429]);
    expect(timingsOf(refused as Response)).toMatchObject({ upstreamCalls: 0 });
    await refused?.body?.cancel();
  });

  it("an SSE subscription's response carries it with its headers, before the stream ends", async () => {
    const jobs = await gateway.graphql.query<{ jobs: { edges: { node: { id: string } }[] } }>(
      "{ jobs(first: 1) { edges { node { id } } } }",
      {},
      { headers: demo },
    );
    const id = jobs.body.data?.jobs.edges[0]?.node.id;
    expect(id).toBeTypeOf("string");
    await tenant.clearRequests();
    const abort = new AbortController();
    const response = await gateway.graphql.fetch({
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", ...demo },
      body: JSON.stringify({ query: "subscription ($id: ID!) { jobUpdated(id: $id) { state } }", variables: { id } }),
      signal: abort.signal,
    });
    try {
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      // The calls the request made before its headers (the subscriber's check); the watch object's polls are its
      // own work, so the log may hold more than the header counts, never fewer.
      const timings = timingsOf(response);
      expect(timings.upstreamCalls).toBeLessThanOrEqual((await tenant.requests()).length);
    } finally {
      abort.abort();
    }
  });

  it("SERVER_TIMING=false sends none, on answers and refusals alike; OPERATION_LOGS=off writes no line", async () => {
    const first = newTraceparent();
    const second = newTraceparent();
    const answer = await untimed.graphql.query(NESTED, {}, { headers: { ...demo, traceparent: first.traceparent } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("server-timing")).toBeNull();
    const refused = await untimed.graphql.query(
      "{ noSuchField }",
      {},
      { headers: { traceparent: second.traceparent } },
    );
    expect(refused.headers.get("server-timing")).toBeNull();
    // The gateway with logs on writes its line within a moment (operation-log.test.ts); give this one as long.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const traces = logs.operations().map((line) => line.traceId);
    expect(traces).not.toContain(first.traceId);
    expect(traces).not.toContain(second.traceId);
    expect(logs.raw().some((line) => line.includes("Ready on"))).toBe(true);
  });
});
