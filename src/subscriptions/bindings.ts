/**
 * The subscription Durable Object bindings, as the code below the Worker entry calls them: plain RPC interfaces
 * (what the connection object calls on a watch object, and what a watch object calls back), not the classes, so no
 * module here imports a Durable Object class (only the Worker entry does). A missing binding is a deployment mistake
 * (wrangler.toml lost its `[[durable_objects.bindings]]`), so it throws a plain Error, which the client sees masked.
 */
import type { GatewayVars } from "../vars";
import type { WatchEvent } from "./topics";
import type { AttachRequest } from "./watch-listeners";

/** `WebSocket.readyState` of an open socket (the Workers types only have it as an instance field). */
export const WEBSOCKET_OPEN = 1;

/** What a graphql-ws connection object calls on a watch object (`ResourceWatch` implements it). */
export interface WatchRpc extends Rpc.DurableObjectBranded {
  /** Attaches one subscription of a connection object (starts polling with its credentials). */
  attach(request: AttachRequest): Promise<void>;
  /** Detaches one subscription; idempotent. */
  detach(connectionId: string, subscriptionId: string): Promise<void>;
  /** SSE bridges attach through a WebSocket upgrade. */
  fetch(request: Request): Promise<Response>;
}

/** What a watch object calls on a graphql-ws connection object (`GraphQLWsConnection` implements it). */
export interface ConnectionRpc extends Rpc.DurableObjectBranded {
  /** New events for one operation; false when the operation is gone, so the watch object drops it. */
  deliver(operationId: string, events: WatchEvent[]): Promise<boolean>;
  /** Takes the WebSocket upgrade the Worker forwards. */
  fetch(request: Request): Promise<Response>;
}

/** The subscription bindings of the Worker's `env` (declared here, typed by the interfaces above). */
export interface SubscriptionBindings {
  /** The Durable Object that polls one watched job or dataset and fans changes out. */
  JOB_WATCH?: DurableObjectNamespace<WatchRpc>;
  /** The Durable Object that holds hibernatable graphql-ws WebSockets. */
  WS_CONNECTION?: DurableObjectNamespace<ConnectionRpc>;
}

/** What the subscription Durable Objects receive as `env`: the settings and the subscription bindings. */
export interface SubscriptionEnv extends GatewayVars, SubscriptionBindings {}

/** The `JOB_WATCH` namespace (one watch object per project and watched job or dataset). Throws when unbound. */
export function watchNamespace(env: SubscriptionBindings): DurableObjectNamespace<WatchRpc> {
  if (env.JOB_WATCH === undefined) throw new Error("The JOB_WATCH Durable Object binding is missing (wrangler.toml).");
  return env.JOB_WATCH;
}

/** The `WS_CONNECTION` namespace (one connection object per socket). Throws when unbound. */
export function connectionNamespace(env: SubscriptionBindings): DurableObjectNamespace<ConnectionRpc> {
  if (env.WS_CONNECTION === undefined) {
    throw new Error("The WS_CONNECTION Durable Object binding is missing (wrangler.toml).");
  }
  return env.WS_CONNECTION;
}
