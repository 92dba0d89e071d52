/**
 * OpenTelemetry traces through the front door: a gateway started with `OTEL_EXPORTER_OTLP_ENDPOINT` at a real
 * OTLP/HTTP receiver of this file's own (`otlp-receiver.ts`), GraphQL requests to it, and then what the receiver
 * decoded next to what the emulator's request log saw: one span per upstream call, under the request's root span,
 * each call carrying a `traceparent` naming its span; no secret in any exported span; and an unreachable collector
 * changing nothing in the answer.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { clearUpstreamRequests, DEMO, nexusHeaders, resetEmulator, upstreamRequests } from "../gateway/helpers";
import { LEAK_NEEDLES, leakIn } from "../utils/leak-needles";
import { startTestGateway, suiteGraphQL, type TestGateway } from "../utils/test-gateway";
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from "./otlp-receiver";

/** A query with nested upstream calls: the datasets, then their jobs (one list call), then each job's logs. */
const NESTED = `{ datasets(first: 3) { edges { node { name ... on NexusDataset { jobs(first: 2) { edges { node { name
  ... on NexusJob { logs(first: 1) { edges { node { level } } } } } } } } } } } }`;

/** The collector's token: a secret, sent to the collector and never written into a span. */
const COLLECTOR_TOKEN = "otel-collector-token-4f1c9";

/** A string literal in a document, which a span must not repeat (it could be a secret). */
const LITERAL = "literal-in-document-5be2";

const SPAN_KIND_SERVER = 2;
const SPAN_KIND_CLIENT = 3;
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

/** A random lower-case hex string of `length` digits. */
function hex(length: number): string {
  return Array.from({ length }, () => Math.floor(Math.random() * 16).toString(16)).join("");
}

/** The trace of a request is complete once its root span (the one that ends last, at the answer) arrived. */
const hasRoot = (spans: ReceivedSpan[]): boolean => spans.some((span) => span.kind === SPAN_KIND_SERVER);

function rootOf(spans: ReceivedSpan[]): ReceivedSpan {
  const roots = spans.filter((span) => span.kind === SPAN_KIND_SERVER);
  expect(roots).toHaveLength(1);
  return roots[0] as ReceivedSpan;
}

/** The trace id the emulator's request log gives every call of the last request (they must agree). */
async function traceIdOfCalls(): Promise<string> {
  const calls = await upstreamRequests();
  expect(calls.length).toBeGreaterThan(0);
  const ids = new Set(calls.map((call) => TRACEPARENT.exec(call.traceparent ?? "")?.[1]));
  expect([...ids]).toHaveLength(1);
  return [...ids][0] as string;
}

/**
 * Checks a nested request's trace against the request log: one client span per logged call, each under the root
 * span, each call's `traceparent` naming its span; parse, validate and execute under the root too.
 */
async function expectTraceMatchesCalls(receiver: OtlpReceiver, traceId: string): Promise<ReceivedSpan> {
  const calls = await upstreamRequests();
  const spans = await receiver.waitForTrace(traceId, hasRoot);
  const root = rootOf(spans);
  expect(root.name).toBe("POST /graphql");
  expect(root.attributes).toMatchObject({ "http.request.method": "POST", "http.response.status_code": 200 });
  expect(root.attributes["graphql.operation.type"]).toBe("query");
  const clients = spans.filter((span) => span.kind === SPAN_KIND_CLIENT);
  expect(clients).toHaveLength(calls.length);
  for (const client of clients) expect(client.parentSpanId).toBe(root.spanId);
  // Each call carried the traceparent of its own span: the same set of span ids, each once.
  const calledFrom = calls.map((call) => TRACEPARENT.exec(call.traceparent ?? "")?.[2]).sort();
  expect(calledFrom).toEqual(clients.map((span) => span.spanId).sort());
  // The client spans name the call without its ids: the request log's paths, templated.
  const templates = clients.map((span) => span.attributes["url.template"]).sort();
  const logged = calls.map((call) =>
    call.path.replace(/\/(?!(?:batch|datasets|jobs|logs|projects)(?:\/|$))[^/]+/g, "/{id}"),
  );
  expect(templates).toEqual(logged.sort());
  for (const client of clients) {
    expect(client.attributes).toMatchObject({
      "http.request.method": "GET",
      "http.response.status_code": 200,
      "gateway.upstream.backend": "nexus",
      "gateway.upstream.attempt": 0,
      "gateway.upstream.sent": true,
    });
    expect(client.name).toBe(`GET ${String(client.attributes["url.template"])}`);
  }
  const steps = spans.filter((span) => span.name.startsWith("graphql."));
  expect(steps.map((span) => span.name).sort()).toEqual(["graphql.execute", "graphql.parse", "graphql.validate"]);
  for (const step of steps) expect(step.parentSpanId).toBe(root.spanId);
  return root;
}

