/**
 * Yoga plugin: the refusals an operation can get just before it runs, on every transport (HTTP, SSE, graphql-ws),
 * checked in this order in one hook (`onExecute` for queries and mutations, `onSubscribe` for subscriptions and every
 * graphql-ws operation the protocol routes either way); the first refusal answers, and no resolver runs, so no
 * upstream is called:
 * 1. the caller's rate (limits/rate-limit.ts): each query or mutation is charged to its caller's request budget, each
 *    subscription start to the request and the subscription budgets. Past a budget: `RATE_LIMITED` with
 *    `extensions.retryAfterSeconds` (over HTTP: status 429 and `Retry-After`). The events of a started graphql-ws
 *    subscription (its selection executed per watch event) are not requests, and are not charged;
 * 2. the verified caller's scopes (auth/scopes.ts): a grant without the operation's scope (`write` for a mutation,
 *    `read` for a query or subscription) gets `FORBIDDEN` naming it and the scope. Only a principal is checked (a
 *    caller of the gateway's held credentials): a caller with upstream keys of its own has none (the upstream decides
 *    what its keys may do), nor has anyone while gateway auth is off;
 * 3. the operation's cost once its variables are known (limits/operation-limits.ts): `LIMIT_EXCEEDED`. The limits
 *    of parsing and validation are `use-operation-limits.ts`'s.
 *
 * One plugin, not three: envelop builds a payload (with its callbacks) for every plugin's hook on every operation,
 * and these checks pass for almost every one, so each hook of its own was CPU spent to learn nothing.
 */
import {
  getOperationAST,
  GraphQLError,
  OperationTypeNode,
  type ExecutionArgs,
  type OperationDefinitionNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import { scopeRefusal } from "../auth/scopes";
import { limitsOf } from "../limits/limits-of";
import { executionLimitError } from "../limits/operation-limits";
import { checkRate, clientAddressOf, rateKeyOf, rateLimitedError } from "../limits/rate-limit";
import { rateLimitSettingsFromEnv } from "../limits/rate-limit-settings";
import { chargesFor } from "../limits/rate-window";
import { callerOf, type GatewayServerContext } from "../server-context";

/** What is being started: an execution (query, mutation, a graphql-ws subscription's event) or a subscription. */
type Start = "request" | "subscription";

/**
 * The rate refusal of an operation, or null when it may run (it is then counted). Null at once, with no promise,
 * when the limits are off (no charge to make): an async hook would turn the rest of every execution into promises.
 */
function rateRefusalOf(context: unknown, start: Start): Promise<GraphQLError | null> | null {
  const { env, request } = context as GatewayServerContext & { request?: Request };
  const charges = chargesFor(start, rateLimitSettingsFromEnv(env));
  if (charges.length === 0) return null;
  const key = rateKeyOf({ caller: callerOf(context), address: clientAddressOf(request) });
  return checkRate(env, key, charges).then((decision) => (decision.allowed ? null : rateLimitedError(decision)));
}

/**
 * The scope refusal of `operation` about to run, or null (no principal, or its grant has the scope). Envelop types
 * its arguments `any` (to fit every graphql version); this names them as graphql 16's.
 */
function scopeRefusalOf(args: ExecutionArgs, operation: OperationDefinitionNode | undefined): GraphQLError | null {
  const principal = callerOf(args.contextValue)?.principal;
  if (principal === undefined) return null;
  // Execution refuses a document without the named operation itself; there is nothing to check.
  if (operation === undefined) return null;
  const refusal = scopeRefusal(principal.name, principal.scopes, operation.operation);
  if (refusal === null) return null;
  // 403 over HTTP, as the gateway's other refusals of a verified caller; graphql-ws ignores `http`.
  return new GraphQLError(refusal, { extensions: { code: "FORBIDDEN", http: { status: 403 } } });
}

/** The scope refusal, else the cost refusal, of an operation about to run; null when it may run. */
function checkRefusalOf(args: ExecutionArgs, operation: OperationDefinitionNode | undefined): GraphQLError | null {
  return (
    scopeRefusalOf(args, operation) ??
    executionLimitError(
      args.schema,
      args.document,
      args.operationName,
      args.variableValues,
      limitsOf(args.contextValue),
    )
  );
}

/**
 * Runs the checks of `args` in order (see the module comment) and stops the operation with the first refusal.
 * Synchronous unless the rate limits are on. Rejects only as `checkRate` does.
 */
function refuse(
  args: ExecutionArgs,
  start: Start,
  stop: (result: { errors: GraphQLError[] }) => void,
): Promise<void> | undefined {
  const operation = getOperationAST(args.document, args.operationName ?? undefined) ?? undefined;
  // Executing a subscription's selection is, over graphql-ws, one event of a started subscription: not a request.
  const isEvent = start === "request" && operation?.operation === OperationTypeNode.SUBSCRIPTION;
  const rate = isEvent ? null : rateRefusalOf(args.contextValue, start);
  if (rate === null) {
    const refusal = checkRefusalOf(args, operation);
    if (refusal !== null) stop({ errors: [refusal] });
    return undefined;
  }
  return rate.then((rateRefusal) => {
    const refusal = rateRefusal ?? checkRefusalOf(args, operation);
    if (refusal !== null) stop({ errors: [refusal] });
  });
}

/** The refusals as one Yoga plugin; see the module comment. Rejects only as `checkRate` does. */
export function useOperationRefusals(): Plugin {
  return {
    onExecute: ({ args, setResultAndStopExecution }) => refuse(args, "request", setResultAndStopExecution),
    onSubscribe: ({ args, setResultAndStopExecution }) => refuse(args, "subscription", setResultAndStopExecution),
  };
}
