/**
 * The gateway's limits, read from the Worker's plain-text vars in one place and validated: a value that is not a
 * positive integer falls back to its default (documented, with the reasoning, in the README's Settings table).
 */
import { perEnv } from "../per-env";
import { positiveIntegerSetting } from "../settings";

/** The raw vars {@link limitSettingsFromEnv} reads (a subset of `GatewayEnv`). */
export interface LimitVars {
  MAX_QUERY_DEPTH?: string | undefined;
  MAX_QUERY_ALIASES?: string | undefined;
  MAX_ROOT_FIELDS?: string | undefined;
  MAX_QUERY_TOKENS?: string | undefined;
  MAX_QUERY_DIRECTIVES?: string | undefined;
  MAX_QUERY_COST?: string | undefined;
  MAX_REQUEST_BYTES?: string | undefined;
  MAX_RESPONSE_BYTES?: string | undefined;
  MAX_SUBSCRIPTIONS_PER_SOCKET?: string | undefined;
}

/** Validated limits. */
export interface LimitSettings {
  /** Field levels of an operation, connection `edges` and `node` not counted, introspection not counted. */
  maxDepth: number;
  /** Aliases in an operation, fragments expanded (`__typename` aliases are free). */
  maxAliases: number;
  /** Distinct root fields (response keys) of an operation, fragments expanded. */
  maxRootFields: number;
  /** Lexical tokens of the whole document. */
  maxTokens: number;
  /** Directives in an operation, fragments expanded. */
  maxDirectives: number;
  /** Objects an operation could return: page sizes multiplied down the tree (see operation-cost.ts). */
  maxCost: number;
  /** Bytes of a request body. */
  maxRequestBytes: number;
  /** Bytes of one serialised result (a response, or one subscription event). */
  maxResponseBytes: number;
  /** Operations open at once on one graphql-ws socket. */
  maxSubscriptionsPerSocket: number;
}

/** The defaults, chosen from the README's examples, the bench query and the tests (see the README). */
export const DEFAULT_LIMITS: LimitSettings = Object.freeze({
  maxDepth: 10,
  maxAliases: 30,
  maxRootFields: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 100_000,
  maxRequestBytes: 1_048_576,
  maxResponseBytes: 10_485_760,
  maxSubscriptionsPerSocket: 100,
});

/**
 * Reads and validates every limit; unset, empty or invalid values take their {@link DEFAULT_LIMITS}. Once per `env`
 * object (see per-env.ts): the Worker entry asks on every request. Never throws.
 */
export const limitSettingsFromEnv: (env: LimitVars) => LimitSettings = perEnv((env: LimitVars): LimitSettings => ({
  maxDepth: positiveIntegerSetting(env.MAX_QUERY_DEPTH, DEFAULT_LIMITS.maxDepth),
  maxAliases: positiveIntegerSetting(env.MAX_QUERY_ALIASES, DEFAULT_LIMITS.maxAliases),
  maxRootFields: positiveIntegerSetting(env.MAX_ROOT_FIELDS, DEFAULT_LIMITS.maxRootFields),
  maxTokens: positiveIntegerSetting(env.MAX_QUERY_TOKENS, DEFAULT_LIMITS.maxTokens),
  maxDirectives: positiveIntegerSetting(env.MAX_QUERY_DIRECTIVES, DEFAULT_LIMITS.maxDirectives),
  maxCost: positiveIntegerSetting(env.MAX_QUERY_COST, DEFAULT_LIMITS.maxCost),
  maxRequestBytes: positiveIntegerSetting(env.MAX_REQUEST_BYTES, DEFAULT_LIMITS.maxRequestBytes),
  maxResponseBytes: positiveIntegerSetting(env.MAX_RESPONSE_BYTES, DEFAULT_LIMITS.maxResponseBytes),
  maxSubscriptionsPerSocket: positiveIntegerSetting(
    env.MAX_SUBSCRIPTIONS_PER_SOCKET,
    DEFAULT_LIMITS.maxSubscriptionsPerSocket,
  ),
}));
