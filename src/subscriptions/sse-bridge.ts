/**
 * The SSE side of a subscription: an async iterator of watch events for Yoga's GraphQL-over-SSE, fed by a
 * WebSocket from this Worker invocation to the watch object (which accepts it with the Hibernation API).
 *
 * It is a `Repeater` rather than an async generator on purpose: when the client goes, Yoga calls `return()` while
 * a `next()` is still waiting for the next poll; a generator would queue that `return()` behind the pending
 * `next()` (so the socket, and the poll behind it, would live until the next change), a Repeater settles it at
 * once. Its cleanup sits after `await stop`, so every end (complete, error, client gone, lifetime over) closes the
 * socket, which detaches the listener. While open, the bridge sends the watch object a heartbeat (`liveness.ts`).
 */
import { Repeater } from "graphql-yoga";
import type { WatchRpc } from "./bindings";
import { CREDENTIALS_HEADER, LISTENER_HEADER, type ListenerSpec } from "./watch-listeners";
import type { SubscriptionStart } from "./subscription-start";
import { isFinalEvent, watchObjectName, type WatchEvent } from "./topics";
import type { ListenerCredentials } from "./sealed-credentials";
import { HEARTBEAT_REQUEST, HEARTBEAT_RESPONSE, MISSED_HEARTBEATS } from "./liveness";
import { subscriptionEndedEvent } from "./stream-end";

/** What the bridge needs. */
export interface WatchStreamOptions {
  /** The `JOB_WATCH` binding. */
  namespace: DurableObjectNamespace<WatchRpc>;
  /** The subscriber's credentials for the topic's backend (already checked by the start), or the held marker. */
  credentials: ListenerCredentials;
  start: SubscriptionStart;
  /**
   * Longest life of the stream (ms); after it the stream ends with `SUBSCRIPTION_ENDED` (reason `MAX_LIFETIME`,
   * `retryAfterSeconds` 0) and the client subscribes again.
   */
  maxLifetimeMs: number;
  /** The HTTP request's signal: it aborts when the client disconnects, which ends the stream. */
  signal?: AbortSignal | undefined;
  /** How often the bridge sends its watch object a heartbeat (ms); see `liveness.ts`. */
  heartbeatMs: number;
}

/**
 * The event a stream ends with when its watch object goes away without a final event (it restarted, or dropped
 * this stream), or cannot be reached: `SUBSCRIPTION_ENDED`, reason `INTERRUPTED`, come back at once.
 */
export const INTERRUPTED_EVENT: WatchEvent = subscriptionEndedEvent("INTERRUPTED");

/** The event a stream ends with at its maximum lifetime. */
const MAX_LIFETIME_EVENT: WatchEvent = subscriptionEndedEvent("MAX_LIFETIME");

/**
 * The events of one subscription: its first event (if any), then what the watch object sends, until a final
 * event, the lifetime (a last `SUBSCRIPTION_ENDED` event), or `return()`. A `complete` event ends the stream without a value. Never rejects: failures
 * to reach the watch object become an `error` event.
 *
 * A departure is never lost, whatever point of the start it comes at: the abort listener is there before the first
 * event is pushed, a stream that has ended does not attach, and a socket that arrives after the end is closed at
 * once. Two things the runtime may not report are covered too:
 * - an invocation cancelled before its cleanup ran: its heartbeat stops, and the watch object drops the socket;
 * - a consumer that stopped reading without a cancel (a dead connection whose buffers are full): an event left
 *   unread for {@link MISSED_HEARTBEATS} heartbeats ends the stream.
 * (Not `waitUntil` for the cleanup: with it, workerd kept the invocation and reported no abort at all.)
 */
export function watchStream(options: WatchStreamOptions): AsyncIterableIterator<WatchEvent> {
  return new Repeater<WatchEvent>((push, stop) => streamLife(options, push, stop));
}

