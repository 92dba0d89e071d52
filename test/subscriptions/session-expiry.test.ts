/**
 * A graphql-ws socket does not outlive its authorization: through the front door of gateways started here, one
 * holding upstream keys behind JWTs (a JWKS served from this process), one with a short `WS_MAX_LIFETIME_MS`. A
 * socket whose JWT expires closes with 4403, its subscription with it; the same JWT opens no new socket; a socket
 * at its maximum lifetime closes with 1001; and a graphql-ws client whose `connectionParams` fetches a fresh token
 * (the README's recipe) reconnects and resubscribes by itself. The tests share only what `beforeAll` made (the
 * gateways, the JWKS, a job that waits for hours) and change none of it, so they run at the same time: the file
 * takes about as long as the JWT's life, not the sum of the three waits. Their assertions use the test's own
 * `expect`, as concurrent tests must.
 */
import { createClient as createWsClient } from "graphql-ws";
import { afterAll, beforeAll, describe, it } from "vitest";
import WebSocket from "ws";
import { JWT_AUDIENCE, JWT_ISSUER, startJwks, wsRun, type TestJwks } from "../gateway/security-helpers";
import { PRODUCTION_BROWSER_AND_AUTH, startTestGateway, type TestGateway } from "../utils/test-gateway";
import { createJob, DEMO, datasetIdByName, resetEmulator, waitFor } from "./helpers";

const MAX_LIFETIME_MS = 5000;
const JWT_LIFE_S = 12;
const HELD_KEYS = { NEXUS_PROJECT_ID: DEMO["x-nexus-project-id"], NEXUS_SECRET_KEY: DEMO["x-nexus-secret-key"] };
const JOB_UPDATED = "subscription ($id: ID!) { jobUpdated(id: $id) { id state } }";

let jwks: TestJwks;
let guarded: TestGateway;
let shortLived: TestGateway;
/** A job that waits for hours: its subscription runs until something else ends it. */
let waitingJob: string;

beforeAll(async () => {
  await resetEmulator();
  jwks = await startJwks();
  [guarded, shortLived] = await Promise.all([
    startTestGateway({
      ...PRODUCTION_BROWSER_AND_AUTH,
      ...HELD_KEYS,
      AUTH_JWKS_URL: jwks.url,
      AUTH_JWT_ISSUER: JWT_ISSUER,
      AUTH_JWT_AUDIENCE: JWT_AUDIENCE,
    }),
    startTestGateway({ WS_MAX_LIFETIME_MS: String(MAX_LIFETIME_MS) }),
  ]);
  waitingJob = await createJob(DEMO, await datasetIdByName(DEMO, "retail-checkout"), {
    startAtTime: Date.now() + 3_600_000,
  });
});

afterAll(async () => {
  await Promise.all([guarded?.dispose(), shortLived?.dispose(), jwks?.close()]);
});

interface SocketEnd {
  code: number;
  reason: string;
  /** When the close arrived, and when `connection_ack` did (ms since the epoch, this process's clock). */
  closedAt: number;
  ackedAt: number;
  messages: { type: string; id?: string }[];
}

/** Opens a raw graphql-transport-ws socket, subscribes to the waiting job, and resolves when the server closes it. */
function subscribeUntilClosed(gateway: TestGateway, initPayload: Record<string, unknown>): Promise<SocketEnd> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(gateway.graphql.endpoint.replace(/^http/, "ws"), "graphql-transport-ws");
    const messages: SocketEnd["messages"] = [];
    let ackedAt = -1;
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: initPayload })));
    socket.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString()) as SocketEnd["messages"][number];
      messages.push(message);
      if (message.type === "connection_ack") {
        ackedAt = Date.now();
        socket.send(
          JSON.stringify({
            type: "subscribe",
            id: "job",
            payload: { query: JOB_UPDATED, variables: { id: waitingJob } },
          }),
        );
      }
      // Answer the server's pings, as graphql-ws clients do, so that only the session can end the socket.
      if (message.type === "ping") socket.send(JSON.stringify({ type: "pong" }));
    });
    socket.on("close", (code: number, reason: Buffer) =>
      resolve({ code, reason: reason.toString(), closedAt: Date.now(), ackedAt, messages }),
    );
    socket.on("error", reject);
  });
}

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

