/**
 * `GraphQLWsConnection`: the Durable Object that holds one client WebSocket (`graphql-transport-ws`) with the
 * Hibernation API, so that idle sockets cost nothing. A thin adapter around `graphql-ws-protocol.ts`:
 *
 * - The protocol state (init, ack, credentials, running ids) is the socket's attachment (JSON, well under the
 *   2 KiB attachment limit); each running operation's payload is a storage record, because queries can be larger
 *   than an attachment. Both survive hibernation.
 * - The `connection_init` wait is an alarm (timers do not survive hibernation): no init in time closes with 4408.
 * - Every operation goes through the gateway's one plugin chain (`gateway.getEnveloped`, see `execute-event.ts`),
 *   with the socket's caller in its initial context: trusted documents, limits, introspection, field errors, the
 *   size cap and error masking are the plugins' (the same as HTTP and SSE), none is written here.
 * - A subscription is started through the chain (its `subscribe` checks the subscriber with the socket's
 *   credentials), sends its first event, and attaches to the watch object, which pushes later events back through
 *   `deliver` (waking this object if it hibernates). Each event runs the chain again, with the event as root
 *   value; the record keeps the payload as sent (a trusted document's id), so every event meets the same rules.
 * - Every end (complete, client `complete`, close, error) detaches from the watch object and deletes the record.
 * - The socket serves its caller only while their authorization lasts (`socket-session.ts`): a passed JWT `exp` or
 *   a removed `GATEWAY_TOKENS` token closes it with 4403, `WS_MAX_LIFETIME_MS` with 1001, both of which graphql-ws
 *   clients retry with fresh `connectionParams`. Checked on every message and delivery, and by the alarm, which
 *   goes off at the earlier of the next ping and the session's next check.
 */
import { DurableObject } from "cloudflare:workers";
import { OperationTypeNode } from "graphql";
import {
  CloseCode,
  GRAPHQL_TRANSPORT_WS_PROTOCOL,
  type FormattedExecutionResult,
  type SubscribePayload,
} from "graphql-ws";
import { credentialsFromPayload, type BackendSessions } from "../context";
import { connectionInitAccess, tokenIsConfigured } from "../auth/connection-init-auth";
import { gateway } from "../gateway";
import { limitSettingsFromEnv } from "../limits/limit-settings";
import { prefetchTrustedParams } from "../plugins/use-trusted-documents";
import { countSocketMessage, socketMessagesPerMinute } from "../limits/socket-message-budget";
import type { GatewayServerContext } from "../server-context";
import { errorResult, executeWithRoot, prepareOperation, startThroughChain, type GetEnveloped } from "./execute-event";
import {
  completeMessage,
  handleClientMessage,
  handleInitTimeout,
  initialProtocolState,
  nextMessage,
  errorMessage,
  offersTransportWsProtocol,
  refusalBeforeExecution,
  withoutOperation,
  type ConnectionProtocolState,
  type ProtocolAction,
} from "./graphql-ws-protocol";
import { checkSubscriber, type CheckedSubscriber } from "./live-port";
import { isFinalEvent, watchObjectName, type LivePort, type WatchEvent } from "./topics";
import { WEBSOCKET_OPEN, watchNamespace, type ConnectionRpc, type SubscriptionEnv, type WatchRpc } from "./bindings";
import { ConnectionLiveness } from "./connection-liveness";
import { subscriptionSettingsFromEnv } from "./settings";
import { traceWork, type RequestTelemetry } from "../telemetry/request-telemetry";
import { workTracerFromEnv } from "../telemetry/tracing";
import { nextSessionCheckAt, sessionEnd, startSession, type SessionEnd, type SessionSettings } from "./socket-session";

/** How long a new socket may wait before sending `connection_init` (graphql-ws's default). */
export const CONNECTION_INIT_TIMEOUT_MS = 3000;

/** A running operation, kept in storage under `op:<id>`. */
interface OperationRecord {
  payload: SubscribePayload;
  /** The watch object it is attached to, once attached. */
  watchName: string | null;
}

