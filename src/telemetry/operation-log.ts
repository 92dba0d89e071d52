/**
 * The operation log: one JSON line per GraphQL operation (`console.log` of one object, so Workers Logs index its
 * fields), with its trace id, name, type, document hash, duration, upstream calls and wait, error codes, caller and
 * transport. Never a secret and never a variable's value: the caller is a principal's name or a short fingerprint of
 * the caller's own upstream credentials, and the document is named by its hash (the same sha256 hex a trusted
 * documents manifest uses as its id).
 *
 * The gateway's other log lines (upstream failure warnings, unexpected errors: `src/logger.ts`) stay as they are.
 */
import { sha256HexOnce } from "../encoding/sha256-hex";
import { perEnv } from "../per-env";

/** Which operations get a line: every one, those whose answer holds an error, or none. */
export type OperationLogLevel = "all" | "errors" | "off";

/** The setting of the operation log. */
export interface OperationLogEnv {
  /** `all` (default; also `true`, `on`), `errors` (operations that answered an error), `off` (also `false`). */
  OPERATION_LOGS?: string | undefined;
}

/**
 * Reads `OPERATION_LOGS` once per isolate: see {@link OperationLogEnv}. An unknown value gives the default, `all`.
 * Never throws.
 */
export const operationLogLevel: (env: OperationLogEnv) => OperationLogLevel = perEnv((env: OperationLogEnv) => {
  const value = env.OPERATION_LOGS?.trim().toLowerCase();
  if (value === "off" || value === "false") return "off";
  if (value === "errors") return "errors";
  return "all";
});

/** How an operation arrived: SSE is an HTTP subscription. */
export type OperationTransport = "http" | "sse" | "graphql-ws";

/** The fields of one operation's log line (and of its metrics). */
export interface OperationLogEntry {
  /** Always `graphql operation`: what Workers Logs shows as the line's message, and a field to filter on. */
  readonly message: "graphql operation";
  /** The trace id of the operation (`RequestTelemetry.traceId`). */
  readonly traceId: string;
  /** The operation's name; null for an anonymous operation or one refused before it was read. */
  readonly operationName: string | null;
  /** `query`, `mutation`, `subscription`; null when refused before the document was read. */
  readonly operationType: string | null;
  /** sha256 hex of the document's text; null when none came (or a trusted document id that was not found). */
  readonly documentHash: string | null;
  /** Milliseconds from the request's start to the operation's end (an SSE stream: to its end). */
  readonly durationMs: number;
  /** Upstream requests sent (retries included). */
  readonly upstreamCalls: number;
  /** Milliseconds during which at least one upstream call was in flight. */
  readonly upstreamWaitMs: number;
  /** Failed upstream attempts by failure (`http`, `timeout`, …); empty when none failed. */
  readonly upstreamFailures: Readonly<Record<string, number>>;
  /** `ok`, or `error` when the answer held at least one error. */
  readonly outcome: "ok" | "error";
  /** The `extensions.code` of each error of the answer, in order (`INTERNAL_SERVER_ERROR` for a masked one). */
  readonly errorCodes: readonly string[];
  /** Who called: a principal's name, `key:<fingerprint>` for a caller's own upstream keys, or `anonymous`. */
  readonly caller: string;
  /** How the operation arrived. */
  readonly transport: OperationTransport;
}

/**
 * What the label reads of a caller (`OperationCaller` of `server-context.ts`, structurally: this module stays free of
 * the Worker's types).
 */
export interface LabelledCaller {
  readonly principal?: { readonly name: string } | undefined;
  credentials(): Readonly<Partial<Record<string, { readonly source: string; readonly credentials: unknown }>>>;
}

/** Fingerprint length in hex digits: 48 bits, enough to tell callers apart, far too few to find a key from. */
const FINGERPRINT_DIGITS = 12;

/**
 * The caller's label for logs and metrics: the principal's name (a token's `name`, a JWT's `sub`) when the gateway
 * verified one; else `key:<12 hex>`, a fingerprint of the caller's own upstream credentials (sha256 over every
 * backend's, never the keys themselves); else `anonymous` (no caller, or server-held credentials with gateway auth
 * off). Never throws: a caller whose credentials cannot be read is `unknown`.
 */
export function callerLabel(caller: LabelledCaller | undefined): string {
  if (caller === undefined) return "anonymous";
  if (caller.principal !== undefined) return caller.principal.name;
  let own: string[];
  try {
    own = Object.entries(caller.credentials())
      .filter(([, found]) => found?.source === "request")
      .map(([provider, found]) => `${provider}=${JSON.stringify(found?.credentials)}`)
      .sort();
  } catch {
    return "unknown";
  }
  if (own.length === 0) return "anonymous";
  return `key:${sha256HexOnce(`caller-fingerprint\n${own.join("\n")}`).slice(0, FINGERPRINT_DIGITS)}`;
}

/** The JSON line of `entry`, as `console.log` prints it. Never throws. */
export function operationLogLine(entry: OperationLogEntry): string {
  return JSON.stringify(entry);
}

/** Whether `entry` gets a line at `level`. */
export function shouldLog(level: OperationLogLevel, entry: Pick<OperationLogEntry, "outcome">): boolean {
  return level === "all" || (level === "errors" && entry.outcome === "error");
}
