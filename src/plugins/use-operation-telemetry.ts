/**
 * Yoga plugins: the operation log line and the metrics of every GraphQL operation, on every transport (HTTP, SSE,
 * graphql-ws), ended once with its final answer (`src/telemetry/operation-log.ts`, `metrics.ts`).
 *
 * Two plugins, because an operation can end at several points of the chain:
 * - {@link useOperationTelemetry}, last in the list, sees the final result of an execution (after field errors, the
 *   size cap) and of a stream (at its end), and the refusals of parse and validation. Over HTTP its
 *   `onResultProcess` ends what nothing else ended: refusals before execution (authentication, CSRF, a bad request).
 * - {@link useOperationRefusalTelemetry}, first in the list, ends an execution that a plugin between the two stopped
 *   (`setResultAndStopExecution`: scopes, limits, rate limits), whose hooks the last plugin never reaches. Needed for
 *   graphql-ws, which has no `onResultProcess`.
 *
 * Per operation, the state lives beside its `RequestTelemetry` (each graphql-ws operation and event has its own).
 * With the log off and no `METRICS` binding, every hook returns at once: no state, no hashing, no JSON.
 */
import {
  getOperationAST,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError as GraphQLErrorType,
  type Source,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GatewayEnv } from "../env";
import { toGraphQLError } from "../errors";
import { callerOf, type GatewayServerContext } from "../server-context";
import { writeOperationMetrics } from "../telemetry/metrics";
import { sha256HexOnce } from "../encoding/sha256-hex";
import { callerLabel, operationLogLevel, shouldLog, type OperationLogEntry } from "../telemetry/operation-log";
import type { RequestTelemetry } from "../telemetry/request-telemetry";

/** One operation's state until it ends. */
interface OperationState {
  readonly env: GatewayEnv;
  /** The latest context seen, where the caller is. */
  context: unknown;
  document: string | null;
  name: string | null;
  type: string | null;
  readonly codes: string[];
  /** The last plugin saw the execution start: it ends the operation. */
  reachedLast: boolean;
  emitted: boolean;
}

const states = new WeakMap<RequestTelemetry, OperationState>();

function telemetryOf(context: unknown): RequestTelemetry | undefined {
  if (typeof context !== "object" || context === null) return undefined;
  return (context as GatewayServerContext).telemetry;
}

function envOf(context: unknown): GatewayEnv | undefined {
  if (typeof context !== "object" || context === null) return undefined;
  return (context as GatewayServerContext).env;
}

/** Whether anything is recorded for `env`: a log line or metrics. */
function observing(env: GatewayEnv): boolean {
  return env.METRICS !== undefined || operationLogLevel(env) !== "off";
}

/** The operation's state, made on first sight; undefined when nothing is observed (or no telemetry came). */
function stateOf(context: unknown): { telemetry: RequestTelemetry; state: OperationState } | undefined {
  const telemetry = telemetryOf(context);
  if (telemetry === undefined) return undefined;
  let state = states.get(telemetry);
  if (state === undefined) {
    const env = envOf(context);
    if (env === undefined || !observing(env)) return undefined;
    state = { env, context, document: null, name: null, type: null, codes: [], reachedLast: false, emitted: false };
    states.set(telemetry, state);
  }
  state.context = context;
  return { telemetry, state };
}

/** Envelop types execution arguments `any` (to fit every graphql version); these are graphql 16's. */
function noteOperation(state: OperationState, args: ExecutionArgs): void {
  const document: DocumentNode = args.document;
  const operation = getOperationAST(document, args.operationName ?? undefined);
  state.name = operation?.name?.value ?? null;
  state.type = operation?.operation ?? null;
}

/** The code of each error, as the gateway's one mapping gives it (a masked error: `INTERNAL_SERVER_ERROR`). */
function noteErrors(state: OperationState, errors: readonly unknown[] | undefined): void {
  for (const error of errors ?? []) {
    const code = toGraphQLError(error).extensions["code"];
    state.codes.push(typeof code === "string" ? code : "INTERNAL_SERVER_ERROR");
  }
}