const operationKey = (id: string): string => `op:${id}`;

/** The gateway's one plugin chain (`gateway.ts`): the same hooks as HTTP and SSE. */
const getEnveloped: GetEnveloped = (initialContext) => gateway.getEnveloped(initialContext);

/** A live port that refuses: a started subscription's events come by RPC, never from a stream. */
const NO_STREAM: (backends: BackendSessions) => LivePort = () => ({
  open: () => Promise.reject(new Error("A graphql-ws operation opens no live stream once started.")),
});

/** The Durable Object behind one graphql-ws WebSocket. See the module comment. */
export class GraphQLWsConnection extends DurableObject<SubscriptionEnv> implements ConnectionRpc {
  /** Pings the client after `connection_init`, so that a socket that vanished without a close frame is released. */
  private readonly liveness = new ConnectionLiveness(this.ctx, subscriptionSettingsFromEnv(this.env).wsPingIntervalMs);

  /** Accepts the WebSocket upgrade that the Worker forwarded. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") {
      return new Response("expected a WebSocket upgrade", { status: 426 });
    }
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment(initialProtocolState());
    if (!offersTransportWsProtocol(request.headers.get("Sec-WebSocket-Protocol"))) {
      server.close(CloseCode.SubprotocolNotAcceptable, "Subprotocol not acceptable");
      return new Response(null, { status: 101, webSocket: client });
    }
    await this.ctx.storage.setAlarm(Date.now() + CONNECTION_INIT_TIMEOUT_MS);
    return new Response(null, {
      status: 101,
      webSocket: client,
      headers: { "Sec-WebSocket-Protocol": GRAPHQL_TRANSPORT_WS_PROTOCOL },
    });
  }

  /** The `connection_init` wait ended, or (after it) it is time to ping the client. */
  override async alarm(): Promise<void> {
    for (const socket of this.ctx.getWebSockets()) {
      const state = this.stateOf(socket);
      if (!state.initReceived) {
        await this.run(socket, handleInitTimeout(state));
      } else if (await this.endIfSessionOver(socket)) {
        // Closed: its authorization ended (or its lifetime did).
      } else if ((await this.liveness.check(socket, this.sessionDeadline(socket))) === "gone") {
        // Nobody will read this close frame: the client is gone. Its subscriptions are what matters.
        try {
          socket.close(1001, "ping timeout");
        } catch {
          // Already closed.
        }
        await this.releaseAll();
      }
    }
  }

  /** A client message: apply the protocol, then carry out its actions. */
  override async webSocketMessage(socket: WebSocket, data: string | ArrayBuffer): Promise<void> {
    // Nothing runs for a caller whose authorization ended, even before the alarm says so.
    if (await this.endIfSessionOver(socket)) return;
    // A client flooding the socket with messages (beyond what its caller's budgets allow) is closed with 4429.
    const counted = countSocketMessage(this.stateOf(socket).messages, socketMessagesPerMinute(this.env), Date.now());
    if (counted.flood !== null) return this.run(socket, [{ type: "close", ...counted.flood }]);
    socket.serializeAttachment({ ...this.stateOf(socket), messages: counted.window });
    // The gateway's own authentication, before connection_ack: a refused caller is closed with 4403.
    const access = await connectionInitAccess(data, this.stateOf(socket).initReceived, this.env);
    if (access?.type === "close") return this.run(socket, [access]);
    const before = this.stateOf(socket);
    const handled = handleClientMessage(before, data, {
      // Only the first init is allowed through with credentials (a second one closes the socket, 4429).
      credentialsFromInit: (payload) => credentialsFromPayload(payload, this.env, access?.serverHeld ?? []),
      maxOperations: limitSettingsFromEnv(this.env).maxSubscriptionsPerSocket,
    });
    const { actions } = handled;
    const state =
      access?.type === "allow"
        ? {
            ...handled.state,
            serverHeld: access.serverHeld,
            ...(access.principal === undefined ? {} : { principal: access.principal }),
            session: startSession(Date.now(), {
              ...(access.principal?.expiresAt === undefined ? {} : { expiresAt: access.principal.expiresAt }),
              ...(access.tokenSha256 === undefined ? {} : { tokenSha256: access.tokenSha256 }),
            }),
          }
        : handled.state;
    socket.serializeAttachment(state);
    await this.liveness.heard();
    // The init wait is over: the alarm now pings the client and watches the session.
    if (state.initReceived && !before.initReceived) await this.liveness.start(this.sessionDeadline(socket));
    await this.run(socket, actions);
  }

