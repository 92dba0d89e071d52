/**
 * The limits before any upstream call, through the front door: each bomb from issue 7 is refused with
 * `LIMIT_EXCEEDED`, a message naming the limit, its value and its maximum, and ZERO upstream calls in the emulator's
 * request log, while a normal request sent at the same time is answered as usual. The same limits hold over SSE and
 * the WebSocket, and one socket holds at most 100 open subscriptions. Defaults are those of the README.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getIntrospectionQuery } from "graphql";
import WebSocket from "ws";
import {
  CHEAP_ALIASES,
  HEAVY_ALIASES,
  HUGE_N,
  hopQuery,
  LONG_QUERY,
  MANY_ROOT_FIELDS,
  tenMegabyteBody,
} from "../utils/bombs";
import {
  clearUpstreamRequests,
  DEMO,
  gql,
  gqlData,
  graphqlUrl,
  resetEmulator,
  upstreamRequests,
  type GqlError,
} from "./helpers";
import { suiteGraphQL } from "../utils/test-gateway";

const BASE = `/projects/${DEMO.project}/batch`;
const NORMAL = `{ jobs(first: 2) { edges { node { id } } } }`;
const headers = {
  "content-type": "application/json",
  accept: "application/json",
  "x-nexus-project-id": DEMO.project,
  "x-nexus-secret-key": DEMO.key,
};

const refusal = (limit: string, value: number, max: number, message: string): GqlError =>
  expect.objectContaining({ message, extensions: { code: "LIMIT_EXCEEDED", limit, value, max } }) as GqlError;

/**
 * Sends `send` alone (its upstream log must stay empty), then again together with a normal query: the normal one
 * gets its data and the log holds only its one call.
 */
async function refusedWithoutUpstreamCalls(
  send: () => Promise<{ errors?: GqlError[] | undefined }>,
  expected: GqlError[],
): Promise<void> {
  await clearUpstreamRequests();
  const alone = await send();
  expect(alone.errors).toEqual(expected);
  expect(await upstreamRequests()).toEqual([]);
  const [again, normal] = await Promise.all([send(), gqlData<{ jobs: { edges: unknown[] } }>(NORMAL)]);
  expect(again.errors).toEqual(expected);
  expect(normal.jobs.edges).toHaveLength(2);
  expect((await upstreamRequests()).map((request) => `${request.method} ${request.path}`)).toEqual([
    `GET ${BASE}/jobs`,
  ]);
}

beforeAll(async () => {
  await resetEmulator();
});

beforeEach(async () => {
  await clearUpstreamRequests();
});

