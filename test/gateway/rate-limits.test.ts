/**
 * Per-caller rate limits through the front door, on a gateway of this file's own with small budgets (20 requests and
 * 3 subscription starts a minute): a caller past its budget is refused with HTTP 429, `Retry-After` and
 * `RATE_LIMITED` (with `extensions.retryAfterSeconds`) before any upstream call, while another caller is served; a
 * flood of subscription starts over graphql-ws is refused per subscribe; and a WebSocket upgrade past the budget is
 * answered 429 before any connection object exists for it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  DEMO,
  OTHER,
  clearUpstreamRequests,
  nexusHeaders,
  resetEmulator,
  upstreamRequests,
  type GqlError,
} from "./helpers";
import { startTestGateway, type TestGateway } from "../utils/test-gateway";
import { tokenHash } from "./security-helpers";
import { decodeGlobalId } from "../../src/global-id";

const REQUESTS_PER_MINUTE = 20;
const SUBSCRIPTIONS_PER_MINUTE = 3;
const JOBS = `{ jobs(first: 1) { edges { node { id } } } }`;
// Two verified principals, both on the gateway's held keys of the demo project.
const DASHBOARD_TOKEN = "rate-limits-dashboard-token";
const REPORTS_TOKEN = "rate-limits-reports-token";

let gateway: TestGateway;

beforeAll(async () => {
  await resetEmulator();
  gateway = await startTestGateway({
    // Gateway authentication on, with tokens, so that callers of the held keys are verified principals; callers
    // with keys of their own are served as before.
    GATEWAY_AUTH: "",
    NEXUS_PROJECT_ID: DEMO.project,
    NEXUS_SECRET_KEY: DEMO.key,
    GATEWAY_TOKENS: JSON.stringify({
      [tokenHash(DASHBOARD_TOKEN)]: { name: "dashboard", nexus: [DEMO.project] },
      [tokenHash(REPORTS_TOKEN)]: { name: "reports", nexus: [DEMO.project] },
    }),
    RATE_LIMIT_REQUESTS_PER_MINUTE: String(REQUESTS_PER_MINUTE),
    RATE_LIMIT_SUBSCRIPTIONS_PER_MINUTE: String(SUBSCRIPTIONS_PER_MINUTE),
  });
});

afterAll(async () => {
  await gateway.dispose();
});

const wsUrl = (): string => `${gateway.url.replace(/^http/, "ws")}/graphql`;

/** The refusal a caller past a budget gets, waiting `seconds` (1 to 60: the window is a minute). */
function refusal(what: string, max: number, seconds: number): GqlError {
  return {
    message: `Too many ${what}: at most ${max} a minute per caller. Retry after ${seconds} s.`,
    extensions: { code: "RATE_LIMITED", retryAfterSeconds: seconds },
  };
}

/** The seconds of a refusal's `Retry-After`, checked to be a whole number within the one-minute window. */
function retryAfterOf(headers: Headers): number {
  const seconds = Number(headers.get("retry-after"));
  expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= 60, `Retry-After: ${headers.get("retry-after")}`).toBe(
    true,
  );
  return seconds;
}

/** The upstream calls made for one project. */
async function upstreamCallsOf(project: string): Promise<number> {
  return (await upstreamRequests()).filter((request) => request.path.startsWith(`/projects/${project}/`)).length;
}

/** Opens a WebSocket upgrade with `headers`: resolves with the socket once open, or the HTTP answer that refused it. */
function upgrade(
  headers: Record<string, string>,
): Promise<WebSocket | { status: number; headers: Headers; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(), "graphql-transport-ws", { headers });
    socket.on("open", () => resolve(socket));
    socket.on("unexpected-response", (_request, response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const answer = new Headers();
        for (const [name, value] of Object.entries(response.headers))
          if (typeof value === "string") answer.set(name, value);
        resolve({ status: response.statusCode ?? 0, headers: answer, body: Buffer.concat(chunks).toString() });
      });
    });
    socket.on("error", reject);
  });
}

