/**
 * What every backend's session hands its HTTP transport beside the base URL and credentials: the call timeout, the
 * per-request call cap (or, inside a poll, no retries), the request's deadline, retry settings and the upstream's
 * circuit breaker, and the test's fetch. One place, so the three backends cannot drift apart on these rules.
 */
import { credentialsFingerprint } from "../encoding/credentials-fingerprint";
import { MAX_UPSTREAM_CALLS_PER_REQUEST, upstreamTimeoutFromEnv } from "../settings";
import type { HttpTransportOptions } from "../upstream/http-transport";
import type { GatewayVars } from "../vars";
import type { SessionOptions } from "./backend";

/**
 * What names a session's circuit breaker: its tenant and the fingerprint of its credentials
 * (`encoding/credentials-fingerprint.ts`, the one the rate limits use; never the credentials). A tenant alone is only what a caller claims (a project id
 * header), so a caller with a wrong key could open the breaker of someone else's project with failures of its own;
 * keyed by the credentials too, the failures that open a breaker are those of the same credentials.
 */
export function breakerScopeOf(tenant: string, credentials: unknown): string {
  return `${tenant}:${credentialsFingerprint(credentials)}`;
}

/**
 * The transport options of a session over `upstream` (its base URL) for `tenant` with `credentials` (which together
 * name the breaker, see {@link breakerScopeOf}). Never throws.
 */
export function sessionTransportOptions(
  env: GatewayVars,
  options: SessionOptions,
  upstream: string,
  tenant: string,
  credentials: unknown,
): Omit<HttpTransportOptions, "baseUrl"> {
  return {
    timeoutMs: upstreamTimeoutFromEnv(env),
    ...(options.polling === true
      ? // No retries inside a poll: the alarm schedule is the retry (with backoff), and every call is one poll.
        { retryBudget: 0 }
      : { maxCalls: MAX_UPSTREAM_CALLS_PER_REQUEST }),
    // The request's deadline, retry settings and this upstream's and tenant's circuit breaker.
    ...options.guards?.clientOptions(upstream, breakerScopeOf(tenant, credentials)),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.observer === undefined ? {} : { observer: options.observer }),
  };
}
