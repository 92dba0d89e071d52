/**
 * How long a graphql-ws socket may keep serving the caller it authorized at `connection_init`: pure rules over a
 * small record kept in the socket's attachment. A socket ends when its JWT's `exp` passes, when its `GATEWAY_TOKENS`
 * token is no longer in the current setting (looked up again on each message and at least every
 * `SESSION_RECHECK_MS`), and, whatever its authorization, when it reaches `WS_MAX_LIFETIME_MS`.
 *
 * The JWT itself is not kept (a credential at rest in storage): its `exp` is enough, with the lifetime cap behind
 * it. A token is kept as its sha256 (what `GATEWAY_TOKENS` is keyed by), never as the token.
 */
import { CloseCode } from "graphql-ws";

/** What a socket keeps about its authorization (JSON, in the attachment). */
export interface SocketSession {
  /** When `connection_init` was accepted (ms since the epoch): the lifetime cap counts from here. */
  startedAt: number;
  /** The JWT's `exp` (ms since the epoch), when a JWT authorized the socket. */
  expiresAt?: number;
  /** The sha256 hex of the `GATEWAY_TOKENS` token that authorized the socket, when one did. */
  tokenSha256?: string;
}

/** The settings the rules read (`subscriptionSettingsFromEnv`). */
export interface SessionSettings {
  /** `WS_MAX_LIFETIME_MS`. */
  wsMaxLifetimeMs: number;
  /** `SESSION_RECHECK_MS`. */
  sessionRecheckMs: number;
}

/** How a socket whose session is over is closed. */
export interface SessionEnd {
  code: number;
  reason: string;
}

/**
 * A passed JWT `exp`, or a token removed from `GATEWAY_TOKENS`: 4403, as for a refused `connection_init`. graphql-ws
 * clients retry 4403 (a retry "might grant access"), calling `connectionParams` again, so a client whose
 * `connectionParams` fetches a fresh token reconnects and resubscribes by itself.
 */
export const TOKEN_EXPIRED: SessionEnd = { code: CloseCode.Forbidden, reason: "Forbidden: token expired" };
/** A token no longer in `GATEWAY_TOKENS` (or a setting that cannot be read any more). */
export const TOKEN_REVOKED: SessionEnd = { code: CloseCode.Forbidden, reason: "Forbidden: token no longer accepted" };
/**
 * `WS_MAX_LIFETIME_MS` reached: 1001 Going Away, the code for a server that ends a connection it is done with (AWS
 * API Gateway closes at its connection-duration cap the same way). graphql-ws clients retry it (it is not one of
 * their fatal codes, unlike 4400/4401/4500, and unlike 1000, which they only retry with subscriptions open), and
 * resubscribe. Not 4408: graphql-ws names that code "Connection initialisation timeout", which this is not.
 */
export const MAX_LIFETIME: SessionEnd = {
  code: 1001,
  reason: "Going away: maximum socket lifetime reached, reconnect",
};

/**
 * Whether the session is over at `now`, and why: a passed `expiresAt` first, then a token that `tokenKnown` no
 * longer finds, then the lifetime cap. `tokenKnown` is only asked for a session that holds a token. Null while the
 * session holds. Pure; never throws.
 */
export function sessionEnd(
  session: SocketSession,
  now: number,
  settings: SessionSettings,
  tokenKnown: (sha256Hex: string) => boolean,
): SessionEnd | null {
  if (session.expiresAt !== undefined && now >= session.expiresAt) return TOKEN_EXPIRED;
  if (session.tokenSha256 !== undefined && !tokenKnown(session.tokenSha256)) return TOKEN_REVOKED;
  if (now >= session.startedAt + settings.wsMaxLifetimeMs) return MAX_LIFETIME;
  return null;
}

/**
 * When the session must be looked at next (ms since the epoch): the earliest of its `exp`, the end of its lifetime,
 * and, for a token, `SESSION_RECHECK_MS` from `now`. The connection's alarm fires no later than this. Pure.
 */
export function nextSessionCheckAt(session: SocketSession, now: number, settings: SessionSettings): number {
  const times = [session.startedAt + settings.wsMaxLifetimeMs];
  if (session.expiresAt !== undefined) times.push(session.expiresAt);
  if (session.tokenSha256 !== undefined) times.push(now + settings.sessionRecheckMs);
  return Math.min(...times);
}

/** The session of a socket whose `connection_init` was accepted at `now`, for a caller with these facts. */
export function startSession(now: number, facts: { expiresAt?: number; tokenSha256?: string }): SocketSession {
  return {
    startedAt: now,
    ...(facts.expiresAt === undefined ? {} : { expiresAt: facts.expiresAt }),
    ...(facts.tokenSha256 === undefined ? {} : { tokenSha256: facts.tokenSha256 }),
  };
}