describe("requests past a caller's budget", () => {
  it("refuses the caller with 429, Retry-After and RATE_LIMITED before any upstream call, and serves another caller meanwhile", async () => {
    await clearUpstreamRequests();
    const demo = gateway.graphql.withHeaders(nexusHeaders(DEMO));
    const other = gateway.graphql.withHeaders(nexusHeaders(OTHER));
    // The budget, each request one upstream call.
    for (let i = 0; i < REQUESTS_PER_MINUTE; i += 1) {
      const served = await demo.query<{ jobs: { edges: unknown[] } }>(JOBS);
      expect(served.status, served.text).toBe(200);
      expect(served.body.data?.jobs.edges).toHaveLength(1);
    }
    expect(await upstreamCallsOf(DEMO.project)).toBe(REQUESTS_PER_MINUTE);
    // Past it: the same query and a `{ __typename }` (no upstream call of its own) alike, while the other caller's
    // requests are served.
    const [refusedJobs, refusedTypename, served] = await Promise.all([
      demo.query(JOBS),
      demo.query(`{ __typename }`),
      other.query(JOBS),
    ]);
    for (const refused of [refusedJobs, refusedTypename]) {
      expect(refused.status, refused.text).toBe(429);
      const seconds = retryAfterOf(refused.headers);
      expect(refused.body).toEqual({ errors: [refusal("GraphQL requests", REQUESTS_PER_MINUTE, seconds)] });
    }
    expect(served.status, served.text).toBe(200);
    expect(served.body.errors).toBeUndefined();
    // No upstream call for the refused ones; the other caller's one call went up.
    expect(await upstreamCallsOf(DEMO.project)).toBe(REQUESTS_PER_MINUTE);
    expect(await upstreamCallsOf(OTHER.project)).toBe(1);
    // The same caller's WebSocket upgrade (its credentials in the upgrade's headers) is past the same budget.
    const upgraded = await upgrade(nexusHeaders(DEMO));
    if (upgraded instanceof WebSocket) throw new Error("the upgrade past the budget was accepted");
    expect(upgraded.status).toBe(429);
    expect(JSON.parse(upgraded.body)).toEqual({
      errors: [refusal("GraphQL requests", REQUESTS_PER_MINUTE, retryAfterOf(upgraded.headers))],
    });
  });
});

describe("requests of verified principals", () => {
  it("counts each principal on its own, though they share the gateway's keys and send no credentials", async () => {
    await clearUpstreamRequests();
    const dashboard = gateway.graphql.withHeaders({ authorization: `Bearer ${DASHBOARD_TOKEN}` });
    const reports = gateway.graphql.withHeaders({ authorization: `Bearer ${REPORTS_TOKEN}` });
    for (let i = 0; i < REQUESTS_PER_MINUTE; i += 1) {
      const served = await dashboard.query(JOBS);
      expect(served.status, served.text).toBe(200);
    }
    const [refused, served] = await Promise.all([dashboard.query(JOBS), reports.query(JOBS)]);
    expect(refused.status, refused.text).toBe(429);
    expect(refused.body).toEqual({
      errors: [refusal("GraphQL requests", REQUESTS_PER_MINUTE, retryAfterOf(refused.headers))],
    });
    expect(served.status, served.text).toBe(200);
    expect(served.body.errors).toBeUndefined();
    expect(await upstreamCallsOf(DEMO.project)).toBe(REQUESTS_PER_MINUTE + 1);
  });
});

interface WsMessage {
  type: string;
  id?: string;
  payload?: unknown;
}

