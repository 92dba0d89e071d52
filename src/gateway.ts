/**
 * The GraphQL server: Yoga over the executable schema, built once per isolate. GraphQL at `/graphql` (GET and
 * POST, multipart uploads, SSE subscriptions), GraphiQL on a browser GET. Every error passes through
 * `toGraphQLError`, the one mapping to `extensions.code`; anything unexpected is masked.
 */
import { createYoga, type GraphiQLOptions, type YogaServerInstance } from "graphql-yoga";
import { createContext, credentialsFromHeaders, type GatewayContext } from "./context";
import type { GatewayEnv } from "./env";
import { toGraphQLError } from "./errors";
import { GRAPHIQL_DEFAULT_QUERY } from "./graphiql-default-query";
import type { LimitSettings } from "./limits/limit-settings";
import { createGatewayLogger } from "./logger";
import { useSubscriptionDeadline } from "./plugins/use-subscription-deadline";
import { useCodedHttpErrors } from "./plugins/use-coded-http-errors";
import { useOperationLimits } from "./plugins/use-operation-limits";
import { useResponseSizeLimit } from "./plugins/use-response-size-limit";
import { renderGraphiQLPage } from "./pages/graphiql-page";
import { useTrustedDocuments } from "./plugins/use-trusted-documents";
import { schema } from "./schema";
import { createLivePort } from "./subscriptions/live-port";
// The gateway's own authentication and what browsers may do (CORS, CSRF, GraphiQL, introspection).
import { corsOptionsFor } from "./browser/cors-policy";
import { graphiqlWhenEnabled } from "./browser/graphiql-setting";
import { useCsrfPrevention } from "./plugins/use-csrf-prevention";
import { useFieldErrors } from "./plugins/use-field-errors";
import { serverHeldAccessOf, useGatewayAuth } from "./plugins/use-gateway-auth";
import { useIntrospectionSetting } from "./plugins/use-introspection-setting";
import { useVaryOrigin } from "./plugins/use-vary-origin";

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
  // The Worker entry caps the body before Yoga sees it (limits/request-body-limit.ts: Content-Length, or counted
  // when chunked). Yoga's own cap would pipe every body through a TransformStream into a new Request: about a fifth
  // of the CPU of a `{ __typename }` request, for a check already made.
  maxRequestBodySize: false,
  // GraphiQL only when GRAPHIQL=true (off in production, on in .dev.vars).
  graphiql: (_request, { env }) =>
    graphiqlWhenEnabled<GraphiQLOptions>(env, {
      title: "ML batch GraphQL gateway",
      // A newcomer's first tab; links (?query=) and a returning user's tabs come first (pages/graphiql-page.ts).
      defaultQuery: GRAPHIQL_DEFAULT_QUERY,
      // GraphiQL subscribes over the WebSocket (graphql-transport-ws) the Worker accepts on /graphql.
      subscriptionsProtocol: "WS",
    }),
  // CORS only for the origins in CORS_ORIGINS (none by default), each given back exactly, with credentials.
  // Yoga types this factory's second argument as unknown; it is the server context the Worker passes.
  cors: (request, serverContext) => corsOptionsFor(request, (serverContext as GatewayServerContext).env),
  // In this order: a cross-site form is refused before anyone is asked who they are; then the limits (before any
  // upstream call), a cap on the result and a coded GraphQL body on every HTTP error answer; a started SSE stream
  // leaves the request's deadline behind (its events resolve for as long as it lives). Trusted documents swap a
  // document id for its document first, so every rule after them sees the real document.
  plugins: [
    useCsrfPrevention(),
    useGatewayAuth(),
    useTrustedDocuments(),
    useOperationLimits(),
    useFieldErrors(),
    useResponseSizeLimit(),
    useCodedHttpErrors(),
    useIntrospectionSetting(),
    useVaryOrigin(),
    useSubscriptionDeadline(),
  ],
  // GraphiQL's page is our own: every file from this Worker, not a CDN, and shared links open what they say.
  renderGraphiQL: renderGraphiQLPage,
  logging: createGatewayLogger(),
  maskedErrors: {
    maskError: (error) => toGraphQLError(error),
  },
  context: ({ request, env }) =>
    // The credentials are read from the headers when a resolver first needs a backend (not for `{ __typename }`);
    // the environment's only where the gateway's authentication allowed them (use-gateway-auth.ts).
    createContext(env, () => credentialsFromHeaders(request.headers, env, serverHeldAccessOf(request)), {
      // Yoga's request signal aborts when an SSE client goes, which ends its streams.
      live: (backends) => createLivePort(env, backends, request.signal),
    }),
});
