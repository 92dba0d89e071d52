/**
 * `GraphQLWsConnection`: the Durable Object that holds one client WebSocket (`graphql-transport-ws`) with the
 * Hibernation API, so that idle sockets cost nothing. A thin adapter around `graphql-ws-protocol.ts`:
 *
 * - The protocol state (init, ack, credentials, running ids) is the socket's attachment (JSON, well under the
 *   2 KiB attachment limit); each running operation's payload is a storage record, because queries can be larger
 *   than an attachment. Both survive hibernation.
 * - The `connection_init` wait is an alarm (timers do not survive hibernation): no init in time closes with 4408.
 * - A subscription is checked with the socket's credentials, sends its first event, and attaches to the watch
 *   object, which pushes later events back through `deliver` (waking this object if it hibernates).
 * - Every end (complete, client `complete`, close, error) detaches from the watch object and deletes the record.
 */
import { DurableObject } from "cloudflare:workers";
import { CloseCode, GRAPHQL_TRANSPORT_WS_PROTOCOL, type SubscribePayload } from "graphql-ws";
import { createContext, credentialsFromPayload } from "../context";
import { connectionInitAccess } from "../auth/connection-init-auth";
import { introspectionRules } from "../plugins/use-introspection-setting";
import type { GatewayEnv } from "../env";
import { limitSettingsFromEnv } from "../limits/limit-settings";
import { schema } from "../schema";
import { liveRequestFromField } from "../resources/subscriptions";
import {
  errorResult,
  executeWithRoot,
  prepareOperation,
  rootFieldError,
  subscriptionRootField,
  type PreparedOperation,
} from "./execute-event";
import {
  completeMessage,
  handleClientMessage,
  handleInitTimeout,
  initialProtocolState,
  nextMessage,
  offersTransportWsProtocol,
  withoutOperation,
  type ConnectionProtocolState,
  type ProtocolAction,
} from "./graphql-ws-protocol";
import { checkSubscriber, type CheckedSubscriber } from "./live-port";
import { isFinalEvent, watchObjectName, type WatchEvent } from "./topics";
import { WEBSOCKET_OPEN, watchNamespace } from "./bindings";
import type { ResourceWatch } from "./resource-watch";
import { ConnectionLiveness } from "./connection-liveness";
import { subscriptionSettingsFromEnv } from "./settings";
import { isSettingsProblem } from "../auth/auth-settings";
import { resolveTrustedDocument, trustedDocumentsFromEnv } from "../trusted-documents";
import { GraphQLError } from "graphql";

/** How long a new socket may wait before sending `connection_init` (graphql-ws's default). */
export const CONNECTION_INIT_TIMEOUT_MS = 3000;

/** A running operation, kept in storage under `op:<id>`. */
interface OperationRecord {
  payload: SubscribePayload;
  /** The watch object it is attached to, once attached. */
  watchName: string | null;
}

const operationKey = (id: string): string => `op:${id}`;

/**
 * The payload to run under the trusted-documents setting (`src/trusted-documents.ts`): unchanged when it is off;
 * with the manifest's document for its `documentId` (or `extensions.persistedQuery.sha256Hash`) when on, the same
 * rule as over HTTP. graphql-ws requires `query` to be a string, so a client sends `""` beside the id. Returns the
 * coded refusal instead (`GATEWAY_MISCONFIGURED` for an unusable manifest).
 */
function trustedPayload(env: GatewayEnv, payload: SubscribePayload): SubscribePayload | GraphQLError {
  const documents = trustedDocumentsFromEnv(env);
  if (documents === null) return payload;
  if (isSettingsProblem(documents)) return new GraphQLError(documents.message, { extensions: { code: "GATEWAY_MISCONFIGURED" } });
  const documentId = (payload as SubscribePayload & { documentId?: unknown }).documentId;
  const resolution = resolveTrustedDocument(documents, { query: payload.query, documentId, extensions: payload.extensions });
  if ("refusal" in resolution) return new GraphQLError(resolution.refusal.message, { extensions: { code: resolution.refusal.code } });
  return { ...payload, query: resolution.query };
}

