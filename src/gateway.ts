/**
 * The GraphQL server: Yoga over the executable schema, built once per isolate. GraphQL at `/graphql` (GET and
 * POST, multipart uploads, SSE subscriptions), GraphiQL on a browser GET. Every error passes through
 * `toGraphQLError`, the one mapping to `extensions.code`; anything unexpected is masked.
 *
 * The one plugin chain of every transport: HTTP and SSE through `gateway.fetch`, graphql-ws through
 * `gateway.getEnveloped(initialContext)` (the connection object), with the same {@link GatewayServerContext}. The
 * gateway sees no binding: the transport hands it the caller and the live port (`server-context.ts`).
 */
import { createYoga, type GraphiQLOptions, type YogaServerInstance } from "graphql-yoga";
import { createContext, type GatewayContext } from "./context";
import { toGraphQLError } from "./errors";
import { GRAPHIQL_DEFAULT_QUERY } from "./graphiql-default-query";
import { createGatewayLogger } from "./logger";
import { useSubscriptionDeadline } from "./plugins/use-subscription-deadline";
import { useCodedHttpErrors } from "./plugins/use-coded-http-errors";
import { useOperationLimits } from "./plugins/use-operation-limits";
import { useOperationRefusals } from "./plugins/use-operation-refusals";
import { useOperationRefusalTelemetry, useOperationTelemetry } from "./plugins/use-operation-telemetry";
import { useResultShaping } from "./plugins/use-result-shaping";
import { renderGraphiQLPage } from "./pages/graphiql-page";
import { useTrustedDocuments } from "./plugins/use-trusted-documents";
import { useTracing } from "./plugins/use-tracing";
import { schema } from "./schema";
import { callerOf, type GatewayServerContext } from "./server-context";
// The gateway's own authentication and what browsers may do (CORS, CSRF, GraphiQL, introspection).
import { corsOptionsFor } from "./browser/cors-policy";
import { graphiqlWhenEnabled } from "./browser/graphiql-setting";
import { useCsrfPrevention } from "./plugins/use-csrf-prevention";
import { useEventExecution } from "./plugins/use-event-execution";
import { useGatewayAuth } from "./plugins/use-gateway-auth";
import { useIntrospectionSetting } from "./plugins/use-introspection-setting";
import { useVaryOrigin } from "./plugins/use-vary-origin";

export type { GatewayServerContext } from "./server-context";

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
  // Every transport runs the envelop hooks (onEnveloped, onParse, onValidate, onContextBuilding, onExecute,
  // onSubscribe) of each plugin. HTTP-only by nature, on hooks graphql-ws never reaches: CSRF (a browser form),
  // CORS and Vary (HTTP response headers), coded HTTP error bodies; graphql-ws has its own checks for those cases
  // (the upgrade's Origin in the Worker entry, close codes in the protocol core).
  // The operation log and metrics wrap the rest: first to see a refusal the plugins between stop an execution with,
  // last to see the final result (plugins/use-operation-telemetry.ts).
  plugins: [
    useOperationRefusalTelemetry(),
    useCsrfPrevention(),
    useGatewayAuth(),
    useTrustedDocuments(),
    useOperationLimits(),
    // The rate, scopes and cost of an operation about to run, in that order, in one hook.
    useOperationRefusals(),
    // The field errors of lists over several backends, then the cap on the result's size.
    useResultShaping(),
    useCodedHttpErrors(),
    useIntrospectionSetting(),
    useVaryOrigin(),
    useSubscriptionDeadline(),
    useEventExecution(),
    useOperationTelemetry(),
    // Last: its `onResponse` ends the trace with the status the answer really has (after the coded HTTP errors).
    useTracing(),
  ],
  // GraphiQL's page is our own: every file from this Worker, not a CDN, and shared links open what they say.
  renderGraphiQL: renderGraphiQLPage,
  logging: createGatewayLogger(),
  maskedErrors: {
    maskError: (error) => toGraphQLError(error),
  },
  context: (initial) => {
    // The caller's credentials as its transport read them (use-gateway-auth.ts, or the socket's connection_init),
    // on first use; the environment's only where the gateway's authentication allowed them. No caller: none.
    const caller = callerOf(initial);
    return createContext(initial.env, caller === undefined ? {} : () => caller.credentials(), {
      ...(initial.live === undefined ? {} : { live: initial.live }),
      ...(initial.telemetry === undefined ? {} : { observer: initial.telemetry.upstreamObserver }),
    });
  },
});
