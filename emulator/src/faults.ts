/**
 * Injected faults for the control API: fixed and random latency, a share of error answers, a share of 429s, all
 * limited to paths matching a regular expression. Pure decisions here; the Worker entry sleeps and answers.
 */
import { badRequest, codeForStatus } from "./errors";

/** The fault settings of `POST /__emulator/faults` (every field optional). */
export interface FaultSettings {
  latencyMs?: number;
  jitterMs?: number;
  errorRate?: number;
  /** Status of injected errors; default 503. */
  errorStatus?: number;
  throttleRate?: number;
  /** `Retry-After` of injected 429s; default 1. */
  retryAfterSeconds?: number;
  /** Only paths (without query) that match this regular expression are affected. */
  path?: string;
}

/**
 * The wire body of an injected error, in a platform's error shape: `status` is the HTTP status, `message` says it
 * was injected. Nexus answers `{code, message}` ({@link nexusFaultBody}); ModelArts `{error_code, error_msg}`.
 */
export type FaultBody = (status: number, message: string) => unknown;

/** Nexus's error shape for injected errors: `{code, message}`, the code following the status. */
export const nexusFaultBody: FaultBody = (status, message) => ({ code: codeForStatus(status), message });

/** What to do with one request: wait `delayMs`, then answer `response` (a fault) or pass it on. */
export interface FaultDecision {
  delayMs: number;
  response?: Response;
}

/** Checks that `path` compiles; a 400 naming `path` when it does not. */
export function checkFaultPath(settings: FaultSettings): void {
  if (settings.path === undefined) return;
  try {
    new RegExp(settings.path);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw badRequest(`path: expected a valid regular expression, got ${JSON.stringify(settings.path)} (${detail})`);
  }
}

/**
 * Decides the fault for a request path. `random` draws from [0, 1) (injectable for unit tests); `body` builds the
 * error bodies in the platform's shape (default Nexus's `{code, message}`).
 */
export function decideFault(
  settings: FaultSettings | undefined,
  path: string,
  random: () => number = Math.random,
  body: FaultBody = nexusFaultBody,
): FaultDecision {
  if (settings === undefined) return { delayMs: 0 };
  if (settings.path !== undefined && !new RegExp(settings.path).test(path)) return { delayMs: 0 };
  const delayMs = (settings.latencyMs ?? 0) + Math.floor(random() * (settings.jitterMs ?? 0));
  const draw = random();
  const errorRate = settings.errorRate ?? 0;
  if (draw < errorRate) {
    const status = settings.errorStatus ?? 503;
    return {
      delayMs,
      response: Response.json(body(status, `Injected fault: ${status} for ${path}`), { status }),
    };
  }
  if (draw < errorRate + (settings.throttleRate ?? 0)) {
    const retryAfter = settings.retryAfterSeconds ?? 1;
    return {
      delayMs,
      response: Response.json(body(429, `Too many requests: retry after ${retryAfter} s`), {
        status: 429,
        headers: { "Retry-After": String(retryAfter) },
      }),
    };
  }
  return { delayMs };
}
