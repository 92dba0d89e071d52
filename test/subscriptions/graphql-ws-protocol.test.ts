import { CloseCode, MessageType } from "graphql-ws";
import { describe, expect, it } from "vitest";
import {
  handleClientMessage,
  handleInitTimeout,
  initialProtocolState,
  offersTransportWsProtocol,
  type ConnectionProtocolState,
  type ProtocolOptions,
} from "../../src/subscriptions/graphql-ws-protocol";

const options: ProtocolOptions = {
  credentialsFromInit: (payload) => {
    const projectId = payload?.["x-nexus-project-id"];
    const secretKey = payload?.["x-nexus-secret-key"];
    return typeof projectId === "string" && typeof secretKey === "string"
      ? { NEXUS: { credentials: { projectId, secretKey }, source: "request" as const } }
      : {};
  },
};

const init = JSON.stringify({
  type: MessageType.ConnectionInit,
  payload: { "x-nexus-project-id": "proj_demo", "x-nexus-secret-key": "demo-secret-key" },
});
const subscribe = (id: string): string =>
  JSON.stringify({
    type: MessageType.Subscribe,
    id,
    payload: { query: 'subscription { jobUpdated(id: "x") { id } }' },
  });

function acknowledged(): ConnectionProtocolState {
  return handleClientMessage(initialProtocolState(), init, options).state;
}

describe("graphql-transport-ws protocol core", () => {
  it("acknowledges connection_init and keeps the credentials from its payload", () => {
    const { state, actions } = handleClientMessage(initialProtocolState(), init, options);
    expect(actions).toEqual([{ type: "send", data: JSON.stringify({ type: "connection_ack" }) }]);
    expect(state).toEqual({
      initReceived: true,
      acknowledged: true,
      credentials: {
        NEXUS: { credentials: { projectId: "proj_demo", secretKey: "demo-secret-key" }, source: "request" },
      },
      operationIds: [],
    });
  });

  it("closes with 4429 on a second connection_init", () => {
    const { actions } = handleClientMessage(acknowledged(), init, options);
    expect(actions).toEqual([
      { type: "close", code: CloseCode.TooManyInitialisationRequests, reason: "Too many initialisation requests" },
    ]);
  });

  it("closes with 4401 on a subscribe before the ack", () => {
    const { actions } = handleClientMessage(initialProtocolState(), subscribe("1"), options);
    expect(actions).toEqual([{ type: "close", code: CloseCode.Unauthorized, reason: "Unauthorized" }]);
  });

  it("starts a subscription once and closes with 4409 on a duplicate id", () => {
    const first = handleClientMessage(acknowledged(), subscribe("1"), options);
    expect(first.actions).toEqual([
      { type: "start", id: "1", payload: { query: 'subscription { jobUpdated(id: "x") { id } }' } },
    ]);
    expect(first.state.operationIds).toEqual(["1"]);
    const second = handleClientMessage(first.state, subscribe("1"), options);
    expect(second.actions).toEqual([
      { type: "close", code: CloseCode.SubscriberAlreadyExists, reason: "Subscriber for 1 already exists" },
    ]);
  });

  it.each([
    ["text that is not JSON", "not json"],
    ["a message without a type", JSON.stringify({ id: "1" })],
    ["an unknown type", JSON.stringify({ type: "start", id: "1" })],
    ["a subscribe without a query", JSON.stringify({ type: "subscribe", id: "1", payload: {} })],
    ["a server-only message type", JSON.stringify({ type: "next", id: "1", payload: {} })],
  ])("closes with 4400 on %s", (_name, data) => {
    const { actions } = handleClientMessage(acknowledged(), data, options);
    expect(actions).toEqual([{ type: "close", code: CloseCode.BadRequest, reason: "Invalid message received" }]);
  });

  it("closes with 4400 on a binary frame", () => {
    const { actions } = handleClientMessage(acknowledged(), new TextEncoder().encode(init).buffer, options);
    expect(actions).toEqual([{ type: "close", code: CloseCode.BadRequest, reason: "Invalid message received" }]);
  });

  it("answers ping with pong, echoing the payload", () => {
    const { actions } = handleClientMessage(
      initialProtocolState(),
      JSON.stringify({ type: "ping", payload: { at: 1 } }),
      options,
    );
    expect(actions).toEqual([{ type: "send", data: JSON.stringify({ type: "pong", payload: { at: 1 } }) }]);
  });

  it("stops a running subscription on complete, and ignores complete for an unknown id", () => {
    const running = handleClientMessage(acknowledged(), subscribe("7"), options).state;
    const stopped = handleClientMessage(running, JSON.stringify({ type: "complete", id: "7" }), options);
    expect(stopped.actions).toEqual([{ type: "stop", id: "7" }]);
    expect(stopped.state.operationIds).toEqual([]);
    const again = handleClientMessage(stopped.state, JSON.stringify({ type: "complete", id: "7" }), options);
    expect(again.actions).toEqual([]);
  });

  it("closes with 4408 when the init wait ends without connection_init, and not after one", () => {
    expect(handleInitTimeout(initialProtocolState())).toEqual([
      { type: "close", code: CloseCode.ConnectionInitialisationTimeout, reason: "Connection initialisation timeout" },
    ]);
    expect(handleInitTimeout(acknowledged())).toEqual([]);
  });

  it("recognises the graphql-transport-ws subprotocol among offered ones", () => {
    expect(offersTransportWsProtocol("graphql-ws, graphql-transport-ws")).toBe(true);
    expect(offersTransportWsProtocol("graphql-ws")).toBe(false);
    expect(offersTransportWsProtocol(null)).toBe(false);
  });
});
