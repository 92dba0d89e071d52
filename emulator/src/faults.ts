/**
 * Injected faults for the control API: fixed and random latency, a share of error answers (or of redirects), a
 * share of 429s, all limited to paths matching a regular expression. Pure decisions here; the Worker entry sleeps
 * and answers.
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
  /**
   * Injected errors are redirects instead: 302 with this `Location` (a client that follows would call it, and the
   * request log would show that). Default: none.
   */
  redirectTo?: string;
}

/** What to do with one request: wait `delayMs`, then answer `response` (a fault) or pass it on. */
export interface FaultDecision {
  delayMs: number;
  response?: Response;
}

/**
 * How a platform words its injected faults: the answer for an injected error status, and for an injected 429 with
 * its `Retry-After` (seconds). Each emulated platform has its own error bodies.
 */
export interface FaultAnswers {
  error(status: number, path: string): Response;
  throttled(retryAfterSeconds: number): Response;
}

/** The Nexus emulator's fault answers: `{code, message}` with Nexus codes. */
export const NEXUS_FAULT_ANSWERS: FaultAnswers = {
  error: (status, path) =>
    Response.json({ code: codeForStatus(status), message: `Injected fault: ${status} for ${path}` }, { status }),
  throttled: (retryAfter) =>
    Response.json(
      { code: "TooManyRequestsError", message: `Too many requests: retry after ${retryAfter} s` },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    ),
};

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
 * Decides the fault for a request path. `random` draws from [0, 1) (injectable for unit tests); `answers` words the
 * injected responses (default: Nexus's).
 */
export function decideFault(
  settings: FaultSettings | undefined,
  path: string,
  random: () => number = Math.random,
  answers: FaultAnswers = NEXUS_FAULT_ANSWERS,
): FaultDecision {
  if (settings === undefined) return { delayMs: 0 };
  if (settings.path !== undefined && !new RegExp(settings.path).test(path)) return { delayMs: 0 };
  const delayMs = (settings.latencyMs ?? 0) + Math.floor(random() * (settings.jitterMs ?? 0));
  const draw = random();
  const errorRate = settings.errorRate ?? 0;
  if (draw < errorRate) {
    if (settings.redirectTo !== undefined) {
      return { delayMs, response: new Response(null, { status: 302, headers: { Location: settings.redirectTo } }) };
    }
    return { delayMs, response: answers.error(settings.errorStatus ?? 503, path) };
  }
  if (draw < errorRate + (settings.throttleRate ?? 0)) {
    return { delayMs, response: answers.throttled(settings.retryAfterSeconds ?? 1) };
  }
  return { delayMs };
}

/**
 * Fault answers for a platform whose error bodies are built by `body(status, message)` (ModelArts's
 * `{error_code, error_msg}`), with the same messages and `Retry-After` as the Nexus ones.
 */
export function faultAnswersFromBody(body: (status: number, message: string) => object): FaultAnswers {
  return {
    error: (status, path) => Response.json(body(status, `Injected fault: ${status} for ${path}`), { status }),
    throttled: (retryAfter) =>
      Response.json(body(429, `Too many requests: retry after ${retryAfter} s`), {
        status: 429,
        headers: { "Retry-After": String(retryAfter) },
      }),
  };
}
