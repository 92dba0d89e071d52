/**
 * A grant's scopes at the front door of a gateway holding Nexus keys: a read-only token (the README's `dashboard`)
 * is refused every mutation of the schema, found by introspecting the running gateway so that a new mutation is
 * covered with no edit here, with FORBIDDEN and no upstream call, over HTTP, SSE and graphql-ws alike; its queries
 * still work. A read-write token, a token that names no scopes (issued before scopes existed) and a JWT whose
 * `scope` claim says "read write" may mutate; a JWT with `scope: "read"` may not. A JWT's claim names the identity
 * provider's other scopes too (OIDC's `openid profile email`): those are ignored. An unknown scope name makes the
 * whole GATEWAY_TOKENS setting unusable. One gateway of its own (and one more for the misconfigured setting).
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type IntrospectionQuery,
} from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GqlError } from "../utils/graphql-client";
import { PRODUCTION_BROWSER_AND_AUTH, startTestGateway, type TestGateway } from "../utils/test-gateway";
import { useTenant } from "../utils/tenant";
import { JWT_AUDIENCE, JWT_ISSUER, sseRun, startJwks, tokenHash, wsRun, type TestJwks } from "./security-helpers";

const NEXUS = useTenant();

const READ_ONLY = "scopes-read-only-4a7d21";
const READ_WRITE = "scopes-read-write-90b3e6";
const UNSCOPED = "scopes-unscoped-c51f08";
const WEBHOOKS = "{ webhooks(first: 1) { totalCount } }";
const READ_ONLY_REFUSAL = {
  message: '"dashboard" may not run mutations: its grant has the read scope only.',
  extensions: { code: "FORBIDDEN" },
};

let jwks: TestJwks;
let gateway: TestGateway;

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  await NEXUS.reset();
  jwks = await startJwks();
  gateway = await startTestGateway({
    ...PRODUCTION_BROWSER_AND_AUTH,
    // The mutations are found by introspection; it is a query, which the read scope allows.
    INTROSPECTION: "true",
    NEXUS_PROJECT_ID: NEXUS.demo.project,
    NEXUS_SECRET_KEY: NEXUS.demo.key,
    GATEWAY_TOKENS: JSON.stringify({
      [tokenHash(READ_ONLY)]: { name: "dashboard", nexus: [NEXUS.demo.project], scopes: ["read"] },
      [tokenHash(READ_WRITE)]: { name: "ops", nexus: [NEXUS.demo.project], scopes: ["read", "write"] },
      [tokenHash(UNSCOPED)]: { name: "legacy", nexus: [NEXUS.demo.project] },
    }),
    AUTH_JWKS_URL: jwks.url,
    AUTH_JWT_ISSUER: JWT_ISSUER,
    AUTH_JWT_AUDIENCE: JWT_AUDIENCE,
  });
});

afterAll(async () => {
  await Promise.all([gateway?.dispose(), jwks?.close()]);
});

beforeEach(async () => {
  await NEXUS.clearRequests();
});

/** A value of `type` that its input coercion accepts: only required fields, the first enum value, a list of one. */
function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]?.value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter(
      (field) => isNonNullType(field.type) && field.defaultValue === undefined,
    );
    return Object.fromEntries(fields.map((field) => [field.name, sampleValue(field.type)]));
  }
  if (isScalarType(type)) {
    const samples: Record<string, unknown> = {
      Int: 1,
      Float: 1,
      Boolean: false,
      DateTime: "2026-01-01T00:00:00Z",
      JSONObject: {},
      // Only multipart can carry a file; the refusal comes before any argument is read.
      File: null,
    };
    return samples[type.name] ?? "scopes-test";
  }
  throw new Error(`no sample for input type ${String(type)}`);
}

/** One mutation as a document (its required arguments as variables) and sample variables. */
interface MutationCall {
  name: string;
  document: string;
  variables: Record<string, unknown>;
}