  /** The client closed (or the socket broke): release every operation. */
  override async webSocketClose(socket: WebSocket, code: number): Promise<void> {
    try {
      socket.close(code === 1005 || code === 1006 ? 1000 : code, "closed");
    } catch {
      // Already closed.
    }
    await this.releaseAll();
  }

  /** Same as a close. */
  override async webSocketError(): Promise<void> {
    await this.releaseAll();
  }

  /**
   * Called by a watch object with new events for one operation. Executes each against the operation's query and
   * sends it; a final event also sends `complete`. Returns false when the operation is gone or has ended, so the
   * watch object drops it.
   */
  async deliver(operationId: string, events: WatchEvent[]): Promise<boolean> {
    const socket = this.openSocket();
    // No event for a caller whose authorization ended: the socket closes, which ends every operation.
    if (socket !== null && (await this.endIfSessionOver(socket))) return false;
    const record = await this.ctx.storage.get<OperationRecord>(operationKey(operationId));
    if (socket === null || record === undefined || !this.stateOf(socket).operationIds.includes(operationId)) {
      return false;
    }
    for (const event of events) {
      if (event.type !== "complete") {
        // Each event on a context of its own (its own deadline), through the whole chain again: parse and
        // validation come from Yoga's caches, and the record holds the payload as sent (a trusted document's id).
        await this.prefetch(record.payload);
        const result = await this.traced(async (telemetry) => {
          const prepared = prepareOperation(
            getEnveloped,
            this.initialContext(socket, NO_STREAM, telemetry),
            record.payload,
          );
          return "errors" in prepared ? null : await executeWithRoot(prepared, event);
        });
        if (result === null) return false;
        // Ended while it executed (by the client, or by the watch object telling it why a late delivery dropped it):
        // nothing may follow its `complete`.
        if (!this.isLive(socket, operationId)) return false;
        socket.send(nextMessage(operationId, result));
      }
      if (isFinalEvent(event)) {
        await this.finish(socket, operationId, true);
        return false;
      }
    }
    return true;
  }

  /**
   * Reads a trusted document kept in KV into the isolate's cache before the chain resolves it (the chain is
   * synchronous there). A KV that cannot be read leaves the cache as it was: the chain then refuses the id.
   */
  private async prefetch(payload: SubscribePayload): Promise<void> {
    await prefetchTrustedParams(this.env, payload).catch(() => undefined);
  }

  /** Why the socket's session is over now (`socket-session.ts`), or null; null before `connection_init`. */
  private sessionEndOf(socket: WebSocket): SessionEnd | null {
    const { session } = this.stateOf(socket);
    if (session === undefined) return null;
    return sessionEnd(session, Date.now(), this.sessionSettings(), (sha256Hex) =>
      tokenIsConfigured(sha256Hex, this.env),
    );
  }

  /**
   * Closes the socket and releases every operation when its session is over; true when it did. Just closing (no
   * `error` per operation): graphql-ws clients retry 4403 and 1001, resubscribing what was running, whereas an
   * `error` message would end each subscription for good on the client.
   */
  private async endIfSessionOver(socket: WebSocket): Promise<boolean> {
    const end = this.sessionEndOf(socket);
    if (end === null) return false;
    try {
      socket.close(end.code, end.reason);
    } catch {
      // Already closed: the release below is what matters.
    }
    await this.releaseAll();
    return true;
  }

