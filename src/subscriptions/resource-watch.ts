/**
 * `ResourceWatch`: the Durable Object that polls one upstream job or dataset for every listener in one tenant of
 * one backend, named by `watchObjectName` (`${provider}:${tenant}:job:${ref}` or `…:dataset:${ref}`). It polls
 * through the backend interface (`backends/backend.ts`), so it knows no platform.
 *
 * - Polling is an alarm, not a timer, so it survives eviction; one poll per interval whatever the listener count.
 * - Listeners are either hibernatable WebSockets from the SSE bridge (state in the socket attachment) or
 *   subscriptions of WebSocket connection objects (records in storage, events pushed back by RPC `deliver`).
 * - Each poll runs under `blockConcurrencyWhile`, so an attach or detach never interleaves with a delivery round.
 * - The credentials used for polling are the last attached subscriber's (all were checked against this tenant);
 *   they stay in storage only while there are listeners, and are never logged.
 * - The alarm and all storage go as soon as the last listener leaves, the resource is terminal, or it fails.
 */
import { DurableObject } from "cloudflare:workers";
import type { GraphQLFormattedError } from "graphql";
import { backendOf } from "../backends/registry";
import type { SubscriptionEnv, WatchRpc } from "./bindings";
import type { Provider } from "../model";
import { isTransient, toGraphQLError, UpstreamError } from "../errors";
import { logCursorFrom, takeNewLogEntries, type LogCursor } from "./log-tail";
import { nextIntervalAfterSuccess, retryDelayAfterFailure } from "./poll-schedule";
import { connectionNamespace, WEBSOCKET_OPEN } from "./bindings";
import { subscriptionSettingsFromEnv } from "./settings";
import {
  CREDENTIALS_HEADER,
  eventsForListener,
  parseListenerSpec,
  LISTENER_HEADER,
  type AttachRequest,
  type ConnectionListener,
  type ListenerSpec,
} from "./watch-listeners";
import { HEARTBEAT_REQUEST, HEARTBEAT_RESPONSE, isSocketListenerAlive, type SocketListenerTimes } from "./liveness";
import { readSnapshot, type SnapshotEvent } from "./snapshots";
import { eventFingerprint, isFinalEvent, resourceOfTopic, type WatchEvent } from "./topics";

interface WatchState {
  provider: Provider;
  resource: "job" | "dataset";
  ref: string;
  /** The backend's credentials of the last attached subscriber. */
  credentials: unknown;
  intervalMs: number;
  failures: number;
  fingerprint: string | null;
  /** The last job snapshot, so the backend can reuse what has settled (a dataset whose upload is over). */
  lastJob: Extract<WatchEvent, { type: "job" }> | null;
  logCursor: LogCursor | null;
}

type Listener =
  | { kind: "socket"; spec: ListenerSpec & SocketListenerTimes; socket: WebSocket }
  | { kind: "connection"; spec: ConnectionListener; key: string };

const STATE_KEY = "watch";

/** Reads the credentials header; null when missing or not JSON. Never throws. */
function parseCredentials(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}
const LISTENER_PREFIX = "listener:";
const listenerKey = (connectionId: string, subscriptionId: string): string =>
  `${LISTENER_PREFIX}${connectionId}:${subscriptionId}`;

/** The Durable Object that polls one job or dataset and fans its changes out. See the module comment. */
export class ResourceWatch extends DurableObject<SubscriptionEnv> implements WatchRpc {
  private readonly settings = subscriptionSettingsFromEnv(this.env);

  constructor(ctx: DurableObjectState, env: SubscriptionEnv) {
    super(ctx, env);
    // SSE bridges' heartbeats are answered without waking the object; their times tell live listeners from dead.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(HEARTBEAT_REQUEST, HEARTBEAT_RESPONSE));
  }

  /** Attaches a connection object's subscription and starts polling if this is the first listener. */
  async attach(request: AttachRequest): Promise<void> {
    const { listener } = request;
    await this.ctx.storage.put(listenerKey(listener.connectionId, listener.subscriptionId), listener);
    await this.prepare(request.credentials, listener);
  }

  /** Detaches a connection object's subscription; stops polling when it was the last listener. Idempotent. */
  async detach(connectionId: string, subscriptionId: string): Promise<void> {
    await this.ctx.storage.delete(listenerKey(connectionId, subscriptionId));
    await this.stopIfIdle();
  }

