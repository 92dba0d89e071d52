/**
 * Yoga plugin: the spans of a GraphQL operation in its work's trace (`telemetry/tracing.ts`): `graphql.parse`,
 * `graphql.validate`, `graphql.execute` or `graphql.subscribe` under the root span, with the GraphQL semantic
 * conventions (`graphql.operation.name`, `graphql.operation.type`, `graphql.document`) on the execute span and the
 * root. Envelop hooks, so every transport runs them (HTTP, SSE, each graphql-ws operation); over HTTP, `onResponse`
 * also ends the root span with the status and exports the trace under `waitUntil`, after the answer.
 *
 * The document is recorded with its string literals replaced (`"…"`): an inline argument may be a secret (a
 * webhook's). Variables are never recorded. Without a trace (tracing off) every hook returns at once.
 */
import { getOperationAST, type DocumentNode, type GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GatewayServerContext } from "../server-context";
import type { WorkTrace } from "../telemetry/tracing";
import { documentForSpan } from "../telemetry/tracing-document";

// Envelop types the execution arguments' document and operation name loosely.
type OperationName = string | null | undefined;

/** The trace of the work a context belongs to, or null (tracing off, or no telemetry). */
function traceOf(context: unknown): WorkTrace | null {
  if (typeof context !== "object" || context === null || !("telemetry" in context)) return null;
  return (context as GatewayServerContext).telemetry?.trace ?? null;
}

/** The `error.type` of a result's errors: the first one's code, else `GraphQLError`. */
function errorTypeOf(errors: readonly GraphQLError[] | undefined): string | undefined {
  if (errors === undefined || errors.length === 0) return undefined;
  const code = errors[0]?.extensions["code"];
  return typeof code === "string" ? code : "GraphQLError";
}

/** The errors of an execution result, when it is one (a stream is not: it ends later). */
function resultErrors(result: unknown): readonly GraphQLError[] | undefined {
  if (typeof result !== "object" || result === null || !("errors" in result)) return undefined;
  return (result as { errors?: readonly GraphQLError[] }).errors;
}

/** The attributes of the operation `operationName` of `document`, per the GraphQL semantic conventions. */
function operationAttributes(document: DocumentNode, operationName: string | null | undefined): Record<string, string> {
  const operation = getOperationAST(document, operationName);
  const name = operation?.name?.value;
  return {
    "graphql.operation.type": operation?.operation ?? "unknown",
    ...(name === undefined ? {} : { "graphql.operation.name": name }),
    "graphql.document": documentForSpan(document),
  };
}

/** The plugin: see the module comment. Never throws. */
export function useTracing(): Plugin<Record<string, unknown>, GatewayServerContext> {
  return {
    onRequest({ request, serverContext }) {
      traceOf(serverContext)?.describe(`${request.method} /graphql`, {
        "http.request.method": request.method,
        "http.route": "/graphql",
        "url.path": "/graphql",
      });
    },
    onParse({ context }) {
      const step = traceOf(context)?.startStep("graphql.parse");
      if (step === undefined) return;
      return ({ result }) => step.end(result instanceof Error ? "GRAPHQL_PARSE_FAILED" : undefined);
    },
    onValidate({ context }) {
      const step = traceOf(context)?.startStep("graphql.validate");
      if (step === undefined) return;
      return ({ valid }) => step.end(valid ? undefined : "GRAPHQL_VALIDATION_FAILED");
    },
    onExecute({ args }) {
      const trace = traceOf(args.contextValue);
      if (trace === null) return;
      const step = startOperation(
        trace,
        "graphql.execute",
        args.document as DocumentNode,
        args.operationName as OperationName,
      );
      return {
        onExecuteDone: ({ result }) => step.end(errorTypeOf(resultErrors(result))),
      };
    },
    onSubscribe({ args }) {
      const trace = traceOf(args.contextValue);
      if (trace === null) return;
      const step = startOperation(
        trace,
        "graphql.subscribe",
        args.document as DocumentNode,
        args.operationName as OperationName,
      );
      return {
        onSubscribeResult: ({ result }) => step.end(errorTypeOf(resultErrors(result))),
        onSubscribeError: () => step.end("GraphQLError"),
      };
    },
    onResponse({ response, serverContext }) {
      const trace = traceOf(serverContext);
      if (trace === null) return;
      trace.describe(undefined, { "http.response.status_code": response.status });
      trace.end(response.status >= 500 ? String(response.status) : undefined);
      // After the answer: the export never delays it, and never fails it (flush never rejects).
      const flushed = trace.flush();
      if (serverContext.executionContext === undefined) void flushed;
      else serverContext.executionContext.waitUntil(flushed);
    },
  };
}

/** The span of an execution or a subscription start; the operation's attributes on it and on the root. */
function startOperation(
  trace: WorkTrace,
  spanName: string,
  document: DocumentNode,
  operationName: string | null | undefined,
): ReturnType<WorkTrace["startStep"]> {
  // Not recorded (sampled out): no document printed for nothing.
  if (!trace.recording) return trace.startStep(spanName);
  const attributes = operationAttributes(document, operationName);
  trace.describe(undefined, attributes);
  return trace.startStep(spanName, attributes);
}
