/**
 * The Worker's WebSocket branch: a `graphql-transport-ws` upgrade on the GraphQL endpoint goes to a fresh
 * `GraphQLWsConnection` object (one per socket), which accepts it with the Hibernation API.
 */
import { connectionNamespace, type SubscriptionBindings } from "./bindings";

/** True for a WebSocket upgrade request on `endpoint` (default `/graphql`). */
export function isWebSocketUpgrade(request: Request, endpoint = "/graphql"): boolean {
  return request.headers.get("Upgrade")?.toLowerCase() === "websocket" && new URL(request.url).pathname === endpoint;
}

/** Hands the upgrade to a new connection object and returns its 101 response. */
export async function forwardWebSocketUpgrade(request: Request, env: SubscriptionBindings): Promise<Response> {
  const namespace = connectionNamespace(env);
  return namespace.get(namespace.newUniqueId()).fetch(request);
}