function mutationCall(field: GraphQLField<unknown, unknown>): MutationCall {
  const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
  const declarations = required.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(", ");
  const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const selection = isLeafType(getNamedType(field.type)) ? "" : " { __typename }";
  return {
    name: field.name,
    document: `mutation${declarations === "" ? "" : `(${declarations})`} { ${field.name}${args === "" ? "" : `(${args})`}${selection} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sampleValue(arg.type)])),
  };
}

/** Every mutation of the running gateway's schema, read by introspection with the read-only token. */
async function mutationsOfTheGateway(): Promise<MutationCall[]> {
  const answer = await gateway.graphql.query<IntrospectionQuery>(
    getIntrospectionQuery(),
    {},
    { headers: bearer(READ_ONLY) },
  );
  expect(answer.body.errors, answer.text).toBeUndefined();
  const mutationType = buildClientSchema(answer.body.data as IntrospectionQuery).getMutationType();
  return Object.values(mutationType?.getFields() ?? {}).map(mutationCall);
}

describe("a read-only token", () => {
  it("is refused every mutation of the schema over HTTP, with 403, FORBIDDEN naming it, and no upstream call", async () => {
    const mutations = await mutationsOfTheGateway();
    // The schema's mutations at the time of writing, so that an introspection that finds none cannot pass.
    expect(mutations.map((mutation) => mutation.name)).toEqual(
      expect.arrayContaining(["createJob", "deleteJob", "createWebhook"]),
    );
    await NEXUS.clearRequests();
    for (const mutation of mutations) {
      const answer = await gateway.graphql.query(mutation.document, mutation.variables, { headers: bearer(READ_ONLY) });
      expect(answer.status, `${mutation.name}: ${answer.text}`).toBe(403);
      expect(answer.body.errors, mutation.name).toEqual([READ_ONLY_REFUSAL]);
      expect(answer.body.data, mutation.name).toBeUndefined();
    }
    expect(await NEXUS.requests()).toEqual([]);
  });

  it("is refused a mutation over graphql-ws and over SSE the same way, with no upstream call", async () => {
    const deleteJob = 'mutation { deleteJob(id: "job_scopes") { deleted } }';
    expect(await wsRun(gateway.graphql.endpoint, bearer(READ_ONLY), deleteJob)).toEqual({
      kind: "result",
      errors: [READ_ONLY_REFUSAL],
    });
    const sse = await sseRun(gateway.graphql.endpoint, bearer(READ_ONLY), deleteJob);
    const errors: readonly GqlError[] | undefined =
      sse.kind === "results" ? sse.results.flatMap((result) => result.errors ?? []) : sse.errors;
    expect(errors).toEqual([READ_ONLY_REFUSAL]);
    expect(await NEXUS.requests()).toEqual([]);
  });

  it("still runs queries, over HTTP and graphql-ws", async () => {
    const answer = await gateway.graphql.query(WEBHOOKS, {}, { headers: bearer(READ_ONLY) });
    expect(answer.body.errors, answer.text).toBeUndefined();
    expect(answer.body.data).toEqual({ webhooks: { totalCount: expect.any(Number) } });
    expect(await wsRun(gateway.graphql.endpoint, bearer(READ_ONLY), WEBHOOKS)).toEqual({
      kind: "result",
      data: { webhooks: { totalCount: expect.any(Number) } },
    });
  });
});

/** Creates a webhook as the holder of `headers` and returns the answer's errors, or its new webhook's endpoint. */
async function createWebhook(
  headers: Record<string, string>,
  name: string,
): Promise<{ errors?: GqlError[]; endpoint?: string }> {
  const answer = await gateway.graphql.query<{ createWebhook: { webhook: { endpoint: string } } }>(
    "mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { endpoint } } }",
    { input: { name, endpoint: `https://example.com/hooks/${name}` } },
    { headers },
  );
  return answer.body.errors === undefined
    ? { endpoint: answer.body.data?.createWebhook.webhook.endpoint ?? "" }
    : { errors: answer.body.errors };
}

describe("mutations allowed", () => {
  it("for a read-write token, which reach the upstream", async () => {
    expect(await createWebhook(bearer(READ_WRITE), "read-write")).toEqual({
      endpoint: "https://example.com/hooks/read-write",
    });
    expect((await NEXUS.requests()).map((request) => `${request.method} ${request.path}`)).toEqual([
      `POST /projects/${NEXUS.demo.project}/batch/webhooks`,
    ]);
  });

  it("for a token whose grant names no scopes (issued before scopes), over HTTP and graphql-ws", async () => {
    expect(await createWebhook(bearer(UNSCOPED), "unscoped")).toEqual({
      endpoint: "https://example.com/hooks/unscoped",
    });
    const create =
      'mutation { createWebhook(input: {name: "unscoped-ws", endpoint: "https://example.com/hooks/unscoped-ws"}) { webhook { endpoint } } }';
    expect(await wsRun(gateway.graphql.endpoint, bearer(UNSCOPED), create)).toEqual({
      kind: "result",
      data: { createWebhook: { webhook: { endpoint: "https://example.com/hooks/unscoped-ws" } } },
    });
    expect((await NEXUS.requests()).filter((request) => request.method === "POST")).toHaveLength(2);
  });
});

