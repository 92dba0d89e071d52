/**
 * What a grant lets its holder do, beside where (the projects, `principal.ts`): its scopes. `read` runs queries and
 * subscriptions, `write` runs mutations. A grant that names no scopes has both, so every token and JWT issued before
 * scopes existed keeps working. Pure code: the grant readers (`auth-settings.ts`, `jwt-verifier.ts`) and the rule's
 * plugin (`plugins/use-operation-refusals.ts`) share it.
 */

/** The scopes a grant may carry. */
export const SCOPES = ["read", "write"] as const;

/** One scope: `read` (queries, subscriptions) or `write` (mutations). */
export type Scope = (typeof SCOPES)[number];

/** The scopes of a grant that names none: all of them (how grants were before scopes existed). */
export const ALL_SCOPES: readonly Scope[] = SCOPES;

/** The GraphQL operation types, as `OperationDefinitionNode.operation` spells them. */
export type OperationType = "query" | "mutation" | "subscription";

/** The scope each operation type needs. */
const SCOPE_OF_OPERATION: Readonly<Record<OperationType, Scope>> = {
  query: "read",
  mutation: "write",
  subscription: "read",
};

function isScope(value: unknown): value is Scope {
  return typeof value === "string" && (SCOPES as readonly string[]).includes(value);
}

/** `names` as scopes, deduplicated and in the order of {@link SCOPES}; or a sentence naming the first unknown one. */
function scopesFromNames(names: readonly unknown[]): readonly Scope[] | string {
  const unknown = names.find((name) => !isScope(name));
  if (unknown !== undefined) return `unknown scope ${JSON.stringify(unknown)} (expected ${SCOPES.join(" or ")})`;
  if (names.length === 0) return `it names no scope (omit it for ${SCOPES.join(" and ")})`;
  return SCOPES.filter((scope) => names.includes(scope));
}

/**
 * The scopes of a `GATEWAY_TOKENS` entry's `"scopes"` field: a list such as `["read"]` or `["read", "write"]`;
 * absent (`undefined`) gives {@link ALL_SCOPES}. Returns a sentence saying what was wrong (not a list, an empty list,
 * an unknown name) for the caller to prefix with the entry's name. Never throws.
 */
export function scopesFromJson(value: unknown): readonly Scope[] | string {
  if (value === undefined) return ALL_SCOPES;
  if (!Array.isArray(value)) return `"scopes" must be a list such as ["read"] or ["read", "write"]`;
  return scopesFromNames(value);
}

/**
 * Our scopes among the names of a JWT's `scope` claim. The claim is shared with everything else the identity
 * provider grants (OIDC's `openid profile email`, other APIs' scopes), so a name that is not ours is ignored: it
 * grants nothing. A claim that names only such scopes grants none of ours, so its holder may run nothing (fail
 * closed: `Read` or `write:datasets` must not pass for ours); one that names no scope at all is refused.
 */
function scopesAmongClaimNames(names: readonly unknown[]): readonly Scope[] | string {
  if (names.some((name) => typeof name !== "string")) return "expected a list of scope names (strings)";
  if (names.length === 0) return `it names no scope (omit it for ${SCOPES.join(" and ")})`;
  return SCOPES.filter((scope) => names.includes(scope));
}

/**
 * The scopes of a JWT's `scope` claim: a space-separated string as OAuth writes it (RFC 6749 §3.3, RFC 8693 §4.2,
 * RFC 9068 §2.2.3), e.g. `"read"` or `"openid profile read write"`; a list of strings (`["read"]`) is read too, for
 * identity providers that emit one. Names that are not ours (`openid`, `profile`, another API's) are ignored and
 * grant nothing, so a claim with none of ours gives no scope (`[]`: every operation is refused, naming it). An absent
 * claim gives {@link ALL_SCOPES}. Returns a sentence saying what was wrong (an empty value, another type) for the
 * caller to prefix. Never throws.
 */
export function scopesFromClaim(value: unknown): readonly Scope[] | string {
  if (value === undefined) return ALL_SCOPES;
  if (typeof value === "string") return scopesAmongClaimNames(value.split(/\s+/).filter((name) => name !== ""));
  if (Array.isArray(value)) return scopesAmongClaimNames(value);
  return 'expected a space-separated string such as "read write"';
}

/**
 * Why a holder of `scopes` may not run an operation of type `operation` (named `name` in the message), or null when it
 * may: a mutation needs `write`, a query or subscription `read`. E.g. `"dashboard" may not run mutations: its grant
 * has the read scope only.` Never throws.
 */
export function scopeRefusal(name: string, scopes: readonly Scope[], operation: OperationType): string | null {
  const needed = SCOPE_OF_OPERATION[operation];
  if (scopes.includes(needed)) return null;
  const held = scopes.length === 0 ? "no scope" : `the ${scopes.join(" and ")} scope only`;
  return `"${name}" may not run ${operation === "query" ? "queries" : `${operation}s`}: its grant has ${held}.`;
}
