/**
 * The graphql-transport-ws rules, with a raw `ws` socket against the gateway Worker (through its connection Durable
 * Object): each protocol violation closes the socket with its code. Each test has a socket of its own and changes
 * nothing the others read, so they run at the same time: the file takes about as long as its longest wait (the
 * `connection_init` timeout), not the sum of them. Their assertions use the test's own `expect`, as concurrent tests
 * must.
 */
import { describe, it } from "vitest";
import WebSocket from "ws";
import { createJob, DEMO, datasetIdByName, graphqlWsUrl } from "./helpers";

interface Closed {
  code: number;
  reason: string;
  messages: unknown[];
}

/** Opens a socket, sends `messages` in order once it is open, and resolves when the server closes it. */
function session(messages: string[], protocol: string | null = "graphql-transport-ws"): Promise<Closed> {
  return new Promise((resolve, reject) => {
    const socket = protocol === null ? new WebSocket(graphqlWsUrl()) : new WebSocket(graphqlWsUrl(), protocol);
    const received: unknown[] = [];
    socket.on("open", () => {
      for (const message of messages) socket.send(message);
    });
    socket.on("message", (data: Buffer) => received.push(JSON.parse(data.toString())));
    socket.on("close", (code: number, reason: Buffer) =>
      resolve({ code, reason: reason.toString(), messages: received }),
    );
    socket.on("error", reject);
  });
}

const init = JSON.stringify({ type: "connection_init", payload: { ...DEMO } });
const subscribe = (id: string, jobId = "batchjob_00000000-0000-4000-8000-000000000000"): string =>
  JSON.stringify({
    type: "subscribe",
    id,
    payload: { query: `subscription { jobUpdated(id: "${jobId}") { id } }` },
  });

describe.concurrent("graphql-transport-ws close codes", () => {
  it("closes with 4408 when connection_init does not come in time", async ({ expect }) => {
    const closed = await session([]);
    expect(closed).toEqual({ code: 4408, reason: "Connection initialisation timeout", messages: [] });
  });

  it("closes with 4429 on a second connection_init, after acknowledging the first", async ({ expect }) => {
    const closed = await session([init, init]);
    expect(closed).toEqual({
      code: 4429,
      reason: "Too many initialisation requests",
      messages: [{ type: "connection_ack" }],
    });
  });

  it("closes with 4401 on a subscribe before connection_init", async ({ expect }) => {
    const closed = await session([subscribe("1")]);
    expect(closed).toEqual({ code: 4401, reason: "Unauthorized", messages: [] });
  });

  it("closes with 4409 when a subscribe reuses a running id", async ({ expect }) => {
    // A job that waits for hours: its subscription keeps running, so the second subscribe reuses a live id.
    const waitingJob = await createJob(DEMO, await datasetIdByName(DEMO, "retail-checkout"), {
      startAtTime: Date.now() + 3_600_000,
    });
    const closed = await session([init, subscribe("same", waitingJob), subscribe("same", waitingJob)]);
    expect(closed.code).toBe(4409);
    expect(closed.reason).toBe("Subscriber for same already exists");
  });

  it("closes with 4400 on a message that is not part of the protocol", async ({ expect }) => {
    const closed = await session([init, JSON.stringify({ type: "start", id: "1" })]);
    expect(closed.code).toBe(4400);
    expect(closed.reason).toBe("Invalid message received");
  });

  it("closes with 4400 on text that is not JSON", async ({ expect }) => {
    expect((await session(["{not json"])).code).toBe(4400);
  });

  it("closes with 4406 when the client offers no graphql-transport-ws subprotocol", async ({ expect }) => {
    expect(await session([init], null)).toEqual({ code: 4406, reason: "Subprotocol not acceptable", messages: [] });
  });

  it("answers ping with pong before and after the ack", async ({ expect }) => {
    const ping = JSON.stringify({ type: "ping" });
    const closed = await session([ping, init, ping, "{not json"]);
    expect(closed.messages).toEqual([{ type: "pong" }, { type: "connection_ack" }, { type: "pong" }]);
    expect(closed.code).toBe(4400);
  });
});
