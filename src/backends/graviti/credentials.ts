/**
 * Where a request's Graviti credentials come from: the caller's `x-graviti-access-key` (an HTTP header, or the
 * graphql-ws `connection_init` payload key of the same name), else the gateway's server-held `GRAVITI_ACCESS_KEY`.
 * No key at all means Graviti is not asked. The one home of those names.
 */
import type { CredentialsFound } from "../backend";
import type { GatewayVars } from "../../vars";
import type { GravitiCredentials } from "./transport";

/** Header (and graphql-ws `connection_init` payload key) that carries the access key. */
export const ACCESS_KEY_HEADER = "x-graviti-access-key";

/** How a caller gives Graviti credentials (for the `UNAUTHENTICATED` message). */
export const GRAVITI_CREDENTIALS_HINT = `send the ${ACCESS_KEY_HEADER} header, or configure GRAVITI_ACCESS_KEY on the gateway`;

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

function pick(accessKey: string | null, env: GatewayVars): CredentialsFound<GravitiCredentials> | null {
  if (accessKey !== null) return { credentials: { accessKey }, source: "request" };
  const fallback = nonEmpty(env.GRAVITI_ACCESS_KEY);
  return fallback === null ? null : { credentials: { accessKey: fallback }, source: "environment" };
}

/** The credentials of an HTTP request: its header, else the environment's key, else null. Never throws. */
export function gravitiCredentialsFromHeaders(headers: Headers, env: GatewayVars): CredentialsFound<GravitiCredentials> | null {
  return pick(nonEmpty(headers.get(ACCESS_KEY_HEADER)), env);
}

/**
 * The credentials of a graphql-ws `connection_init` payload, under the header's name (matched case-insensitively),
 * with the same fallback as {@link gravitiCredentialsFromHeaders}. Never throws.
 */
export function gravitiCredentialsFromPayload(
  payload: Readonly<Record<string, unknown>>,
  env: GatewayVars,
): CredentialsFound<GravitiCredentials> | null {
  let accessKey: string | null = null;
  for (const [name, value] of Object.entries(payload)) {
    if (name.toLowerCase() === ACCESS_KEY_HEADER) accessKey = nonEmpty(value);
  }
  return pick(accessKey, env);
}
