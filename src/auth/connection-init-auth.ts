/**
 * The gateway's own authentication for graphql-ws: the `connection_init` payload is checked with the same rule as
 * an HTTP request, before `connection_ack`. A refusal closes the socket the way graphql-ws servers do: 4403
 * Forbidden (4500 when the gateway's settings are unusable), with the refusal's code and message as the reason.
 */
import { CloseCode, MessageType } from "graphql-ws";
import { authorize, bearerOf, callerFromPayload, type AuthorizeEnv } from "./authorize";
import { authSettingsFromEnv, isSettingsProblem, type AuthEnv } from "./auth-settings";
import { sha256Hex } from "./bearer-token";
import { browserSettingsFromEnv, type BrowserEnv } from "../browser/browser-settings";
import { closeReason } from "./close-reason";
import type { Principal } from "./principal";

/** How to close a refused socket. */
export interface InitRefusal {
  type: "close";
  code: CloseCode;
  reason: string;
}

/** An allowed `connection_init`, and the backends whose server-held credentials its socket may use. */
export interface InitAllowed {
  type: "allow";
  serverHeld: "all" | readonly string[];
  /** The verified caller, when the decision needed one (see `decide-access.ts`). */
  principal?: Principal;
  /**
   * The sha256 hex of the `GATEWAY_TOKENS` token that verified the caller, when one did: the socket keeps it (never
   * the token) to look the token up again while it lives (`socket-session.ts`).
   */
  tokenSha256?: string;
}

function initPayload(data: string | ArrayBuffer): Record<string, unknown> | null | "not-init" {
  if (typeof data !== "string") return "not-init";
  try {
    const message: unknown = JSON.parse(data);
    if (typeof message !== "object" || message === null || !("type" in message)) return "not-init";
    if (message.type !== MessageType.ConnectionInit) return "not-init";
    const payload = "payload" in message ? message.payload : null;
    return typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>) : null;
  } catch {
    return "not-init"; // The protocol core answers unparsable messages itself (4400).
  }
}

/**
 * For the first `connection_init` of a socket, the close to send instead of `connection_ack` when the caller is
 * refused, or what an allowed caller may use; null for every other message (the protocol core handles those, and a
 * second init). Never throws.
 */
export async function connectionInitAccess(
  data: string | ArrayBuffer,
  initReceived: boolean,
  env: AuthorizeEnv & BrowserEnv,
): Promise<InitRefusal | InitAllowed | null> {
  if (initReceived) return null;
  const payload = initPayload(data);
  if (payload === "not-init") return null;
  const browser = browserSettingsFromEnv(env);
  const decision = isSettingsProblem(browser)
    ? ({ outcome: "refuse", code: "GATEWAY_MISCONFIGURED", message: browser.message } as const)
    : await authorize(callerFromPayload(payload), env);
  if (decision.outcome === "allow") {
    const { serverHeld, principal } = decision;
    if (principal === undefined) return { type: "allow", serverHeld };
    // A JWT always carries `exp` (a required claim); a principal without one came from a GATEWAY_TOKENS token.
    const bearer = principal.expiresAt === undefined ? bearerOf(callerFromPayload(payload).authorization ?? "") : null;
    return bearer === null
      ? { type: "allow", serverHeld, principal }
      : { type: "allow", serverHeld, principal, tokenSha256: await sha256Hex(bearer) };
  }
  const code = decision.code === "GATEWAY_MISCONFIGURED" ? CloseCode.InternalServerError : CloseCode.Forbidden;
  return { type: "close", code, reason: closeReason(`${decision.code}: ${decision.message}`) };
}

/**
 * True while the token whose sha256 hex is `tokenSha256` is in the current `GATEWAY_TOKENS` (read as every request
 * reads it). False when it was removed, or when the settings cannot be read any more (a new `connection_init` would
 * be refused then too). Never throws.
 */
export function tokenIsConfigured(tokenSha256: string, env: AuthEnv): boolean {
  const settings = authSettingsFromEnv(env);
  if (isSettingsProblem(settings)) return false;
  return settings.tokens.some((entry) => hexOf(entry.sha256) === tokenSha256);
}

function hexOf(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
