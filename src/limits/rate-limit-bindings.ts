/**
 * The rate-limit counter binding as the code below the Worker entry calls it: a plain RPC interface (what the
 * plugin and the upgrade check call), not the class, so no module here imports the Durable Object class.
 */
import type { RateCharge, RateDecision } from "./rate-window";

/** What the gateway calls on a counter object (`RateLimitCounter` implements it). */
export interface RateCounterRpc extends Rpc.DurableObjectBranded {
  /** Charges one request; see `RateLimitCounter.take`. */
  take(charges: readonly RateCharge[]): RateDecision;
}

/** The rate-limit binding of the Worker's `env` (declared here, typed by the interface above). */
export interface RateLimitBindings {
  /**
   * One counter object per caller key (wrangler.toml's `RATE_LIMITER`). The Worker entry always binds it; a bare
   * Yoga in a test has none, and then nothing is rate limited.
   */
  RATE_LIMITER?: DurableObjectNamespace<RateCounterRpc>;
}
