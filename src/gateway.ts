/**
 * The GraphQL server: Yoga over the executable schema, built once per isolate. GraphQL at `/graphql` (GET and
 * POST, multipart uploads, SSE subscriptions), GraphiQL on a browser GET. Every error passes through
 * `toGraphQLError`, the one mapping to `extensions.code`; anything unexpected is masked.
 */
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import { createContext, credentialsFromHeaders, type GatewayContext } from "./context";
import type { GatewayEnv } from "./env";
import { toGraphQLError } from "./errors";
import { renderSelfHostedGraphiQL } from "./graphiql-assets";
import { GRAPHIQL_DEFAULT_QUERY } from "./graphiql-default-query";
import type { LimitSettings } from "./limits/limit-settings";
import { createGatewayLogger } from "./logger";
import { useCodedHttpErrors } from "./plugins/use-coded-http-errors";
import { useOperationLimits } from "./plugins/use-operation-limits";
import { useResponseSizeLimit } from "./plugins/use-response-size-limit";
import { schema } from "./schema";

/** What the Worker entry passes to Yoga with each request. */
export interface GatewayServerContext {
  env: GatewayEnv;
  /** The Worker's execution context, for `waitUntil`. */
  executionContext?: ExecutionContext;
  /** The request's limits, read from `env` by the Worker entry (the plugins fall back to the defaults without). */
  limits?: LimitSettings;
}

/** The path of the GraphQL endpoint (and of GraphiQL). */
export const GRAPHQL_PATH = "/graphql";


/**
 * Yoga, configured once. `context` builds the per-request {@link GatewayContext} (credentials from the headers,
 * else the environment's defaults; loaders made on first use).
 */
export const gateway: YogaServerInstance<GatewayServerContext, GatewayContext> = createYoga<
  GatewayServerContext,
  GatewayContext
>({
  schema,
  graphqlEndpoint: GRAPHQL_PATH,
  landingPage: false,
  graphiql: {
    title: "ML batch GraphQL gateway",
    defaultQuery: GRAPHIQL_DEFAULT_QUERY,
    // GraphiQL subscribes over the WebSocket (graphql-transport-ws) the Worker accepts on /graphql.
    subscriptionsProtocol: "WS",
  },
  // GraphiQL's files come from this Worker, not a CDN (see graphiql-assets.ts).
  renderGraphiQL: renderSelfHostedGraphiQL,
  logging: createGatewayLogger(),
  maskedErrors: {
    maskError: (error) => toGraphQLError(error),
  },
  plugins: [
    // Limits before any upstream call, a cap on the result, and a coded GraphQL body on every HTTP error answer.
    useOperationLimits(),
    useResponseSizeLimit(),
    useCodedHttpErrors(),
  ],
  context: ({ request, env }) => createContext(env, credentialsFromHeaders(request.headers, env)),
});
