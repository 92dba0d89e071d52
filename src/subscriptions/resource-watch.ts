/**
 * `ResourceWatch`: the Durable Object that polls one upstream job or dataset for every listener in one tenant of
 * one backend, named by `watchObjectName` (`${provider}:${tenant}:job:${ref}` or `…:dataset:${ref}`). It polls
 * through the backend interface (`backends/backend.ts`), so it knows no platform.
 *
 * - Polling is an alarm, not a timer, so it survives eviction; one poll per interval whatever the listener count.
 * - Listeners are either hibernatable WebSockets from the SSE bridge (spec in the socket attachment) or
 *   subscriptions of WebSocket connection objects (events pushed back by RPC `deliver`). Each listener's
 *   credentials are its own: sealed (`sealed-credentials.ts`) in its storage record, deleted when it leaves; the
 *   gateway's held credentials are never stored (a marker is, resolved from `env` at poll time).
 * - A poll reads with the credentials of the longest-attached listeners. When the upstream refuses them, those
 *   listeners end alone (`FORBIDDEN`) and the next ones' credentials read at once; the others see nothing of it.
 * - Every other set of credentials is checked again with a read of its own every `LISTENER_RECHECK_MS`, so that a
 *   revoked listener ends alone within that time, even when its key never polls.
 * - A poll computes every listener's events under `blockConcurrencyWhile` (an attach or detach never interleaves
 *   with it), then delivers outside it, each listener in order and with a deadline (`delivery-queue.ts`).
 * - The alarm and all storage go as soon as the last listener leaves, the resource is terminal, or it fails.
 */
import { DurableObject } from "cloudflare:workers";
import type { GraphQLFormattedError } from "graphql";
import { backendOf } from "../backends/registry";
import type { Provider } from "../model";
import { isTransient, toGraphQLError, UpstreamError } from "../errors";
import { logCursorFrom, takeNewLogEntries, type LogCursor } from "./log-tail";
import { nextIntervalAfterSuccess, retryDelayAfterFailure } from "./poll-schedule";
import { connectionNamespace, type SubscriptionEnv, type WatchRpc } from "./bindings";
import { subscriptionSettingsFromEnv } from "./settings";
import {
  CREDENTIALS_HEADER,
  credentialsRefusedEvent,
  eventsForListener,
  groupByCredentials,
  isRecheckDue,
  parseListenerSpec,
  LISTENER_HEADER,
  tooSlowEvent,
  type AttachRequest,
  type CredentialGroup,
  type ListenerSpec,
} from "./watch-listeners";
import { HEARTBEAT_REQUEST, HEARTBEAT_RESPONSE } from "./liveness";
import { readSnapshot, type SnapshotEvent } from "./snapshots";
import {
  eventFingerprint,
  isFinalEvent,
  resourceOfTopic,
  type JobListDigest,
  type JobListEvent,
  type JobListTopic,
  type WatchedResource,
  type WatchEvent,
} from "./topics";
import { openListCredentials, parseListenerCredentials } from "./sealed-credentials";
import { jobListEventFor, readJobList } from "./job-list";
import { subscriptionEndedEvent } from "./stream-end";
import { DeliveryQueue, type DeliveryOutcome } from "./delivery-queue";
import { ListenerStore, type Listener, type ReadyListener } from "./listener-store";
import { traceWork, type RequestTelemetry } from "../telemetry/request-telemetry";
import { workTracerFromEnv, type WorkTrace } from "../telemetry/tracing";

interface WatchState {
  provider: Provider;
  resource: WatchedResource;
  ref: string;
  /** A jobs list's topic (what its poll reads); null for a job or dataset. */
  list?: JobListTopic | null;
  /**
   * A jobs list's digests by page fingerprint: the page each listener last got (the last poll's, and the first pages
   * of listeners that joined since), from which a listener's next message says what changed.
   */
  digests?: Record<string, JobListDigest>;
  intervalMs: number;
  failures: number;
  fingerprint: string | null;
  /** The last job snapshot, so the backend can reuse what has settled (a dataset whose upload is over). */
  lastJob: Extract<WatchEvent, { type: "job" }> | null;
  logCursor: LogCursor | null;
}

