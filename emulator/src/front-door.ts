/**
 * The path of an API request through the Worker: look up the faults, wait out injected latency, answer an
 * injected error or pass the request to the state, then record `{method, path, query, status, durationMs}` in the
 * request log (injected faults included: they are what the client saw).
 */
import { decideFault, nexusFaultBody, type FaultBody, type FaultSettings } from "./faults";
import { drainBody } from "./drain-body";
import { errorResponse } from "./errors";
import type { RequestLogEntry } from "./types";

/** The state operations an API request needs (the Durable Object implements them over RPC and fetch). */
export interface ApiBackend {
  fetch(request: Request): Promise<Response>;
  faults(): Promise<FaultSettings | undefined>;
  record(entry: RequestLogEntry): Promise<void>;
}

/** A platform's error shapes: for injected faults, and for a state object that failed outright. */
export interface ErrorShapes {
  faultBody: FaultBody;
  errorResponse: (error: unknown) => Response;
}

/** Nexus's `{code, message}`, the default. */
const NEXUS_ERRORS: ErrorShapes = { faultBody: nexusFaultBody, errorResponse };

/**
 * Serves one API request with faults applied, and records it. Errors are in the shape of `shapes` (default Nexus's).
 * Never throws for a failure of the state object.
 */
export async function serveApi(request: Request, backend: ApiBackend, shapes: ErrorShapes = NEXUS_ERRORS): Promise<Response> {
  const started = Date.now();
  const url = new URL(request.url);
  const decision = decideFault(await backend.faults(), url.pathname, Math.random, shapes.faultBody);
  if (decision.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
  let response: Response;
  if (decision.response === undefined) {
    try {
      response = await backend.fetch(request);
    } catch (error) {
      // The state object itself failed (not a handler: those answer {code, message}); still answer JSON, no stack.
      response = shapes.errorResponse(error);
    }
  } else {
    response = decision.response;
    await drainBody(request);
  }
  await backend.record({
    method: request.method,
    path: url.pathname,
    query: url.search.replace(/^\?/, ""),
    status: response.status,
    durationMs: Math.max(0, Date.now() - started),
  });
  return response;
}
