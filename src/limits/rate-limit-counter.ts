/**
 * The rate-limit counter Durable Object: one per caller key (`idFromName(key)`), which counts that caller's requests
 * and subscription starts in one-minute windows (rate-window.ts). One object per key makes the count exact across
 * every isolate and location, and a window's end is known, so a refusal carries `Retry-After`.
 *
 * The windows live in memory only, on purpose: a Durable Object is evicted only after tens of seconds without a
 * call, so a caller's object is gone only once its caller has been quiet, and the window that matters (the minute in
 * which a caller floods) is never lost that way; writing each count to storage would cost a write per request. A
 * deployment restarts the objects and so opens fresh windows: at most one more minute's budget.
 */
import { DurableObject } from "cloudflare:workers";
import type { RateCounterRpc } from "./rate-limit-bindings";
import { takeFromWindows, type RateCharge, type RateDecision, type RateWindows } from "./rate-window";

/** The counter of one caller key. Its only method is {@link RateLimitCounter.take}. */
export class RateLimitCounter<Env = unknown> extends DurableObject<Env> implements RateCounterRpc {
  private readonly windows: RateWindows = new Map();

  /**
   * Charges one request to `charges`: allowed and counted, or refused (nothing counted) with the seconds until the
   * full budget's window ends. Synchronous inside, so concurrent calls cannot interleave. Never throws.
   */
  take(charges: readonly RateCharge[]): RateDecision {
    return takeFromWindows(this.windows, charges, Date.now());
  }
}