  /** When the alarm must look at the session next; never for a socket without one. */
  private sessionDeadline(socket: WebSocket): number {
    const { session } = this.stateOf(socket);
    return session === undefined
      ? Number.POSITIVE_INFINITY
      : nextSessionCheckAt(session, Date.now(), this.sessionSettings());
  }

  private sessionSettings(): SessionSettings {
    return subscriptionSettingsFromEnv(this.env);
  }

  private stateOf(socket: WebSocket): ConnectionProtocolState {
    return (socket.deserializeAttachment() as ConnectionProtocolState | null) ?? initialProtocolState();
  }

  private isLive(socket: WebSocket, id: string): boolean {
    return socket.readyState === WEBSOCKET_OPEN && this.stateOf(socket).operationIds.includes(id);
  }

  private openSocket(): WebSocket | null {
    return this.ctx.getWebSockets().find((socket) => socket.readyState === WEBSOCKET_OPEN) ?? null;
  }

  private async run(socket: WebSocket, actions: ProtocolAction[]): Promise<void> {
    for (const action of actions) {
      switch (action.type) {
        case "send":
          socket.send(action.data);
          break;
        case "close":
          socket.close(action.code, action.reason);
          await this.releaseAll();
          return;
        case "start":
          await this.traced((telemetry) => this.start(socket, action.id, action.payload, telemetry));
          break;
        case "stop":
          await this.stop(action.id);
          break;
      }
    }
  }

  /**
   * What this socket hands the plugin chain with each operation (`server-context.ts`): its caller (decided at
   * `connection_init`; credentials from its payload), its limits, and the live port a subscription's start opens.
   */
  private initialContext(
    socket: WebSocket,
    live: (backends: BackendSessions) => LivePort,
    telemetry: RequestTelemetry,
  ): GatewayServerContext {
    const { credentials, serverHeld = [], principal } = this.stateOf(socket);
    return {
      env: this.env,
      limits: limitSettingsFromEnv(this.env),
      caller: {
        transport: "graphql-ws",
        serverHeld,
        ...(principal === undefined ? {} : { principal }),
        credentials: () => credentials,
      },
      live,
      telemetry,
    };
  }

  /**
   * Runs one operation's work (a start, or one event's execution) as a unit of telemetry of its own: a trace per
   * graphql-ws operation, exported after the work under `waitUntil`.
   */
  private traced<T>(work: (telemetry: RequestTelemetry) => Promise<T>): Promise<T> {
    return traceWork("graphql-ws", workTracerFromEnv(this.env), (promise) => this.ctx.waitUntil(promise), work);
  }

  /** Runs a `subscribe`: queries and mutations once, subscriptions checked, first event, then attached. */
  private async start(
    socket: WebSocket,
    id: string,
    payload: SubscribePayload,
    telemetry: RequestTelemetry,
  ): Promise<void> {
    // The subscriber check runs inside the chain (the field's `subscribe` opens this port), after its rules.
    let checked: CheckedSubscriber | null = null;
    const env = this.env;
    const startPort = (backends: BackendSessions): LivePort => ({
      async open(request) {
        checked = await checkSubscriber(backends, request, env);
        return (async function* nothing(): AsyncGenerator<WatchEvent> {})();
      },
    });
    try {
      await prefetchTrustedParams(this.env, payload);
    } catch (error) {
      return this.answerOnce(socket, id, errorResult([error]));
    }
    const prepared = prepareOperation(getEnveloped, this.initialContext(socket, startPort, telemetry), payload);
    if ("errors" in prepared) {
      socket.send(nextMessage(id, errorResult(prepared.errors)));
      return this.finish(socket, id, true);
    }
    if (prepared.operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      return this.answerOnce(socket, id, await executeWithRoot(prepared, undefined));
    }
    const refused = await startThroughChain(prepared);
    if (refused !== null && refusalBeforeExecution(refused) !== null) return this.answerOnce(socket, id, refused);
    if (refused !== null || checked === null) {
      socket.send(
        nextMessage(id, refused ?? errorResult([new Error("graphql-ws: the subscription started without its check")])),
      );
      return this.finish(socket, id, true);
    }
    const { start, credentials } = checked as CheckedSubscriber;
    if (!this.isLive(socket, id)) return; // The client completed it, or left, during the check.
    if (start.first !== null) await this.sendEvent(socket, id, payload, start.first, telemetry);
    if (start.ended) return this.finish(socket, id, true);
    const watchName = watchObjectName(start.topic);
    await this.ctx.storage.put(operationKey(id), { payload, watchName } satisfies OperationRecord);
    await this.watch(watchName).attach({
      credentials,
      listener: {
        connectionId: this.ctx.id.toString(),
        subscriptionId: id,
        topic: start.topic,
        since: start.since,
        fingerprint: start.fingerprint,
        ...(start.digest === undefined ? {} : { digest: start.digest }),
      },
    });
    // The client may have completed it (or closed) while we attached: undo the attachment. Not through the record:
    // a close during the attach has already released every record, before this listener existed to detach.
    if (!this.isLive(socket, id)) {
      await this.ctx.storage.delete(operationKey(id));
      await this.watch(watchName).detach(this.ctx.id.toString(), id);
    }
  }

