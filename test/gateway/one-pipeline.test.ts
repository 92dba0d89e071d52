/**
 * One execution pipeline (issue 18): HTTP, SSE and graphql-ws operations run through the same plugin chain, so a
 * rule is written once and answers alike on every transport. The rule shown is trusted documents
 * (`TRUSTED_DOCUMENTS` set, so every operation must name a manifest document): an ad-hoc query, an unknown id and a
 * broken manifest are refused with the very same error (message and every extension) over a JSON POST, an SSE
 * request and a graphql-ws `subscribe`. The error is built in one place (`plugins/use-trusted-documents.ts`'s
 * `trustedParams`, with its HTTP status in `extensions.http`): HTTP answers with that status, graphql-ws without it,
 * and what remains is identical. The manifest's document then meets the chain's next rule (introspection, off) with
 * the same refusal on all three, so the rule hands its document to the same chain. No refusal reaches the upstream.
 */
import { createClient as createWsClient } from "graphql-ws";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearUpstreamRequests, DEMO, upstreamRequests, type GqlError } from "./helpers";
import { PRODUCTION_BROWSER_AND_AUTH, startTestGateway, type TestGateway } from "../utils/test-gateway";

const OWN_KEYS = { "x-nexus-project-id": DEMO.project, "x-nexus-secret-key": DEMO.key };
const JOBS_ID = "sha256:one-pipeline-jobs";
const INTROSPECTION_ID = "sha256:one-pipeline-introspection";
const MANIFEST = {
  [JOBS_ID]: "query Jobs { jobs(first: 1) { edges { node { id } } } }",
  [INTROSPECTION_ID]: "query Types { __schema { queryType { name } } }",
};

/** One transport's answer: the HTTP status (null over graphql-ws), and the errors as the client received them. */
interface Refusal {
  status: number | null;
  errors: readonly GqlError[];
}

let gateway: TestGateway;
let broken: TestGateway;

async function overPost(url: string, payload: Record<string, unknown>): Promise<Refusal> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...OWN_KEYS },
    body: JSON.stringify(payload),
  });
  const body = (await response.json()) as { errors?: GqlError[] };
  return { status: response.status, errors: body.errors ?? [] };
}

/** A raw SSE request (graphql-sse's distinct connections mode): the errors of its `next` events. */
async function overSse(url: string, payload: Record<string, unknown>): Promise<Refusal> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "text/event-stream", ...OWN_KEYS },
    body: JSON.stringify(payload),
  });
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const errors: GqlError[] = [];
  for (const block of (await response.text()).split("\n\n")) {
    const lines = block.split("\n");
    if (!lines.includes("event: next")) continue;
    const data = lines
      .filter((line) => line.startsWith("data:"))
      .map((line) => line.slice("data:".length))
      .join("\n");
    errors.push(...((JSON.parse(data) as { errors?: GqlError[] }).errors ?? []));
  }
  return { status: response.status, errors };
}

/** One `subscribe` over a fresh graphql-ws socket: the errors of its last `next` (graphql-ws needs a string query). */
async function overWs(url: string, payload: Record<string, unknown>): Promise<Refusal> {
  const client = createWsClient({
    url: url.replace(/^http/, "ws"),
    webSocketImpl: WebSocket,
    connectionParams: OWN_KEYS,
    retryAttempts: 0,
    lazy: true,
  });
  try {
    const errors = await new Promise<readonly GqlError[]>((resolve, reject) => {
      let last: readonly GqlError[] = [];
      client.subscribe(
        { query: "", ...payload },
        {
          next: (value) => {
            last = (value.errors ?? []) as readonly GqlError[];
          },
          error: reject,
          complete: () => resolve(last),
        },
      );
    });
    return { status: null, errors };
  } finally {
    await client.dispose();
  }
}

/** The same operation over the three transports. */
async function overAll(
  url: string,
  payload: Record<string, unknown>,
): Promise<{ post: Refusal; sse: Refusal; ws: Refusal }> {
  return { post: await overPost(url, payload), sse: await overSse(url, payload), ws: await overWs(url, payload) };
}