  /** Accepts an SSE bridge's WebSocket (hibernatable) as a listener. Credentials and spec come in headers. */
  override async fetch(request: Request): Promise<Response> {
    const spec = parseListenerSpec(request.headers.get(LISTENER_HEADER));
    const credentials = parseCredentials(request.headers.get(CREDENTIALS_HEADER));
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket" || spec === null || credentials === null) {
      return new Response("expected a WebSocket upgrade with a listener spec and credentials", { status: 400 });
    }
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({ ...spec, attachedAt: Date.now() } satisfies ListenerSpec & SocketListenerTimes);
    await this.prepare(credentials, spec);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** A socket listener left (the SSE stream ended): stop polling if nobody else listens. */
  override async webSocketClose(socket: WebSocket, code: number): Promise<void> {
    try {
      socket.close(code === 1005 || code === 1006 ? 1000 : code, "listener left");
    } catch {
      // Already closed: nothing to do.
    }
    await this.stopIfIdle(socket);
  }

  /** A socket listener broke: same as a close. */
  override async webSocketError(socket: WebSocket): Promise<void> {
    await this.stopIfIdle(socket);
  }

  /** Socket listeners never talk; anything they send is ignored. */
  override webSocketMessage(): void {}

  /** One poll: read, diff, deliver, schedule the next one (or stop). */
  override async alarm(): Promise<void> {
    await this.ctx.blockConcurrencyWhile(() => this.poll());
  }

  private async prepare(credentials: unknown, spec: ListenerSpec): Promise<void> {
    const existing = await this.ctx.storage.get<WatchState>(STATE_KEY);
    const state: WatchState = existing ?? {
      provider: spec.topic.provider,
      resource: resourceOfTopic(spec.topic),
      ref: spec.topic.ref,
      credentials,
      intervalMs: this.settings.pollIntervalMs,
      failures: 0,
      fingerprint: null,
      lastJob: null,
      logCursor: null,
    };
    state.credentials = credentials;
    if (spec.topic.kind === "jobLogs") {
      // The new listener is already registered, so one tail means it is the only one: it starts the cursor at
      // its subscription time. Later tails join the running cursor (and filter out entries older than themselves).
      const tails = (await this.listeners()).filter((listener) => listener.spec.topic.kind === "jobLogs").length;
      if (state.logCursor === null || tails <= 1) state.logCursor = logCursorFrom(spec.since);
    }
    await this.ctx.storage.put(STATE_KEY, state);
    if ((await this.ctx.storage.getAlarm()) === null) {
      await this.ctx.storage.setAlarm(Date.now() + this.settings.pollIntervalMs);
    }
  }

