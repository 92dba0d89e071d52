/**
 * What one request hands its upstream clients: its deadline, its retry settings and, per upstream and tenant, the
 * isolate's circuit breaker. Backend-neutral: a backend's client takes these options and applies them per call.
 */
import { circuitBreakerFor, type CircuitBreaker } from "./circuit-breaker";
import { createDeadline, type Deadline } from "./deadline";
import {
  MAX_RETRIES_PER_CALL,
  RETRY_BASE_DELAY_MS,
  upstreamSettingsFromEnv,
  type UpstreamSettings,
  type UpstreamSettingsEnv,
} from "./settings";

/** The resilience options of one upstream client, in the names the clients take. */
export interface UpstreamClientOptions {
  deadline: Deadline;
  breaker: CircuitBreaker;
  retryBudget: number;
  maxRetriesPerCall: number;
  retryBaseDelayMs: number;
  maxRetryAfterMs: number;
}

/** One request's guards: see the module comment. Made by {@link createUpstreamGuards}. */
export interface UpstreamGuards {
  /** The request's settings, validated. */
  readonly settings: UpstreamSettings;
  /** The request's deadline, started when the guards were made. */
  readonly deadline: Deadline;
  /**
   * The options of a client of `upstream` (its base URL) for `tenant` (the project): the request's deadline, the
   * retry settings, and the breaker of that upstream and tenant. The retry budget is per client, and the gateway
   * makes one client per request.
   */
  clientOptions(upstream: string, tenant: string): UpstreamClientOptions;
}

/** Reads the settings from `env` and starts the request's deadline now. Never throws. */
export function createUpstreamGuards(env: UpstreamSettingsEnv): UpstreamGuards {
  const settings = upstreamSettingsFromEnv(env);
  const deadline = createDeadline(settings.requestDeadlineMs);
  return {
    settings,
    deadline,
    clientOptions: (upstream, tenant) => ({
      deadline,
      breaker: circuitBreakerFor(upstream, tenant, {
        failureThreshold: settings.breakerFailureThreshold,
        coolDownMs: settings.breakerCoolDownMs,
      }),
      retryBudget: settings.retryBudget,
      maxRetriesPerCall: MAX_RETRIES_PER_CALL,
      retryBaseDelayMs: RETRY_BASE_DELAY_MS,
      maxRetryAfterMs: settings.maxRetryAfterMs,
    }),
  };
}
