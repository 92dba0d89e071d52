/**
 * The gateway Worker's settings and bindings: the only description of `env`, owned by the Worker entry. Plain-text
 * vars arrive as strings; each module that reads one validates it and falls back to its documented default. The
 * Durable Object bindings are typed by the RPC interfaces their callers declare (`subscriptions/bindings.ts`), not by
 * the classes, so nothing below the entry imports a Durable Object class.
 */
import type { RateLimitBindings } from "./limits/rate-limit-bindings";
import type { SubscriptionBindings } from "./subscriptions/bindings";
import type { GatewayVars } from "./vars";

/** The Worker's `env`: plain-text vars and secrets (`vars.ts`), and the bindings (the rate-limit counters' too). */
export interface GatewayEnv extends GatewayVars, SubscriptionBindings, RateLimitBindings {
  /** GraphiQL's own files (`@graphql-yoga/graphiql`'s `dist/`), served at `/graphiql/` (see graphiql-assets.ts). */
  ASSETS?: Fetcher;
  /**
   * The Workers Analytics Engine dataset that receives the metrics (`telemetry/metrics.ts`; wrangler.toml's
   * `[[analytics_engine_datasets]]`). Unbound: no metrics are written.
   */
  METRICS?: AnalyticsEngineDataset;
}
