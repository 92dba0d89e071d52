/**
 * Yoga plugin: the operation limits (operation-limits.ts) on every transport (HTTP, SSE, graphql-ws). Tokens while parsing, depth, aliases,
 * root fields and directives while validating, and the cost once the variables are known, just before execution
 * (queries and mutations) or subscription (SSE, and a graphql-ws subscription's start). A refused operation gets
 * `LIMIT_EXCEEDED` and runs no resolver, so it makes no upstream call.
 */
import type { ExecutionArgs, GraphQLError, ParseOptions, Source } from "graphql";
import type { Plugin } from "graphql-yoga";
import { limitsOf } from "../limits/limits-of";
import { executionLimitError, operationLimitsRule, parseWithLimits } from "../limits/operation-limits";

/** The operation limits as a Yoga plugin; the limits come from the server context (see limits-of.ts). */
export function useOperationLimits(): Plugin {
  return {
    onParse({ context, setParseFn }) {
      const limits = limitsOf(context);
      setParseFn((source: string | Source, options?: ParseOptions) => parseWithLimits(source, limits, options));
    },
    onValidate({ context, addValidationRule }) {
      addValidationRule(operationLimitsRule(limitsOf(context)));
    },
    onExecute({ args, setResultAndStopExecution }) {
      const error = limitErrorOf(args);
      if (error !== null) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = limitErrorOf(args);
      if (error !== null) setResultAndStopExecution({ errors: [error] });
    },
  };
}

/**
 * The limit error of an operation about to run, or null. Envelop types its arguments `any` (to fit every graphql
 * version); this names them as graphql 16's.
 */
function limitErrorOf(args: ExecutionArgs): GraphQLError | null {
  return executionLimitError(
    args.schema,
    args.document,
    args.operationName,
    args.variableValues,
    limitsOf(args.contextValue),
  );
}
