/**
 * The SSE side of a subscription: an async iterator of watch events for Yoga's GraphQL-over-SSE, fed by a
 * WebSocket from this Worker invocation to the watch object (which accepts it with the Hibernation API).
 *
 * It is a `Repeater` rather than an async generator on purpose: when the client goes, Yoga calls `return()` while
 * a `next()` is still waiting for the next poll; a generator would queue that `return()` behind the pending
 * `next()` (so the socket, and the poll behind it, would live until the next change), a Repeater settles it at
 * once. Its cleanup sits after `await stop`, so every end (complete, error, client gone, lifetime over) closes the
 * socket, which detaches the listener.
 */
import { Repeater } from "graphql-yoga";
import type { ResourceWatch } from "./resource-watch";
import { CREDENTIALS_HEADER, LISTENER_HEADER, type ListenerSpec } from "./watch-listeners";
import type { SubscriptionStart } from "./subscription-start";
import { isFinalEvent, watchObjectName, type WatchEvent } from "./topics";

/** What the bridge needs. */
export interface WatchStreamOptions {
  /** The `JOB_WATCH` binding. */
  namespace: DurableObjectNamespace<ResourceWatch>;
  /** The subscriber's credentials for the topic's backend (already checked by the start). */
  credentials: unknown;
  start: SubscriptionStart;
  /** Longest life of the stream (ms); after it the stream completes and the client may resubscribe. */
  maxLifetimeMs: number;
  /** The HTTP request's signal: it aborts when the client disconnects, which ends the stream. */
  signal?: AbortSignal | undefined;
}

/** The event a stream ends with when its watch object goes away without a final event. */
export const INTERRUPTED_EVENT: WatchEvent = {
  type: "error",
  error: { message: "The live update stream was interrupted; subscribe again.", extensions: { code: "UPSTREAM_UNAVAILABLE" } },
};

/**
 * The events of one subscription: its first event (if any), then what the watch object sends, until a final
 * event, the lifetime, or `return()`. A `complete` event ends the stream without a value. Never rejects: failures
 * to reach the watch object become an `error` event.
 */
export function watchStream(options: WatchStreamOptions): AsyncIterableIterator<WatchEvent> {
  const { start } = options;
  return new Repeater<WatchEvent>(async (push, stop) => {
    if (start.first !== null) await push(start.first);
    if (start.ended) {
      stop();
      return;
    }
    let socket: WebSocket | null = null;
    let ended = false;
    const finish = (event?: WatchEvent): void => {
      if (ended) return;
      ended = true;
      if (event !== undefined && event.type !== "complete") void push(event);
      stop();
    };
    const lifetime = setTimeout(() => finish(), options.maxLifetimeMs);
    const clientGone = (): void => finish();
    options.signal?.addEventListener("abort", clientGone);
    if (options.signal?.aborted === true) finish();
    try {
      const spec: ListenerSpec = { topic: start.topic, since: start.since, fingerprint: start.fingerprint };
      const name = watchObjectName(start.topic);
      const stub = options.namespace.get(options.namespace.idFromName(name));
      const response = await stub.fetch("https://watch.internal/listen", {
        headers: {
          Upgrade: "websocket",
          [LISTENER_HEADER]: JSON.stringify(spec),
          [CREDENTIALS_HEADER]: JSON.stringify(options.credentials),
        },
      });
      socket = response.webSocket;
      if (socket === null) {
        finish(INTERRUPTED_EVENT);
      } else {
        socket.accept();
        socket.addEventListener("message", (message) => {
          if (ended || typeof message.data !== "string") return;
          const event = JSON.parse(message.data) as WatchEvent;
          if (isFinalEvent(event)) finish(event);
          else void push(event);
        });
        socket.addEventListener("close", () => finish(INTERRUPTED_EVENT));
        socket.addEventListener("error", () => finish(INTERRUPTED_EVENT));
      }
    } catch {
      finish(INTERRUPTED_EVENT);
    }
    await stop;
    ended = true;
    clearTimeout(lifetime);
    options.signal?.removeEventListener("abort", clientGone);
    try {
      socket?.close(1000, "subscriber left");
    } catch {
      // Already closed by the watch object.
    }
  });
}