describe("the bombs of issue 7 are refused before any upstream call", () => {
  it("refuses the 20-hop jobs → dataset → jobs query by its depth", async () => {
    const query = hopQuery(20, 5);
    expect(query.length).toBeLessThan(1200); // the was 709 bytes
    await refusedWithoutUpstreamCalls(
      async () => (await gql(query)).body,
      [
        refusal(
          "depth",
          40,
          10,
          "The operation is 40 levels deep; at most 10 are allowed (a connection's edges and node do not count).",
        ),
      ],
    );
  });

  it("refuses depth 20 with first: 3", async () => {
    await refusedWithoutUpstreamCalls(
      async () => (await gql(hopQuery(10, 3))).body,
      [
        refusal(
          "depth",
          20,
          10,
          "The operation is 20 levels deep; at most 10 are allowed (a connection's edges and node do not count).",
        ),
      ],
    );
  });

  it("refuses 500 aliases of jobs(first: 100) { … logs } by its tokens, and 500 cheap aliases by their count", async () => {
    await refusedWithoutUpstreamCalls(
      async () => (await gql(HEAVY_ALIASES)).body,
      [refusal("tokens", 12502, 2000, "The document has 12502 tokens; at most 2000 are allowed.")],
    );
    await refusedWithoutUpstreamCalls(
      async () => (await gql(CHEAP_ALIASES)).body,
      [refusal("aliases", 500, 30, "The operation has 500 aliases; at most 30 are allowed.")],
    );
  });

  it("refuses 600 root fields (by tokens), and 16 root fields by their count", async () => {
    await refusedWithoutUpstreamCalls(
      async () => (await gql(MANY_ROOT_FIELDS)).body,
      [refusal("tokens", 3602, 2000, "The document has 3602 tokens; at most 2000 are allowed.")],
    );
    const sixteen = `{ jobs { totalCount } datasets { totalCount } webhooks { totalCount } ${Array.from({ length: 13 }, (_, i) => `w${i}: webhooks { totalCount }`).join(" ")} }`;
    await refusedWithoutUpstreamCalls(
      async () => (await gql(sixteen)).body,
      [refusal("rootFields", 16, 15, "The operation asks for 16 root fields; at most 15 are allowed.")],
    );
  });

  it("refuses a 100,000-character query by its tokens", async () => {
    expect(LONG_QUERY.length).toBeGreaterThanOrEqual(100_000);
    await refusedWithoutUpstreamCalls(
      async () => (await gql(LONG_QUERY)).body,
      [refusal("tokens", 9102, 2000, "The document has 9102 tokens; at most 2000 are allowed.")],
    );
  });

  it("refuses first: $n with a huge $n by its cost, with the variable's value", async () => {
    await refusedWithoutUpstreamCalls(
      async () => (await gql(HUGE_N.query, HUGE_N.variables)).body,
      [
        refusal(
          "cost",
          4_294_967_295,
          100_000,
          "The operation could return about 4294967295 objects (page sizes multiplied down the tree); at most 100000 are allowed. Ask for smaller pages or fewer nested lists.",
        ),
      ],
    );
  });

  it("refuses nested pages of 100 within the depth limit by their cost", async () => {
    const query = `query($n: Int) { datasets(first: $n) { edges { node { ... on NexusDataset { jobs(first: $n) { edges { node { ... on NexusJob {
      dataset { jobs(first: $n) { edges { node { id } } } } } } } } } } } } }`;
    await refusedWithoutUpstreamCalls(
      async () => (await gql(query, { n: 100 })).body,
      [
        refusal(
          "cost",
          2_040_301,
          100_000,
          "The operation could return about 2040301 objects (page sizes multiplied down the tree); at most 100000 are allowed. Ask for smaller pages or fewer nested lists.",
        ),
      ],
    );
  });

  it("refuses a fragment bomb (each of 30 fragments spreads the one before twice) by its aliases, measured once per fragment", async () => {
    let query = `query { jobs(first: 1) { edges { node { ...F30 } } } } fragment F0 on Job { a: id b: name }`;
    for (let i = 1; i <= 30; i += 1) query += ` fragment F${i} on Job { ...F${i - 1} x${i}: id ...F${i - 1} }`;
    await refusedWithoutUpstreamCalls(
      async () => (await gql(query)).body,
      [refusal("aliases", 3_221_225_471, 30, "The operation has 3221225471 aliases; at most 30 are allowed.")],
    );
  });

  it("refuses 600 lookups by id (6 × nodes(ids:) of 100) against the 500-call cap, before any of them", async () => {
    const ids = Array.from(
      { length: 100 },
      (_, i) => `batchjob_00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    );
    const query = `query($ids: [ID!]!) { ${Array.from({ length: 6 }, (_, i) => `n${i}: nodes(ids: $ids) { id }`).join(" ")} }`;
    await refusedWithoutUpstreamCalls(
      async () => (await gql(query, { ids })).body,
      [
        refusal(
          "upstreamCalls",
          600,
          500,
          "The operation looks up 600 objects by id, one upstream call each; at most 500 upstream calls are allowed per request. Ask for fewer ids.",
        ),
      ],
    );
  });

  it("refuses a 10 MB body with 413 and a coded GraphQL body, by Content-Length and when chunked", async () => {
    const body = tenMegabyteBody();
    const declared = async () => {
      const response = await suiteGraphQL().fetch({ method: "POST", headers, body });
      expect(response.status).toBe(413);
      expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
      return (await response.json()) as { errors: GqlError[] | undefined };
    };
    await refusedWithoutUpstreamCalls(declared, [
      refusal(
        "requestBytes",
        body.length,
        1_048_576,
        `The request body is ${body.length} bytes; at most 1048576 bytes are allowed.`,
      ),
    ]);
    const bytes = new TextEncoder().encode(body);
    await clearUpstreamRequests();
    const chunked = await suiteGraphQL().fetch({
      method: "POST",
      headers,
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let offset = 0; offset < bytes.length; offset += 65_536)
            controller.enqueue(bytes.slice(offset, offset + 65_536));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { errors: GqlError[] }).errors).toEqual([
      refusal(
        "requestBytes",
        bytes.length,
        1_048_576,
        `The request body is ${bytes.length} bytes; at most 1048576 bytes are allowed.`,
      ),
    ]);
    expect(await upstreamRequests()).toEqual([]);
  });

  it("passes a chunked body within the limit", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ query: NORMAL }));
    const response = await suiteGraphQL().fetch({
      method: "POST",
      headers,
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(bytes);
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    const result = (await response.json()) as { data: { jobs: { edges: unknown[] } } };
    expect(response.status).toBe(200);
    expect(result.data.jobs.edges).toHaveLength(2);
  });
});

describe("the README's and the tests' queries stay within the limits", () => {
  it("runs GraphiQL's introspection query (9 levels of ofType are wrappers, not levels)", async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const data = await gqlData<{ __schema: { types: unknown[] } }>(query);
    expect(data.__schema.types.length).toBeGreaterThan(20);
  });

  it("refuses an introspection bomb (graphql-js's own rule)", async () => {
    const result = await gql(`{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }`);
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        message: "Maximum introspection depth exceeded",
        extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
      }),
    ]);
  });

  it("runs the README's nested example", async () => {
    const data = await gqlData<{ jobs: { edges: unknown[] } }>(`{
      jobs(first: 20, state: [RUNNING]) {
        totalCount
        edges { cursor node { id name state progress
          ... on NexusJob {
            status { message items { delivered failedDeliver } }
            dataset { name itemCount }
            webhooks { name endpoint }
            logs(minLevel: ERROR, first: 5) { edges { node { createdAt reason } } }
          } } }
        pageInfo { hasNextPage endCursor }
      }
    }`);
    expect(data.jobs.edges.length).toBeGreaterThan(0);
  });
});

describe("the same limits over SSE and the WebSocket", () => {
  it("refuses the depth bomb over SSE with the same error", async () => {
    const response = await suiteGraphQL().fetch({
      method: "POST",
      headers: { ...headers, accept: "text/event-stream" },
      body: JSON.stringify({ query: hopQuery(20, 5) }),
    });
    const text = await response.text();
    expect(text).toContain('"code":"LIMIT_EXCEEDED","limit":"depth","value":40,"max":10');
    expect(await upstreamRequests()).toEqual([]);
  });

  it("refuses the depth bomb and a huge $n over the WebSocket with the same errors", async () => {
    const messages = await wsSession(async (socket, next) => {
      socket.send(JSON.stringify({ type: "subscribe", id: "deep", payload: { query: hopQuery(20, 5) } }));
      socket.send(
        JSON.stringify({
          type: "subscribe",
          id: "cost",
          payload: {
            query: `query($n: Int!) { jobs(first: $n) { edges { node { id } } } }`,
            variables: { n: 2_147_483_647 },
          },
        }),
      );
      const seen: WsMessage[] = [];
      while (seen.filter((message) => message.type === "complete").length < 2) seen.push(await next());
      return seen;
    });
    const errorsOf = (id: string) => messages.find((message) => message.id === id && message.type === "next")?.payload;
    expect(errorsOf("deep")).toEqual({
      errors: [
        refusal(
          "depth",
          40,
          10,
          "The operation is 40 levels deep; at most 10 are allowed (a connection's edges and node do not count).",
        ),
      ],
    });
    expect(errorsOf("cost")).toEqual({
      errors: [
        refusal(
          "cost",
          4_294_967_295,
          100_000,
          "The operation could return about 4294967295 objects (page sizes multiplied down the tree); at most 100000 are allowed. Ask for smaller pages or fewer nested lists.",
        ),
      ],
    });
    expect(await upstreamRequests()).toEqual([]);
  });

  it("refuses the 101st open subscription on one socket with an error for its id, and keeps the socket open", async () => {
    await resetEmulator();
    const running = await gqlData<{ jobs: { edges: { node: { id: string } }[] } }>(
      `{ jobs(first: 1, state: [RUNNING]) { edges { node { id } } } }`,
    );
    const jobId = running.jobs.edges[0]?.node.id;
    if (jobId === undefined) throw new Error("no running job");
    const subscribe = (id: string) =>
      JSON.stringify({
        type: "subscribe",
        id,
        payload: { query: `subscription($id: ID!) { jobUpdated(id: $id) { id } }`, variables: { id: jobId } },
      });
    const seen = await wsSession(async (socket, next) => {
      const messages: WsMessage[] = [];
      const until = async (done: (message: WsMessage) => boolean): Promise<void> => {
        for (;;) {
          const message = await next();
          messages.push(message);
          if (done(message)) return;
        }
      };
      // All 100 confirmed by their first events, so that they are open when the 101st arrives.
      for (let i = 1; i <= 100; i += 1) socket.send(subscribe(String(i)));
      const started = new Set<string>();
      await until((message) => {
        if (message.type === "next" && message.id !== undefined) started.add(message.id);
        return started.size === 100;
      });
      socket.send(subscribe("101"));
      await until((message) => message.id === "101");
      socket.send(JSON.stringify({ type: "ping" }));
      await until((message) => message.type === "pong");
      // Room again once one completes.
      socket.send(JSON.stringify({ type: "complete", id: "1" }));
      socket.send(subscribe("102"));
      await until((message) => message.type === "next" && message.id === "102");
      return messages;
    });
    expect(seen.filter((message) => message.id === "101")).toEqual([
      {
        type: "error",
        id: "101",
        payload: [
          refusal(
            "subscriptions",
            101,
            100,
            "This socket has 100 operations open; at most 100 are allowed. Complete one first.",
          ),
        ],
      },
    ]);
    expect(seen.some((message) => message.type === "pong")).toBe(true);
  });
});

interface WsMessage {
  type: string;
  id?: string;
  payload?: unknown;
}

/** Opens a graphql-transport-ws socket as the demo project, waits for the ack, runs `body`, then closes. */
async function wsSession<T>(body: (socket: WebSocket, next: () => Promise<WsMessage>) => Promise<T>): Promise<T> {
  const socket = new WebSocket(graphqlUrl().replace(/^http/, "ws"), "graphql-transport-ws");
  const queue: WsMessage[] = [];
  const waiting: ((message: WsMessage) => void)[] = [];
  socket.on("message", (data: Buffer) => {
    const message = JSON.parse(data.toString()) as WsMessage;
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else queue.push(message);
  });
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  const next = (): Promise<WsMessage> => {
    const queued = queue.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      waiting.push(resolve);
      void closed.then(() => reject(new Error("the socket closed")));
    });
  };
  await new Promise<void>((resolve, reject) => {
    socket.on("open", () => resolve());
    socket.on("error", reject);
  });
  socket.send(
    JSON.stringify({
      type: "connection_init",
      payload: { "x-nexus-project-id": DEMO.project, "x-nexus-secret-key": DEMO.key },
    }),
  );
  expect((await next()).type).toBe("connection_ack");
  try {
    return await body(socket, next);
  } finally {
    socket.close(1000);
    await closed;
  }
}
