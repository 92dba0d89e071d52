/**
 * The path of an API request through the Worker: look up the faults, wait out injected latency, answer an
 * injected error or pass the request to the state, then record `{method, path, query, status, durationMs, bytes,
 * keyId, traceparent}` in the request log (injected faults included: they are what the client saw). `bytes` is the answer body's length, so
 * that benchmarks can count what a gateway reads from the upstream, not only how often; `keyId` (key-id.ts) says which
 * credential the request carried, so that tests of key rotation can tell them apart; `traceparent` which trace and
 * span of the caller's the request belongs to.
 */
import { decideFault, NEXUS_FAULT_ANSWERS, type FaultAnswers, type FaultSettings } from "./faults";
import { drainBody } from "./drain-body";
import { errorResponse } from "./errors";
import { keyIdOfHeader } from "./key-id";
import type { RequestLogEntry } from "./types";

/** The state operations an API request needs (the Durable Object implements them over RPC and fetch). */
export interface ApiBackend {
  fetch(request: Request): Promise<Response>;
  faults(): Promise<FaultSettings | undefined>;
  record(entry: RequestLogEntry): Promise<void>;
}

/** How a platform words the answers the front door makes itself (Nexus's by default). */
export interface FrontDoorWire {
  /** Injected faults. */
  faults: FaultAnswers;
  /** The answer when the state object itself fails. */
  errorResponse(error: unknown): Response;
  /** The header that carries the platform's credential, whose key id (key-id.ts) the request log records. */
  keyHeader: string;
}

const NEXUS_WIRE: FrontDoorWire = { faults: NEXUS_FAULT_ANSWERS, errorResponse, keyHeader: "Secret-Key" };

/**
 * Serves one API request with faults applied, and records it. Never throws for a failure of the state object.
 * `wire` words the front door's own answers (default: Nexus's `{code, message}`).
 */
export async function serveApi(
  request: Request,
  backend: ApiBackend,
  wire: FrontDoorWire = NEXUS_WIRE,
): Promise<Response> {
  const started = Date.now();
  const url = new URL(request.url);
  // Read before the state object consumes the request; the log holds the key's id, never the key.
  const keyId = await keyIdOfHeader(request, wire.keyHeader);
  const decision = decideFault(await backend.faults(), url.pathname, Math.random, wire.faults);
  if (decision.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
  let response: Response;
  if (decision.response === undefined) {
    try {
      response = await backend.fetch(request);
    } catch (error) {
      // The state object itself failed (not a handler: those answer {code, message}); still answer JSON, no stack.
      response = wire.errorResponse(error);
    }
  } else {
    response = decision.response;
    await drainBody(request);
  }
  // Read the body once to know its length, and answer with the bytes read.
  const body = response.body === null ? null : await response.arrayBuffer();
  response = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  await backend.record({
    method: request.method,
    path: url.pathname,
    query: url.search.replace(/^\?/, ""),
    status: response.status,
    durationMs: Math.max(0, Date.now() - started),
    bytes: body?.byteLength ?? 0,
    keyId,
    traceparent: request.headers.get("traceparent"),
  });
  return response;
}
