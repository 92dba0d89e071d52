/**
 * The gateway Worker's entry: the only module that sees `ExportedHandler` and the raw `env`. HTTP (and SSE) goes
 * to Yoga on `/graphql`, WebSocket upgrades there go to a connection Durable Object; `/` says where to go.
 */
import type { GatewayEnv } from "./env";
import { gateway, GRAPHQL_PATH } from "./gateway";
import { isGraphiQLAssetRequest, serveGraphiQLAsset } from "./graphiql-assets";
import { limitRequestBody } from "./limits/request-body-limit";
import { limitSettingsFromEnv } from "./limits/limit-settings";
import { createLivePort } from "./subscriptions/live-port";
import { forwardWebSocketUpgrade, isWebSocketUpgrade } from "./subscriptions/websocket-upgrade";
import { foreignOriginRefusal } from "./browser/websocket-origin";
import { faviconResponse, isFaviconRequest } from "./pages/favicon";
import { jobsPageResponse } from "./pages/jobs-page";

// The subscription Durable Objects (wrangler.toml binds them as JOB_WATCH and WS_CONNECTION).
export { GraphQLWsConnection } from "./subscriptions/graphql-ws-connection";
export { ResourceWatch } from "./subscriptions/resource-watch";

/** The Worker: GraphQL (HTTP, SSE, WebSocket) on `/graphql`, a pointer to it on `/`, the jobs page on `/jobs`. */
export default {
  async fetch(request, env, executionContext): Promise<Response> {
    // graphql-transport-ws on /graphql: one hibernatable connection object per socket.
    // A browser page on a foreign origin may not open one (cross-site WebSocket hijacking).
    if (isWebSocketUpgrade(request, GRAPHQL_PATH)) {
      return foreignOriginRefusal(request, env) ?? forwardWebSocketUpgrade(request, env);
    }
    const url = new URL(request.url);
    if (isGraphiQLAssetRequest(url)) return serveGraphiQLAsset(request, url, env.ASSETS);
    if (isFaviconRequest(url)) return faviconResponse();
    // The live jobs page when JOBS_PAGE=true; otherwise its paths are unknown to the gateway (404 below).
    const page = jobsPageResponse(request, url, env);
    if (page !== null) return page;
    if (url.pathname === "/") {
      return new Response(`ML batch GraphQL gateway: GraphQL and GraphiQL at ${GRAPHQL_PATH}\n`, {
        headers: { "content-type": "text/plain; charset=utf-8" },
      });
    }
    // The limits (parsed once per isolate, see per-env.ts); the body cap applies before Yoga reads the body.
    const limits = limitSettingsFromEnv(env);
    const limited = await limitRequestBody(request, limits.maxRequestBytes);
    if (limited instanceof Response) return limited;
    // The request's signal aborts when an SSE client goes, which ends its streams.
    return gateway.fetch(limited, {
      env,
      executionContext,
      limits,
      live: (backends) => createLivePort(env, backends, limited.signal),
    });
  },
} satisfies ExportedHandler<GatewayEnv>;
