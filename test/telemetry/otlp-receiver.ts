/**
 * A real OTLP/HTTP trace receiver for the tests: a Node HTTP server on a free port that accepts `POST /v1/traces`
 * (https://opentelemetry.io/docs/specs/otlp/#otlphttp), answers 200 with an empty `ExportTraceServiceResponse`, and
 * decodes every body it got: `application/json` with `JSON.parse` (OTLP's JSON mapping: hex ids, attributes as
 * `{key, value: {stringValue | intValue | …}}`), `application/x-protobuf` with the OTLP trace schema below.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeProtobufTraces } from "./otlp-protobuf";

/** One span as the receiver decoded it, attributes flattened to plain values. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  name: string;
  /** OTLP's SpanKind: 1 internal, 2 server, 3 client. */
  kind: number;
  attributes: Record<string, unknown>;
  /** The resource's `service.name`. */
  serviceName: unknown;
}

/** One export as the receiver got it. */
export interface ReceivedExport {
  headers: IncomingHttpHeaders;
  contentType: string;
  /** The raw body, as text (JSON) or latin1 (protobuf), for the leak search. */
  raw: string;
  spans: ReceivedSpan[];
}

/** A started receiver. */
export interface OtlpReceiver {
  /** Its base URL (`http://127.0.0.1:port`): the value of `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  url: string;
  /** Every export so far, oldest first. */
  exports: ReceivedExport[];
  /** Every span so far. */
  spans(): ReceivedSpan[];
  /** Resolves with the spans of `traceId` once `done` says they are all there; rejects after `timeoutMs`. */
  waitForTrace(traceId: string, done: (spans: ReceivedSpan[]) => boolean, timeoutMs?: number): Promise<ReceivedSpan[]>;
  close(): Promise<void>;
}

/** An OTLP JSON `AnyValue` as a plain value. */
function plainValue(value: Record<string, unknown> | undefined): unknown {
  if (value === undefined) return undefined;
  if ("stringValue" in value) return value["stringValue"];
  if ("intValue" in value) return Number(value["intValue"]);
  if ("doubleValue" in value) return value["doubleValue"];
  if ("boolValue" in value) return value["boolValue"];
  if ("arrayValue" in value) {
    const values = (value["arrayValue"] as { values?: Record<string, unknown>[] }).values ?? [];
    return values.map((item) => plainValue(item));
  }
  return value;
}

interface JsonKeyValue {
  key: string;
  value?: Record<string, unknown>;
}

function attributesOf(list: JsonKeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((entry) => [entry.key, plainValue(entry.value)]));
}

interface JsonTraces {
  resourceSpans?: {
    resource?: { attributes?: JsonKeyValue[] };
    scopeSpans?: {
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        attributes?: JsonKeyValue[];
      }[];
    }[];
  }[];
}

/** The spans of an OTLP JSON (or protobuf, decoded to the same shape) `ExportTraceServiceRequest`. */
export function spansOf(request: JsonTraces): ReceivedSpan[] {
  return (request.resourceSpans ?? []).flatMap((resourceSpans) => {
    const serviceName = attributesOf(resourceSpans.resource?.attributes)["service.name"];
    return (resourceSpans.scopeSpans ?? []).flatMap((scope) =>
      (scope.spans ?? []).map((span) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId ?? "",
        name: span.name,
        kind: span.kind,
        attributes: attributesOf(span.attributes),
        serviceName,
      })),
    );
  });
}

/** Starts a receiver on a free port of 127.0.0.1. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const exports: ReceivedExport[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const contentType = request.headers["content-type"] ?? "";
      if (request.method !== "POST" || request.url !== "/v1/traces") {
        response.writeHead(404).end();
        return;
      }
      try {
        const json = contentType.startsWith("application/json");
        const decoded = json
          ? (JSON.parse(body.toString("utf8")) as JsonTraces)
          : (decodeProtobufTraces(body) as JsonTraces);
        exports.push({
          headers: request.headers,
          contentType,
          raw: body.toString(json ? "utf8" : "latin1"),
          spans: spansOf(decoded),
        });
        response.writeHead(200, { "content-type": json ? "application/json" : "application/x-protobuf" });
        response.end(json ? "{}" : undefined);
      } catch (error) {
        response.writeHead(400, { "content-type": "text/plain" }).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const spans = (): ReceivedSpan[] => exports.flatMap((one) => one.spans);
  return {
    url: `http://127.0.0.1:${port}`,
    exports,
    spans,
    async waitForTrace(traceId, done, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = spans().filter((span) => span.traceId === traceId);
        if (done(found)) return found;
        if (Date.now() > until) {
          throw new Error(
            `trace ${traceId}: ${found.length} spans after ${timeoutMs} ms: ${found.map((s) => s.name).join(", ")}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
