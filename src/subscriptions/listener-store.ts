/**
 * Where a watch object keeps its listeners, and their credentials with them (never in the watch's own state):
 *
 * - a connection object's subscription: one storage record `listener:<connection>:<subscription>` with its spec,
 *   sealed credentials, attach and check times;
 * - an SSE bridge's hibernatable socket: its spec, attach time and an id in the socket attachment (no credentials:
 *   an attachment is small, and a socket's is readable by anything that holds it), and the sealed credentials, attach
 *   and check times in the record `socket:<id>`, written before the socket is accepted.
 *
 * A record goes when its listener leaves, ends, or is dropped; a socket record whose socket is gone is swept at the
 * next poll. Credentials are sealed with `sealed-credentials.ts`; the gateway's held ones are a marker only.
 */
import type { Provider } from "../model";
import { connectionNamespace, WEBSOCKET_OPEN, type SubscriptionEnv } from "./bindings";
import { isSocketListenerAlive, type SocketListenerTimes } from "./liveness";
import { openCredentials, sealCredentials, sealingKeyFromEnv, type ListenerCredentials } from "./sealed-credentials";
import type { WatchEvent } from "./topics";
import type { ConnectionListener, ListenerKeeping, ListenerSpec } from "./watch-listeners";

/** A connection listener's storage record: its spec and what the watch keeps with it. */
export type ConnectionRecord = ConnectionListener & ListenerKeeping;

/** A socket listener's attachment: its spec, attach time and the id of its storage record (no credentials). */
export interface SocketAttachment extends ListenerSpec, SocketListenerTimes {
  id: string;
}

/** A listener as a poll sees it; `keeping` is null for a socket whose record is lost (it must subscribe again). */
export type Listener = { key: string; spec: ListenerSpec } & (
  | { kind: "socket"; socket: WebSocket; attachment: SocketAttachment; keeping: ListenerKeeping | null }
  | { kind: "connection"; record: ConnectionRecord; keeping: ListenerKeeping }
);

/** A listener whose record was found. */
export type ReadyListener = Listener & { keeping: ListenerKeeping };

const LISTENER_PREFIX = "listener:";
const SOCKET_PREFIX = "socket:";
const listenerKey = (connectionId: string, subscriptionId: string): string =>
  `${LISTENER_PREFIX}${connectionId}:${subscriptionId}`;

