/**
 * The backends a list asks: the one `provider` names, or every backend the request has credentials for.
 */
import type { BackendSession } from "../backends/backend";
import type { GatewayContext } from "../backends/gateway-context";
import type { Provider } from "../model";

/**
 * The sessions of a list: `provider`'s alone when it is given, else every available one. Throws `UNAUTHENTICATED`
 * (saying how to give credentials) when the request has none for what it asks.
 */
export function sessionsFor(context: GatewayContext, provider: Provider | null): BackendSession[] {
  return provider === null ? context.backends.available() : [context.backends.sessionOf(provider)];
}
