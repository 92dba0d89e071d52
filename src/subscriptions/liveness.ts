/**
 * How the subscription Durable Objects find listeners that left without saying so (a Worker invocation the runtime
 * cancelled, a network that dropped without a close frame). Pure rules over timestamps; the objects apply them.
 *
 * - SSE bridge → watch object: the bridge sends {@link HEARTBEAT_REQUEST} every heartbeat interval over its socket,
 *   and the watch object's WebSocket auto-response answers it without waking the object. A socket listener whose
 *   last heartbeat (or, before the first, its attach) is older than {@link MISSED_HEARTBEATS} intervals is dropped.
 * - graphql-ws connection object → client: a graphql-ws `ping` every ping interval; a client that has sent nothing
 *   (no `pong`, no message, no `ping` of its own) since the previous `ping` is gone, and its socket is released.
 */

/** What the SSE bridge sends to its watch object to say it is still there. */
export const HEARTBEAT_REQUEST = "ping";
/** What the watch object's auto-response answers (the bridge ignores it). */
export const HEARTBEAT_RESPONSE = "pong";

/** Heartbeat intervals a socket listener may miss before it is dropped: 3, so one late timer is not a departure. */
export const MISSED_HEARTBEATS = 3;

/** What the watch object keeps in an SSE bridge socket's attachment: its listener spec and when it attached. */
export interface SocketListenerTimes {
  /** When the watch object accepted the socket (ms since the epoch). */
  attachedAt: number;
}

/**
 * True when a socket listener has been heard from recently enough: its last heartbeat, or its attach when it has
 * sent none yet, is less than {@link MISSED_HEARTBEATS} heartbeat intervals old.
 */
export function isSocketListenerAlive(
  lastHeartbeatAt: number | null,
  attachedAt: number,
  nowMs: number,
  heartbeatMs: number,
): boolean {
  const lastHeard = Math.max(lastHeartbeatAt ?? 0, attachedAt);
  return nowMs - lastHeard < MISSED_HEARTBEATS * heartbeatMs;
}

/** What a graphql-ws connection object keeps between two pings. */
export interface PingRecord {
  /** When the last `ping` went out (ms), or null before the first. */
  pingSentAt: number | null;
  /** When the client was last heard from (ms): any message, or an auto-answered `ping`. */
  lastHeardAt: number;
}

/**
 * At a ping alarm: `"gone"` when a ping went out and nothing came back since, else `"ping"` (send the next one).
 * So a client that vanished is found between one and two ping intervals after it last spoke.
 */
export function pingVerdict(record: PingRecord): "gone" | "ping" {
  return record.pingSentAt !== null && record.lastHeardAt < record.pingSentAt ? "gone" : "ping";
}
