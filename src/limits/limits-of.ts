/**
 * Where a request's limits live: the Worker entry reads them from `env` once per request and passes them in Yoga's
 * server context (only the entry touches `env`); the plugins read them back from the GraphQL context with this.
 */
import { DEFAULT_LIMITS, type LimitSettings } from "./limit-settings";

/** The server-context field that carries the limits. */
export interface WithLimits {
  limits?: LimitSettings | undefined;
}

/** The limits in a Yoga context, or {@link DEFAULT_LIMITS} when the entry set none (a test's bare Yoga). */
export function limitsOf(context: unknown): LimitSettings {
  if (typeof context === "object" && context !== null && "limits" in context) {
    const limits = (context as WithLimits).limits;
    if (limits !== undefined) return limits;
  }
  return DEFAULT_LIMITS;
}