/** The listeners of one watch object, over its storage and its hibernatable sockets. */
export class ListenerStore {
  /**
   * @param sseHeartbeatMs the SSE bridges' heartbeat: a socket silent for 3 of these is dropped (`liveness.ts`).
   */
  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: SubscriptionEnv,
    private readonly sseHeartbeatMs: number,
  ) {}

  /** Adds a connection object's subscription with its sealed credentials. Rejects without `STATE_ENCRYPTION_KEY`. */
  async addConnection(listener: ConnectionListener, credentials: ListenerCredentials): Promise<void> {
    const keeping = await this.keepingFor(credentials);
    const record: ConnectionRecord = { ...listener, ...keeping };
    await this.ctx.storage.put(listenerKey(listener.connectionId, listener.subscriptionId), record);
  }

  /** Removes a connection object's subscription and its credentials. Idempotent. */
  async removeConnection(connectionId: string, subscriptionId: string): Promise<void> {
    await this.ctx.storage.delete(listenerKey(connectionId, subscriptionId));
  }

  /**
   * Accepts an SSE bridge's socket as a listener (its record first, so that no poll sees it without credentials)
   * and answers the bridge's end of the pair. Rejects without `STATE_ENCRYPTION_KEY`.
   */
  async addSocket(spec: ListenerSpec, credentials: ListenerCredentials): Promise<WebSocket> {
    const keeping = await this.keepingFor(credentials);
    const id = crypto.randomUUID();
    await this.ctx.storage.put(`${SOCKET_PREFIX}${id}`, keeping);
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({ ...spec, attachedAt: keeping.attachedAt, id } satisfies SocketAttachment);
    return client;
  }

  /** Deletes a socket listener's record (its sealed credentials). Idempotent. */
  async removeSocket(socket: WebSocket): Promise<void> {
    const id = (socket.deserializeAttachment() as Partial<SocketAttachment> | null)?.id;
    if (typeof id === "string") await this.ctx.storage.delete(`${SOCKET_PREFIX}${id}`);
  }

  /** Deletes a listener's record (its credentials go with it); a socket stays open for its last event. */
  async remove(listener: Listener): Promise<void> {
    await this.ctx.storage.delete(listener.key);
  }

  /** Every listener: live sockets (but `excluding`), then connection subscriptions. */
  async all(excluding?: WebSocket): Promise<Listener[]> {
    const socketRecords = await this.ctx.storage.list<ListenerKeeping>({ prefix: SOCKET_PREFIX });
    const sockets: Listener[] = this.liveSockets()
      .filter((socket) => socket !== excluding)
      .map((socket) => {
        const attachment = socket.deserializeAttachment() as SocketAttachment;
        const key = `${SOCKET_PREFIX}${attachment.id}`;
        return { kind: "socket", key, spec: attachment, socket, attachment, keeping: socketRecords.get(key) ?? null };
      });
    const stored = await this.ctx.storage.list<ConnectionRecord>({ prefix: LISTENER_PREFIX });
    const connections: Listener[] = [...stored].map(([key, record]) => ({
      kind: "connection",
      key,
      spec: record,
      record,
      keeping: record,
    }));
    return [...sockets, ...connections];
  }

  /**
   * The credentials to poll with for a listener: its own, decrypted, or the gateway's held ones for `provider`.
   * Null when they cannot be had (no record, a record from before, another `STATE_ENCRYPTION_KEY`, held ones gone).
   * Never rejects.
   */
  async open(listener: Listener, provider: Provider): Promise<unknown> {
    // A record from before credentials were kept per listener has none: it must subscribe again.
    const sealed: unknown = listener.keeping?.credentials;
    if (listener.keeping === null || typeof sealed !== "object" || sealed === null) return null;
    const key = await sealingKeyFromEnv(this.env).catch(() => null);
    return key === null ? null : openCredentials(key, listener.keeping.credentials, provider, this.env);
  }

  /** Writes a listener's record (and a socket's attachment) back after a change of fingerprint or check time. */
  async save(listener: ReadyListener): Promise<void> {
    if (listener.kind === "socket") {
      listener.socket.serializeAttachment({ ...listener.attachment, fingerprint: listener.spec.fingerprint });
      await this.ctx.storage.put(listener.key, listener.keeping);
    } else {
      const record: ConnectionRecord = {
        ...listener.record,
        ...listener.keeping,
        fingerprint: listener.spec.fingerprint,
      };
      await this.ctx.storage.put(listener.key, record);
    }
  }

  /** Deletes the socket records whose socket is not among `listeners` (dropped as silent, or closed unseen). */
  async sweepSocketRecords(listeners: readonly Listener[]): Promise<void> {
    const live = new Set(listeners.filter((listener) => listener.kind === "socket").map((listener) => listener.key));
    const records = await this.ctx.storage.list({ prefix: SOCKET_PREFIX });
    const orphans = [...records.keys()].filter((key) => !live.has(key));
    if (orphans.length > 0) await this.ctx.storage.delete(orphans);
  }

  /**
   * Closes a socket listener that is gone; it no longer counts (closing a closed socket is harmless). With `last`,
   * sends it first, so that a bridge still there ends its stream with why (a final event) rather than a bare close.
   */
  drop(socket: WebSocket, reason: string, last?: WatchEvent): void {
    try {
      if (last !== undefined) socket.send(JSON.stringify(last));
    } catch {
      // Closed already: nobody is left to tell.
    }
    try {
      socket.close(1011, reason);
    } catch {
      // Already closed.
    }
  }

  /**
   * Tells a listener the watch dropped without its own side ending it (a delivery past its deadline, or one that
   * failed) why its stream ended: `last` (a final `error` event), then the end of the stream. A socket gets it and
   * is closed; a connection object gets it by RPC (it answers `next` with the error, then `complete`), waited for at
   * most `deadlineMs`. Never rejects: a listener that cannot be reached any more is gone anyway.
   */
  async tellEnded(listener: Listener, last: WatchEvent, deadlineMs: number): Promise<void> {
    if (listener.kind === "socket") {
      this.drop(listener.socket, "listener unreachable", last);
      return;
    }
    const { connectionId, subscriptionId } = listener.record;
    const namespace = connectionNamespace(this.env);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, deadlineMs);
    });
    const told = namespace
      .get(namespace.idFromString(connectionId))
      .deliver(subscriptionId, [last])
      .then(
        () => undefined,
        () => undefined,
      );
    await Promise.race([told, deadline]);
    clearTimeout(timer);
  }

  /** What is kept with a new listener: its sealed credentials, and now as attach and check time. */
  private async keepingFor(credentials: ListenerCredentials): Promise<ListenerKeeping> {
    const key = await sealingKeyFromEnv(this.env);
    const now = Date.now();
    // Checked now: the subscriber's start read the resource with these credentials.
    return { credentials: await sealCredentials(key, credentials), attachedAt: now, checkedAt: now };
  }

  /**
   * The open socket listeners that are still heard from. A socket whose bridge stopped its heartbeat (an invocation
   * the runtime cancelled, a close that never came) is closed and forgotten here, so the count stays bounded.
   */
  private liveSockets(): WebSocket[] {
    const now = Date.now();
    return this.ctx.getWebSockets().filter((socket) => {
      if (socket.readyState !== WEBSOCKET_OPEN) return false;
      // A socket from before heartbeats (no attach time) counts as attached at the epoch: dropped, it resubscribes.
      const attachedAt = (socket.deserializeAttachment() as Partial<SocketListenerTimes> | null)?.attachedAt ?? 0;
      const lastHeartbeat = this.ctx.getWebSocketAutoResponseTimestamp(socket)?.getTime() ?? null;
      if (isSocketListenerAlive(lastHeartbeat, attachedAt, now, this.sseHeartbeatMs)) return true;
      this.drop(socket, "listener silent");
      return false;
    });
  }
}
