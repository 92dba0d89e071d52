/**
 * An operation of a graphql-ws socket through the gateway's one plugin chain (`gateway.getEnveloped`, the same
 * hooks as HTTP and SSE): parse, validate, context, execute or subscribe. The connection object keeps its own model
 * (a subscription is started once, then its selection is executed with each watch event as root value); every rule
 * (trusted documents, limits, introspection, field errors, the size cap, error masking) comes from the plugins.
 */
import {
  getOperationAST,
  GraphQLError,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { FormattedExecutionResult, SubscribePayload } from "graphql-ws";
import { clientErrorJson } from "../errors";
import type { GatewayServerContext } from "../server-context";

/** What one result of the chain can be: a result, or (from `subscribe`) a stream. */
type ChainResult = unknown;

/** The enveloped functions of the plugin chain, as this module uses them (`gateway.getEnveloped`'s result). */
export interface EnvelopedFunctions {
  schema: GraphQLSchema;
  parse(source: string): DocumentNode;
  validate(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[];
  contextFactory(): unknown;
  execute(args: ExecutionArgs): ChainResult;
  subscribe(args: ExecutionArgs): ChainResult;
}

/** The plugin chain: the enveloped functions for one operation's initial context. May throw a refusal (onEnveloped). */
export type GetEnveloped = (initialContext: GatewayServerContext & { params: SubscribePayload }) => EnvelopedFunctions;

/** An operation that passed parse and validation, ready to run with its context. */
export interface PreparedOperation {
  enveloped: EnvelopedFunctions;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

/** The result for errors raised before execution (a refusal, parse, validation). */
export function errorResult(errors: readonly unknown[]): FormattedExecutionResult {
  return { errors: errors.map(clientErrorJson) };
}

/** Formats a result of the chain (masked already by its plugins) for the wire. */
export function formatResult(result: { data?: unknown; errors?: readonly unknown[] }): FormattedExecutionResult {
  const formatted: { data?: Record<string, unknown> | null; errors?: ReturnType<GraphQLError["toJSON"]>[] } = {};
  if (result.errors !== undefined && result.errors.length > 0) formatted.errors = result.errors.map(clientErrorJson);
  if ("data" in result) formatted.data = (result.data as Record<string, unknown> | null | undefined) ?? null;
  return formatted;
}

/** The error with `code` unless it has one (Yoga codes parse errors so only for HTTP requests). */
function withCode(error: GraphQLError, code: string): GraphQLError {
  if (typeof error.extensions["code"] === "string") return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

/**
 * Runs `payload` through the chain's `onEnveloped`, parse and validate hooks with `initial` (the socket's caller,
 * limits, live port). Returns the operation, or the errors to answer with (a plugin's refusal with its code, syntax
 * with `GRAPHQL_PARSE_FAILED`, validation with `GRAPHQL_VALIDATION_FAILED` or the rule's code).
 */
export function prepareOperation(
  getEnveloped: GetEnveloped,
  initial: GatewayServerContext,
  payload: SubscribePayload,
): PreparedOperation | { errors: readonly unknown[] } {
  const context = { ...initial, params: payload };
  let enveloped: EnvelopedFunctions;
  try {
    enveloped = getEnveloped(context);
  } catch (error) {
    return { errors: [error] };
  }
  // A plugin may have replaced the params (trusted documents: the manifest's document for its id).
  const params = context.params;
  let document: DocumentNode;
  try {
    document = enveloped.parse(params.query);
  } catch (error) {
    const parseError = error instanceof GraphQLError ? error : new GraphQLError("The query could not be parsed.");
    return { errors: [withCode(parseError, "GRAPHQL_PARSE_FAILED")] };
  }
  const validationErrors = enveloped.validate(enveloped.schema, document);
  if (validationErrors.length > 0) {
    return { errors: validationErrors.map((error) => withCode(error, "GRAPHQL_VALIDATION_FAILED")) };
  }
  const operationName = params.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (operation === null || operation === undefined) {
    return { errors: [withCode(new GraphQLError("Unable to identify operation"), "GRAPHQL_VALIDATION_FAILED")] };
  }
  return { enveloped, document, operation, variables: params.variables ?? {}, operationName };
}

function argsOf(prepared: PreparedOperation, contextValue: unknown, rootValue: unknown): ExecutionArgs {
  return {
    schema: prepared.enveloped.schema,
    document: prepared.document,
    rootValue,
    contextValue,
    variableValues: prepared.variables,
    operationName: prepared.operationName,
  };
}

/**
 * Executes a prepared operation with `rootValue` as its root (for a subscription: one watch event) on a context of
 * its own, through the chain's `onContextBuilding` and `onExecute` hooks, and formats the result. Never rejects.
 */
export async function executeWithRoot(
  prepared: PreparedOperation,
  rootValue: unknown,
): Promise<FormattedExecutionResult> {
  try {
    const contextValue = await prepared.enveloped.contextFactory();
    const result = (await prepared.enveloped.execute(argsOf(prepared, contextValue, rootValue))) as {
      data?: unknown;
      errors?: readonly unknown[];
    };
    return formatResult(result);
  } catch (error) {
    return errorResult([error]);
  }
}

/**
 * Starts a subscription through the chain's `onSubscribe` hooks (the cost check, error masking): its `subscribe`
 * resolver opens the context's live port, which checks the subscriber. Returns null when it started (the stream
 * it returned is closed: later events arrive by RPC), or the result to answer with (a refusal, the check's error).
 */
export async function startThroughChain(prepared: PreparedOperation): Promise<FormattedExecutionResult | null> {
  try {
    const contextValue = await prepared.enveloped.contextFactory();
    const result = await prepared.enveloped.subscribe(argsOf(prepared, contextValue, undefined));
    if (typeof result === "object" && result !== null && Symbol.asyncIterator in result) {
      await (result as AsyncGenerator).return?.(undefined);
      return null;
    }
    return formatResult(result as { data?: unknown; errors?: readonly unknown[] });
  } catch (error) {
    return errorResult([error]);
  }
}