/** The body of one stream's Repeater: start, attach, relay, and the cleanup every end goes through. */
async function streamLife(
  options: WatchStreamOptions,
  push: (event: WatchEvent) => Promise<unknown>,
  stop: ((error?: unknown) => undefined) & Promise<undefined>,
): Promise<void> {
  const { start } = options;
  let socket: WebSocket | null = null;
  let ended = false;
  // When each event not yet taken by the consumer was pushed, oldest first (pushes settle in order).
  const unread: number[] = [];
  const deliver = (event: WatchEvent): void => {
    unread.push(Date.now());
    void push(event).then(() => unread.shift());
  };
  const finish = (event?: WatchEvent): void => {
    if (ended) return;
    ended = true;
    if (event !== undefined && event.type !== "complete") void push(event);
    stop();
  };
  // Listen for the client's departure before anything else: the first push waits for the consumer, and a client
  // may leave while it waits. The socket is closed right in the abort event: the runtime cancels the request's
  // invocation once its client has gone, so a close left to the cleanup below may never run, or never leave.
  const clientGone = (): void => {
    finish();
    closeListener(socket);
  };
  options.signal?.addEventListener("abort", clientGone);
  if (options.signal?.aborted === true) finish();
  void stop.then(() => {
    ended = true;
  });
  // Not a plain complete: a client could not tell it from the watched object's end.
  const lifetime = setTimeout(() => finish(MAX_LIFETIME_EVENT), options.maxLifetimeMs);
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  try {
    if (!ended && start.first !== null) await push(start.first);
    if (start.ended) finish();
    // Gone during the check or the first push: never attach.
    if (!ended) socket = await attach(options);
    if (socket === null) {
      finish(INTERRUPTED_EVENT);
    } else {
      const open = socket;
      open.accept();
      open.addEventListener("message", (message) => {
        if (ended || typeof message.data !== "string" || message.data === HEARTBEAT_RESPONSE) return;
        const event = JSON.parse(message.data) as WatchEvent;
        if (isFinalEvent(event)) finish(event);
        else deliver(event);
      });
      open.addEventListener("close", () => finish(INTERRUPTED_EVENT));
      open.addEventListener("error", () => finish(INTERRUPTED_EVENT));
      heartbeat = setInterval(() => {
        const oldestUnread = unread[0];
        if (oldestUnread !== undefined && Date.now() - oldestUnread >= MISSED_HEARTBEATS * options.heartbeatMs) {
          finish(); // Nobody reads this stream any more: its client is gone.
          return;
        }
        try {
          open.send(HEARTBEAT_REQUEST);
        } catch {
          finish(INTERRUPTED_EVENT); // The socket can no longer be written: the listener is gone.
        }
      }, options.heartbeatMs);
    }
  } catch {
    finish(INTERRUPTED_EVENT);
  }
  await stop;
  clearTimeout(lifetime);
  clearInterval(heartbeat);
  options.signal?.removeEventListener("abort", clientGone);
  // Also when the socket arrived after the client left: it is closed here, at once.
  closeListener(socket);
}

/** Closes the listener socket, which detaches it from its watch object. Harmless when closed or null. */
function closeListener(socket: WebSocket | null): void {
  try {
    socket?.close(1000, "subscriber left");
  } catch {
    // Already closed by the watch object.
  }
}

/** Opens the listener socket to the watch object; null when it answers without one. Rejects when unreachable. */
async function attach(options: WatchStreamOptions): Promise<WebSocket | null> {
  const { start } = options;
  const spec: ListenerSpec = {
    topic: start.topic,
    since: start.since,
    fingerprint: start.fingerprint,
    ...(start.digest === undefined ? {} : { digest: start.digest }),
  };
  const name = watchObjectName(start.topic);
  const stub = options.namespace.get(options.namespace.idFromName(name));
  const response = await stub.fetch("https://watch.internal/listen", {
    headers: {
      Upgrade: "websocket",
      [LISTENER_HEADER]: JSON.stringify(spec),
      [CREDENTIALS_HEADER]: JSON.stringify(options.credentials),
    },
  });
  return response.webSocket;
}