describe("traces over OTLP/HTTP JSON", () => {
  let receiver: OtlpReceiver;
  let gateway: TestGateway;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    gateway = await startTestGateway({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_EXPORTER_OTLP_HEADERS: `authorization=Bearer%20${COLLECTOR_TOKEN}`,
    });
  });

  afterAll(async () => {
    await gateway.dispose();
    await receiver.close();
  });

  beforeEach(async () => {
    await resetEmulator();
    await clearUpstreamRequests();
  });

  it("continues an incoming traceparent: one span per upstream call, under the root, each call carrying its span", async () => {
    const traceId = hex(32);
    const callerSpan = hex(16);
    const answer = await gateway.graphql.query(
      NESTED,
      {},
      {
        headers: { ...nexusHeaders(DEMO), traceparent: `00-${traceId}-${callerSpan}-01` },
      },
    );
    expect(answer.body.errors, answer.text).toBeUndefined();
    expect(await traceIdOfCalls()).toBe(traceId);
    const root = await expectTraceMatchesCalls(receiver, traceId);
    expect(root.parentSpanId).toBe(callerSpan);
    expect(root.serviceName).toBe("ml-batch-graphql-gateway");
    expect(root.attributes["graphql.document"]).toContain("datasets(first: 3)");
  });

  it("starts a trace of its own for a request without traceparent", async () => {
    const answer = await gateway.graphql.query(NESTED, {}, { headers: nexusHeaders(DEMO) });
    expect(answer.body.errors, answer.text).toBeUndefined();
    const traceId = await traceIdOfCalls();
    const root = await expectTraceMatchesCalls(receiver, traceId);
    expect(root.parentSpanId).toBe("");
  });

  it("writes no key, secret or collector token into any span, and sends the token to the collector only", async () => {
    await gateway.graphql.query(NESTED, {}, { headers: nexusHeaders(DEMO) });
    // A literal in the document may be a secret: documents are recorded with their strings replaced.
    await gateway.graphql.query(`{ job(id: "${LITERAL}") { name } }`, {}, { headers: nexusHeaders(DEMO) });
    const traceId = await traceIdOfCalls();
    await receiver.waitForTrace(traceId, hasRoot);
    expect(receiver.exports.length).toBeGreaterThan(0);
    for (const received of receiver.exports) {
      expect(received.headers["authorization"]).toBe(`Bearer ${COLLECTOR_TOKEN}`);
      expect(leakIn(received.raw, [...LEAK_NEEDLES, DEMO.key, COLLECTOR_TOKEN, LITERAL])).toBeNull();
    }
  });
});

describe("traces over OTLP/HTTP protobuf", () => {
  let receiver: OtlpReceiver;
  let gateway: TestGateway;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    // http/protobuf: the specification's default, so no protocol setting.
    gateway = await startTestGateway({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
  });

  afterAll(async () => {
    await gateway.dispose();
    await receiver.close();
  });

  it("sends the same trace, decoded from protobuf", async () => {
    await resetEmulator();
    await clearUpstreamRequests();
    const traceId = hex(32);
    const answer = await gateway.graphql.query(
      NESTED,
      {},
      {
        headers: { ...nexusHeaders(DEMO), traceparent: `00-${traceId}-${hex(16)}-01` },
      },
    );
    expect(answer.body.errors, answer.text).toBeUndefined();
    await expectTraceMatchesCalls(receiver, traceId);
    expect(receiver.exports.every((received) => received.contentType === "application/x-protobuf")).toBe(true);
  });
});

describe("an unreachable collector", () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    // A port nobody listens on: a receiver started and closed again.
    const gone = await startOtlpReceiver();
    await gone.close();
    gateway = await startTestGateway({
      OTEL_EXPORTER_OTLP_ENDPOINT: gone.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    });
  });

  afterAll(async () => {
    await gateway.dispose();
  });

  it("changes nothing in the answer", async () => {
    await resetEmulator();
    // Settled fields only (running jobs' logs and progress move between two requests).
    const query = `{ datasets(first: 3) { edges { node { name } } } jobs(first: 3) { edges { node { name } } } }`;
    const traced = await gateway.graphql.query(query, {}, { headers: nexusHeaders(DEMO) });
    const untraced = await suiteGraphQL().query(query, {}, { headers: nexusHeaders(DEMO) });
    expect(traced.body.errors, traced.text).toBeUndefined();
    expect(traced.status).toBe(200);
    expect(traced.body).toEqual(untraced.body);
  });
});
