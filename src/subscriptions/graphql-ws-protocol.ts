/**
 * The GraphQL over WebSocket protocol (`graphql-transport-ws`), server side, as plain state transitions.
 *
 * graphql-ws's own `makeServer` keeps each socket's state in closures, which a hibernating Durable Object loses.
 * This module keeps the same rules (copied from graphql-ws 6's server) but over a small serialisable state, so the
 * connection object can store it in the socket's attachment and rebuild everything after hibernation. It knows
 * nothing of sockets: it returns actions (send, close, start, stop) for an adapter to carry out.
 */
import {
  CloseCode,
  GRAPHQL_TRANSPORT_WS_PROTOCOL,
  MessageType,
  parseMessage,
  stringifyMessage,
  type FormattedExecutionResult,
  type Message,
  type SubscribePayload,
} from "graphql-ws";
import type { GraphQLFormattedError } from "graphql";
import type { CredentialsByProvider } from "../backends/backend";
import { toGraphQLError } from "../errors";
import { limitExceeded } from "../limits/limit-error";
import { DEFAULT_LIMITS } from "../limits/limit-settings";
import type { Principal } from "../auth/principal";
import type { MessageWindow } from "../limits/socket-message-budget";
import type { SocketSession } from "./socket-session";

/** The protocol state of one socket: small, JSON-serialisable, kept in the socket attachment. */
export interface ConnectionProtocolState {
  /** A `connection_init` arrived (a second one closes the socket with 4429). */
  initReceived: boolean;
  /** The server sent `connection_ack`; before that, `subscribe` closes the socket with 4401. */
  acknowledged: boolean;
  /** The credentials from `connection_init` (or the env defaults), by provider; empty before `connection_init`. */
  credentials: CredentialsByProvider;
  /**
   * Which backends' server-held credentials the caller may use, as the gateway's authentication decided at
   * `connection_init` (the adapter sets it; `server-context.ts`'s caller carries it to the plugins). None before.
   */
  serverHeld?: "all" | readonly string[];
  /** The verified caller decided at `connection_init`, when there was one (plain JSON: kept in the attachment). */
  principal?: Principal;
  /**
   * How long the caller's authorization lasts (its JWT's `exp`, its token's hash, when the socket started), set at
   * `connection_init` by the adapter; the socket closes when it ends (`socket-session.ts`). None before.
   */
  session?: SocketSession;
  /** Ids of the operations that are running; a `subscribe` with one of them closes the socket with 4409. */
  operationIds: string[];
  /** The messages counted in the socket's current minute (`limits/socket-message-budget.ts`); none before the first. */
  messages?: MessageWindow;
}

/** Something the adapter must do, in order. */
export type ProtocolAction =
  | { type: "send"; data: string }
  | { type: "close"; code: CloseCode; reason: string }
  | { type: "start"; id: string; payload: SubscribePayload }
  | { type: "stop"; id: string };

/** How the protocol core learns about the outside world. */
export interface ProtocolOptions {
  /** Credentials from the `connection_init` payload (each backend's names, e.g. `x-nexus-project-id`), else defaults. */
  credentialsFromInit(payload: Record<string, unknown> | undefined): CredentialsByProvider;
  /**
   * Operations that may run at once on the socket; one more gets an `error` message, the socket stays open.
   * Default `MAX_SUBSCRIPTIONS_PER_SOCKET`'s default (100).
   */
  maxOperations?: number;
}

/** The state of a socket that has just opened. */
export function initialProtocolState(): ConnectionProtocolState {
  return { initReceived: false, acknowledged: false, credentials: {}, operationIds: [] };
}

/** True when the client offered the `graphql-transport-ws` subprotocol (a `Sec-WebSocket-Protocol` header value). */
export function offersTransportWsProtocol(header: string | null): boolean {
  if (header === null) return false;
  return header
    .split(",")
    .map((protocol) => protocol.trim())
    .includes(GRAPHQL_TRANSPORT_WS_PROTOCOL);
}

function close(code: CloseCode, reason: string): ProtocolAction {
  return { type: "close", code, reason };
}

/**
 * Applies one client message to the state and says what to do. Follows graphql-ws's server rules: an unparsable
 * or invalid message (or a binary frame) closes with 4400, a second `connection_init` with 4429, a `subscribe`
 * before the ack with 4401, a `subscribe` with an id in use with 4409. A `subscribe` past `maxOperations` open ones
 * gets an `error` message (`LIMIT_EXCEEDED`) and the socket stays open. `ping` gets a `pong`; `complete` stops that
 * operation. Never throws.
 */
