/**
 * The gateway Worker's entry: the only module that sees `ExportedHandler` and the raw `env`. HTTP (and SSE) goes
 * to Yoga on `/graphql`; `/` says where to go.
 */
import type { GatewayEnv } from "./env";
import { gateway, GRAPHQL_PATH } from "./gateway";

export default {
  async fetch(request, env, executionContext): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/") {
      return new Response(`ML batch GraphQL gateway: GraphQL and GraphiQL at ${GRAPHQL_PATH}\n`, {
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    }
    return gateway.fetch(request, { env, executionContext });
  },
} satisfies ExportedHandler<GatewayEnv>;
