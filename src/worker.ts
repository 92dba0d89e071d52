/**
 * The gateway Worker's entry: the only module that sees `ExportedHandler` and the raw `env`. HTTP (and SSE) goes
 * to Yoga on `/graphql`, WebSocket upgrades there go to a connection Durable Object; `/` says where to go.
 */
import { withEmulatorSettings } from "./emulator-settings";
import type { GatewayEnv } from "./env";
import { gateway, GRAPHQL_PATH } from "./gateway";
import { isGraphiQLAssetRequest, serveGraphiQLAsset } from "./graphiql-assets";
import { limitRequestBody } from "./limits/request-body-limit";
import { limitSettingsFromEnv } from "./limits/limit-settings";
import { RateLimitCounter as CounterObject } from "./limits/rate-limit-counter";
import { upgradeRateRefusal } from "./limits/upgrade-rate-limit";
import { createLivePort } from "./subscriptions/live-port";
import { forwardWebSocketUpgrade, isWebSocketUpgrade } from "./subscriptions/websocket-upgrade";
import { foreignOriginRefusal } from "./browser/websocket-origin";
import { faviconResponse, isFaviconRequest } from "./pages/favicon";
import { jobsPageResponse } from "./pages/jobs-page";
import { GraphQLWsConnection as SocketConnection } from "./subscriptions/graphql-ws-connection";
import { ResourceWatch as WatchObject } from "./subscriptions/resource-watch";
import { createRequestTelemetry } from "./telemetry/request-telemetry";
import { serverTimingEnabled, withServerTiming } from "./telemetry/server-timing";
import { workTracerFromEnv } from "./telemetry/tracing";

// The subscription Durable Objects (wrangler.toml binds them as JOB_WATCH and WS_CONNECTION), each given the same
// settings as the Worker's requests (with EMULATOR_URL's defaults applied, see emulator-settings.ts).

/** One graphql-ws socket (`subscriptions/graphql-ws-connection.ts`). */
export class GraphQLWsConnection extends SocketConnection {
  constructor(ctx: DurableObjectState, env: GatewayEnv) {
    super(ctx, withEmulatorSettings(env));
  }
}

/** One watched job or dataset of one tenant (`subscriptions/resource-watch.ts`). */
export class ResourceWatch extends WatchObject {
  constructor(ctx: DurableObjectState, env: GatewayEnv) {
    super(ctx, withEmulatorSettings(env));
  }
}

/** The per-caller rate-limit counter of one caller key (`limits/rate-limit-counter.ts`); needs no settings. */
export class RateLimitCounter extends CounterObject<GatewayEnv> {}

/** The Worker: GraphQL (HTTP, SSE, WebSocket) on `/graphql`, a pointer to it on `/`, the jobs page on `/jobs`. */
export default {
  async fetch(request, rawEnv, executionContext): Promise<Response> {
    const env = withEmulatorSettings(rawEnv);
    // graphql-transport-ws on /graphql: one hibernatable connection object per socket.
    // A browser page on a foreign origin may not open one (cross-site WebSocket hijacking), and a caller past its
    // request budget gets a 429 before a connection object is made for it.
    if (isWebSocketUpgrade(request, GRAPHQL_PATH)) {
      return (
        foreignOriginRefusal(request, env) ??
        (await upgradeRateRefusal(request, env)) ??
        forwardWebSocketUpgrade(request, env)
      );
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
    // The telemetry starts before the body is read, so Server-Timing's total covers the body cap's 413 too.
    const telemetry = createRequestTelemetry("http", request.headers.get("traceparent"), workTracerFromEnv(env));
    const limits = limitSettingsFromEnv(env);
    const limited = await limitRequestBody(request, limits.maxRequestBytes);
    // The request's signal aborts when an SSE client goes, which ends its streams.
    const response =
      limited instanceof Response
        ? limited
        : await gateway.fetch(limited, {
            env,
            executionContext,
            limits,
            live: (backends) => createLivePort(env, backends, limited.signal),
            telemetry,
          });
    return serverTimingEnabled(env) ? withServerTiming(response, telemetry) : response;
  },
} satisfies ExportedHandler<GatewayEnv>;