describe.concurrent("a socket authorized by a JWT", () => {
  it("closes with 4403 once the JWT expires, ending its subscription, and the same JWT opens no new socket", async ({
    expect,
  }) => {
    const expiresAtMs = (Math.floor(Date.now() / 1000) + JWT_LIFE_S) * 1000;
    const jwt = await jwks.sign(
      { projects: { nexus: [HELD_KEYS.NEXUS_PROJECT_ID] } },
      { expiresAt: expiresAtMs / 1000 },
    );
    const ended = await subscribeUntilClosed(guarded, bearer(jwt));
    expect(ended.code).toBe(4403);
    expect(ended.reason).toBe("Forbidden: token expired");
    // The subscription was running (its first event came) until the socket closed, and it ended with it.
    expect(ended.messages.slice(0, 2)).toEqual([
      { type: "connection_ack" },
      expect.objectContaining({ type: "next", id: "job" }),
    ]);
    expect(ended.messages.filter((message) => message.type === "complete" || message.type === "error")).toEqual([]);
    // Not before its exp (the Workers share this machine's clock), and within 20 s after it.
    expect(ended.closedAt).toBeGreaterThanOrEqual(expiresAtMs);
    expect(ended.closedAt - expiresAtMs).toBeLessThan(20_000);

    expect(await wsRun(guarded.graphql.endpoint, bearer(jwt), "{ webhooks(first: 1) { totalCount } }")).toEqual({
      kind: "closed",
      code: 4403,
      reason: "UNAUTHENTICATED: The JWT was refused: it has expired.",
    });
  }, 60_000);

  it("lets a graphql-ws client whose connectionParams fetches a fresh JWT reconnect and resubscribe", async ({
    expect,
  }) => {
    const issued: number[] = [];
    const client = createWsClient({
      url: guarded.graphql.endpoint.replace(/^http/, "ws"),
      webSocketImpl: WebSocket,
      // Called on every connect: each socket gets a token of its own, here one that expires in 3 s.
      connectionParams: async () => {
        issued.push(Date.now());
        return bearer(
          await jwks.sign(
            { projects: { nexus: [HELD_KEYS.NEXUS_PROJECT_ID] } },
            { expiresAt: Math.floor(Date.now() / 1000) + 3 },
          ),
        );
      },
      retryAttempts: 3,
      retryWait: () => Promise.resolve(),
      lazy: true,
    });
    const states: string[] = [];
    let failure: unknown = null;
    const stop = client.subscribe<{ jobUpdated: { state: string } }>(
      { query: JOB_UPDATED, variables: { id: waitingJob } },
      {
        next: (value) => states.push(value.data?.jobUpdated.state ?? "no data"),
        error: (error) => {
          failure = error;
        },
        complete: () => {},
      },
    );
    try {
      // A second token, then the subscription's first event again on the new socket.
      await waitFor(
        () => failure !== null || (issued.length >= 2 && states.length >= 2),
        "a reconnect with a fresh JWT",
        {
          timeoutMs: 25_000,
        },
      );
      expect(failure).toBeNull();
      expect(states.slice(0, 2)).toEqual(["WAITING", "WAITING"]);
    } finally {
      stop();
      await client.dispose();
    }
  }, 60_000);
});

describe.concurrent("WS_MAX_LIFETIME_MS", () => {
  it("closes a socket with 1001 once it has lived that long, whatever its authorization", async ({ expect }) => {
    const ended = await subscribeUntilClosed(shortLived, { ...DEMO });
    expect(ended.code).toBe(1001);
    expect(ended.reason).toBe("Going away: maximum socket lifetime reached, reconnect");
    expect(ended.messages.slice(0, 2)).toEqual([
      { type: "connection_ack" },
      expect.objectContaining({ type: "next", id: "job" }),
    ]);
    const lived = ended.closedAt - ended.ackedAt;
    expect(lived).toBeGreaterThanOrEqual(MAX_LIFETIME_MS - 500);
    expect(lived).toBeLessThan(MAX_LIFETIME_MS + 5000);
  }, 30_000);
});