/** Events to hand one listener once the poll's block is over. */
interface Delivery {
  listener: Listener;
  events: WatchEvent[];
}

/** What one poll read: the snapshot, the new log entries, and the log cursor after them. */
interface PollRead {
  snapshot: SnapshotEvent | JobListEvent;
  logEvents: WatchEvent[];
  logCursor: LogCursor | null;
}

const STATE_KEY = "watch";

/** How much longer than one upstream call a delivery may take before its listener is dropped as too slow. */
const DELIVERY_MARGIN_MS = 5000;

/** The end of a listener whose credentials can no longer be read (the sealing key changed, held ones removed). */
const CREDENTIALS_LOST_EVENT: WatchEvent = {
  type: "error",
  error: {
    message: "The live update stream can no longer use its credentials; subscribe again.",
    extensions: { code: "UNAUTHENTICATED" },
  },
};

/** True when the upstream refused the credentials themselves (revoked, or never valid for this resource). */
function isCredentialsRefusal(error: unknown): boolean {
  return error instanceof UpstreamError && error.reason === "credentials-refused";
}

/** The last event of a listener whose credentials the upstream refused: the refusal, saying the watch ended. */
const errorEvent = (error: unknown): WatchEvent => credentialsRefusedEvent(toGraphQLError(error).toJSON());

