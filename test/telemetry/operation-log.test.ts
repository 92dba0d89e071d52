/**
 * The operation log (issue 21): one JSON object per GraphQL operation on every transport (HTTP, SSE, graphql-ws),
 * with its trace id, name, type, document hash, duration, upstream calls and wait, error codes, caller and
 * transport, and never a key or a variable's value. Read from the gateway's own output (started at log level `log`).
 */
import { createHash } from "node:crypto";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HUGE_N } from "../utils/bombs";
import { startTestGateway, type TestGateway } from "../utils/test-gateway";
import { useTenant } from "../utils/tenant";
import { captureLogLines, leakingLines, newTraceparent, timingsOf, type LogCapture } from "./telemetry-helpers";

const tenant = useTenant();
const demo = { "x-nexus-project-id": tenant.demo.project, "x-nexus-secret-key": tenant.demo.key };

const NESTED = /* GraphQL */ `query NestedJobs($first: Int!) { jobs(first: $first) { edges { node { name
  ... on NexusJob { dataset { name } webhooks { name } } } } } }`;

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

let logs: LogCapture;
let gateway: TestGateway;
let errorsOnly: TestGateway;

beforeAll(async () => {
  logs = captureLogLines();
  // Two gateways per file at most: a third one's start, beside the other files', outran the hook's timeout.
  // OPERATION_LOGS=off is tested in server-timing.test.ts, on its gateway without Server-Timing.
  [gateway, errorsOnly] = await Promise.all([
    startTestGateway({}, { logLevel: "log" }),
    startTestGateway({ OPERATION_LOGS: "errors" }, { logLevel: "log" }),
  ]);
  await tenant.reset();
});

afterAll(async () => {
  await Promise.all([gateway?.dispose(), errorsOnly?.dispose()]);
  logs?.stop();
  // The leak watch of log lines: no captured line (the operation lines above all) carries a key.
  expect(leakingLines(logs?.raw() ?? [])).toEqual([]);
});

/**
 * The log line of operation `name` among those written after the first `before`, waited for up to 5 s (a socket's
 * line may come after its answer); undefined when none came.
 */
async function operationLine(
  logs: LogCapture,
  before: number,
  name: string,
): Promise<ReturnType<LogCapture["operations"]>[number] | undefined> {
  const find = () =>
    logs
      .operations()
      .slice(before)
      .find((one) => one.operationName === name);
  const deadline = Date.now() + 5_000;
  let line = find();
  while (line === undefined && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    line = find();
  }
  return line;
}

