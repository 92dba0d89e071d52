/**
 * What every backend's session hands its HTTP transport beside the base URL and credentials: the call timeout, the
 * per-request call cap (or, inside a poll, no retries), the request's deadline, retry settings and the upstream's
 * circuit breaker, the reads shared with other requests (`upstream/shared-reads.ts`, never in a poll), and the test's
 * fetch. One place, so the three backends cannot drift apart on these rules.
 */
import { credentialsFingerprint } from "../encoding/credentials-fingerprint";
import { MAX_UPSTREAM_CALLS_PER_REQUEST, upstreamTimeoutFromEnv } from "../settings";
import type { HttpTransportOptions } from "../upstream/http-transport";
import { readCacheTtlFromEnv, sharedReadsOnFromEnv } from "../upstream/settings";
import { createSharedReads, type SharedReads } from "../upstream/shared-reads";
import type { GatewayVars } from "../vars";
import type { SessionOptions } from "./backend";

/**
 * What names a session's circuit breaker: its tenant and the fingerprint of its credentials
 * (`encoding/credentials-fingerprint.ts`, the one the rate limits use; never the credentials). A tenant alone is
 * only what a caller claims (a project id header), so a caller with a wrong key could open the breaker of someone else's project with failures of its own;
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
      ? // No retries inside a poll: the alarm schedule is the retry (with backoff), and every call is one poll. No
        // shared reads either: a poll wants the upstream's state now.
        { retryBudget: 0 }
      : { maxCalls: MAX_UPSTREAM_CALLS_PER_REQUEST, ...sharedReadsOption(env, upstream, tenant, credentials) }),
    // The request's deadline, retry settings and this upstream's and tenant's circuit breaker.
    ...options.guards?.clientOptions(upstream, breakerScopeOf(tenant, credentials)),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.observer === undefined ? {} : { observer: options.observer }),
  };
}

/**
 * The shared reads of a request's session (`upstream/shared-reads.ts`), or none when `READ_CACHE_TTL_MS` is 0 and
 * `SHARED_READS` is `false`. Their scope is the fingerprint of the upstream, the tenant and the whole credentials
 * (an answer is served only to a caller with the very credentials it was read with); a write purges by upstream
 * and tenant. Never throws.
 */
function sharedReadsOption(
  env: GatewayVars,
  upstream: string,
  tenant: string,
  credentials: unknown,
): { sharedReads?: SharedReads } {
  const ttlMs = readCacheTtlFromEnv(env);
  const shareInFlight = sharedReadsOnFromEnv(env);
  if (ttlMs === 0 && !shareInFlight) return {};
  const scope = credentialsFingerprint([upstream, tenant, credentials]);
  return {
    sharedReads: createSharedReads({ tenant: JSON.stringify([upstream, tenant]), scope, ttlMs, shareInFlight }),
  };
}
