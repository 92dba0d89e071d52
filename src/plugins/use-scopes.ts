/**
 * Yoga plugin: a grant's scopes (`auth/scopes.ts`) on every transport (HTTP, SSE, graphql-ws). Once the operation is
 * known and just before it runs (`onExecute` for queries and mutations, `onSubscribe` for subscriptions, and every
 * graphql-ws operation that the protocol routes either way), a verified caller whose grant lacks the operation's
 * scope (`write` for a mutation, `read` for a query or subscription) gets `FORBIDDEN` naming it and the scope: no
 * resolver runs, so the upstream is never called.
 *
 * Only a principal is checked: the callers of the gateway's held credentials (`auth/decide-access.ts`). A caller
 * with upstream keys of its own has none (the upstream decides what its keys may do), nor has anyone while gateway
 * auth is off.
 */
import { getOperationAST, GraphQLError, type ExecutionArgs } from "graphql";
import type { Plugin } from "graphql-yoga";
import { scopeRefusal } from "../auth/scopes";
import { callerOf } from "../server-context";

/** The scope rule as a Yoga plugin; the principal comes from the caller in the context (`server-context.ts`). */
export function useScopes(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const error = scopeErrorOf(args);
      if (error !== null) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = scopeErrorOf(args);
      if (error !== null) setResultAndStopExecution({ errors: [error] });
    },
  };
}

/**
 * The refusal of an operation about to run, or null when it may run (no principal, or its grant has the scope).
 * Envelop types its arguments `any` (to fit every graphql version); this names them as graphql 16's.
 */
function scopeErrorOf(args: ExecutionArgs): GraphQLError | null {
  const principal = callerOf(args.contextValue)?.principal;
  if (principal === undefined) return null;
  // Execution refuses a document without the named operation itself; there is nothing to check.
  const operation = getOperationAST(args.document, args.operationName ?? undefined);
  if (operation === null || operation === undefined) return null;
  const refusal = scopeRefusal(principal.name, principal.scopes, operation.operation);
  if (refusal === null) return null;
  // 403 over HTTP, as the gateway's other refusals of a verified caller; graphql-ws ignores `http`.
  return new GraphQLError(refusal, { extensions: { code: "FORBIDDEN", http: { status: 403 } } });
}
