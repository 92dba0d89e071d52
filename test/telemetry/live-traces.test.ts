/**
 * Traces of the live transports, through the front door of a gateway exporting to this file's OTLP/HTTP receiver:
 * each graphql-ws operation is a trace of its own (execute and upstream spans under its root), and each poll of a
 * watch object is one too, with its upstream read and its delivery to the SSE stream's hibernated socket.
 */
import { createClient as createSseClient } from "graphql-sse";
import { createClient as createWsClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createJob, datasetIdByName, DEMO, resetEmulator, waitFor, watch } from "../subscriptions/helpers";
import { startTestGateway, type TestGateway } from "../utils/test-gateway";
import { startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from "./otlp-receiver";

const SPAN_KIND_CLIENT = 3;

let receiver: OtlpReceiver;
let gateway: TestGateway;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  gateway = await startTestGateway({
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
  });
  await resetEmulator();
});

afterAll(async () => {
  await gateway.dispose();
  await receiver.close();
});

/** The spans of the trace whose root is named `rootName` and that holds a span matching `holds`, once one came. */
async function traceWhere(rootName: string, holds: (span: ReceivedSpan) => boolean): Promise<ReceivedSpan[]> {
  let found: ReceivedSpan[] = [];
  await waitFor(() => {
    const all = receiver.spans();
    const roots = all.filter((span) => span.name === rootName && span.parentSpanId === "");
    for (const root of roots) {
      const spans = all.filter((span) => span.traceId === root.traceId);
      if (spans.some(holds)) {
        found = spans;
        return true;
      }
    }
    return false;
  }, `a ${rootName} trace`);
  return found;
}

describe("live traces", () => {
  it("traces each graphql-ws operation on its own, with its upstream calls under its root", async () => {
    const client = createWsClient({
      url: `${gateway.url.replace(/^http/, "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { ...DEMO },
      retryAttempts: 0,
    });
    try {
      const result = await new Promise<unknown>((resolve, reject) => {
        let last: unknown;
        client.subscribe(
          { query: "query OverTheSocket { jobs(first: 2) { edges { node { name } } } }" },
          { next: (value) => (last = value), error: reject, complete: () => resolve(last) },
        );
      });
      expect(result).toMatchObject({ data: { jobs: { edges: expect.any(Array) } } });
    } finally {
      await client.dispose();
    }
    const spans = await traceWhere("graphql-ws operation", (span) => span.name === "graphql.execute");
    const root = spans.find((span) => span.parentSpanId === "") as ReceivedSpan;
    expect(root.attributes).toMatchObject({ "graphql.operation.name": "OverTheSocket", "gateway.work": "graphql-ws" });
    const clients = spans.filter((span) => span.kind === SPAN_KIND_CLIENT);
    expect(clients.length).toBeGreaterThan(0);
    for (const span of [...clients, ...spans.filter((one) => one.name.startsWith("graphql."))]) {
      expect(span.parentSpanId).toBe(root.spanId);
    }
  });

  it("traces each watch poll: its upstream read and its delivery to the SSE stream's hibernated socket", async () => {
    const datasetId = await datasetIdByName(DEMO, "street-scenes-2026-11");
    const jobId = await createJob(DEMO, datasetId);
    const client = createSseClient({ url: `${gateway.url}/graphql`, singleConnection: false, headers: { ...DEMO } });
    const running = watch(client, `subscription { jobUpdated(id: "${jobId}") { state progress } }`);
    try {
      await waitFor(() => running.results.length >= 2, "two events");
    } finally {
      running.stop();
      client.dispose();
    }
    const spans = await traceWhere(
      "watch poll",
      (span) => span.name === "watch.deliver" && span.attributes["gateway.listener.kind"] === "hibernated-socket",
    );
    const root = spans.find((span) => span.parentSpanId === "") as ReceivedSpan;
    expect(root.attributes).toMatchObject({ "gateway.work": "poll", "gateway.watch.resource": "job" });
    const reads = spans.filter((span) => span.kind === SPAN_KIND_CLIENT);
    expect(reads.map((span) => span.attributes["url.template"])).toContain("/projects/{id}/batch/jobs/{id}");
    for (const span of spans.filter((one) => one !== root)) expect(span.parentSpanId).toBe(root.spanId);
  });
});
