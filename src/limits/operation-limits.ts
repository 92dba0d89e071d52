/**
 * The operation limits, one module for every transport: the plugin `use-operation-limits.ts` parses, validates and
 * checks cost with these functions, and HTTP, SSE and graphql-ws run that one plugin chain (graphql-ws through
 * `gateway.getEnveloped`), so a query refused on one transport is refused on the others, with the same error.
 *
 * - tokens: while parsing (graphql-js's own `maxTokens`, which aborts the lexer early);
 * - depth, aliases, root fields, directives: one validation rule over the document;
 * - cost, and lookups by id against the upstream-call cap: after variable coercion and before any resolver runs,
 *   because `first: $n` and `ids: $ids` are only known then.
 * Every refusal is `LIMIT_EXCEEDED` with `{limit, value, max}` and makes no upstream call.
 */
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Lexer,
  parse,
  Source,
  TokenKind,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type ValidationRule,
} from "graphql";
import { MAX_UPSTREAM_CALLS_PER_REQUEST } from "../settings";
import { limitExceededGraphQLError, type LimitName } from "./limit-error";
import type { LimitSettings } from "./limit-settings";
import { operationCost } from "./operation-cost";
import { OperationShapeMeter, rootResponseKeys } from "./operation-shape";
import { rootLookups } from "./root-lookups";

/** The operation limits (a subset of {@link LimitSettings}). */
export type OperationLimits = Pick<
  LimitSettings,
  "maxDepth" | "maxAliases" | "maxRootFields" | "maxTokens" | "maxDirectives" | "maxCost"
>;

/** Counts a document's tokens, for the refusal's `value` (the parser stops at the limit). Stops at a lexer error. */
function countTokens(source: string): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count += 1;
  } catch {
    // A syntax error further on: the count so far is still more than the maximum.
  }
  return count;
}

/** graphql-js's message when `maxTokens` aborts a parse (graphql 16: "Document contains more that N tokens…"). */
function isTokenLimitError(error: unknown): boolean {
  return error instanceof GraphQLError && error.message.endsWith("tokens. Parsing aborted.");
}

/**
 * Parses a document, refusing one with more than `maxTokens` tokens with `LIMIT_EXCEEDED` (`limit: "tokens"`).
 * Throws graphql-js's syntax error otherwise.
 */
export function parseWithLimits(
  source: string | Source,
  limits: OperationLimits,
  options?: ParseOptions,
): DocumentNode {
  try {
    return parse(source, { ...options, maxTokens: limits.maxTokens });
  } catch (error) {
    if (!isTokenLimitError(error)) throw error;
    const text = typeof source === "string" ? source : source.body;
    const tokens = countTokens(text);
    throw limitExceededGraphQLError(
      "tokens",
      tokens,
      limits.maxTokens,
      `The document has ${tokens} tokens; at most ${limits.maxTokens} are allowed.`,
    );
  }
}

/**
 * A validation rule that refuses each operation deeper than `maxDepth` (Relay `edges`/`node` not counted), with
 * more than `maxAliases` aliases, `maxRootFields` root fields or `maxDirectives` directives: one
 * `LIMIT_EXCEEDED` error per limit exceeded, located at the operation.
 *
 * The rule is named after the limits it checks: Yoga's validation cache keys its results by the names of the rules,
 * so two rules of different limits must not share a name, or a document passed by the one would be passed by the
 * other from the cache.
 */
export function operationLimitsRule(limits: OperationLimits): ValidationRule {
  const name =
    `operationLimits(depth ${limits.maxDepth}, aliases ${limits.maxAliases}, ` +
    `rootFields ${limits.maxRootFields}, directives ${limits.maxDirectives})`;
  return Object.defineProperty(shapeRule(limits), "name", { value: name });
}

