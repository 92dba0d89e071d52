/**
 * The `Server-Timing` header (https://w3c.github.io/server-timing/) of every HTTP answer on `/graphql`: how long the
 * request took in the gateway, how much of it was spent waiting on upstreams, and how many upstream calls it made.
 * Browsers' developer tools show it beside the request's own timing, so "was it the gateway or Nexus?" has an
 * answer in the Network tab.
 *
 * Metrics, in the header's grammar (`name;dur=<ms>;desc="<text>"`):
 * - `total`: from the Worker entry's start of the request to the answer's headers (an SSE stream: to its headers);
 * - `upstream`: wall time during which at least one upstream call was in flight (`UpstreamTally.waitMs`);
 * - `gateway`: `total` minus `upstream`, the gateway's own time;
 * - `upstream-calls`: the number of upstream requests sent (retries included), as a `desc` without `dur`.
 *
 * On deployed Workers the clock stands still while code runs (a Spectre mitigation): it moves only across I/O, so
 * `gateway` there is the time spent waiting on I/O other than upstreams (reading the body, Durable Objects), not CPU.
 */
import { perEnv } from "../per-env";
import type { RequestTelemetry } from "./request-telemetry";

/** The setting that turns the header off. */
export interface ServerTimingEnv {
  /** `false` sends no `Server-Timing`. Default on. */
  SERVER_TIMING?: string | undefined;
}

/** Whether answers carry `Server-Timing`: unless `SERVER_TIMING` is `false` (any case). Read once per isolate. Never throws. */
export const serverTimingEnabled: (env: ServerTimingEnv) => boolean = perEnv(
  (env: ServerTimingEnv) => env.SERVER_TIMING?.trim().toLowerCase() !== "false",
);

/** Milliseconds with at most one decimal: the clock's precision on Workers is far coarser anyway. */
function ms(value: number): string {
  return String(Math.round(Math.max(0, value) * 10) / 10);
}

/**
 * The header's value for `telemetry` at `now` (`performance.now()`, ms), e.g.
 * `total;dur=41.2, gateway;dur=3.1, upstream;dur=38.1, upstream-calls;desc="3"`. Never throws.
 */
export function serverTimingValue(telemetry: RequestTelemetry, now: number = performance.now()): string {
  const total = Math.max(0, now - telemetry.startedAt);
  // The wait cannot exceed the total; a call still in flight (an SSE stream's first poll) counts up to now.
  const upstream = Math.min(telemetry.upstream.waitMs, total);
  return (
    `total;dur=${ms(total)}, gateway;dur=${ms(total - upstream)}, upstream;dur=${ms(upstream)}, ` +
    `upstream-calls;desc="${telemetry.upstream.calls}"`
  );
}

/**
 * `response` with `Server-Timing` for `telemetry` added (appended to one a plugin set, should one). A response whose
 * headers are immutable is copied with the header added. Never throws.
 */
export function withServerTiming(response: Response, telemetry: RequestTelemetry): Response {
  const value = serverTimingValue(telemetry);
  try {
    response.headers.append("server-timing", value);
    return response;
  } catch {
    // Immutable headers (a response from fetch): the same body and status under headers of our own.
    const copy = new Response(response.body, response);
    copy.headers.append("server-timing", value);
    return copy;
  }
}
