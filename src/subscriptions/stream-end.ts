/**
 * How a stream says it ends for a reason of its own, not because what it watches reached its terminal state: one
 * final error with code `SUBSCRIPTION_ENDED`, `extensions.reason` and `extensions.retryAfterSeconds` (0: subscribe
 * again now), then the stream completes. A client tells it from the watched object's end (which completes without
 * an error) and from the upstream's refusals (`FORBIDDEN`, `NOT_FOUND`, `UPSTREAM_UNAVAILABLE`, …, which say what
 * went wrong), and knows it may subscribe again and get the current state at once.
 */
import type { WatchEvent } from "./topics";

/** The code of a stream's own end. */
export const SUBSCRIPTION_ENDED = "SUBSCRIPTION_ENDED";

/**
 * Why a stream ended:
 * - `MAX_LIFETIME`: an SSE stream reached `SUBSCRIPTION_MAX_LIFETIME_MS`;
 * - `INTERRUPTED`: its watch object went away without a last event (it restarted, or dropped the stream);
 * - `DELIVERY_FAILED`: a graphql-ws subscription's events could not be handed over in time, so its watch object
 *   let it go (the connection object was unreachable or too slow).
 */
export type SubscriptionEndReason = "MAX_LIFETIME" | "INTERRUPTED" | "DELIVERY_FAILED";

const MESSAGES: Readonly<Record<SubscriptionEndReason, string>> = {
  MAX_LIFETIME: "The live update stream reached its maximum lifetime; subscribe again to go on.",
  INTERRUPTED: "The live update stream was interrupted; subscribe again to go on.",
  DELIVERY_FAILED: "The live update stream could not deliver its events in time; subscribe again to go on.",
};

/** The final event of a stream that ends for `reason`; `retryAfterSeconds` 0 (the default) means at once. */
export function subscriptionEndedEvent(reason: SubscriptionEndReason, retryAfterSeconds = 0): WatchEvent {
  return {
    type: "error",
    error: { message: MESSAGES[reason], extensions: { code: SUBSCRIPTION_ENDED, reason, retryAfterSeconds } },
  };
}
