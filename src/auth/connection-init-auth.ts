/**
 * The gateway's own authentication for graphql-ws: the `connection_init` payload is checked with the same rule as
 * an HTTP request, before `connection_ack`. A refusal closes the socket the way graphql-ws servers do: 4403
 * Forbidden (4500 when the gateway's settings are unusable), with the refusal's code and message as the reason.
 */
import { CloseCode, MessageType } from "graphql-ws";
import { authorize, callerFromPayload, type AuthorizeEnv } from "./authorize";
import { isSettingsProblem } from "./auth-settings";
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
    return principal === undefined ? { type: "allow", serverHeld } : { type: "allow", serverHeld, principal };
  }
  const code = decision.code === "GATEWAY_MISCONFIGURED" ? CloseCode.InternalServerError : CloseCode.Forbidden;
  return { type: "close", code, reason: closeReason(`${decision.code}: ${decision.message}`) };
}
