/**
 * The gateway's own authentication, through the front door of gateways started here with server-held keys: one
 * with bearer tokens and a JWKS (served from this process, JWTs signed here), one with no gateway auth at all.
 * Every refusal is checked against what the upstream saw: nothing.
 */
import { generateKeyPair } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearUpstreamRequests, DEMO, OTHER, resetEmulator, upstreamRequests } from "./helpers";
import { JWT_AUDIENCE, JWT_ISSUER, sseRun, startJwks, tokenHash, wsRun, type TestJwks } from "./security-helpers";
import type { GraphQLResponse } from "../utils/graphql-client";
import { PRODUCTION_BROWSER_AND_AUTH, startTestGateway, type TestGateway } from "../utils/test-gateway";

const DASHBOARD_TOKEN = "dashboard-token-2f1c6c1f0a6a4f0e9d0f5a3c";
const OTHER_PROJECT_TOKEN = "other-project-token-7b1e2d9c4a";
const OPS_TOKEN = "ops-token-any-project-55c0e1";
const QUERY = "{ webhooks(first: 1) { totalCount } }";
const HELD_KEYS = { NEXUS_PROJECT_ID: DEMO.project, NEXUS_SECRET_KEY: DEMO.key };
const OWN_KEYS = { "x-nexus-project-id": OTHER.project, "x-nexus-secret-key": OTHER.key };

const NO_CREDENTIALS =
  "No credentials: send Authorization: Bearer <token>, or your own x-nexus-project-id and x-nexus-secret-key.";
const MISCONFIGURED =
  "Set GATEWAY_TOKENS or AUTH_JWKS_URL: the gateway holds upstream credentials (NEXUS_PROJECT_ID/NEXUS_SECRET_KEY) " +
  "but no gateway authentication is configured (GATEWAY_AUTH=off is for local development only).";

let jwks: TestJwks;
let guarded: TestGateway;
let open: TestGateway;

beforeAll(async () => {
  await resetEmulator();
  jwks = await startJwks();
  const tokens = {
    [tokenHash(DASHBOARD_TOKEN)]: { name: "dashboard", nexus: [DEMO.project] },
    [tokenHash(OTHER_PROJECT_TOKEN)]: { name: "other-dashboard", nexus: [OTHER.project] },
    [tokenHash(OPS_TOKEN)]: { name: "ops", nexus: ["*"] },
  };
  [guarded, open] = await Promise.all([
    startTestGateway({
      ...PRODUCTION_BROWSER_AND_AUTH,
      ...HELD_KEYS,
      GATEWAY_TOKENS: JSON.stringify(tokens),
      AUTH_JWKS_URL: jwks.url,
      AUTH_JWT_ISSUER: JWT_ISSUER,
      AUTH_JWT_AUDIENCE: JWT_AUDIENCE,
    }),
    startTestGateway({ ...PRODUCTION_BROWSER_AND_AUTH, ...HELD_KEYS }),
  ]);
});

afterAll(async () => {
  await Promise.all([guarded?.dispose(), open?.dispose(), jwks?.close()]);
});

/** Runs `action` and returns the upstream requests it caused. */
async function upstreamCallsOf(action: () => Promise<unknown>): Promise<string[]> {
  await clearUpstreamRequests();
  await action();
  return (await upstreamRequests()).map((request) => `${request.method} ${request.path}`);
}

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