  private async listeners(excluding?: WebSocket): Promise<Listener[]> {
    const sockets: Listener[] = this.liveSockets()
      .filter((socket) => socket !== excluding)
      .map((socket) => ({ kind: "socket", socket, spec: socket.deserializeAttachment() as ListenerSpec & SocketListenerTimes }));
    const stored = await this.ctx.storage.list<ConnectionListener>({ prefix: LISTENER_PREFIX });
    const connections: Listener[] = [...stored].map(([key, spec]) => ({ kind: "connection", key, spec }));
    return [...sockets, ...connections];
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
      if (isSocketListenerAlive(lastHeartbeat, attachedAt, now, this.settings.sseHeartbeatMs)) return true;
      this.drop(socket, "listener silent");
      return false;
    });
  }

  /** Closes a socket listener that is gone; it no longer counts (closing a closed socket is harmless). */
  private drop(socket: WebSocket, reason: string): void {
    try {
      socket.close(1011, reason);
    } catch {
      // Already closed.
    }
  }

  private async stopIfIdle(leaving?: WebSocket): Promise<void> {
    if ((await this.listeners(leaving)).length === 0) await this.stop();
  }

  /** Forgets everything: alarm, credentials, listener records; closes remaining sockets. */
  private async stop(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    for (const socket of this.ctx.getWebSockets()) {
      try {
        socket.close(1000, "watch ended");
      } catch {
        // Already closing.
      }
    }
  }

  private async poll(): Promise<void> {
    const state = await this.ctx.storage.get<WatchState>(STATE_KEY);
    const listeners = await this.listeners();
    if (state === undefined || listeners.length === 0) return this.stop();
    // A poll's session: no retries (the alarm schedule is the retry, with backoff), and every call is one poll.
    const session = backendOf(state.provider).createSession(state.credentials, this.env, { polling: true });
    const tailing = listeners.some((listener) => listener.spec.topic.kind === "jobLogs");
    let snapshot: SnapshotEvent;
    let logEvents: WatchEvent[] = [];
    try {
      snapshot = await readSnapshot(session.watch, state.resource, state.ref, state.lastJob);
      const watch = session.watch;
      if (tailing && watch.logsSince !== undefined && state.logCursor !== null && snapshot.type === "job") {
        // Read after the job, so that a terminal job's last entries are in this read.
        const fetched = await watch.logsSince(state.ref, state.logCursor);
        const taken = takeNewLogEntries(state.logCursor, fetched);
        state.logCursor = taken.cursor;
        logEvents = taken.entries.map((entry) => ({ type: "log", entry }));
      }
    } catch (error) {
      return this.pollFailed(state, listeners, error);
    }
    const fingerprint = eventFingerprint(snapshot);
    const changed = fingerprint !== state.fingerprint || logEvents.length > 0;
    await Promise.all(
      listeners.map((listener) =>
        this.deliver(listener, eventsForListener(listener.spec, snapshot, logEvents, snapshot.terminal), fingerprint),
      ),
    );
    if (snapshot.terminal) return this.stop();
    state.failures = 0;
    state.fingerprint = fingerprint;
    state.intervalMs = nextIntervalAfterSuccess(this.settings, state.intervalMs, changed);
    if (snapshot.type === "job") state.lastJob = snapshot;
    await this.ctx.storage.put(STATE_KEY, state);
    await this.scheduleIfListening(state.intervalMs);
  }

  private async pollFailed(state: WatchState, listeners: Listener[], error: unknown): Promise<void> {
    if (isTransient(error) && state.failures + 1 < this.settings.pollMaxFailures) {
      state.failures += 1;
      const retryAfter = error instanceof UpstreamError ? error.retryAfterSeconds : undefined;
      await this.ctx.storage.put(STATE_KEY, state);
      await this.scheduleIfListening(retryDelayAfterFailure(this.settings, state.failures, retryAfter));
      return;
    }
    // Persistent trouble (or a 403/404: the key was revoked, the job deleted) ends every stream with the code.
    const formatted: GraphQLFormattedError = toGraphQLError(error).toJSON();
    await Promise.all(listeners.map((listener) => this.deliver(listener, [{ type: "error", error: formatted }], null)));
    await this.stop();
  }

  private async scheduleIfListening(delayMs: number): Promise<void> {
    if ((await this.listeners()).length === 0) return this.stop();
    await this.ctx.storage.setAlarm(Date.now() + delayMs);
  }

  /** Sends a listener its events; drops it when it is gone or its last event was final. */
  private async deliver(listener: Listener, events: WatchEvent[], fingerprint: string | null): Promise<void> {
    if (events.length === 0) return;
    const final = events.some(isFinalEvent);
    if (listener.kind === "socket") {
      try {
        for (const event of events) listener.socket.send(JSON.stringify(event));
        if (final) listener.socket.close(1000, "stream ended");
        else listener.socket.serializeAttachment({ ...listener.spec, fingerprint: fingerprint ?? listener.spec.fingerprint });
      } catch {
        // The socket can no longer be written: the listener is gone, drop it now rather than at its close.
        this.drop(listener.socket, "listener unreachable");
      }
      return;
    }
    const { connectionId, subscriptionId } = listener.spec;
    let keep: boolean;
    try {
      const namespace = connectionNamespace(this.env);
      keep = await namespace.get(namespace.idFromString(connectionId)).deliver(subscriptionId, events);
    } catch {
      keep = false; // An unreachable connection object has lost its socket: drop the listener.
    }
    if (keep && !final) {
      if (fingerprint !== null) await this.ctx.storage.put(listener.key, { ...listener.spec, fingerprint });
    } else {
      await this.ctx.storage.delete(listener.key);
    }
  }
}