  /**
   * Answers an operation with one result and ends it: a refusal made before it ran (the rate limits) as an `error`
   * message, as graphql-ws answers what its `onSubscribe` refuses; anything else as `next` then `complete`.
   */
  private async answerOnce(socket: WebSocket, id: string, result: FormattedExecutionResult): Promise<void> {
    const refusal = refusalBeforeExecution(result);
    if (refusal === null) {
      socket.send(nextMessage(id, result));
      return this.finish(socket, id, true);
    }
    socket.send(errorMessage(id, refusal));
    return this.finish(socket, id, false);
  }

  /** Executes one event of a started subscription on a context of its own, and sends it. */
  private async sendEvent(
    socket: WebSocket,
    id: string,
    payload: SubscribePayload,
    event: WatchEvent,
    telemetry: RequestTelemetry,
  ): Promise<void> {
    await this.prefetch(payload);
    const prepared = prepareOperation(getEnveloped, this.initialContext(socket, NO_STREAM, telemetry), payload);
    socket.send(
      nextMessage(id, "errors" in prepared ? errorResult(prepared.errors) : await executeWithRoot(prepared, event)),
    );
  }

  /** Ends an operation on our side: optional `complete`, forget it. Does not detach (the watch object did). */
  private async finish(socket: WebSocket, id: string, notifyClient: boolean): Promise<void> {
    await this.ctx.storage.delete(operationKey(id));
    const state = this.stateOf(socket);
    if (!state.operationIds.includes(id)) return;
    socket.serializeAttachment(withoutOperation(state, id));
    if (notifyClient) socket.send(completeMessage(id));
  }

  /** The client stopped an operation (or the socket went): detach it from its watch object and forget it. */
  private async stop(id: string): Promise<void> {
    const record = await this.ctx.storage.get<OperationRecord>(operationKey(id));
    await this.ctx.storage.delete(operationKey(id));
    if (record?.watchName) await this.watch(record.watchName).detach(this.ctx.id.toString(), id);
  }

  private async releaseAll(): Promise<void> {
    await this.ctx.storage.deleteAlarm();
    const records = await this.ctx.storage.list<OperationRecord>({ prefix: "op:" });
    const connectionId = this.ctx.id.toString();
    await Promise.allSettled(
      [...records].map(([key, record]) =>
        record.watchName
          ? this.watch(record.watchName).detach(connectionId, key.slice("op:".length))
          : Promise.resolve(),
      ),
    );
    await this.ctx.storage.deleteAll();
  }

  private watch(name: string): DurableObjectStub<WatchRpc> {
    const namespace = watchNamespace(this.env);
    return namespace.get(namespace.idFromName(name));
  }
}