describe("a gateway holding upstream keys, with tokens: HTTP", () => {
  it("refuses a request with no credentials at all, with 401 and no upstream call", async () => {
    let answer: GraphQLResponse<Record<string, unknown>> | undefined;
    expect(await upstreamCallsOf(async () => (answer = await guarded.graphql.query(QUERY)))).toEqual([]);
    expect(answer?.status).toBe(401);
    expect(answer?.headers.get("www-authenticate")).toBe('Bearer realm="graphql"');
    expect(answer?.body.errors).toEqual([{ message: NO_CREDENTIALS, extensions: { code: "UNAUTHENTICATED" } }]);
    expect(answer?.body.data).toBeUndefined();
  });

  it("serves a valid token with the held keys", async () => {
    const calls = await upstreamCallsOf(async () => {
      const answer = await guarded.graphql.query(QUERY, {}, { headers: bearer(DASHBOARD_TOKEN) });
      expect(answer.body.errors, answer.text).toBeUndefined();
      expect(answer.body.data).toEqual({ webhooks: { totalCount: expect.any(Number) } });
    });
    expect(calls).toEqual([`GET /projects/${DEMO.project}/batch/webhooks`]);
  });

  it("serves a token whose grant is every project", async () => {
    const answer = await guarded.graphql.query(QUERY, {}, { headers: bearer(OPS_TOKEN) });
    expect(answer.body.errors, answer.text).toBeUndefined();
  });

  it("refuses a token granted another project, with FORBIDDEN and no upstream call", async () => {
    let answer: GraphQLResponse<Record<string, unknown>> | undefined;
    expect(
      await upstreamCallsOf(
        async () => (answer = await guarded.graphql.query(QUERY, {}, { headers: bearer(OTHER_PROJECT_TOKEN) })),
      ),
    ).toEqual([]);
    expect(answer?.status).toBe(403);
    expect(answer?.body.errors).toEqual([
      { message: `"other-dashboard" may not use nexus project ${DEMO.project}.`, extensions: { code: "FORBIDDEN" } },
    ]);
  });

  it("refuses an unknown token without saying anything about the tokens that exist", async () => {
    const answer = await guarded.graphql.query(QUERY, {}, { headers: bearer(`${DASHBOARD_TOKEN}x`) });
    expect(answer.status).toBe(401);
    expect(answer.body.errors).toEqual([
      { message: "The bearer token is not known to this gateway.", extensions: { code: "UNAUTHENTICATED" } },
    ]);
    for (const token of [DASHBOARD_TOKEN, OTHER_PROJECT_TOKEN, OPS_TOKEN]) {
      expect(answer.text).not.toContain(tokenHash(token));
      expect(answer.text).not.toContain(tokenHash(token).slice(0, 8));
    }
    expect(answer.text).not.toContain(DEMO.key);
  });

  it("refuses an Authorization header that is not a bearer", async () => {
    const answer = await guarded.graphql.query(QUERY, {}, { headers: { authorization: `Basic ${btoa("user:pass")}` } });
    expect(answer.body.errors).toEqual([
      { message: "The Authorization value must be Bearer <token>.", extensions: { code: "UNAUTHENTICATED" } },
    ]);
  });

  it("still serves callers who bring their own upstream keys, with their keys", async () => {
    const calls = await upstreamCallsOf(async () => {
      const answer = await guarded.graphql.query(QUERY, {}, { headers: OWN_KEYS });
      expect(answer.body.errors, answer.text).toBeUndefined();
    });
    expect(calls).toEqual([`GET /projects/${OTHER.project}/batch/webhooks`]);
  });
});