/** The Durable Object behind one graphql-ws WebSocket. See the module comment. */
export class GraphQLWsConnection extends DurableObject<GatewayEnv> {
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
      } else if ((await this.liveness.check(socket)) === "gone") {
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
    // The gateway's own authentication, before connection_ack: a refused caller is closed with 4403.
    const access = await connectionInitAccess(data, this.stateOf(socket).initReceived, this.env);
    if (access?.type === "close") return this.run(socket, [access]);
    const before = this.stateOf(socket);
    const { state, actions } = handleClientMessage(before, data, {
      // Only the first init is allowed through with credentials (a second one closes the socket, 4429).
      credentialsFromInit: (payload) => credentialsFromPayload(payload, this.env, access?.serverHeld ?? []),
      maxOperations: limitSettingsFromEnv(this.env).maxSubscriptionsPerSocket,
    });
    socket.serializeAttachment(state);
    await this.liveness.heard();
    // The init wait is over: the alarm now pings the client.
    if (state.initReceived && !before.initReceived) await this.liveness.start();
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
    const record = await this.ctx.storage.get<OperationRecord>(operationKey(operationId));
    if (socket === null || record === undefined || !this.stateOf(socket).operationIds.includes(operationId)) {
      return false;
    }
    const prepared = prepareOperation(schema, record.payload, limitSettingsFromEnv(this.env), introspectionRules(this.env));
    if ("errors" in prepared) return false;
    for (const event of events) {
      if (event.type !== "complete") await this.sendResult(socket, operationId, prepared, event);
      if (isFinalEvent(event)) {
        await this.finish(socket, operationId, true);
        return false;
      }
    }
    return true;
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
          await this.start(socket, action.id, action.payload);
          break;
        case "stop":
          await this.stop(action.id);
          break;
      }
    }
  }

  private async sendResult(
    socket: WebSocket,
    id: string,
    prepared: PreparedOperation,
    rootValue: unknown,
  ): Promise<void> {
    const context = createContext(this.env, this.stateOf(socket).credentials);
    const { maxResponseBytes } = limitSettingsFromEnv(this.env);
    socket.send(nextMessage(id, await executeWithRoot(schema, prepared, rootValue, context, maxResponseBytes)));
  }

  /** Runs a `subscribe`: queries and mutations once, subscriptions checked, first event, then attached. */
  private async start(socket: WebSocket, id: string, sent: SubscribePayload): Promise<void> {
    // The record keeps the resolved payload, so later events run the same document.
    const payload = trustedPayload(this.env, sent);
    if (payload instanceof GraphQLError) {
      socket.send(nextMessage(id, errorResult([payload])));
      return this.finish(socket, id, true);
    }
    const prepared = prepareOperation(schema, payload, limitSettingsFromEnv(this.env), introspectionRules(this.env));
    if ("errors" in prepared) {
      socket.send(nextMessage(id, errorResult(prepared.errors)));
      return this.finish(socket, id, true);
    }
    if (prepared.operation.operation !== "subscription") {
      await this.sendResult(socket, id, prepared, undefined);
      return this.finish(socket, id, true);
    }
    const root = subscriptionRootField(schema, prepared);
    if ("errors" in root) {
      socket.send(nextMessage(id, errorResult(root.errors)));
      return this.finish(socket, id, true);
    }
    let checked: CheckedSubscriber;
    try {
      const context = createContext(this.env, this.stateOf(socket).credentials);
      checked = await checkSubscriber(context.backends, liveRequestFromField(root.fieldName, root.args), this.env);
    } catch (error) {
      socket.send(nextMessage(id, errorResult([rootFieldError(error, root)])));
      return this.finish(socket, id, true);
    }
    const { start } = checked;
    if (!this.isLive(socket, id)) return; // The client completed it, or left, during the check.
    if (start.first !== null) await this.sendResult(socket, id, prepared, start.first);
    if (start.ended) return this.finish(socket, id, true);
    const watchName = watchObjectName(start.topic);
    await this.ctx.storage.put(operationKey(id), { payload, watchName } satisfies OperationRecord);
    await this.watch(watchName).attach({
      credentials: checked.credentials,
      listener: {
        connectionId: this.ctx.id.toString(),
        subscriptionId: id,
        topic: start.topic,
        since: start.since,
        fingerprint: start.fingerprint,
      },
    });
    // The client may have completed it (or closed) while we attached: undo the attachment. Not through the record:
    // a close during the attach has already released every record, before this listener existed to detach.
    if (!this.isLive(socket, id)) {
      await this.ctx.storage.delete(operationKey(id));
      await this.watch(watchName).detach(this.ctx.id.toString(), id);
    }
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
        record.watchName ? this.watch(record.watchName).detach(connectionId, key.slice("op:".length)) : undefined,
      ),
    );
    await this.ctx.storage.deleteAll();
  }

  private watch(name: string): DurableObjectStub<ResourceWatch> {
    const namespace = watchNamespace(this.env);
    return namespace.get(namespace.idFromName(name));
  }
}