function isStream(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/** Ends the operation: its log line and metrics, once. Never throws. */
function end(telemetry: RequestTelemetry, state: OperationState): void {
  if (state.emitted) return;
  state.emitted = true;
  try {
    const entry: OperationLogEntry = {
      message: "graphql operation",
      traceId: telemetry.traceId,
      operationName: state.name,
      operationType: state.type,
      documentHash: null,
      durationMs: Math.round((performance.now() - telemetry.startedAt) * 10) / 10,
      upstreamCalls: telemetry.upstream.calls,
      upstreamWaitMs: Math.round(telemetry.upstream.waitMs * 10) / 10,
      upstreamFailures: Object.fromEntries(telemetry.upstream.failures),
      outcome: state.codes.length > 0 ? "error" : "ok",
      errorCodes: state.codes,
      caller: callerLabel(callerOf(state.context)),
      transport: telemetry.kind === "graphql-ws" ? "graphql-ws" : state.type === "subscription" ? "sse" : "http",
    };
    // One object, not a string: Workers Logs index an object's fields (README, "Logs"). The document is hashed only
    // for a line: the metrics do not name it.
    if (shouldLog(operationLogLevel(state.env), entry)) {
      console.log(state.document === null ? entry : { ...entry, documentHash: sha256HexOnce(state.document) });
    }
    if (state.env.METRICS !== undefined) writeOperationMetrics(state.env.METRICS, entry, telemetry.calls.records);
  } catch {
    // Telemetry never fails an answer.
  }
}

/** Notes `result`'s errors and ends the operation, or, for a stream, each event's errors and the end at its end. */
function endWith(telemetry: RequestTelemetry, state: OperationState, result: unknown) {
  if (isStream(result)) {
    return {
      onNext: ({ result: next }: { result: ExecutionResult }) => noteErrors(state, next.errors),
      onEnd: () => end(telemetry, state),
    };
  }
  noteErrors(state, (result as ExecutionResult).errors);
  end(telemetry, state);
  return undefined;
}

/**
 * The operation log and metrics (see the module comment): put it last in the plugin list, and
 * {@link useOperationRefusalTelemetry} first. Never throws.
 */
export function useOperationTelemetry(): Plugin {
  return {
    onParse({ context, params }) {
      const found = stateOf(context);
      if (found === undefined) return undefined;
      // Envelop types the source `any`; graphql-js's parse takes a string or a Source.
      const source = params.source as string | Source;
      found.state.document = typeof source === "string" ? source : source.body;
      return ({ result }) => {
        if (!(result instanceof Error)) return;
        found.state.codes.push("GRAPHQL_PARSE_FAILED");
        end(found.telemetry, found.state);
      };
    },
    onValidate({ context }) {
      const found = stateOf(context);
      if (found === undefined) return undefined;
      return ({ valid, result }) => {
        if (valid) return;
        for (const error of result as readonly GraphQLErrorType[]) {
          const code = error.extensions["code"];
          found.state.codes.push(typeof code === "string" ? code : "GRAPHQL_VALIDATION_FAILED");
        }
        end(found.telemetry, found.state);
      };
    },
    onExecute({ args }) {
      const found = stateOf(args.contextValue);
      if (found === undefined) return undefined;
      found.state.reachedLast = true;
      noteOperation(found.state, args);
      return { onExecuteDone: ({ result }) => endWith(found.telemetry, found.state, result) };
    },
    onSubscribe({ args }) {
      const found = stateOf(args.contextValue);
      if (found === undefined) return undefined;
      found.state.reachedLast = true;
      noteOperation(found.state, args);
      return { onSubscribeResult: ({ result }) => endWith(found.telemetry, found.state, result) };
    },
    // HTTP: what no hook above ended (a refusal before execution) ends with the answer's errors.
    onResultProcess({ result, serverContext }) {
      const found = stateOf(serverContext);
      if (found === undefined || found.state.emitted || isStream(result)) return;
      for (const one of Array.isArray(result) ? result : [result]) noteErrors(found.state, one.errors);
      end(found.telemetry, found.state);
    },
  };
}

/**
 * Ends an execution that a plugin after this one stopped with its refusal (see the module comment): put it first in
 * the plugin list. Never throws.
 */
export function useOperationRefusalTelemetry(): Plugin {
  return {
    onExecute({ args }) {
      const found = stateOf(args.contextValue);
      if (found === undefined) return undefined;
      noteOperation(found.state, args);
      return {
        onExecuteDone: ({ result }) => {
          if (!found.state.reachedLast) endWith(found.telemetry, found.state, result);
        },
      };
    },
    onSubscribe({ args }) {
      const found = stateOf(args.contextValue);
      if (found === undefined) return undefined;
      noteOperation(found.state, args);
      return {
        onSubscribeResult: ({ result }) => {
          if (!found.state.reachedLast) endWith(found.telemetry, found.state, result);
        },
      };
    },
  };
}
