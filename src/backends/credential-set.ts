/**
 * How every backend reads its credentials, written once: each credential has a request header (also the graphql-ws
 * `connection_init` payload key, matched in any case) and a setting that holds the gateway's own. A backend declares
 * its credentials with {@link credentialSet} and spreads the result into its `Backend` object.
 *
 * The rule: the caller's own credentials win, but only as a whole set. A request that names any of them must name
 * all of them (else it has none), because half from the request and half from the environment would act on a
 * project with a key the caller never chose. A request that names none uses the environment's, again only whole. A
 * value outside its credential's grammar counts as not given, so a half-valid set is no set.
 */
import { backendVar, type VarsSource } from "../vars";
import type { Backend, CredentialsFound } from "./backend";

/** One credential: the header that carries a caller's own, and the setting that holds the gateway's. */
export interface CredentialSpec {
  /** Lower case: `x-nexus-secret-key`. */
  readonly header: string;
  /** `NEXUS_SECRET_KEY`. */
  readonly setting: string;
  /**
   * The grammar of a value that goes into the upstream's paths (a project id): a value outside it is no credential
   * at all, so `..` or `a/b` never reaches a path. Default: any non-empty value (a key, which goes in a header).
   */
  readonly pattern?: RegExp;
}

/** The parts of a `Backend` that say how it reads its credentials. */
export type CredentialParts<C> = Pick<
  Backend<C>,
  "credentialsHint" | "credentialHeaders" | "credentialSettings" | "credentialsFromHeaders" | "credentialsFromPayload"
>;

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** The value when it fits the credential's grammar; null otherwise (and for null). */
function inGrammar(spec: CredentialSpec, value: string | null): string | null {
  return value === null || spec.pattern === undefined || spec.pattern.test(value) ? value : null;
}

function spoken(names: readonly string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
}

/**
 * The credential parts of a backend whose credentials are `{ [field]: string }`, one {@link CredentialSpec} per
 * field (in the order messages name them). The readers never throw; they trim values and ignore empty ones.
 */
export function credentialSet<K extends string>(
  specs: Readonly<Record<K, CredentialSpec>>,
): CredentialParts<Record<K, string>> {
  const fields = Object.entries(specs) as [K, CredentialSpec][];
  const headers = fields.map(([, spec]) => spec.header);
  const settings = fields.map(([, spec]) => spec.setting);
  const whole = headers.length > 1 ? " headers (both)" : " header";

  const pick = (
    read: (spec: CredentialSpec) => string | null,
    env: VarsSource,
  ): CredentialsFound<Record<K, string>> | null => {
    const own = fields.map(([field, spec]) => [field, inGrammar(spec, read(spec))] as const);
    if (own.some(([, value]) => value !== null)) {
      return own.every(([, value]) => value !== null) ? { credentials: recordOf(own), source: "request" } : null;
    }
    const held = fields.map(
      ([field, spec]) => [field, inGrammar(spec, nonEmpty(backendVar(env, spec.setting)))] as const,
    );
    return held.every(([, value]) => value !== null) ? { credentials: recordOf(held), source: "environment" } : null;
  };

  return {
    credentialsHint: `send the ${spoken(headers)}${headers.length > 2 ? " headers (all)" : whole}, or configure ${spoken(settings)} on the gateway`,
    credentialHeaders: headers,
    credentialSettings: settings,
    credentialsFromHeaders: (requestHeaders, env) => pick((spec) => nonEmpty(requestHeaders.get(spec.header)), env),
    credentialsFromPayload: (payload, env) => {
      const byName = new Map<string, unknown>(
        Object.entries(payload).map(([name, value]) => [name.toLowerCase(), value]),
      );
      return pick((spec) => nonEmpty(byName.get(spec.header)), env);
    },
  };
}

function recordOf<K extends string>(entries: readonly (readonly [K, string | null])[]): Record<K, string> {
  return Object.fromEntries(entries) as Record<K, string>;
}
