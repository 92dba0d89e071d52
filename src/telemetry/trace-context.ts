/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/): the `traceparent` header a request may bring, read
 * strictly, and the trace id of work that brought none. One unit of work has one trace id from its start: the
 * operation's log line, its metrics' exemplars and its spans all name it.
 */

/** A parsed `traceparent`: version 00's fields, lower-case hex. */
export interface TraceParent {
  /** 32 hex digits, not all zero. */
  readonly traceId: string;
  /** The caller's span: 16 hex digits, not all zero. */
  readonly parentSpanId: string;
  /** The caller sampled this trace (flag 01). */
  readonly sampled: boolean;
}

// version "-" trace-id "-" parent-id "-" trace-flags; a future version may append fields after a "-".
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/**
 * Reads a `traceparent` header value; null when absent or invalid (then the work starts a trace of its own, as the
 * specification says: an invalid header is ignored, never an error). Never throws.
 */
export function parseTraceParent(value: string | null | undefined): TraceParent | null {
  if (value === null || value === undefined) return null;
  const match = TRACEPARENT.exec(value.trim());
  if (match === null) return null;
  const [, version = "", traceId = "", parentSpanId = "", flags = "", rest] = match;
  // Version ff is forbidden; version 00 has exactly four fields.
  if (version === "ff" || (version === "00" && rest !== undefined)) return null;
  if (/^0+$/.test(traceId) || /^0+$/.test(parentSpanId)) return null;
  return { traceId, parentSpanId, sampled: (Number.parseInt(flags, 16) & 1) === 1 };
}

/** Each byte's two hex digits, made once: every request makes a trace id. */
const HEX_OF_BYTE = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** `bytes` random bytes as lower-case hex. */
function randomHex(bytes: number): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  let hex = "";
  for (const value of values) hex += HEX_OF_BYTE[value] ?? "00";
  return hex;
}

/** A new random trace id (32 hex digits, never all zero). */
export function newTraceId(): string {
  const id = randomHex(16);
  return /^0+$/.test(id) ? newTraceId() : id;
}

/** A new random span id (16 hex digits, never all zero). */
export function newSpanId(): string {
  const id = randomHex(8);
  return /^0+$/.test(id) ? newSpanId() : id;
}

/** The `traceparent` value of span `spanId` in trace `traceId`. */
export function formatTraceParent(traceId: string, spanId: string, sampled: boolean): string {
  return `00-${traceId}-${spanId}-${sampled ? "01" : "00"}`;
}