describe("a gateway holding upstream keys, with a JWKS: HTTP", () => {
  it("serves a JWT whose projects claim grants the held project", async () => {
    const jwt = await jwks.sign({ projects: { nexus: [DEMO.project] } });
    const answer = await guarded.graphql.query(QUERY, {}, { headers: bearer(jwt) });
    expect(answer.body.errors, answer.text).toBeUndefined();
    expect(answer.body.data).toEqual({ webhooks: { totalCount: expect.any(Number) } });
  });

  it("reads a projects claim written as backend:project strings too", async () => {
    const answer = await guarded.graphql.query(
      QUERY,
      {},
      { headers: bearer(await jwks.sign({ projects: [`nexus:${DEMO.project}`] })) },
    );
    expect(answer.body.errors, answer.text).toBeUndefined();
  });

  it("refuses a JWT for another project, with FORBIDDEN", async () => {
    const answer = await guarded.graphql.query(
      QUERY,
      {},
      { headers: bearer(await jwks.sign({ projects: { nexus: [OTHER.project] } })) },
    );
    expect(answer.status).toBe(403);
    expect(answer.body.errors).toEqual([
      { message: `"user-1" may not use nexus project ${DEMO.project}.`, extensions: { code: "FORBIDDEN" } },
    ]);
  });

  it("refuses expired, wrong-audience, wrong-issuer and forged JWTs, saying which, with no upstream call", async () => {
    const projects = { nexus: [DEMO.project] };
    const { privateKey: otherKey } = await generateKeyPair("ES256");
    const cases: [string, string][] = [
      [await jwks.sign({ projects }, { expiresAt: Math.floor(Date.now() / 1000) - 60 }), "it has expired"],
      [await jwks.sign({ projects }, { audience: "another-app" }), `wrong audience (expected ${JWT_AUDIENCE})`],
      [await jwks.sign({ projects }, { issuer: "https://evil.example/" }), `wrong issuer (expected ${JWT_ISSUER})`],
      [await jwks.sign({ projects }, { key: otherKey }), "the signature does not verify"],
    ];
    for (const [jwt, reason] of cases) {
      let answer: GraphQLResponse<Record<string, unknown>> | undefined;
      expect(
        await upstreamCallsOf(async () => (answer = await guarded.graphql.query(QUERY, {}, { headers: bearer(jwt) }))),
      ).toEqual([]);
      expect(answer?.status, reason).toBe(401);
      expect(answer?.body.errors).toEqual([
        { message: `The JWT was refused: ${reason}.`, extensions: { code: "UNAUTHENTICATED" } },
      ]);
    }
  });

  it("fetches the JWKS once and keeps it, not once per request", async () => {
    const before = jwks.fetches();
    expect(before).toBeGreaterThan(0); // The tests above verified JWTs against it.
    for (let request = 0; request < 5; request += 1) {
      const answer = await guarded.graphql.query(
        QUERY,
        {},
        { headers: bearer(await jwks.sign({ projects: { nexus: ["*"] } })) },
      );
      expect(answer.body.errors, answer.text).toBeUndefined();
    }
    expect(jwks.fetches()).toBe(before);
  });
});

describe("a gateway holding upstream keys, with tokens: graphql-ws", () => {
  it("closes with 4403 before connection_ack when connection_init has no credentials", async () => {
    let outcome: Awaited<ReturnType<typeof wsRun>> | undefined;
    expect(await upstreamCallsOf(async () => (outcome = await wsRun(guarded.graphql.endpoint, {}, QUERY)))).toEqual([]);
    expect(outcome).toEqual({ kind: "closed", code: 4403, reason: `UNAUTHENTICATED: ${NO_CREDENTIALS}` });
  });

  it("serves a valid token sent as authorization in connection_init", async () => {
    const outcome = await wsRun(guarded.graphql.endpoint, bearer(DASHBOARD_TOKEN), QUERY);
    expect(outcome).toEqual({ kind: "result", data: { webhooks: { totalCount: expect.any(Number) } } });
  });

  it("closes with 4403 for a token granted another project, and for an expired JWT", async () => {
    expect(await wsRun(guarded.graphql.endpoint, bearer(OTHER_PROJECT_TOKEN), QUERY)).toEqual({
      kind: "closed",
      code: 4403,
      reason: `FORBIDDEN: "other-dashboard" may not use nexus project ${DEMO.project}.`,
    });
    const expired = await jwks.sign(
      { projects: { nexus: [DEMO.project] } },
      { expiresAt: Math.floor(Date.now() / 1000) - 60 },
    );
    expect(await wsRun(guarded.graphql.endpoint, bearer(expired), QUERY)).toEqual({
      kind: "closed",
      code: 4403,
      reason: "UNAUTHENTICATED: The JWT was refused: it has expired.",
    });
  });

  it("still serves a socket that brings its own upstream keys", async () => {
    expect(await wsRun(guarded.graphql.endpoint, OWN_KEYS, QUERY)).toEqual({
      kind: "result",
      data: { webhooks: { totalCount: expect.any(Number) } },
    });
  });
});

