/**
 * The rate limit of a WebSocket upgrade, checked by the Worker entry before it makes a connection Durable Object for
 * the socket: an upgrade is one request of its caller (limits/rate-limit.ts). Who the caller is is not known yet (a
 * graphql-ws client says so in `connection_init`, after the upgrade), so the key is what the upgrade itself carries:
 * the caller's own credential headers, else its address (`CF-Connecting-IP`), else `anonymous`.
 */
import { credentialsFromHeaders } from "../context";
import type { GatewayVars } from "../vars";
import { checkRate, clientAddressOf, rateKeyOf, rateLimitedResponse } from "./rate-limit";
import { chargesFor } from "./rate-window";
import type { RateLimitBindings } from "./rate-limit-bindings";
import { rateLimitSettingsFromEnv } from "./rate-limit-settings";

/**
 * A 429 answer (with `Retry-After` and a `RATE_LIMITED` GraphQL body) for an upgrade past its caller's request
 * budget, or null to go on (the upgrade is then counted). Rejects only as `checkRate` does.
 */
export async function upgradeRateRefusal(
  request: Request,
  env: GatewayVars & RateLimitBindings,
): Promise<Response | null> {
  const charges = chargesFor("request", rateLimitSettingsFromEnv(env));
  if (charges.length === 0) return null;
  // Only the caller's own credentials ([] grants none of the gateway's): the same key its operations would get.
  const caller = { credentials: () => credentialsFromHeaders(request.headers, env, []) };
  const key = rateKeyOf({ caller, address: clientAddressOf(request) });
  const decision = await checkRate(env, key, charges);
  return decision.allowed ? null : rateLimitedResponse(decision);
}
