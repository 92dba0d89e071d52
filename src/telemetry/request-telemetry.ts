/**
 * The telemetry of one unit of work: an HTTP request (one GraphQL operation, or an SSE stream), one graphql-ws
 * operation, or one watch poll. Every upstream call made for it is observed here (`upstreamObserver`, handed to the
 * sessions' transports), fanned out to each part that watches: the tally behind `Server-Timing`, the log line and
 * the metrics; the trace.
 *
 * Made by the transport that starts the work (the Worker entry, the graphql-ws connection, the watch object) and
 * carried in the server context (`server-context.ts`) to the context factory (`context.ts`).
 */
import { combineObservers, type UpstreamObserver } from "../upstream/upstream-observer";
import { UpstreamCallLog } from "./metrics-upstream-calls";
import { newTraceId, parseTraceParent, type TraceParent } from "./trace-context";
import type { WorkTrace, WorkTracer } from "./tracing";
import { UpstreamTally } from "./upstream-tally";

/** What kind of work a {@link RequestTelemetry} covers. */
export type WorkKind = "http" | "graphql-ws" | "poll";

/** One unit of work's telemetry: see the module comment. */
export interface RequestTelemetry {
  /** What kind of work this is. */
  readonly kind: WorkKind;
  /** The work's trace id: the incoming `traceparent`'s, else a new one. */
  readonly traceId: string;
  /** The incoming `traceparent`, when the work brought a valid one. */
  readonly parent: TraceParent | null;
  /** When the work started (`performance.now()`, ms). */
  readonly startedAt: number;
  /** The work's upstream calls so far. */
  readonly upstream: UpstreamTally;
  /** The work's upstream attempts one by one, for its metrics (`metrics.ts`). */
  readonly calls: UpstreamCallLog;
  /** What the sessions' transports tell of each upstream attempt: every part above that watches. */
  readonly upstreamObserver: UpstreamObserver;
  /** The work's trace (`tracing.ts`); null when tracing is off, and then no span is made. */
  readonly trace: WorkTrace | null;
}

/**
 * Starts the telemetry of one unit of work, now, continuing the trace of `traceparent` (a header's value) when it is
 * valid, and traced by `tracer` (`workTracerFromEnv`) unless it is null or absent (tracing off). Never throws.
 */
export function createRequestTelemetry(
  kind: WorkKind,
  traceparent?: string | null,
  tracer?: WorkTracer | null,
): RequestTelemetry {
  const startedAt = performance.now();
  const upstream = new UpstreamTally();
  const calls = new UpstreamCallLog();
  const parent = parseTraceParent(traceparent);
  const trace = tracer?.startTrace(ROOT_SPAN_NAMES[kind], parent, { "gateway.work": kind }) ?? null;
  return {
    kind,
    traceId: trace?.traceId ?? parent?.traceId ?? newTraceId(),
    parent,
    startedAt,
    upstream,
    calls,
    upstreamObserver:
      combineObservers(trace === null ? [upstream, calls] : [upstream, calls, trace.upstreamObserver]) ?? upstream,
    trace,
  };
}

/** The root span's name until the work says more (`WorkTrace.describe`: the HTTP method, the operation). */
const ROOT_SPAN_NAMES: Readonly<Record<WorkKind, string>> = {
  http: "graphql http",
  "graphql-ws": "graphql-ws operation",
  poll: "watch poll",
};

/**
 * Runs `work` as one unit of telemetry of `kind` with no incoming trace (a graphql-ws operation, a watch poll): its
 * trace, when `tracer` traces, ends with the work (its status is the thrown error's name, if any) and is exported
 * under `waitUntil`, after the answer. Resolves and rejects as `work` does.
 */
export async function traceWork<T>(
  kind: WorkKind,
  tracer: WorkTracer | null,
  waitUntil: (promise: Promise<unknown>) => void,
  work: (telemetry: RequestTelemetry) => Promise<T>,
): Promise<T> {
  const telemetry = createRequestTelemetry(kind, null, tracer);
  let failure: string | undefined;
  try {
    return await work(telemetry);
  } catch (error) {
    failure = error instanceof Error ? error.name : "Error";
    throw error;
  } finally {
    if (telemetry.trace !== null) {
      telemetry.trace.end(failure);
      waitUntil(telemetry.trace.flush());
    }
  }
}
