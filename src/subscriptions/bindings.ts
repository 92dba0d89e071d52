/**
 * The subscription Durable Object bindings, typed for RPC. A missing binding is a deployment mistake (wrangler.toml
 * lost its `[[durable_objects.bindings]]`), so it throws a plain Error, which the client sees masked.
 */
import type { GatewayEnv } from "../env";
import type { GraphQLWsConnection } from "./graphql-ws-connection";
import type { ResourceWatch } from "./resource-watch";

/** `WebSocket.readyState` of an open socket (the Workers types only have it as an instance field). */
export const WEBSOCKET_OPEN = 1;

/** The `JOB_WATCH` namespace (one `ResourceWatch` per project and watched job or dataset). Throws when unbound. */
export function watchNamespace(env: GatewayEnv): DurableObjectNamespace<ResourceWatch> {
  if (env.JOB_WATCH === undefined) throw new Error("The JOB_WATCH Durable Object binding is missing (wrangler.toml).");
  return env.JOB_WATCH;
}

/** The `WS_CONNECTION` namespace (one `GraphQLWsConnection` per socket). Throws when unbound. */
export function connectionNamespace(env: GatewayEnv): DurableObjectNamespace<GraphQLWsConnection> {
  if (env.WS_CONNECTION === undefined) {
    throw new Error("The WS_CONNECTION Durable Object binding is missing (wrangler.toml).");
  }
  return env.WS_CONNECTION;
}
