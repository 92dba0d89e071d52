/**
 * What browsers may do, through the front door: CSRF prevention (a cross-site form never reaches the upstream),
 * the CORS allow-list, and GraphiQL and introspection as settings. Two gateways: one started here with the
 * production defaults for all of these and server-held keys with auth off (the local-development setup that
 * issue 7 found a webhook created through), and the run's gateway, which sets CORS_ORIGINS, GRAPHIQL and
 * INTROSPECTION (test/global-setup.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { CSRF_REFUSAL_MESSAGE } from "../../src/plugins/use-csrf-prevention";
import { clearUpstreamRequests, DEMO, graphqlUrl, resetEmulator, upstreamRequests } from "./helpers";
import { wsRun } from "./security-helpers";
import type { GraphQLTestClient, RawRequestInit } from "../utils/graphql-client";
import { PRODUCTION_BROWSER_AND_AUTH, startTestGateway, suiteGraphQL, type TestGateway } from "../utils/test-gateway";

const ALLOWED_ORIGIN = "https://app.example.com"; // CORS_ORIGINS of the run's gateway
const FOREIGN_ORIGIN = "https://evil.example";
const CREATE_WEBHOOK =
  'mutation { createWebhook(input: {name: "csrf", endpoint: "https://evil.example/hook"}) { webhook { name } } }';
const OWN_KEYS = { "x-nexus-project-id": DEMO.project, "x-nexus-secret-key": DEMO.key };
const CSRF_REFUSAL = { errors: [{ message: CSRF_REFUSAL_MESSAGE, extensions: { code: "CSRF_PREVENTED" } }] };

let defaults: TestGateway;

beforeAll(async () => {
  await resetEmulator();
  defaults = await startTestGateway({
    ...PRODUCTION_BROWSER_AND_AUTH,
    NEXUS_PROJECT_ID: DEMO.project,
    NEXUS_SECRET_KEY: DEMO.key,
    GATEWAY_AUTH: "off",
  });
});

afterAll(async () => {
  await defaults?.dispose();
});

/** Runs `action` and returns the upstream requests it caused. */
async function upstreamCallsOf(action: () => Promise<unknown>): Promise<string[]> {
  await clearUpstreamRequests();
  await action();
  return (await upstreamRequests()).map((request) => `${request.method} ${request.path}`);
}

/** The multipart form a page on another site can POST without a preflight: the GraphQL multipart spec's fields. */
function webhookForm(): FormData {
  const form = new FormData();
  form.set("operations", JSON.stringify({ query: CREATE_WEBHOOK }));
  form.set("map", "{}");
  return form;
}

async function send(client: GraphQLTestClient, init: RawRequestInit): Promise<{ status: number; body: unknown }> {
  const response = await client.fetch(init);
  return { status: response.status, body: JSON.parse(await response.text()) };
}

describe("CSRF prevention", () => {
  it("refuses a cross-site multipart form POST before any upstream call", async () => {
    let answer: { status: number; body: unknown } | undefined;
    const calls = await upstreamCallsOf(async () => {
      answer = await send(defaults.graphql, {
        method: "POST",
        headers: { origin: FOREIGN_ORIGIN },
        body: webhookForm(),
      });
    });
    expect(calls).toEqual([]);
    expect(answer).toEqual({ status: 403, body: CSRF_REFUSAL });
  });

  it("refuses the other bodies a form can send: urlencoded and text/plain", async () => {
    const bodies: [string, string][] = [
      ["application/x-www-form-urlencoded", `query=${encodeURIComponent(CREATE_WEBHOOK)}`],
      ["text/plain", JSON.stringify({ query: CREATE_WEBHOOK })],
    ];
    for (const [type, body] of bodies) {
      let answer: { status: number; body: unknown } | undefined;
      const calls = await upstreamCallsOf(async () => {
        answer = await send(defaults.graphql, {
          method: "POST",
          headers: { origin: FOREIGN_ORIGIN, "content-type": type },
          body,
        });
      });
      expect(calls, type).toEqual([]);
      expect(answer, type).toEqual({ status: 403, body: CSRF_REFUSAL });
    }
  });

  it("refuses a GET query that carries no header a preflight would have checked (a link or an <img>)", async () => {
    const search = `?query=${encodeURIComponent("{ webhooks(first: 1) { totalCount } }")}`;
    const calls = await upstreamCallsOf(async () => {
      expect(await send(defaults.graphql, { search, headers: { accept: "application/json" } })).toEqual({
        status: 403,
        body: CSRF_REFUSAL,
      });
    });
    expect(calls).toEqual([]);
  });

  it("serves the same multipart POST when it carries a header only a preflighted request can send", async () => {
    const calls = await upstreamCallsOf(async () => {
      const answer = await send(defaults.graphql, {
        method: "POST",
        headers: { "x-graphql-yoga-csrf": "1" },
        body: webhookForm(),
      });
      expect(answer).toEqual({ status: 200, body: { data: { createWebhook: { webhook: { name: "csrf" } } } } });
    });
    expect(calls).toEqual([`POST /projects/${DEMO.project}/batch/webhooks`]);
  });

  it("serves JSON POSTs, which browsers always preflight cross-origin", async () => {
    const answer = await defaults.graphql.query("{ webhooks(first: 1) { totalCount } }");
    expect(answer.body.errors, answer.text).toBeUndefined();
  });
});

