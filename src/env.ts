/**
 * The gateway Worker's settings and bindings: the only description of `env`. Plain-text vars arrive as strings;
 * each module that reads one validates it and falls back to its documented default.
 */
import type { GraphQLWsConnection } from "./subscriptions/graphql-ws-connection";
import type { ResourceWatch } from "./subscriptions/resource-watch";
import type { GatewayVars } from "./vars";

/** The Worker's `env`: plain-text vars and secrets (`vars.ts`), and the bindings. */
export interface GatewayEnv extends GatewayVars {
  /** GraphiQL's own files (`@graphql-yoga/graphiql`'s `dist/`), served at `/graphiql/` (see graphiql-assets.ts). */
  ASSETS?: Fetcher;
  /** Subscriptions: the Durable Object that polls one watched job or dataset and fans changes out. */
  JOB_WATCH?: DurableObjectNamespace<ResourceWatch>;
  /** Subscriptions: the Durable Object that holds hibernatable graphql-ws WebSockets. */
  WS_CONNECTION?: DurableObjectNamespace<GraphQLWsConnection>;
}