describe("a gateway holding upstream keys, with tokens: SSE", () => {
  it("refuses an SSE request with no credentials, with 401 and no upstream call", async () => {
    let outcome: Awaited<ReturnType<typeof sseRun>> | undefined;
    expect(await upstreamCallsOf(async () => (outcome = await sseRun(guarded.graphql.endpoint, {}, QUERY)))).toEqual(
      [],
    );
    expect(outcome).toEqual({
      kind: "refused",
      status: 401,
      errors: [{ message: NO_CREDENTIALS, extensions: { code: "UNAUTHENTICATED" } }],
    });
  });

  it("streams a subscription for a valid token, and refuses one for another project", async () => {
    // A finished job: its stream sends the job at once and completes, so the test needs no running job.
    const page = await guarded.graphql.query(
      "{ jobs(first: 1, state: [FINISHED]) { edges { node { id } } } }",
      {},
      { headers: bearer(DASHBOARD_TOKEN) },
    );
    const jobId = (page.body.data as { jobs: { edges: { node: { id: string } }[] } }).jobs.edges[0]?.node.id;
    expect(jobId, page.text).toBeTruthy();
    const subscription = "subscription ($id: ID!) { jobUpdated(id: $id) { id state } }";
    expect(await sseRun(guarded.graphql.endpoint, bearer(DASHBOARD_TOKEN), subscription, { id: jobId })).toEqual({
      kind: "results",
      results: [{ data: { jobUpdated: { id: jobId, state: "FINISHED" } } }],
    });
    expect(await sseRun(guarded.graphql.endpoint, bearer(OTHER_PROJECT_TOKEN), subscription, { id: jobId })).toEqual({
      kind: "refused",
      status: 403,
      errors: [
        { message: `"other-dashboard" may not use nexus project ${DEMO.project}.`, extensions: { code: "FORBIDDEN" } },
      ],
    });
  });
});

describe("a gateway holding upstream keys with no gateway auth", () => {
  const refusal = { message: MISCONFIGURED, extensions: { code: "GATEWAY_MISCONFIGURED" } };

  it("refuses every GraphQL request over HTTP, naming the missing setting, with no upstream call", async () => {
    const answers: GraphQLResponse<Record<string, unknown>>[] = [];
    const calls = await upstreamCallsOf(async () => {
      answers.push(await open.graphql.query(QUERY));
      answers.push(await open.graphql.query(QUERY, {}, { headers: OWN_KEYS }));
      answers.push(await open.graphql.query(QUERY, {}, { headers: bearer(DASHBOARD_TOKEN) }));
    });
    expect(calls).toEqual([]);
    for (const answer of answers) {
      expect(answer.status).toBe(500);
      expect(answer.body.errors).toEqual([refusal]);
    }
  });

  it("refuses SSE and graphql-ws alike", async () => {
    expect(await sseRun(open.graphql.endpoint, {}, QUERY)).toEqual({ kind: "refused", status: 500, errors: [refusal] });
    const outcome = await wsRun(open.graphql.endpoint, {}, QUERY);
    expect(outcome.kind === "closed" && outcome.code).toBe(4500);
    expect(outcome.kind === "closed" && outcome.reason).toMatch(
      /^GATEWAY_MISCONFIGURED: Set GATEWAY_TOKENS or AUTH_JWKS_URL: /,
    );
  });

  it("keeps answering / and Yoga's /health so that health checks see a running Worker", async () => {
    const response = await fetch(`${open.url}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ML batch GraphQL gateway: GraphQL and GraphiQL at /graphql\n");
    expect((await fetch(`${open.url}/health`)).status).toBe(200);
  });
});