/** Reads a header's JSON; null when missing or not JSON. Never throws. */
function parseJsonHeader(raw: string | null): unknown {
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

/** The Durable Object that polls one job or dataset and fans its changes out. See the module comment. */
export class ResourceWatch extends DurableObject<SubscriptionEnv> implements WatchRpc {
  private readonly settings = subscriptionSettingsFromEnv(this.env);
  private readonly deliveryDeadlineMs = this.settings.upstreamTimeoutMs + DELIVERY_MARGIN_MS;
  private readonly deliveries = new DeliveryQueue(this.deliveryDeadlineMs);
  private readonly store = new ListenerStore(this.ctx, this.env, this.settings.sseHeartbeatMs);

  constructor(ctx: DurableObjectState, env: SubscriptionEnv) {
    super(ctx, env);
    // SSE bridges' heartbeats are answered without waking the object; their times tell live listeners from dead.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(HEARTBEAT_REQUEST, HEARTBEAT_RESPONSE));
  }

  /**
   * Attaches a connection object's subscription with its credentials (sealed in its record) and starts polling if
   * this is the first listener. Rejects (GATEWAY_MISCONFIGURED) when the gateway has no `STATE_ENCRYPTION_KEY`.
   */
  async attach(request: AttachRequest): Promise<void> {
    const { digest, ...listener } = request.listener;
    const credentials = parseListenerCredentials(request.credentials);
    if (credentials === null) throw new Error("attach: expected the listener's credentials or the held marker");
    await this.store.addConnection(listener, credentials);
    await this.prepare(listener, digest);
  }

  /** Detaches a connection object's subscription (its credentials go with it); stops when it was the last. Idempotent. */
  async detach(connectionId: string, subscriptionId: string): Promise<void> {
    await this.store.removeConnection(connectionId, subscriptionId);
    await this.stopIfIdle();
  }

  /** Accepts an SSE bridge's WebSocket (hibernatable) as a listener. Credentials and spec come in headers. */
  override async fetch(request: Request): Promise<Response> {
    const spec = parseListenerSpec(request.headers.get(LISTENER_HEADER));
    const credentials = parseListenerCredentials(parseJsonHeader(request.headers.get(CREDENTIALS_HEADER)));
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket" || spec === null || credentials === null) {
      return new Response("expected a WebSocket upgrade with a listener spec and credentials", { status: 400 });
    }
    // The digest stays in the watch's state, not in the socket's attachment (small, and read at every poll).
    const { digest, ...kept } = spec;
    const client = await this.store.addSocket(kept, credentials);
    await this.prepare(kept, digest);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** A socket listener left (the SSE stream ended): forget its credentials; stop if nobody else listens. */
  override async webSocketClose(socket: WebSocket, code: number): Promise<void> {
    try {
      socket.close(code === 1005 || code === 1006 ? 1000 : code, "listener left");
    } catch {
      // Already closed: nothing to do.
    }
    await this.store.removeSocket(socket);
    await this.stopIfIdle(socket);
  }

  /** A socket listener broke: same as a close. */
  override async webSocketError(socket: WebSocket): Promise<void> {
    await this.store.removeSocket(socket);
    await this.stopIfIdle(socket);
  }

  /** Socket listeners never talk; anything they send is ignored. */
  override webSocketMessage(): void {}

  /**
   * One poll: read, diff and schedule under the block; then deliver outside it. Each poll is a trace of its own
   * (its upstream reads and its deliveries, hibernated sockets' included), exported after it, under `waitUntil`.
   */
  override async alarm(): Promise<void> {
    await traceWork(
      "poll",
      workTracerFromEnv(this.env),
      (promise) => this.ctx.waitUntil(promise),
      async (telemetry) => {
        const round = await this.ctx.blockConcurrencyWhile(() => this.poll(telemetry));
        await Promise.all(round.map((delivery) => this.deliver(delivery, telemetry.trace)));
      },
    );
  }

  private async prepare(spec: ListenerSpec, digest?: JobListDigest): Promise<void> {
    const existing = await this.ctx.storage.get<WatchState & { credentials?: unknown }>(STATE_KEY);
    // A state from before credentials were kept per listener held the last subscriber's: it is not kept.
    if (existing !== undefined) delete existing.credentials;
    const state: WatchState = existing ?? {
      provider: spec.topic.provider,
      resource: resourceOfTopic(spec.topic),
      ref: spec.topic.ref,
      intervalMs: this.settings.pollIntervalMs,
      failures: 0,
      fingerprint: null,
      lastJob: null,
      logCursor: null,
      list: spec.topic.kind === "jobList" ? spec.topic : null,
    };
    if (digest !== undefined && spec.fingerprint !== null) {
      // The first page this listener sent: its next message says what changed since it.
      state.digests = { ...state.digests, [spec.fingerprint]: digest };
    }
    if (spec.topic.kind === "jobLogs") {
      // The new listener is already registered, so one tail means it is the only one: it starts the cursor at
      // its subscription time. Later tails join the running cursor (and filter out entries older than themselves).
      const tails = (await this.store.all()).filter((listener) => listener.spec.topic.kind === "jobLogs").length;
      if (state.logCursor === null || tails <= 1) state.logCursor = logCursorFrom(spec.since);
    }
    await this.ctx.storage.put(STATE_KEY, state);
    if ((await this.ctx.storage.getAlarm()) === null) {
      await this.ctx.storage.setAlarm(Date.now() + this.settings.pollIntervalMs);
    }
  }

  private async stopIfIdle(leaving?: WebSocket): Promise<void> {
    if ((await this.store.all(leaving)).length === 0) await this.stop();
  }

  /** Forgets everything: alarm, credentials, listener records; closes remaining sockets. */
  private async stop(): Promise<void> {
    await this.forgetAll();
    for (const socket of this.ctx.getWebSockets()) {
      try {
        socket.close(1000, "watch ended");
      } catch {
        // Already closing.
      }
    }
  }

  /** Deletes the alarm and all storage; sockets stay open for the final events still to be delivered. */
  private async forgetAll(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
  }

  /** Ends one listener alone: its record (credentials) goes now, its last event is delivered after the block. */
  private async endAlone(listener: Listener, event: WatchEvent): Promise<Delivery> {
    await this.store.remove(listener);
    return { listener, events: [event] };
  }

  private async poll(telemetry: RequestTelemetry): Promise<Delivery[]> {
    const state = await this.ctx.storage.get<WatchState>(STATE_KEY);
    const listeners = await this.store.all();
    if (state === undefined || listeners.length === 0) {
      await this.stop();
      // A watch that lost its state cannot go on: its connection listeners hear why (its sockets see the close).
      const interrupted = subscriptionEndedEvent("INTERRUPTED");
      return listeners
        .filter((listener) => listener.kind === "connection")
        .map((listener) => ({ listener, events: [interrupted] }));
    }
    // What is watched, never which one: the ref is an upstream id.
    telemetry.trace?.describe(undefined, {
      "gateway.watch.provider": state.provider,
      "gateway.watch.resource": state.resource,
      "gateway.watch.listeners": listeners.length,
    });
    await this.store.sweepSocketRecords(listeners);
    const ended: Delivery[] = [];
    const opened: { listener: ReadyListener; credentials: unknown }[] = [];
    for (const listener of listeners) {
      const credentials = await this.store.open(listener, state.provider);
      if (credentials === null || listener.keeping === null || !this.usable(state, credentials)) {
        ended.push(await this.endAlone(listener, CREDENTIALS_LOST_EVENT));
      } else {
        opened.push({ listener: { ...listener, keeping: listener.keeping }, credentials });
      }
    }
    const groups = groupByCredentials(opened);
    // The longest-attached credentials poll; refused ones end their listeners alone and the next ones read at once.
    for (const [index, group] of groups.entries()) {
      let read: PollRead;
      try {
        read = await this.read(state, group.credentials, opened, telemetry);
      } catch (error) {
        if (isCredentialsRefusal(error)) {
          for (const member of group.members) ended.push(await this.endAlone(member, errorEvent(error)));
          continue;
        }
        return [
          ...ended,
          ...(await this.pollFailed(
            state,
            groups.slice(index).flatMap((g) => g.members),
            error,
          )),
        ];
      }
      await this.markChecked(group);
      // Every group before this one was refused; those after it are checked with their own reads when due.
      const later = groups.slice(index + 1);
      ended.push(...(await this.recheck(state, later, telemetry)));
      const gone = new Set(ended.map((delivery) => delivery.listener));
      const staying = [group, ...later].flatMap((g) => g.members).filter((listener) => !gone.has(listener));
      return [...ended, ...(await this.pollSucceeded(state, staying, read))];
    }
    // Nobody is left whose credentials the upstream accepts.
    await this.forgetAll();
    return ended;
  }

  /** False when a list listener's credentials do not give credentials for each of its platforms (held ones gone). */
  private usable(state: WatchState, credentials: unknown): boolean {
    if (state.resource !== "jobList" || state.list == null) return true;
    const providers = state.list.parts.map((part) => part.provider);
    return openListCredentials(credentials, providers, this.env) !== null;
  }

  /** One poll's reads with `credentials`: the snapshot, then (for log tails) the new entries. Rejects as the upstream. */
  private async read(
    state: WatchState,
    credentials: unknown,
    opened: readonly { listener: Listener }[],
    telemetry: RequestTelemetry,
  ): Promise<PollRead> {
    const snapshot = await this.readResource(state, credentials, telemetry);
    if (snapshot.type === "jobList") return { snapshot, logEvents: [], logCursor: null };
    // A poll's session: no retries (the alarm schedule is the retry, with backoff), and every call is one poll.
    const watch = backendOf(state.provider).createSession(credentials, this.env, {
      polling: true,
      observer: telemetry.upstreamObserver,
    }).watch;
    const tailing = opened.some(({ listener }) => listener.spec.topic.kind === "jobLogs");
    if (!tailing || watch.logsSince === undefined || state.logCursor === null || snapshot.type !== "job") {
      return { snapshot, logEvents: [], logCursor: state.logCursor };
    }
    // Read after the job, so that a terminal job's last entries are in this read.
    const taken = takeNewLogEntries(state.logCursor, await watch.logsSince(state.ref, state.logCursor));
    return { snapshot, logEvents: taken.entries.map((entry) => ({ type: "log", entry })), logCursor: taken.cursor };
  }

  /**
   * Reads the watched resource once with `credentials` (a poll's sessions: no retries, the alarm schedule is the
   * retry): the job or dataset snapshot, or a jobs list's first page. Rejects as the upstream; a list listener's
   * credentials that cannot be opened for every platform reject as refused.
   */
  private async readResource(
    state: WatchState,
    credentials: unknown,
    telemetry: RequestTelemetry,
  ): Promise<SnapshotEvent | JobListEvent> {
    // A poll's sessions: no retries (the alarm schedule is the retry), and each call is in the poll's telemetry.
    const options = { polling: true, observer: telemetry.upstreamObserver };
    if (state.resource !== "jobList") {
      const session = backendOf(state.provider).createSession(credentials, this.env, options);
      return readSnapshot(session.watch, state.resource, state.ref, state.lastJob);
    }
    const list = state.list;
    if (list === undefined || list === null) throw new Error("list watch: its topic is missing from its state");
    const providers = list.parts.map((part) => part.provider);
    const opened = openListCredentials(credentials, providers, this.env);
    // The poll checked them already (`usable`): this is a bug, masked for the client.
    if (opened === null) throw new Error("list watch: a listener's credentials do not open for every platform");
    const sessions = providers.map((provider) =>
      backendOf(provider).createSession(opened.get(provider), this.env, options),
    );
    return readJobList(sessions, list);
  }

  /**
   * Checks every group of credentials that is due (one snapshot read each, at the same time): refused ones end
   * their listeners alone; accepted ones are marked checked; any other failure is left for the next round.
   */
  private async recheck(
    state: WatchState,
    groups: readonly CredentialGroup<ReadyListener>[],
    telemetry: RequestTelemetry,
  ): Promise<Delivery[]> {
    const now = Date.now();
    const due = groups.filter((group) => isRecheckDue(group.checkedAt, now, this.settings.listenerRecheckMs));
    const outcomes = await Promise.allSettled(
      due.map((group) => this.readResource(state, group.credentials, telemetry)),
    );
    const ended: Delivery[] = [];
    for (const [index, outcome] of outcomes.entries()) {
      const group = due[index];
      if (group === undefined) continue;
      if (outcome.status === "fulfilled") await this.markChecked(group, now);
      else if (isCredentialsRefusal(outcome.reason)) {
        for (const member of group.members) ended.push(await this.endAlone(member, errorEvent(outcome.reason)));
      }
    }
    return ended;
  }

  /** Records that a group's credentials were accepted (only when due, to spare a write per poll). */
  private async markChecked(group: CredentialGroup<ReadyListener>, now = Date.now()): Promise<void> {
    for (const member of group.members) {
      if (!isRecheckDue(member.keeping.checkedAt, now, this.settings.listenerRecheckMs / 2)) continue;
      member.keeping = { ...member.keeping, checkedAt: now };
      await this.store.save(member);
    }
  }

  private async pollSucceeded(
    state: WatchState,
    listeners: readonly ReadyListener[],
    read: PollRead,
  ): Promise<Delivery[]> {
    const { snapshot, logEvents } = read;
    const fingerprint = eventFingerprint(snapshot);
    const changed = fingerprint !== state.fingerprint || logEvents.length > 0;
    const deliveries: Delivery[] = [];
    for (const listener of listeners) {
      const events =
        snapshot.type === "jobList"
          ? this.listEventsFor(state, listener.spec, snapshot)
          : eventsForListener(listener.spec, snapshot, logEvents, snapshot.terminal);
      if (events.length === 0) continue;
      deliveries.push({ listener, events });
      if (events.some(isFinalEvent)) {
        await this.store.remove(listener);
      } else if (listener.spec.topic.kind !== "jobLogs" && listener.spec.fingerprint !== fingerprint) {
        listener.spec = { ...listener.spec, fingerprint };
        await this.store.save(listener);
      }
    }
    if (snapshot.terminal || listeners.length === 0) {
      await this.forgetAll();
      return deliveries;
    }
    state.failures = 0;
    state.fingerprint = fingerprint;
    state.intervalMs = nextIntervalAfterSuccess(this.settings, state.intervalMs, changed);
    state.logCursor = read.logCursor;
    if (snapshot.type === "job") state.lastJob = snapshot;
    // Every listener now has this page (or had it already): the older digests are no longer anyone's.
    if (snapshot.type === "jobList" && snapshot.digest !== undefined && fingerprint !== null) {
      state.digests = { [fingerprint]: snapshot.digest };
    }
    await this.ctx.storage.put(STATE_KEY, state);
    await this.ctx.storage.setAlarm(Date.now() + state.intervalMs);
    return deliveries;
  }

  /**
   * A list listener's message from a poll: the page with what changed since the page it last got, or nothing when
   * it has this page already. A listener whose last page the watch no longer knows gets the page without changes.
   */
  private listEventsFor(state: WatchState, spec: ListenerSpec, event: JobListEvent): WatchEvent[] {
    if (spec.fingerprint === event.fingerprint) return [];
    const previous = spec.fingerprint === null ? undefined : state.digests?.[spec.fingerprint];
    return [jobListEventFor(event, previous ?? null)];
  }

  private async pollFailed(state: WatchState, listeners: readonly Listener[], error: unknown): Promise<Delivery[]> {
    if (listeners.length > 0 && isTransient(error) && state.failures + 1 < this.settings.pollMaxFailures) {
      state.failures += 1;
      const retryAfter = error instanceof UpstreamError ? error.retryAfterSeconds : undefined;
      await this.ctx.storage.put(STATE_KEY, state);
      await this.ctx.storage.setAlarm(Date.now() + retryDelayAfterFailure(this.settings, state.failures, retryAfter));
      return [];
    }
    // Persistent trouble (or a 404: the job deleted) ends every stream with the code.
    const formatted: GraphQLFormattedError = toGraphQLError(error).toJSON();
    await this.forgetAll();
    return listeners.map((listener) => ({ listener, events: [{ type: "error", error: formatted }] }));
  }

  /**
   * Hands a listener its events through its queue; drops it when it is gone, too slow, or its last event was final.
   * One dropped as too slow (or whose delivery failed) is told why its stream ended. A span in the poll's trace: to
   * a hibernated socket (an SSE bridge's) or to a connection object by RPC.
   */
  private async deliver({ listener, events }: Delivery, trace: WorkTrace | null): Promise<void> {
    const step = trace?.startStep("watch.deliver", {
      "gateway.listener.kind": listener.kind === "socket" ? "hibernated-socket" : "connection",
      "gateway.events": events.length,
    });
    const outcome = await this.deliveries.enqueue(listener.key, () => this.send(listener, events));
    step?.setAttributes({ "gateway.delivery.outcome": outcome });
    step?.end();
    if (outcome === "keep") return;
    await this.store.remove(listener);
    if (outcome === "late" || outcome === "failed") {
      await this.store.tellEnded(listener, tooSlowEvent(this.deliveryDeadlineMs), DELIVERY_MARGIN_MS);
    } else if (listener.kind === "socket") {
      this.store.drop(listener.socket, "listener unreachable");
    }
  }

  private async send(listener: Listener, events: WatchEvent[]): Promise<DeliveryOutcome> {
    const final = events.some(isFinalEvent);
    if (listener.kind === "socket") {
      for (const event of events) listener.socket.send(JSON.stringify(event));
      if (!final) return "keep";
      listener.socket.close(1000, "stream ended");
      return "drop";
    }
    const { connectionId, subscriptionId } = listener.record;
    const namespace = connectionNamespace(this.env);
    const keep = await namespace.get(namespace.idFromString(connectionId)).deliver(subscriptionId, events);
    return keep && !final ? "keep" : "drop";
  }
}