export function handleClientMessage(
  state: ConnectionProtocolState,
  data: string | ArrayBuffer,
  options: ProtocolOptions,
): { state: ConnectionProtocolState; actions: ProtocolAction[] } {
  let message: Message;
  try {
    if (typeof data !== "string") throw new Error("binary frames are not part of the protocol");
    message = parseMessage(data);
  } catch {
    return { state, actions: [close(CloseCode.BadRequest, "Invalid message received")] };
  }
  switch (message.type) {
    case MessageType.ConnectionInit: {
      if (state.initReceived) {
        return { state, actions: [close(CloseCode.TooManyInitialisationRequests, "Too many initialisation requests")] };
      }
      const next: ConnectionProtocolState = {
        ...state,
        initReceived: true,
        acknowledged: true,
        credentials: options.credentialsFromInit(message.payload),
      };
      return { state: next, actions: [{ type: "send", data: stringifyMessage({ type: MessageType.ConnectionAck }) }] };
    }
    case MessageType.Ping: {
      const pong = message.payload
        ? stringifyMessage({ type: MessageType.Pong, payload: message.payload })
        : stringifyMessage({ type: MessageType.Pong });
      return { state, actions: [{ type: "send", data: pong }] };
    }
    case MessageType.Pong:
      return { state, actions: [] };
    case MessageType.Subscribe: {
      if (!state.acknowledged) return { state, actions: [close(CloseCode.Unauthorized, "Unauthorized")] };
      if (state.operationIds.includes(message.id)) {
        return {
          state,
          actions: [close(CloseCode.SubscriberAlreadyExists, `Subscriber for ${message.id} already exists`)],
        };
      }
      const maxOperations = options.maxOperations ?? DEFAULT_LIMITS.maxSubscriptionsPerSocket;
      if (state.operationIds.length >= maxOperations) {
        const open = state.operationIds.length;
        const refusal = limitExceeded(
          "subscriptions",
          open + 1,
          maxOperations,
          `This socket has ${open} operations open; at most ${maxOperations} are allowed. Complete one first.`,
        );
        return {
          state,
          actions: [{ type: "send", data: errorMessage(message.id, [toGraphQLError(refusal).toJSON()]) }],
        };
      }
      return {
        state: { ...state, operationIds: [...state.operationIds, message.id] },
        actions: [{ type: "start", id: message.id, payload: message.payload }],
      };
    }
    case MessageType.Complete: {
      if (!state.operationIds.includes(message.id)) return { state, actions: [] };
      return { state: withoutOperation(state, message.id), actions: [{ type: "stop", id: message.id }] };
    }
    default:
      // connection_ack, next and error are server-to-client messages: a client sending one breaks the protocol.
      return { state, actions: [close(CloseCode.BadRequest, "Invalid message received")] };
  }
}

/** What to do when the `connection_init` wait ends: close with 4408 unless an init arrived. */
export function handleInitTimeout(state: ConnectionProtocolState): ProtocolAction[] {
  return state.initReceived
    ? []
    : [close(CloseCode.ConnectionInitialisationTimeout, "Connection initialisation timeout")];
}

/** The state without one operation id (after it completed, failed or was stopped). */
export function withoutOperation(state: ConnectionProtocolState, id: string): ConnectionProtocolState {
  return { ...state, operationIds: state.operationIds.filter((known) => known !== id) };
}

/** A `next` message for an operation. */
export function nextMessage(id: string, result: FormattedExecutionResult): string {
  return stringifyMessage({ id, type: MessageType.Next, payload: result });
}

/** An `error` message for an operation (it ends the operation; at least one error is required). */
export function errorMessage(id: string, errors: readonly GraphQLFormattedError[]): string {
  return stringifyMessage({ id, type: MessageType.Error, payload: errors });
}

/** The codes of refusals made before an operation runs, which graphql-ws answers with an `error` message. */
const REFUSED_BEFORE_EXECUTION: ReadonlySet<string> = new Set(["RATE_LIMITED"]);

/**
 * The errors of a result that is a refusal made before the operation ran (no `data`, and every error a per-caller
 * rate-limit refusal), or null for any other result. graphql-ws answers what refuses an operation before it runs
 * (its `onSubscribe` returning errors, validation) with an `error` message, which ends the operation without
 * `complete`; a result of execution is `next` then `complete`. Never throws.
 */
export function refusalBeforeExecution(result: FormattedExecutionResult): readonly GraphQLFormattedError[] | null {
  if ("data" in result || result.errors === undefined || result.errors.length === 0) return null;
  const refused = result.errors.every((error) => {
    const code = error.extensions?.["code"];
    return typeof code === "string" && REFUSED_BEFORE_EXECUTION.has(code);
  });
  return refused ? result.errors : null;
}

/** A `complete` message for an operation. */
export function completeMessage(id: string): string {
  return stringifyMessage({ id, type: MessageType.Complete });
}
