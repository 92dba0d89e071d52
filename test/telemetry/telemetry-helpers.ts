/**
 * What the telemetry tests read: the `Server-Timing` header, parsed by the W3C grammar as browsers' developer tools
 * read it, and the gateway's operation log lines, captured from this process's output.
 */
import JSON5 from "json5";
import { expect } from "vitest";
import { LEAK_NEEDLES, leakIn } from "../utils/leak-needles";

/** One metric of a `Server-Timing` header. */
export interface ServerTimingMetric {
  name: string;
  dur?: number;
  desc?: string;
}

// server-timing = #server-timing-metric; metric = name *( OWS ";" OWS param ); param = name OWS [ "=" OWS value ];
// value = token / quoted-string (https://w3c.github.io/server-timing/#the-server-timing-header-field).
const TOKEN = "[!#$%&'*+\\-.^_`|~0-9A-Za-z]+";
const QUOTED = '"(?:[^"\\\\]|\\\\.)*"';
const PARAM = `\\s*;\\s*(${TOKEN})\\s*(?:=\\s*(${TOKEN}|${QUOTED}))?`;
const METRIC = new RegExp(`^\\s*(${TOKEN})((?:${PARAM})*)\\s*$`);

/**
 * Parses a `Server-Timing` value strictly by the grammar: throws, naming the part, when any metric does not parse
 * (a browser would drop it), so a test fails on a header devtools could not read.
 */
export function parseServerTiming(value: string): ServerTimingMetric[] {
  return value.split(",").map((part) => {
    const match = METRIC.exec(part);
    if (match === null) throw new Error(`Server-Timing: "${part}" is not a metric by the grammar`);
    const metric: ServerTimingMetric = { name: match[1] ?? "" };
    for (const param of (match[2] ?? "").matchAll(new RegExp(PARAM, "g"))) {
      const raw = param[2] ?? "";
      const text = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw;
      if (param[1] === "dur") metric.dur = Number(text);
      if (param[1] === "desc") metric.desc = text;
    }
    return metric;
  });
}

/** The gateway's figures from an answer's `Server-Timing`; fails the test when the header is absent or malformed. */
export function timingsOf(response: { headers: Headers }): {
  total: number;
  gateway: number;
  upstream: number;
  upstreamCalls: number;
} {
  const header = response.headers.get("server-timing");
  expect(header, "the answer's Server-Timing").not.toBeNull();
  const metrics = new Map(parseServerTiming(header ?? "").map((metric) => [metric.name, metric]));
  const dur = (name: string): number => {
    const value = metrics.get(name)?.dur;
    expect(value, `${name};dur in "${header}"`).toBeTypeOf("number");
    expect(Number.isFinite(value), `${name};dur in "${header}"`).toBe(true);
    return value ?? Number.NaN;
  };
  const calls = metrics.get("upstream-calls")?.desc;
  expect(calls, `upstream-calls;desc in "${header}"`).toMatch(/^\d+$/);
  return { total: dur("total"), gateway: dur("gateway"), upstream: dur("upstream"), upstreamCalls: Number(calls) };
}

/** One operation's log line, as the gateway writes it (src/telemetry/operation-log.ts). */
export interface OperationLogLine {
  message: string;
  traceId: string;
  operationName: string | null;
  operationType: string | null;
  documentHash: string | null;
  durationMs: number;
  upstreamCalls: number;
  upstreamWaitMs: number;
  upstreamFailures: Record<string, number>;
  outcome: string;
  errorCodes: string[];
  caller: string;
  transport: string;
}

/** The Worker's log lines printed in this process so far (a gateway started with `logLevel: "log"`). */
export interface LogCapture {
  /** Every operation log line so far, parsed. */
  operations(): OperationLogLine[];
  /** The line of the operation with trace id `traceId`, waiting for it up to `timeoutMs`. */
  operation(traceId: string, timeoutMs?: number): Promise<OperationLogLine>;
  /** Every captured line (raw text), to search for secrets. */
  raw(): string[];
  /** Puts `console.log` back. */
  stop(): void;
}

/**
 * Captures the lines wrangler prints for the Workers of this file (it prints a Worker's `console.log` with
 * `console.log` when started at log level `log`). A Worker's logged object arrives in the runtime's inspect
 * format (`{ message: 'graphql operation', … }`), which JSON5 reads.
 */
export function captureLogLines(): LogCapture {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => {
    lines.push(args.map((arg) => (typeof arg === "string" ? arg : String(arg))).join(" "));
  };
  const operations = (): OperationLogLine[] =>
    lines
      .filter((line) => /^\{\s*message: 'graphql operation'/.test(line))
      .map((line) => JSON5.parse<OperationLogLine>(line));
  return {
    operations,
    raw: () => [...lines],
    async operation(traceId, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = operations().filter((line) => line.traceId === traceId);
        if (found.length > 0) {
          expect(found, `one log line for trace ${traceId}`).toHaveLength(1);
          return found[0] as OperationLogLine;
        }
        if (Date.now() > deadline) throw new Error(`no operation log line for trace ${traceId} in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop: () => {
      console.log = original;
    },
  };
}

/** A new W3C `traceparent` and its trace id, so a test can find its request's log line. */
export function newTraceparent(): { traceparent: string; traceId: string } {
  const hex = (bytes: number): string =>
    Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, "0")).join("");
  const traceId = hex(16);
  return { traceId, traceparent: `00-${traceId}-${hex(8)}-01` };
}

/** The captured lines that carry an upstream key or one of `secrets` (the leak watch of log lines, leak-needles.ts). */
export function leakingLines(lines: readonly string[], secrets: readonly string[] = []): string[] {
  return lines.flatMap((line) => {
    const found = leakIn(line, [...LEAK_NEEDLES, ...secrets]);
    return found === null ? [] : [`a log line carries ${found}: ${line.slice(0, 120)}`];
  });
}
