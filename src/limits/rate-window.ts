/**
 * The counting rule of the per-caller rate limits, as pure code (the counter Durable Object holds one
 * {@link RateWindows} per caller): a fixed window per budget that opens with the first request it counts and lasts a
 * minute. A request is counted only when every budget it is charged to has room, so a refused request costs nothing
 * and a client that waits out `Retry-After` is served. The window's end is known, so the refusal says exactly how
 * long to wait.
 */
import type { RateLimitSettings } from "./rate-limit-settings";

/** The budgets a request may be charged to. */
export type RateBudget = "requests" | "subscriptions";

/** One budget a request is charged to, with its maximum per window (positive: a budget that is off is not charged). */
export interface RateCharge {
  budget: RateBudget;
  max: number;
}

/** What a take decided: allowed, or refused by the first full budget with the seconds until its window ends. */
export type RateDecision =
  { allowed: true } | { allowed: false; budget: RateBudget; max: number; retryAfterSeconds: number };

/** One budget's window: when it opened (ms since the epoch) and what it has counted. */
interface RateWindow {
  openedAt: number;
  count: number;
}

/** The length of every window: the settings are per minute. */
export const RATE_WINDOW_MS = 60_000;

/** One caller's windows, by budget. */
export type RateWindows = Map<RateBudget, RateWindow>;

/**
 * Charges one request to `charges` at `now`: refused (nothing counted) when any budget is full, else counted in each.
 * `retryAfterSeconds` is at least 1 (HTTP's `Retry-After` is in whole seconds). Never throws.
 */
export function takeFromWindows(windows: RateWindows, charges: readonly RateCharge[], now: number): RateDecision {
  const current = charges.map((charge) => {
    const window = windows.get(charge.budget);
    // A window that has ended (or a clock that went back) starts afresh.
    const live =
      window !== undefined && now >= window.openedAt && now < window.openedAt + RATE_WINDOW_MS
        ? window
        : { openedAt: now, count: 0 };
    return { charge, window: live };
  });
  for (const { charge, window } of current) {
    if (window.count >= charge.max) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.openedAt + RATE_WINDOW_MS - now) / 1000));
      return { allowed: false, budget: charge.budget, max: charge.max, retryAfterSeconds };
    }
  }
  for (const { charge, window } of current)
    windows.set(charge.budget, { openedAt: window.openedAt, count: window.count + 1 });
  return { allowed: true };
}

/** What one request costs: a request always, a subscription start also a subscription; budgets that are off, nothing. */
export function chargesFor(kind: "request" | "subscription", settings: RateLimitSettings): RateCharge[] {
  const charges: RateCharge[] = [];
  if (settings.requestsPerMinute > 0) charges.push({ budget: "requests", max: settings.requestsPerMinute });
  if (kind === "subscription" && settings.subscriptionsPerMinute > 0) {
    charges.push({ budget: "subscriptions", max: settings.subscriptionsPerMinute });
  }
  return charges;
}
