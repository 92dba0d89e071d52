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

/** The refusal of an operation past its caller's budget, or null when it may run (it is then counted). */
async function refusalOf(context: unknown, kind: "request" | "subscription"): Promise<GraphQLError | null> {
  const { env, request } = context as GatewayServerContext & { request?: Request };
  const charges = chargesFor(kind, rateLimitSettingsFromEnv(env));
  if (charges.length === 0) return null;
  const key = rateKeyOf({ caller: callerOf(context), address: clientAddressOf(request) });
  const decision = await checkRate(env, key, charges);
  return decision.allowed ? null : rateLimitedError(decision);
}

/** True when `args` runs a subscription's selection: over graphql-ws, one event of a started subscription. */
function isSubscriptionEvent(args: ExecutionArgs): boolean {
  return getOperationAST(args.document, args.operationName)?.operation === OperationTypeNode.SUBSCRIPTION;
}

/** The rate limits as a Yoga plugin; see the module comment. Rejects only as {@link checkRate} does. */
export function useRateLimit(): Plugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      if (isSubscriptionEvent(args)) return;
      const error = await refusalOf(args.contextValue, "request");
      if (error !== null) setResultAndStopExecution({ errors: [error] });
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      const error = await refusalOf(args.contextValue, "subscription");
      if (error !== null) setResultAndStopExecution({ errors: [error] });
    },
  };
}
