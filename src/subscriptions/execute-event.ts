/**
 * From a GraphQL operation and a watch event to the result a client sees, for the WebSocket transport (SSE gets the
 * same from Yoga, which runs the same schema and the same subscription `resolve` over the same events).
 *
 * The event is the root value: each subscription field's `resolve` turns it into the field's value (or throws the
 * event's error), so both transports execute exactly the same resolvers. Errors are masked by the gateway's single
 * mapping (`toGraphQLError`), like Yoga's masking does for HTTP and SSE.
 */
import {
  execute,
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  locatedError,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from "graphql";
import type { FormattedExecutionResult, SubscribePayload } from "graphql-ws";
import { toGraphQLError } from "../errors";
import { withFieldErrors, type FieldErrorSink } from "../field-errors";
import { executionLimitError, operationLimitsRule, parseWithLimits, type OperationLimits } from "../limits/operation-limits";
import { resultWithinSize } from "../limits/response-size";

/** An operation that parsed and validated. */
export interface PreparedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
  operationName: string | undefined;
}

/** The one root field of a subscription operation, with its coerced arguments. */
export interface SubscriptionRootField {
  fieldName: string;
  responseKey: string;
  fieldNodes: readonly FieldNode[];
  args: Record<string, unknown>;
}

/** Formats an execution result for the wire, masking every error through `toGraphQLError`. */
export function formatResult(result: ExecutionResult): FormattedExecutionResult {
  const formatted: { data?: Record<string, unknown> | null; errors?: ReturnType<GraphQLError["toJSON"]>[] } = {};
  if (result.errors !== undefined && result.errors.length > 0) {
    formatted.errors = result.errors.map((error) => toGraphQLError(error).toJSON());
  }
  if ("data" in result) formatted.data = result.data ?? null;
  return formatted;
}

/** The result for errors raised before execution (parse, validation, the subscriber check). */
export function errorResult(errors: readonly unknown[]): FormattedExecutionResult {
  return { errors: errors.map((error) => toGraphQLError(error).toJSON()) };
}

/** The error with `code` unless it has one (Yoga codes parse and validation errors the same way on HTTP). */
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
 * Parses and validates a `subscribe` payload under the gateway's operation limits (the same rules as Yoga's, see
 * limits/operation-limits.ts) and `extraRules` (the gateway's settings, such as introspection off), then checks its
 * cost with its variables. Returns the GraphQL errors (syntax with
 * `GRAPHQL_PARSE_FAILED`, validation with `GRAPHQL_VALIDATION_FAILED`, limits with `LIMIT_EXCEEDED`) on failure.
 */
export function prepareOperation(
  schema: GraphQLSchema,
  payload: SubscribePayload,
  limits: OperationLimits,
  extraRules: readonly ValidationRule[] = [],
): PreparedOperation | { errors: readonly GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parseWithLimits(payload.query, limits);
  } catch (error) {
    const parseError = error instanceof GraphQLError ? error : new GraphQLError("The query could not be parsed.");
    return { errors: [withCode(parseError, "GRAPHQL_PARSE_FAILED")] };
  }
  const validationErrors = validate(schema, document, [...specifiedRules, operationLimitsRule(limits), ...extraRules]);
  if (validationErrors.length > 0) {
    return { errors: validationErrors.map((error) => withCode(error, "GRAPHQL_VALIDATION_FAILED")) };
  }
  const operationName = payload.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  if (operation === null || operation === undefined) {
    return { errors: [withCode(new GraphQLError("Unable to identify operation"), "GRAPHQL_VALIDATION_FAILED")] };
  }
  const variables = payload.variables ?? {};
  const costError = executionLimitError(schema, document, operationName, variables, limits);
  if (costError !== null) return { errors: [costError] };
  return { document, operation, variables, operationName };
}

function firstField(selectionSet: SelectionSetNode, document: DocumentNode): FieldNode | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) return selection;
    if (selection.kind === Kind.INLINE_FRAGMENT) return firstField(selection.selectionSet, document);
    const fragment = document.definitions.find(
      (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === selection.name.value,
    );
    if (fragment?.kind === Kind.FRAGMENT_DEFINITION) return firstField(fragment.selectionSet, document);
  }
  return undefined;
}

/**
 * The root field of a subscription operation and its arguments, coerced from the variables as graphql-js does
 * (validation already guaranteed a single root field). Returns located GraphQL errors for bad variables.
 */
export function subscriptionRootField(
  schema: GraphQLSchema,
  prepared: PreparedOperation,
): SubscriptionRootField | { errors: readonly GraphQLError[] } {
  const subscriptionType = schema.getSubscriptionType();
  const fieldNode = firstField(prepared.operation.selectionSet, prepared.document);
  const fieldDef = fieldNode === undefined ? undefined : subscriptionType?.getFields()[fieldNode.name.value];
  if (fieldNode === undefined || fieldDef === undefined) {
    return { errors: [new GraphQLError("The subscription has no known root field.")] };
  }
  const coerced = getVariableValues(schema, prepared.operation.variableDefinitions ?? [], prepared.variables);
  if (coerced.errors !== undefined) return { errors: coerced.errors };
  const responseKey = fieldNode.alias?.value ?? fieldNode.name.value;
  try {
    const args = getArgumentValues(fieldDef, fieldNode, coerced.coerced);
    return { fieldName: fieldNode.name.value, responseKey, fieldNodes: [fieldNode], args };
  } catch (error) {
    return { errors: [locatedError(error, [fieldNode], [responseKey])] };
  }
}

/** Wraps an error from a subscription's start (e.g. the subscriber check) at the root field, as graphql-js does. */
export function rootFieldError(error: unknown, root: SubscriptionRootField): GraphQLError {
  return locatedError(error, root.fieldNodes, [root.responseKey]);
}

/**
 * Executes an operation with `rootValue` as its root (for subscriptions: one watch event) and formats the result.
 * A result over `maxResponseBytes` (default: no cap) becomes the `LIMIT_EXCEEDED` error, as Yoga's
 * `use-response-size-limit` does for HTTP and SSE. Never rejects: execution errors come back in the result.
 */
export async function executeWithRoot(
  schema: GraphQLSchema,
  prepared: PreparedOperation,
  rootValue: unknown,
  contextValue: unknown,
  maxResponseBytes = Number.POSITIVE_INFINITY,
): Promise<FormattedExecutionResult> {
  try {
    const result = await execute({
      schema,
      document: prepared.document,
      rootValue,
      contextValue,
      variableValues: prepared.variables,
      operationName: prepared.operationName,
    });
    const sink = (contextValue as { fieldErrors?: FieldErrorSink } | null)?.fieldErrors;
    return formatResult(resultWithinSize(withFieldErrors(result, sink), maxResponseBytes));
  } catch (error) {
    return errorResult([error]);
  }
}