function shapeRule(limits: OperationLimits): ValidationRule {
  return (context) => {
    const fragment = (name: string) => context.getFragment(name);
    const meter = new OperationShapeMeter(context.getSchema(), fragment);
    return {
      OperationDefinition(operation) {
        const rootType = context.getSchema().getRootType(operation.operation) ?? undefined;
        const shape = meter.measure(operation.selectionSet, rootType);
        const rootFields = rootResponseKeys(operation.selectionSet, fragment).size;
        const checks: [LimitName, number, number, string][] = [
          [
            "depth",
            shape.depth,
            limits.maxDepth,
            `The operation is ${shape.depth} levels deep; at most ${limits.maxDepth} are allowed (a connection's edges and node do not count).`,
          ],
          [
            "aliases",
            shape.aliases,
            limits.maxAliases,
            `The operation has ${shape.aliases} aliases; at most ${limits.maxAliases} are allowed.`,
          ],
          [
            "rootFields",
            rootFields,
            limits.maxRootFields,
            `The operation asks for ${rootFields} root fields; at most ${limits.maxRootFields} are allowed.`,
          ],
          [
            "directives",
            shape.directives,
            limits.maxDirectives,
            `The operation has ${shape.directives} directives; at most ${limits.maxDirectives} are allowed.`,
          ],
        ];
        for (const [limit, value, max, message] of checks) {
          if (value > max) context.reportError(limitExceededGraphQLError(limit, value, max, message, operation));
        }
      },
    };
  };
}

/**
 * The checks that need the variables, run after validation and before execution: the operation's estimated cost
 * (see operation-cost.ts) within `maxCost`, and its lookups by id at the root (see root-lookups.ts) within the
 * per-request upstream-call cap. Null when both hold, else the `LIMIT_EXCEEDED` error (`limit: "cost"` or
 * `"upstreamCalls"`). Variables that do not coerce are left to execution, which refuses them before any resolver
 * runs. Never throws.
 */
export function executionLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Readonly<Record<string, unknown>> | null | undefined,
  limits: Pick<OperationLimits, "maxCost">,
): GraphQLError | null {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (operation === null || operation === undefined) return null;
  const constant = (operation.variableDefinitions ?? []).length === 0;
  const passKey = `${operationName ?? ""}\u0000${limits.maxCost}`;
  if (constant && passedWithoutVariables.get(schema)?.get(document)?.has(passKey) === true) return null;
  const error = variableLimitError(schema, document, operation, rawVariables, limits);
  if (constant && error === null) rememberPass(schema, document, passKey);
  return error;
}

/**
 * Operations that declare no variables that passed, by schema and document: such an operation always costs the same,
 * and Yoga's parse cache hands the same DocumentNode for the same text, so a repeated `{ __typename }` skips the
 * walks. Only passes are kept: every refusal is a fresh error for its own request. Weak, so documents evicted from
 * the parse cache go.
 */
const passedWithoutVariables = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Set<string>>>();

function rememberPass(schema: GraphQLSchema, document: DocumentNode, key: string): void {
  let bySchema = passedWithoutVariables.get(schema);
  if (bySchema === undefined) {
    bySchema = new WeakMap();
    passedWithoutVariables.set(schema, bySchema);
  }
  let keys = bySchema.get(document);
  if (keys === undefined) {
    keys = new Set();
    bySchema.set(document, keys);
  }
  keys.add(key);
}

function variableLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Readonly<Record<string, unknown>> | null | undefined,
  limits: Pick<OperationLimits, "maxCost">,
): GraphQLError | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], { ...rawVariables });
  if (coerced.errors !== undefined) return null;
  const cost = operationCost(schema, document, operation, coerced.coerced);
  if (cost > limits.maxCost) {
    const shown = Number.isFinite(cost) ? Math.round(cost) : "more than Number.MAX_SAFE_INTEGER";
    return limitExceededGraphQLError(
      "cost",
      cost,
      limits.maxCost,
      `The operation could return about ${shown} objects (page sizes multiplied down the tree); at most ` +
        `${limits.maxCost} are allowed. Ask for smaller pages or fewer nested lists.`,
      operation,
    );
  }
  const lookups = rootLookups(schema, document, operation, coerced.coerced);
  if (lookups > MAX_UPSTREAM_CALLS_PER_REQUEST) {
    return limitExceededGraphQLError(
      "upstreamCalls",
      lookups,
      MAX_UPSTREAM_CALLS_PER_REQUEST,
      `The operation looks up ${lookups} objects by id, one upstream call each; at most ` +
        `${MAX_UPSTREAM_CALLS_PER_REQUEST} upstream calls are allowed per request. Ask for fewer ids.`,
      operation,
    );
  }
  return null;
}
