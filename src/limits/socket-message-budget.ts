/**
 * The message budget of one graphql-ws socket: a client that sends more messages in a minute than its caller could
 * ever need (subscribes, completes, pings, beyond the per-caller request budget) is flooding, and its socket is
 * closed with 4429 and a reason that says so. Counted per socket, in the socket's attachment (it survives
 * hibernation), with no Durable Object call: a flood costs the gateway no more than the messages themselves.
 *
 * The budget is `RATE_LIMIT_WS_MESSAGES_PER_MINUTE`, by default twice `RATE_LIMIT_REQUESTS_PER_MINUTE` (each
 * operation a client may start in a minute, and its `complete`): a client within its request budget never meets
 * it. Off (`0`) when that setting is `0`, or when it is unset and the request budget is off. A bare
 * `{"type":"ping"}` is answered by the runtime without waking the connection object (`connection-liveness.ts`): it
 * costs nothing and is not counted; every message that reaches the object is.
 *
 * 4429 is graphql-ws's own code for "Too many initialisation requests" (`CloseCode.TooManyInitialisationRequests`),
 * the one code of its range that means "too many"; the reason tells the two apart. Its clients treat 4429 as fatal
 * and do not reconnect by themselves, which is what a flooding client should meet. The gateway's other codes (4400,
 * 4401, 4403, 4408, 4409, 4500, 1001) mean other things.
 */
import { closeReason } from "../auth/close-reason";
import { RATE_WINDOW_MS } from "./rate-window";
import { rateLimitSettingsFromEnv, type RateLimitVars } from "./rate-limit-settings";

/** The close code of a flooding socket (graphql-ws's "too many" code; see the module comment). */
export const SOCKET_FLOOD_CLOSE_CODE = 4429;

/** The raw var of the socket message budget (a subset of `GatewayEnv`), beside the rate limits it defaults from. */
export interface SocketMessageVars extends RateLimitVars {
  RATE_LIMIT_WS_MESSAGES_PER_MINUTE?: string | undefined;
}

/** One socket's message window: when it opened (ms since the epoch) and how many messages it has counted. */
export interface MessageWindow {
  openedAt: number;
  count: number;
}

/**
 * The messages one socket may send a minute: `RATE_LIMIT_WS_MESSAGES_PER_MINUTE` when it is a non-negative integer,
 * else twice the request budget (see the module comment). `0` is off. Never throws.
 */
export function socketMessagesPerMinute(env: SocketMessageVars): number {
  const raw = env.RATE_LIMIT_WS_MESSAGES_PER_MINUTE?.trim() ?? "";
  const value = raw === "" ? Number.NaN : Number(raw);
  if (Number.isSafeInteger(value) && value >= 0) return value;
  return 2 * rateLimitSettingsFromEnv(env).requestsPerMinute;
}

/** What counting one message decided: the window to keep, and the close when the message is past the budget. */
export interface MessageCount {
  window: MessageWindow;
  flood: { code: number; reason: string } | null;
}

/**
 * Counts one message at `now` in `window` (a fixed one-minute window, opened by the first message it counts, as
 * rate-window.ts's). Past `max` it is a flood: close with {@link SOCKET_FLOOD_CLOSE_CODE}. `max` 0 counts nothing.
 * Never throws.
 */
export function countSocketMessage(window: MessageWindow | undefined, max: number, now: number): MessageCount {
  if (max <= 0) return { window: window ?? { openedAt: now, count: 0 }, flood: null };
  const live =
    window !== undefined && now >= window.openedAt && now < window.openedAt + RATE_WINDOW_MS
      ? window
      : { openedAt: now, count: 0 };
  const counted = { openedAt: live.openedAt, count: live.count + 1 };
  if (counted.count <= max) return { window: counted, flood: null };
  const reason = closeReason(`Too many messages: at most ${max} a minute per socket. Reconnect later.`);
  return { window: counted, flood: { code: SOCKET_FLOOD_CLOSE_CODE, reason } };
}
