/**
 * Every answer the gateway makes is a coded GraphQL error when it is an error: variable coercion is
 * `BAD_USER_INPUT`, the 415 and 406 answers have GraphQL bodies, invalid JSON shows no library detail, and the
 * limits that the bomb tests do not reach (directives, the response-size cap, settings read from the environment)
 * refuse as `LIMIT_EXCEEDED`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import { startTestGateway, type TestGateway } from "../utils/test-gateway";
import {
  clearUpstreamRequests,
  DEMO,
  gql,
  graphqlUrl,
  resetEmulator,
  upstreamRequests,
  type GqlError,
} from "./helpers";

const headers = { "x-nexus-project-id": DEMO.project, "x-nexus-secret-key": DEMO.key };

async function send(
  init: RequestInit,
  url = graphqlUrl(),
): Promise<{ status: number; errors: GqlError[]; text: string }> {
  const response = await fetch(url, init);
  const text = await response.text();
  expect(response.headers.get("content-type") ?? "", text).toMatch(/^application\/(graphql-response\+)?json/);
  return { status: response.status, errors: (JSON.parse(text) as { errors: GqlError[] }).errors, text };
}

beforeAll(async () => {
  await resetEmulator();
});

beforeEach(async () => {
  await clearUpstreamRequests();
});

describe("graphql-js's own errors get codes", () => {
  it("gives BAD_USER_INPUT to a variable that does not coerce, before any upstream call", async () => {
    const result = await gql(`query($v: Int) { webhooks(first: $v) { totalCount } }`, { v: -2_147_483_649 });
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        message:
          'Variable "$v" got invalid value -2147483649; Int cannot represent non 32-bit signed integer value: -2147483649',
        extensions: { code: "BAD_USER_INPUT" },
      }),
    ]);
    expect(await upstreamRequests()).toEqual([]);
  });

  it("gives BAD_USER_INPUT to a missing required variable", async () => {
    const result = await gql(`query($id: ID!) { job(id: $id) { id } }`, {});
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        message: 'Variable "$id" of required type "ID!" was not provided.',
        extensions: { code: "BAD_USER_INPUT" },
      }),
    ]);
  });
});

describe("HTTP error answers have GraphQL bodies", () => {
  it("answers an unsupported content type with 415 and BAD_REQUEST", async () => {
    const result = await send({
      method: "POST",
      headers: { ...headers, "content-type": "text/plain" },
      body: "{ __typename }",
    });
    expect(result.status).toBe(415);
    expect(result.errors).toEqual([
      {
        message:
          "Unsupported content type: send application/json (or application/graphql+json), multipart/form-data, or a GET with the query in the URL.",
        extensions: { code: "BAD_REQUEST" },
      },
    ]);
  });

  it("answers an unacceptable Accept for a subscription with 406 and BAD_REQUEST", async () => {
    const running = await gql<{ jobs: { edges: { node: { id: string } }[] } }>(
      `{ jobs(first: 1, state: [RUNNING]) { edges { node { id } } } }`,
    );
    const result = await send({
      method: "POST",
      headers: { ...headers, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({
        query: `subscription($id: ID!) { jobUpdated(id: $id) { id } }`,
        variables: { id: running.body.data?.jobs.edges[0]?.node.id },
      }),
    });
    expect(result.status).toBe(406);
    expect(result.errors).toEqual([
      {
        message:
          "Not acceptable: accept application/json or application/graphql-response+json (and text/event-stream or multipart/mixed for subscriptions).",
        extensions: { code: "BAD_REQUEST" },
      },
    ]);
  });

  it("answers a method other than GET and POST with 405 and BAD_REQUEST", async () => {
    const result = await send({
      method: "PUT",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(result.status).toBe(405);
    expect(result.errors.map((error) => error.extensions?.code)).toEqual(["BAD_REQUEST"]);
  });

  it("answers a path other than /graphql with 404 and NOT_FOUND", async () => {
    const result = await send({ method: "GET", headers }, `${inject("gatewayUrl")}/nope`);
    expect(result.status).toBe(404);
    expect(result.errors).toEqual([
      { message: "Not found: GraphQL is at /graphql.", extensions: { code: "NOT_FOUND" } },
    ]);
  });

  it("answers invalid JSON with 400 and BAD_REQUEST, without the parser's detail", async () => {
    const result = await send({
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: '{"query": "{',
    });
    expect(result.status).toBe(400);
    expect(result.errors).toEqual([{ message: "POST body sent invalid JSON.", extensions: { code: "BAD_REQUEST" } }]);
    expect(result.text).not.toContain("originalError");
  });
});

describe("the limits the bombs do not reach", () => {
  it("refuses 21 directives", async () => {
    const result = await gql(`{ jobs(first: 1) { ${"__typename @skip(if: false) ".repeat(21)} } }`);
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        message: "The operation has 21 directives; at most 20 are allowed.",
        extensions: { code: "LIMIT_EXCEEDED", limit: "directives", value: 21, max: 20 },
      }),
    ]);
    expect(await upstreamRequests()).toEqual([]);
  });

  describe("a gateway configured with small limits", () => {
    let small: TestGateway;

    beforeAll(async () => {
      small = await startTestGateway({ MAX_RESPONSE_BYTES: "2000", MAX_QUERY_DEPTH: "2" });
    });

    afterAll(async () => {
      await small.dispose();
    });

    const post = (query: string) =>
      send(
        {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify({ query }),
        },
        small.graphql.endpoint,
      );

    it("turns a result over MAX_RESPONSE_BYTES into LIMIT_EXCEEDED instead of sending it", async () => {
      const result = await post(`{ jobs(first: 50) { edges { node { id name } } } }`);
      expect(result.errors).toHaveLength(1);
      const [error] = result.errors;
      expect(error?.extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "responseBytes", max: 2000 });
      expect(error?.extensions?.["value"]).toBeGreaterThan(2000);
      expect(error?.message).toBe(
        `The result is ${String(error?.extensions?.["value"])} bytes; at most 2000 are allowed. Ask for smaller pages or fewer fields.`,
      );
      expect(result.text).not.toContain("batchjob_");
    });

    it("applies the same cap to a query over the WebSocket", async () => {
      const socket = new WebSocket(`${small.url.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws");
      const messages: { type: string; id?: string; payload?: { errors?: GqlError[] } }[] = [];
      const next = new Promise<void>((resolve, reject) => {
        socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: headers })));
        socket.on("message", (data: Buffer) => {
          const message = JSON.parse(data.toString()) as (typeof messages)[number];
          messages.push(message);
          if (message.type === "connection_ack") {
            socket.send(
              JSON.stringify({
                type: "subscribe",
                id: "q",
                payload: { query: `{ jobs(first: 50) { edges { node { id name } } } }` },
              }),
            );
          }
          if (message.type === "next") resolve();
        });
        socket.on("error", reject);
      });
      await next;
      socket.close(1000);
      const errors = messages.find((message) => message.type === "next")?.payload?.errors;
      expect(errors).toHaveLength(1);
      expect(errors?.[0]?.extensions).toMatchObject({ code: "LIMIT_EXCEEDED", limit: "responseBytes", max: 2000 });
    });

    it("answers a small result as usual, and refuses depth 3 under MAX_QUERY_DEPTH=2", async () => {
      const fine = await small.graphql.fetch({
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ query: `{ jobs(first: 2) { edges { node { id } } } }` }),
      });
      const body = (await fine.json()) as { data: { jobs: { edges: unknown[] } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data.jobs.edges).toHaveLength(2);
      const deep = await post(`{ jobs(first: 2) { edges { node { ... on NexusJob { dataset { name } } } } } }`);
      expect(deep.errors).toEqual([
        expect.objectContaining({
          message:
            "The operation is 3 levels deep; at most 2 are allowed (a connection's edges and node do not count).",
          extensions: { code: "LIMIT_EXCEEDED", limit: "depth", value: 3, max: 2 },
        }),
      ]);
    });
  });
});
