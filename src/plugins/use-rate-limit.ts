/**
 * Yoga plugin: the per-caller rate limits (limits/rate-limit.ts) on every transport (HTTP, SSE, graphql-ws). Each
 * query or mutation is charged to its caller's request budget just before it executes; each subscription start to
 * the request budget and the subscription budget. Past a budget the operation gets `RATE_LIMITED` with
 * `extensions.retryAfterSeconds` (over HTTP: status 429 and `Retry-After`) and runs no resolver, so it makes no
 * upstream call. The events of a started graphql-ws subscription (its selection executed per watch event) are not
 * requests, and are not charged.
 */
import { getOperationAST, OperationTypeNode, type ExecutionArgs, type GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { checkRate, clientAddressOf, rateKeyOf, rateLimitedError } from "../limits/rate-limit";
import { chargesFor } from "../limits/rate-window";
import { rateLimitSettingsFromEnv } from "../limits/rate-limit-settings";
import { callerOf, type GatewayServerContext } from "../server-context";

/**
 * The refusal of an operation past its caller's budget, or null when it may run (it is then counted). Null at once,
 * with no promise, when the limits are off (no charge to make).
 */
function refusalOf(context: unknown, kind: "request" | "subscription"): Promise<GraphQLError | null> | null {
  const { env, request } = context as GatewayServerContext & { request?: Request };
  const charges = chargesFor(kind, rateLimitSettingsFromEnv(env));
  if (charges.length === 0) return null;
  const key = rateKeyOf({ caller: callerOf(context), address: clientAddressOf(request) });
  return checkRate(env, key, charges).then((decision) => (decision.allowed ? null : rateLimitedError(decision)));
}

/** True when `args` runs a subscription's selection: over graphql-ws, one event of a started subscription. */
function isSubscriptionEvent(args: ExecutionArgs): boolean {
  return getOperationAST(args.document, args.operationName)?.operation === OperationTypeNode.SUBSCRIPTION;
}

/**
 * The rate limits as a Yoga plugin; see the module comment. Rejects only as {@link checkRate} does. With the limits
 * off its hooks return synchronously: an async hook would turn the rest of every execution into promises.
 */
export function useRateLimit(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (isSubscriptionEvent(args)) return undefined;
      const refusal = refusalOf(args.contextValue, "request");
      if (refusal === null) return undefined;
      return refusal.then((error) => {
        if (error !== null) setResultAndStopExecution({ errors: [error] });
      });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refusal = refusalOf(args.contextValue, "subscription");
      if (refusal === null) return undefined;
      return refusal.then((error) => {
        if (error !== null) setResultAndStopExecution({ errors: [error] });
      });
    },
  };
}
