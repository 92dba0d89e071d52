/**
 * When to poll next: pure arithmetic over the settings, so that the watch Durable Object only sets alarms.
 *
 * - Something changed: back to the base interval (people are watching a moving job).
 * - Nothing changed: grow by half, up to the maximum (a waiting job costs less and less).
 * - A transient failure: exponential backoff from the base interval, up to the maximum, and never sooner than the
 *   upstream's `Retry-After`.
 */
import type { SubscriptionSettings } from "./settings";

/** The part of the settings the schedule needs. */
export type PollScheduleSettings = Pick<SubscriptionSettings, "pollIntervalMs" | "pollMaxIntervalMs">;

/** The interval after a successful poll: the base interval when something changed, else 1.5× the last, capped. */
export function nextIntervalAfterSuccess(
  settings: PollScheduleSettings,
  lastIntervalMs: number,
  changed: boolean,
): number {
  if (changed) return settings.pollIntervalMs;
  return Math.min(settings.pollMaxIntervalMs, Math.max(settings.pollIntervalMs, Math.round(lastIntervalMs * 1.5)));
}

/**
 * The delay before retrying after the `failures`-th transient failure in a row (1 for the first):
 * base × 2^(failures−1), capped at the maximum, but at least `retryAfterSeconds` when the upstream sent one.
 */
export function retryDelayAfterFailure(
  settings: PollScheduleSettings,
  failures: number,
  retryAfterSeconds: number | undefined,
): number {
  const exponent = Math.max(0, Math.min(failures - 1, 20));
  const backoff = Math.min(settings.pollMaxIntervalMs, settings.pollIntervalMs * 2 ** exponent);
  const upstreamAsked = retryAfterSeconds !== undefined && retryAfterSeconds > 0 ? retryAfterSeconds * 1000 : 0;
  return Math.max(backoff, upstreamAsked);
}
