/**
 * The per-caller rate limits, written once: who a caller is for counting ({@link rateKeyOf}), the check against the
 * caller's counter object ({@link checkRate}) and the refusal ({@link rateLimitedError}); what a request is charged
 * is `chargesFor` (rate-window.ts). The plugin (`plugins/use-operation-refusals.ts`) applies it to every GraphQL
 * operation of every transport; the Worker entry to each WebSocket upgrade, before a connection object exists.
 *
 * The caller key, first that applies:
 * - `principal:<name>`: the verified principal (a `GATEWAY_TOKENS` token, a JWT), whatever credentials it uses;
 * - `credentials:<hash>`: the caller's own upstream credentials (headers, or `connection_init`), as their fingerprint
 *   (`encoding/credentials-fingerprint.ts`, the one circuit breakers use: the first 128 bits of the SHA-256 of their
 *   JSON). The values are neither stored nor logged: only the hash names the counter object;
 * - `address:<ip>`: the client's address (`CF-Connecting-IP`, set by Cloudflare's edge on every request);
 * - `anonymous`: none of these. Under `wrangler dev` there is no `CF-Connecting-IP`, so local callers without
 *   credentials share this one key; over graphql-ws the operations do not see the upgrade's address, so a socket's
 *   caller without a principal or credentials of its own (gateway authentication off) counts as `anonymous` too.
 */
import { GraphQLError } from "graphql";
import type { CredentialsByProvider } from "../backends/backend";
import { credentialsFingerprint } from "../encoding/credentials-fingerprint";
import { graphqlErrorResponse } from "../http-error-response";
import type { OperationCaller } from "../server-context";
import type { RateLimitBindings } from "./rate-limit-bindings";
import type { RateBudget, RateCharge, RateDecision } from "./rate-window";

/** The key of callers nothing else identifies (see the module comment). */
export const ANONYMOUS_RATE_KEY = "anonymous";

/** What a caller key is made from: the caller its transport decided (if any) and the client's address (if known). */
export interface RateKeySource {
  caller?: Pick<OperationCaller, "principal" | "credentials"> | undefined;
  /** The client's address (`CF-Connecting-IP`), or null when the transport does not know it. */
  address: string | null;
}

/**
 * The caller's own credentials (not the gateway's held ones) as `[provider, credentials]` pairs in provider order
 * (so the same credentials give the same fingerprint whatever order they were read in); null when none.
 */
function ownCredentials(credentials: CredentialsByProvider): [string, unknown][] | null {
  const own = Object.entries(credentials)
    .filter(([, found]) => found?.source === "request")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([provider, found]): [string, unknown] => [provider, found?.credentials]);
  return own.length === 0 ? null : own;
}

/** The counting key of a caller (see the module comment for the order). Never throws. */
export function rateKeyOf(source: RateKeySource): string {
  const principal = source.caller?.principal?.name;
  if (principal !== undefined) return `principal:${principal}`;
  const own = source.caller === undefined ? null : ownCredentials(source.caller.credentials());
  if (own !== null) return `credentials:${credentialsFingerprint(own)}`;
  const address = source.address?.trim() ?? "";
  return address === "" ? ANONYMOUS_RATE_KEY : `address:${address}`;
}

/** The client's address of an HTTP request (`CF-Connecting-IP`), or null (as under `wrangler dev`). */
export function clientAddressOf(request: Request | undefined): string | null {
  return request?.headers.get("cf-connecting-ip") ?? null;
}

/**
 * Charges one request to `key`'s counter object: one Durable Object call, none when every budget is off. Rejects
 * when the `RATE_LIMITER` binding is missing while a budget is on (a deployment mistake: wrangler.toml lost it), or
 * when the object cannot be reached; the client then sees a masked error.
 */
export async function checkRate(
  env: RateLimitBindings,
  key: string,
  charges: readonly RateCharge[],
): Promise<RateDecision> {
  if (charges.length === 0) return { allowed: true };
  const namespace = env.RATE_LIMITER;
  if (namespace === undefined) throw new Error("The RATE_LIMITER Durable Object binding is missing (wrangler.toml).");
  return namespace.get(namespace.idFromName(key)).take(charges);
}

const WHAT: Readonly<Record<RateBudget, string>> = {
  requests: "GraphQL requests",
  subscriptions: "subscription starts",
};

/** A refusal by {@link checkRate}. */
export type RateRefusal = Extract<RateDecision, { allowed: false }>;

/** A refusal's GraphQL error, without transport detail. */
function refusalError(refusal: RateRefusal, extra: Record<string, unknown> = {}): GraphQLError {
  const { budget, max, retryAfterSeconds } = refusal;
  return new GraphQLError(
    `Too many ${WHAT[budget]}: at most ${max} a minute per caller. Retry after ${retryAfterSeconds} s.`,
    {
      extensions: { code: "RATE_LIMITED", retryAfterSeconds, ...extra },
    },
  );
}

/** The `Retry-After` header of a refusal. */
function retryAfterHeader(refusal: RateRefusal): Record<string, string> {
  return { "Retry-After": String(refusal.retryAfterSeconds) };
}

/**
 * The refusal of an operation past its caller's budget: code `RATE_LIMITED` with `extensions.retryAfterSeconds` (the
 * shape of an upstream's 429, errors.ts), and for HTTP a 429 with `Retry-After` (`extensions.http`, which Yoga turns
 * into the status and header and never shows; graphql-ws drops it). Never throws.
 */
export function rateLimitedError(refusal: RateRefusal): GraphQLError {
  return refusalError(refusal, { http: { status: 429, headers: retryAfterHeader(refusal) } });
}

/** The same refusal as an HTTP answer of its own (a WebSocket upgrade): 429, `Retry-After`, a GraphQL JSON body. */
export function rateLimitedResponse(refusal: RateRefusal): Response {
  return graphqlErrorResponse(429, refusalError(refusal), retryAfterHeader(refusal));
}