describe("the operation log", () => {
  it("gives a nested query one line with every field, its calls those the emulator saw", async () => {
    const { traceparent, traceId } = newTraceparent();
    await tenant.clearRequests();
    const answer = await gateway.graphql.query(NESTED, { first: 4 }, { headers: { ...demo, traceparent } });
    expect(answer.body.errors).toBeUndefined();
    const line = await logs.operation(traceId);
    const seen = await tenant.requests();
    expect(line).toEqual({
      message: "graphql operation",
      traceId,
      operationName: "NestedJobs",
      operationType: "query",
      documentHash: sha256(NESTED),
      durationMs: expect.any(Number) as number,
      upstreamCalls: seen.length,
      upstreamWaitMs: expect.any(Number) as number,
      upstreamFailures: {},
      outcome: "ok",
      errorCodes: [],
      caller: expect.stringMatching(/^key:[0-9a-f]{12}$/) as string,
      transport: "http",
    });
    expect(line.upstreamCalls).toBe(timingsOf(answer).upstreamCalls);
    expect(line.upstreamWaitMs).toBeGreaterThan(0);
    expect(line.durationMs).toBeGreaterThanOrEqual(line.upstreamWaitMs);
  });

  it("names the same caller by the same fingerprint, another caller by another, and never logs a key", async () => {
    const first = newTraceparent();
    const second = newTraceparent();
    const other = newTraceparent();
    const query = "{ jobs(first: 1) { edges { node { name } } } }";
    await gateway.graphql.query(query, {}, { headers: { ...demo, traceparent: first.traceparent } });
    await gateway.graphql.query(query, {}, { headers: { ...demo, traceparent: second.traceparent } });
    await gateway.graphql.query(
      query,
      {},
      {
        headers: {
          "x-nexus-project-id": tenant.other.project,
          "x-nexus-secret-key": tenant.other.key,
          traceparent: other.traceparent,
        },
      },
    );
    const [a, b, c] = await Promise.all([first, second, other].map(({ traceId }) => logs.operation(traceId)));
    expect(a?.caller).toBe(b?.caller);
    expect(c?.caller).not.toBe(a?.caller);
    expect(leakingLines(logs.raw(), [tenant.demo.key, tenant.other.key])).toEqual([]);
  });

  it("never logs a variable's value", async () => {
    const { traceparent, traceId } = newTraceparent();
    const marker = "variable-value-that-must-not-be-logged";
    await gateway.graphql.query(
      "query Named($name: String) { datasets(first: 1, filter: { name: $name }) { edges { node { name } } } }",
      { name: marker },
      { headers: { ...demo, traceparent } },
    );
    await logs.operation(traceId);
    expect(logs.raw().filter((line) => line.includes(marker))).toEqual([]);
  });

  it("gives a refused query a line with its error codes and no upstream call", async () => {
    const { traceparent, traceId } = newTraceparent();
    const answer = await gateway.graphql.query(
      "query Broken { noSuchField }",
      {},
      { headers: { ...demo, traceparent } },
    );
    expect(answer.body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(await logs.operation(traceId)).toMatchObject({
      operationName: null,
      documentHash: sha256("query Broken { noSuchField }"),
      outcome: "error",
      errorCodes: ["GRAPHQL_VALIDATION_FAILED"],
      upstreamCalls: 0,
      transport: "http",
    });
  });

  it("gives a query whose upstream fails the answer's error codes and the failures by kind", async () => {
    const { traceparent, traceId } = newTraceparent();
    await tenant.setFaults({ errorRate: 1 });
    try {
      const answer = await gateway.graphql.query(
        "query Failing { jobs(first: 1) { edges { node { name } } } }",
        {},
        { headers: { ...demo, traceparent } },
      );
      const codes = (answer.body.errors ?? []).map((error) => error.extensions?.code);
      expect(codes.length).toBeGreaterThan(0);
      const line = await logs.operation(traceId);
      expect(line).toMatchObject({ operationName: "Failing", outcome: "error", errorCodes: codes });
      expect(line.upstreamFailures["http"]).toBeGreaterThan(0);
    } finally {
      await tenant.clearFaults();
    }
  });

  it("gives an SSE subscription one line when its stream ends, as transport sse", async () => {
    const jobs = await gateway.graphql.query<{ jobs: { edges: { node: { id: string; state: string } }[] } }>(
      "{ jobs(first: 50) { edges { node { id state } } } }",
      {},
      { headers: demo },
    );
    // A finished job: the stream sends its one event and ends.
    const finished = jobs.body.data?.jobs.edges.find((edge) => edge.node.state === "FINISHED")?.node.id;
    expect(finished).toBeTypeOf("string");
    const { traceparent, traceId } = newTraceparent();
    const response = await gateway.graphql.fetch({
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream", traceparent, ...demo },
      body: JSON.stringify({
        query: "subscription Watch($id: ID!) { jobUpdated(id: $id) { state } }",
        variables: { id: finished },
      }),
    });
    expect(response.status).toBe(200);
    await response.text();
    expect(await logs.operation(traceId, 15_000)).toMatchObject({
      operationName: "Watch",
      operationType: "subscription",
      outcome: "ok",
      transport: "sse",
    });
  });

  it("gives each graphql-ws operation a line of its own, as transport graphql-ws", async () => {
    const client = createClient({
      url: `${gateway.url.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: demo,
      retryAttempts: 0,
    });
    try {
      const before = logs.operations().length;
      const result = await new Promise<unknown>((resolve, reject) => {
        let value: unknown;
        client.subscribe(
          { query: "query OverSocket { jobs(first: 2) { edges { node { name } } } }" },
          { next: (next) => (value = next), error: reject, complete: () => resolve(value) },
        );
      });
      expect(result).toMatchObject({ data: { jobs: { edges: expect.any(Array) as unknown[] } } });
      const line = await operationLine(logs, before, "OverSocket");
      expect(line).toMatchObject({
        operationType: "query",
        transport: "graphql-ws",
        outcome: "ok",
        upstreamCalls: 1,
        caller: expect.stringMatching(/^key:[0-9a-f]{12}$/) as string,
      });
      expect(line?.traceId).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await client.dispose();
    }
  });

  it("gives a graphql-ws operation that a plugin refuses before it runs (its cost) a line with the refusal's code", async () => {
    const client = createClient({
      url: `${gateway.url.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: demo,
      retryAttempts: 0,
    });
    try {
      const before = logs.operations().length;
      const answer = await new Promise<{ errors?: { extensions?: { code?: string } }[] }>((resolve, reject) => {
        let value: unknown;
        client.subscribe(
          { query: HUGE_N.query.replace("query(", "query Costly("), variables: HUGE_N.variables },
          { next: (next) => (value = next), error: reject, complete: () => resolve(value as never) },
        );
      });
      const codes = (answer.errors ?? []).map((error) => error.extensions?.code);
      expect(codes).toEqual(["LIMIT_EXCEEDED"]);
      const line = await operationLine(logs, before, "Costly");
      expect(line).toMatchObject({ transport: "graphql-ws", outcome: "error", errorCodes: codes, upstreamCalls: 0 });
    } finally {
      await client.dispose();
    }
  });

  it("OPERATION_LOGS=errors writes only operations that answered an error", async () => {
    const ok = newTraceparent();
    const refused = newTraceparent();
    await errorsOnly.graphql.query("{ __typename }", {}, { headers: { traceparent: ok.traceparent } });
    await errorsOnly.graphql.query("{ noSuchField }", {}, { headers: { traceparent: refused.traceparent } });
    expect(await logs.operation(refused.traceId)).toMatchObject({ errorCodes: ["GRAPHQL_VALIDATION_FAILED"] });
    // The refused line came after the other was answered: a line for it would be here by now.
    expect(logs.operations().map((line) => line.traceId)).not.toContain(ok.traceId);
  });
});
