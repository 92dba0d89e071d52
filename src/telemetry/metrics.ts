/**
 * Metrics as Workers Analytics Engine data points (binding `METRICS`, wrangler.toml): one per GraphQL operation and
 * one per upstream attempt it made, written when the operation ends. Queried with the Analytics Engine SQL API
 * (README, "Metrics"). Unbound (the default): nothing is built or written.
 *
 * Every point's first blob says which kind it is, so one dataset holds both:
 * - `operation`: blobs [kind, operation name, operation type, outcome (`ok`/`error`), first error code, transport];
 *   doubles [duration ms, count 1, upstream calls, upstream wait ms, error count].
 * - `upstream`: blobs [kind, backend, operation (`jobs.get`), status class (`2xx`…, `none`), outcome (`ok` or the
 *   failure: `http`, `timeout`, `UPSTREAM_UNAVAILABLE`, …), sent (`sent`/`refused`)]; doubles [latency ms, count 1,
 *   attempt].
 * The index (the sampling key) is the caller's label (`callerLabel`: a principal's name or a fingerprint of its keys,
 * never a key), so each tenant's points are sampled together. No path, project or variable is written.
 */
import type { UpstreamCallRecord } from "./metrics-upstream-calls";
import type { OperationLogEntry } from "./operation-log";
import { sha256HexOnce } from "../encoding/sha256-hex";

/** One data point, as `AnalyticsEngineDataset.writeDataPoint` takes it. */
export interface MetricsDataPoint {
  readonly blobs: string[];
  readonly doubles: number[];
  readonly indexes: [string];
}

/** What the metrics write to: the `METRICS` binding (`AnalyticsEngineDataset`), or anything with its method. */
export interface MetricsSink {
  writeDataPoint(point: MetricsDataPoint): void;
}

/** The settings and binding the metrics read. */
export interface MetricsEnv {
  /** The Analytics Engine dataset binding; unset: no metrics. */
  METRICS?: MetricsSink | undefined;
}

const encoder = new TextEncoder();

/** Analytics Engine's longest index, in bytes. */
const MAX_INDEX_BYTES = 96;
/** Analytics Engine takes at most 16 KiB of blobs per point: a blob is cut well below that. */
const MAX_BLOB_CHARS = 256;

/** The index for a caller's label: the label, or its hash when it is too long for an index. */
export function metricsIndexOf(callerLabel: string): string {
  // A UTF-16 unit is at most 3 UTF-8 bytes: a short label (every usual one) fits without being encoded.
  return callerLabel.length * 3 <= MAX_INDEX_BYTES || encoder.encode(callerLabel).byteLength <= MAX_INDEX_BYTES
    ? callerLabel
    : `sha256:${sha256HexOnce(callerLabel).slice(0, 32)}`;
}

function blob(value: string | null): string {
  return value === null ? "" : value.slice(0, MAX_BLOB_CHARS);
}

/** The data point of one operation (see the module comment). Never throws. */
export function operationDataPoint(entry: OperationLogEntry): MetricsDataPoint {
  return {
    blobs: [
      "operation",
      blob(entry.operationName),
      blob(entry.operationType),
      entry.outcome,
      blob(entry.errorCodes[0] ?? null),
      entry.transport,
    ],
    doubles: [entry.durationMs, 1, entry.upstreamCalls, entry.upstreamWaitMs, entry.errorCodes.length],
    indexes: [metricsIndexOf(entry.caller)],
  };
}

/** The data point of one upstream attempt (see the module comment), for the caller `callerLabel`. Never throws. */
export function upstreamDataPoint(call: UpstreamCallRecord, callerLabel: string): MetricsDataPoint {
  return {
    blobs: [
      "upstream",
      blob(call.backend),
      blob(call.operation),
      call.statusClass,
      blob(call.outcome),
      call.sent ? "sent" : "refused",
    ],
    doubles: [call.latencyMs, 1, call.attempt],
    indexes: [metricsIndexOf(callerLabel)],
  };
}

/**
 * Writes the points of one operation: its own and its upstream attempts'. A write that throws (the platform's limit
 * of points per invocation) is dropped: metrics never fail an answer. Never throws.
 */
export function writeOperationMetrics(
  sink: MetricsSink,
  entry: OperationLogEntry,
  calls: readonly UpstreamCallRecord[],
): void {
  try {
    sink.writeDataPoint(operationDataPoint(entry));
    for (const call of calls) sink.writeDataPoint(upstreamDataPoint(call, entry.caller));
  } catch {
    // Over the per-invocation limit, or a binding that refuses: the answer matters more than the figures.
  }
}
