/**
 * The one shape of a refusal by a limit: code `LIMIT_EXCEEDED` with `extensions: {limit, value, max}`, so that a
 * client can branch on one code and still see which limit it hit, by how much. Every limit of the gateway (the
 * operation limits, the request and response sizes, the upstream-call cap, subscriptions per socket) refuses this way.
 */
import { GraphQLError, type ASTNode } from "graphql";
import { GatewayError } from "../errors";

/** The limits the gateway enforces, as they appear in `extensions.limit`. */
export type LimitName =
  | "depth"
  | "aliases"
  | "rootFields"
  | "tokens"
  | "directives"
  | "cost"
  | "requestBytes"
  | "responseBytes"
  | "upstreamCalls"
  | "subscriptions";

/** A refusal's `extensions`, beside `code`. */
export interface LimitExtensions {
  limit: LimitName;
  /** What the request had (or, for a count cut short, the count where it was stopped: more than `max`). */
  value: number;
  max: number;
}

/** JSON cannot carry Infinity: a cost estimate that overflows is reported as the largest safe integer. */
function reportable(value: number): number {
  return Number.isFinite(value) ? Math.min(Math.round(value), Number.MAX_SAFE_INTEGER) : Number.MAX_SAFE_INTEGER;
}

function extensionsOf(limit: LimitName, value: number, max: number): LimitExtensions {
  return { limit, value: reportable(value), max };
}

/**
 * A {@link GatewayError} with code `LIMIT_EXCEEDED`, for a refusal raised outside GraphQL validation (transport,
 * execution, socket). `message` must name the limit, the value and the maximum.
 */
export function limitExceeded(limit: LimitName, value: number, max: number, message: string): GatewayError {
  return new GatewayError("LIMIT_EXCEEDED", message, { ...extensionsOf(limit, value, max) });
}

/** The same refusal as a located `GraphQLError`, for validation rules and checks before execution. */
export function limitExceededGraphQLError(
  limit: LimitName,
  value: number,
  max: number,
  message: string,
  nodes?: ASTNode | readonly ASTNode[],
): GraphQLError {
  return new GraphQLError(message, {
    ...(nodes === undefined ? {} : { nodes }),
    extensions: { code: "LIMIT_EXCEEDED", ...extensionsOf(limit, value, max) },
  });
}