describe("CORS", () => {
  const preflight = (client: GraphQLTestClient, origin: string): Promise<Response> =>
    client.fetch({
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type,authorization,x-nexus-project-id,x-nexus-secret-key",
      },
    });

  it("gives a foreign origin's preflight no allow headers at all", async () => {
    for (const client of [suiteGraphQL(), defaults.graphql]) {
      const url = client.endpoint;
      const response = await preflight(client, FOREIGN_ORIGIN);
      expect(response.headers.get("access-control-allow-origin"), url).toBeNull();
      expect(response.headers.get("access-control-allow-credentials"), url).toBeNull();
      expect(response.headers.get("access-control-allow-headers"), url).toBeNull();
      expect(response.headers.get("access-control-allow-methods"), url).toBeNull();
    }
  });

  it("allows no origin cross-origin by default (no CORS_ORIGINS)", async () => {
    const response = await preflight(defaults.graphql, ALLOWED_ORIGIN);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("gives an allowed origin exactly its own origin, credentials, and the credential headers", async () => {
    const response = await preflight(suiteGraphQL(), ALLOWED_ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    const allowed = (response.headers.get("access-control-allow-headers") ?? "").split(",").map((name) => name.trim());
    expect(allowed).toEqual(
      expect.arrayContaining(["content-type", "authorization", "x-nexus-project-id", "x-nexus-secret-key"]),
    );
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("marks the answers to an allowed origin's requests readable, and not a foreign origin's", async () => {
    const query = "{ webhooks(first: 1) { totalCount } }";
    const allowed = await suiteGraphQL().query(query, {}, { headers: { ...OWN_KEYS, origin: ALLOWED_ORIGIN } });
    expect(allowed.body.errors, allowed.text).toBeUndefined();
    expect(allowed.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get("access-control-allow-credentials")).toBe("true");
    const foreign = await suiteGraphQL().query(query, {}, { headers: { ...OWN_KEYS, origin: FOREIGN_ORIGIN } });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    expect(foreign.headers.get("access-control-allow-credentials")).toBeNull();
    // The answers differ by Origin, so a cache must keep them apart.
    for (const answer of [allowed, foreign]) expect(answer.headers.get("vary")?.toLowerCase()).toContain("origin");
  });

  it("refuses a WebSocket from a foreign browser origin, and accepts one from an allowed origin", async () => {
    const upgradeStatus = (origin: string): Promise<number> =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(graphqlUrl().replace(/^http/, "ws"), "graphql-transport-ws", { origin });
        socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? -1));
        socket.on("open", () => {
          socket.close();
          resolve(101);
        });
        socket.on("error", reject);
      });
    expect(await upgradeStatus(FOREIGN_ORIGIN)).toBe(403);
    expect(await upgradeStatus(ALLOWED_ORIGIN)).toBe(101);
    // GraphiQL's own page subscribes from the gateway's origin.
    expect(await upgradeStatus(new URL(graphqlUrl()).origin)).toBe(101);
    // Clients outside a browser send no Origin: unaffected.
    expect(await wsRun(graphqlUrl(), OWN_KEYS, "{ __typename }")).toEqual({
      kind: "result",
      data: { __typename: "Query" },
    });
  });
});

describe("GraphiQL and introspection as settings", () => {
  const INTROSPECTION = "{ __schema { queryType { name } } }";

  it("serves no GraphiQL by default", async () => {
    const response = await defaults.graphql.fetch({ headers: { accept: "text/html" } });
    expect(response.headers.get("content-type") ?? "").not.toContain("text/html");
    expect(await response.text()).not.toContain("GraphiQL");
  });

  it("refuses introspection by default with a coded error, and keeps __typename working", async () => {
    const schema = await defaults.graphql.query(INTROSPECTION);
    expect(schema.body.data).toBeUndefined();
    // graphql-js's rule reports every field of an introspection type: __schema, and queryType inside it.
    expect(schema.body.errors).toEqual([
      {
        message: 'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: "INTROSPECTION_DISABLED" },
      },
      {
        message: 'GraphQL introspection has been disabled, but the requested query contained the field "queryType".',
        locations: [{ line: 1, column: 14 }],
        extensions: { code: "INTROSPECTION_DISABLED" },
      },
    ]);
    const type = await defaults.graphql.query('{ __type(name: "Job") { name } }');
    expect(type.body.errors?.map((error) => error.extensions?.code)).toEqual(["INTROSPECTION_DISABLED"]);
    expect(type.body.data).toBeUndefined();
    const typename = await defaults.graphql.query("{ __typename webhooks(first: 1) { __typename } }");
    expect(typename.body.errors, typename.text).toBeUndefined();
    expect(typename.body.data).toEqual({ __typename: "Query", webhooks: { __typename: "NexusWebhookConnection" } });
  });

  it("answers introspection when INTROSPECTION=true, as the run's gateway sets", async () => {
    const answer = await suiteGraphQL().query(INTROSPECTION, {}, { headers: OWN_KEYS });
    expect(answer.body.errors, answer.text).toBeUndefined();
    expect(answer.body.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it("refuses introspection over graphql-ws too when it is off", async () => {
    const outcome = await wsRun(defaults.graphql.endpoint, {}, INTROSPECTION);
    expect(outcome.kind === "result" && outcome.errors?.map((error) => error.message)).toEqual([
      'GraphQL introspection has been disabled, but the requested query contained the field "__schema".',
      'GraphQL introspection has been disabled, but the requested query contained the field "queryType".',
    ]);
  });
});
