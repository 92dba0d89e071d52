/**
 * The receiver's protobuf decoder: protobufjs over the part of the OTLP trace schema the tests read, field numbers
 * as in opentelemetry-proto (`collector/trace/v1/trace_service.proto`, `trace/v1/trace.proto`,
 * `common/v1/common.proto`, `resource/v1/resource.proto`). Unknown fields (events, links, status, times) are skipped
 * by the decoder, as protobuf specifies. Decoded to OTLP's JSON mapping (hex ids), so both encodings read alike.
 */
import protobuf from "protobufjs";

const SCHEMA = `
syntax = "proto3";
package otlp;
message AnyValue {
  oneof value {
    string string_value = 1;
    bool bool_value = 2;
    int64 int_value = 3;
    double double_value = 4;
    ArrayValue array_value = 5;
    bytes bytes_value = 7;
  }
}
message ArrayValue { repeated AnyValue values = 1; }
message KeyValue { string key = 1; AnyValue value = 2; }
message Resource { repeated KeyValue attributes = 1; }
message Span {
  bytes trace_id = 1;
  bytes span_id = 2;
  string trace_state = 3;
  bytes parent_span_id = 4;
  string name = 5;
  int32 kind = 6;
  repeated KeyValue attributes = 9;
}
message ScopeSpans { repeated Span spans = 2; }
message ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
message ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
`;

const REQUEST = protobuf.parse(SCHEMA, { keepCase: false }).root.lookupType("otlp.ExportTraceServiceRequest");

/** Bytes fields become hex, as in OTLP's JSON mapping; everything else is protobufjs's plain object. */
function hexIds(value: unknown): unknown {
  if (value instanceof Uint8Array) return Buffer.from(value).toString("hex");
  if (Array.isArray(value)) return value.map(hexIds);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, hexIds(item)]));
  }
  return value;
}

/** Decodes an `ExportTraceServiceRequest` into OTLP's JSON shape; throws on a body that is not one. */
export function decodeProtobufTraces(body: Uint8Array): unknown {
  return hexIds(REQUEST.toObject(REQUEST.decode(body), { longs: String, defaults: false }));
}