describe("subscription starts past a caller's budget over graphql-ws", () => {
  it("refuses each subscribe past the budget with RATE_LIMITED for its id, before any upstream call, and keeps the socket", async () => {
    // The budget's starts watch one job; the refused ones ask for another, whose path no upstream call may name.
    const listed = await gateway.graphql.query<{ jobs: { edges: { node: { id: string } }[] } }>(
      `{ jobs(first: 2) { edges { node { id } } } }`,
      {},
      { headers: nexusHeaders(OTHER) },
    );
    const [jobId, refusedJobId] = (listed.body.data?.jobs.edges ?? []).map((edge) => edge.node.id);
    if (jobId === undefined || refusedJobId === undefined) throw new Error(`no jobs: ${listed.text}`);
    const socket = await upgrade({});
    if (!(socket instanceof WebSocket)) throw new Error(`upgrade refused: ${socket.status} ${socket.body}`);
    const messages: WsMessage[] = [];
    let notify = (): void => undefined;
    socket.on("message", (data: Buffer) => {
      messages.push(JSON.parse(data.toString()) as WsMessage);
      notify();
    });
    const until = (done: () => boolean): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out; got ${JSON.stringify(messages)}`)), 20_000);
        notify = () => {
          if (done()) {
            clearTimeout(timer);
            resolve();
          }
        };
        notify();
      });
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    try {
      socket.send(JSON.stringify({ type: "connection_init", payload: nexusHeaders(OTHER) }));
      await until(() => messages.some((message) => message.type === "connection_ack"));
      const subscribe = (id: string, job = jobId): string =>
        JSON.stringify({
          type: "subscribe",
          id,
          payload: { query: `subscription($id: ID!) { jobUpdated(id: $id) { id } }`, variables: { id: job } },
        });
      // The budget's starts, each confirmed by its first event, then two more.
      for (let i = 1; i <= SUBSCRIPTIONS_PER_MINUTE; i += 1) socket.send(subscribe(String(i)));
      await until(
        () =>
          new Set(messages.filter((message) => message.type === "next").map((message) => message.id)).size ===
          SUBSCRIPTIONS_PER_MINUTE,
      );
      await clearUpstreamRequests();
      socket.send(subscribe("past-1", refusedJobId));
      socket.send(subscribe("past-2", refusedJobId));
      // Refused before it runs, the graphql-ws way (as for a validation error): one `error` message, which ends the
      // operation on the client, and no `complete`.
      const ended = (id: string) => messages.some((message) => message.id === id && message.type === "error");
      await until(() => ended("past-1") && ended("past-2"));
      // The socket is still served: a ping is answered (and every answer to the refused ones has arrived by then).
      socket.send(JSON.stringify({ type: "ping" }));
      await until(() => messages.some((message) => message.type === "pong"));
      for (const id of ["past-1", "past-2"]) {
        const answer = messages.filter((message) => message.id === id);
        expect(answer).toHaveLength(1);
        const errors = (answer[0]?.payload as GqlError[] | undefined) ?? [];
        const seconds = errors[0]?.extensions?.retryAfterSeconds ?? 0;
        expect(seconds >= 1 && seconds <= 60, `retryAfterSeconds ${seconds}`).toBe(true);
        expect(answer).toEqual([
          { type: "error", id, payload: [refusal("subscription starts", SUBSCRIPTIONS_PER_MINUTE, seconds)] },
        ]);
      }
      // A start's check reads its job upstream: nothing went up for the refused ones' job.
      const refusedRef = decodeGlobalId(refusedJobId)?.ref ?? refusedJobId;
      expect((await upstreamRequests()).filter((request) => request.path.includes(refusedRef))).toEqual([]);
    } finally {
      socket.close(1000);
      await closed;
    }
  });
});

describe("a graphql-ws client flooding its socket", () => {
  it("closes the socket with 4429 and a reason that says so once it sends more messages than twice the request budget", async () => {
    // By default a socket may send twice the request budget a minute: each operation a caller may start, and its
    // `complete`. Its own address, so its upgrade counts against no other test's caller.
    const budget = 2 * REQUESTS_PER_MINUTE;
    const socket = await upgrade({ "cf-connecting-ip": "203.0.113.9" });
    if (!(socket instanceof WebSocket)) throw new Error(`upgrade refused: ${socket.status} ${socket.body}`);
    const received: WsMessage[] = [];
    socket.on("message", (data: Buffer) => received.push(JSON.parse(data.toString()) as WsMessage));
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on("close", (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })),
    );
    socket.send(JSON.stringify({ type: "connection_init", payload: nexusHeaders(OTHER) }));
    // The init and `budget - 1` pings are within the budget; the next ping is past it. Ten more follow it at once,
    // as a flooding client's would. Pings with a payload: a bare `{"type":"ping"}` is answered by the runtime
    // without waking the connection object (it costs nothing, and is not counted).
    for (let i = 0; i < budget + 10; i += 1) socket.send(JSON.stringify({ type: "ping", payload: { i } }));
    const close = await closed;
    expect(close).toEqual({
      code: 4429,
      reason: `Too many messages: at most ${budget} a minute per socket. Reconnect later.`,
    });
    expect(received[0]).toEqual({ type: "connection_ack" });
    expect(received.filter((message) => message.type === "pong")).toHaveLength(budget - 1);
  });
});

describe("WebSocket upgrades past a caller's budget", () => {
  it("answers the upgrade past the budget with 429 and Retry-After, before any connection object", async () => {
    // A caller without credentials is counted by its address; Cloudflare's edge sets CF-Connecting-IP.
    const address = { "cf-connecting-ip": "203.0.113.7" };
    const opened: WebSocket[] = [];
    try {
      for (let i = 0; i < REQUESTS_PER_MINUTE; i += 1) {
        const socket = await upgrade(address);
        if (!(socket instanceof WebSocket))
          throw new Error(`upgrade ${i + 1} refused: ${socket.status} ${socket.body}`);
        opened.push(socket);
      }
      const refused = await upgrade(address);
      if (refused instanceof WebSocket) throw new Error("the upgrade past the budget was accepted");
      expect(refused.status).toBe(429);
      const seconds = retryAfterOf(refused.headers);
      expect(JSON.parse(refused.body)).toEqual({ errors: [refusal("GraphQL requests", REQUESTS_PER_MINUTE, seconds)] });
      // Another address is still let in.
      const elsewhere = await upgrade({ "cf-connecting-ip": "203.0.113.8" });
      expect(elsewhere).toBeInstanceOf(WebSocket);
      if (elsewhere instanceof WebSocket) opened.push(elsewhere);
    } finally {
      for (const socket of opened) socket.close(1000);
    }
  });
});
