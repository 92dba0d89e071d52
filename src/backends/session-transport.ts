/**
 * What every backend's session hands its HTTP transport beside the base URL and credentials: the call timeout, the
 * per-request call cap (or, inside a poll, no retries), the request's deadline, retry settings and the upstream's
 * circuit breaker, and the test's fetch. One place, so the three backends cannot drift apart on these rules.
 */
import { MAX_UPSTREAM_CALLS_PER_REQUEST, upstreamTimeoutFromEnv } from "../settings";
import type { HttpTransportOptions } from "../upstream/http-transport";
import type { GatewayVars } from "../vars";
import type { SessionOptions } from "./backend";

/**
 * The transport options of a session over `upstream` (its base URL) for `tenant` (which names the breaker).
 * Never throws.
 */
export function sessionTransportOptions(
  env: GatewayVars,
  options: SessionOptions,
  upstream: string,
  tenant: string,
): Omit<HttpTransportOptions, "baseUrl"> {
  return {
    timeoutMs: upstreamTimeoutFromEnv(env),
    ...(options.polling === true
      ? // No retries inside a poll: the alarm schedule is the retry (with backoff), and every call is one poll.
        { retryBudget: 0 }
      : { maxCalls: MAX_UPSTREAM_CALLS_PER_REQUEST }),
    // The request's deadline, retry settings and this upstream's and tenant's circuit breaker.
    ...options.guards?.clientOptions(upstream, tenant),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  };
}