beforeAll(async () => {
  [gateway, broken] = await Promise.all([
    startTestGateway({ ...PRODUCTION_BROWSER_AND_AUTH, TRUSTED_DOCUMENTS: JSON.stringify(MANIFEST) }),
    startTestGateway({ ...PRODUCTION_BROWSER_AND_AUTH, TRUSTED_DOCUMENTS: "{ not json" }),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([gateway?.dispose(), broken?.dispose()]);
});

describe("one rule, one piece of code, three transports", () => {
  it("refuses an ad-hoc query with the same PERSISTED_QUERY_ONLY error over HTTP, SSE and graphql-ws, before any upstream call", async () => {
    await clearUpstreamRequests();
    const { post, sse, ws } = await overAll(gateway.graphql.endpoint, {
      query: "{ jobs(first: 1) { edges { node { id } } } }",
    });
    const expected = [
      {
        message:
          'This gateway runs trusted documents only: send the operation\'s "documentId" from your persisted-documents ' +
          'manifest instead of its "query".',
        extensions: { code: "PERSISTED_QUERY_ONLY" },
      },
    ];
    expect(post).toEqual({ status: 400, errors: expected });
    expect(sse).toEqual({ status: 400, errors: expected });
    expect(ws).toEqual({ status: null, errors: expected });
    expect(await upstreamRequests()).toEqual([]);
  });

  it("refuses an unknown id with the same PERSISTED_QUERY_NOT_FOUND error on all three", async () => {
    await clearUpstreamRequests();
    const { post, sse, ws } = await overAll(gateway.graphql.endpoint, { documentId: "sha256:unknown" });
    const expected = [
      {
        message:
          'No trusted document has the id "sha256:unknown". This gateway runs only the documents of its manifest (TRUSTED_DOCUMENTS).',
        extensions: { code: "PERSISTED_QUERY_NOT_FOUND" },
      },
    ];
    expect(post).toEqual({ status: 404, errors: expected });
    expect(sse).toEqual({ status: 404, errors: expected });
    expect(ws).toEqual({ status: null, errors: expected });
    expect(await upstreamRequests()).toEqual([]);
  });

  it("answers a broken manifest with the same GATEWAY_MISCONFIGURED error on all three", async () => {
    const { post, sse, ws } = await overAll(broken.graphql.endpoint, { documentId: JOBS_ID });
    const expected = [
      {
        message:
          'The gateway\'s TRUSTED_DOCUMENTS setting is invalid: it is not JSON. Expected the JSON object { "<id>": "<document>" } ' +
          "that GraphQL Code Generator's client preset (persisted-documents.json) or the Relay compiler writes.",
        extensions: { code: "GATEWAY_MISCONFIGURED" },
      },
    ];
    expect(post).toEqual({ status: 500, errors: expected });
    expect(sse).toEqual({ status: 500, errors: expected });
    expect(ws).toEqual({ status: null, errors: expected });
  });

  it("hands the manifest's document to the same next rule: introspection (off) refuses it alike on all three", async () => {
    const { post, sse, ws } = await overAll(gateway.graphql.endpoint, { documentId: INTROSPECTION_ID });
    const messages = (refusal: Refusal) => refusal.errors.map((error) => [error.extensions?.code, error.message]);
    const expected = ["__schema", "queryType"].map((field) => [
      "INTROSPECTION_DISABLED",
      `GraphQL introspection has been disabled, but the requested query contained the field "${field}".`,
    ]);
    // (A validation error's HTTP status depends on the accepted media type: not the rule's business.)
    expect(messages(post)).toEqual(expected);
    expect(messages(sse)).toEqual(expected);
    expect(messages(ws)).toEqual(expected);
  });

  it("runs the manifest's document by id on all three", async () => {
    const post = await fetch(gateway.graphql.endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...OWN_KEYS },
      body: JSON.stringify({ documentId: JOBS_ID }),
    });
    expect(((await post.json()) as { errors?: unknown }).errors).toBeUndefined();
    const { sse, ws } = await overAll(gateway.graphql.endpoint, { documentId: JOBS_ID });
    expect(sse.errors).toEqual([]);
    expect(ws.errors).toEqual([]);
  });
});