describe("a JWT's scope claim", () => {
  const projects = (): Record<string, unknown> => ({ projects: { nexus: [NEXUS.demo.project] } });

  it('"read" is refused a mutation with no upstream call, and may query', async () => {
    const jwt = await jwks.sign({ ...projects(), scope: "read" });
    expect(await createWebhook(bearer(jwt), "jwt-read")).toEqual({
      errors: [
        {
          message: '"user-1" may not run mutations: its grant has the read scope only.',
          extensions: { code: "FORBIDDEN" },
        },
      ],
    });
    expect(await NEXUS.requests()).toEqual([]);
    const answer = await gateway.graphql.query(WEBHOOKS, {}, { headers: bearer(jwt) });
    expect(answer.body.errors, answer.text).toBeUndefined();
  });

  it('"read write" may mutate', async () => {
    const jwt = await jwks.sign({ ...projects(), scope: "read write" });
    expect(await createWebhook(bearer(jwt), "jwt-read-write")).toEqual({
      endpoint: "https://example.com/hooks/jwt-read-write",
    });
  });

  it('of an OIDC provider, "openid profile email read", ignores the names that are not ours: read only', async () => {
    const jwt = await jwks.sign({ ...projects(), scope: "openid profile email read admin" });
    expect(await createWebhook(bearer(jwt), "jwt-oidc-read")).toEqual({
      errors: [
        {
          message: '"user-1" may not run mutations: its grant has the read scope only.',
          extensions: { code: "FORBIDDEN" },
        },
      ],
    });
    expect(await NEXUS.requests()).toEqual([]);
    const answer = await gateway.graphql.query(WEBHOOKS, {}, { headers: bearer(jwt) });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.errors, answer.text).toBeUndefined();
  });

  it('"openid profile email", naming none of ours, grants none: its queries are refused too, naming why', async () => {
    const jwt = await jwks.sign({ ...projects(), scope: "openid profile email" });
    const answer = await gateway.graphql.query(WEBHOOKS, {}, { headers: bearer(jwt) });
    expect(answer.body.errors).toEqual([
      { message: '"user-1" may not run queries: its grant has no scope.', extensions: { code: "FORBIDDEN" } },
    ]);
    expect(await NEXUS.requests()).toEqual([]);
  });

  it("an empty scope claim is refused as UNAUTHENTICATED, with no upstream call", async () => {
    const jwt = await jwks.sign({ ...projects(), scope: "" });
    const answer = await gateway.graphql.query(WEBHOOKS, {}, { headers: bearer(jwt) });
    expect(answer.status).toBe(401);
    expect(answer.body.errors).toEqual([
      {
        message: 'The JWT was refused: its "scope" claim is unusable: it names no scope (omit it for read and write).',
        extensions: { code: "UNAUTHENTICATED" },
      },
    ]);
    expect(await NEXUS.requests()).toEqual([]);
  });
});

describe("an unknown scope in GATEWAY_TOKENS", () => {
  it("makes the setting unusable: every request is refused with GATEWAY_MISCONFIGURED naming the entry", async () => {
    const misconfigured = await startTestGateway({
      ...PRODUCTION_BROWSER_AND_AUTH,
      NEXUS_PROJECT_ID: NEXUS.demo.project,
      NEXUS_SECRET_KEY: NEXUS.demo.key,
      GATEWAY_TOKENS: JSON.stringify({
        [tokenHash(READ_ONLY)]: { name: "dashboard", nexus: [NEXUS.demo.project], scopes: ["read", "admin"] },
      }),
    });
    try {
      const answer = await misconfigured.graphql.query(WEBHOOKS, {}, { headers: bearer(READ_ONLY) });
      expect(answer.status).toBe(500);
      expect(answer.body.errors).toEqual([
        {
          message: `The gateway's GATEWAY_TOKENS setting is invalid: the entry "dashboard": unknown scope "admin" (expected read or write).`,
          extensions: { code: "GATEWAY_MISCONFIGURED" },
        },
      ]);
      expect(await NEXUS.requests()).toEqual([]);
    } finally {
      await misconfigured.dispose();
    }
  });
});
