/**
 * The gateway is not a network probe: with the production rules (WEBHOOK_ALLOW_PRIVATE unset, UPLOAD_ALLOWED_HOSTS
 * unset) a webhook endpoint must be https on a public host and a refused one costs no upstream call, a webhook
 * whose stored endpoint is refused is not tested, no upstream redirect is followed, and an upload URL on a host not
 * allowed gets no byte. Each is checked in the emulator's request log, beside a control on the suite's gateway
 * (which allows private endpoints and the emulator's uploads) that shows the log would have seen the call.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { useTenant, type UpstreamRequest } from "../utils/tenant";
import type { GraphQLResponse } from "../utils/graphql-client";
import { PRODUCTION_BROWSER_AND_AUTH, startTestGateway, type TestGateway } from "../utils/test-gateway";
import { gql, gqlData } from "./helpers";

const TENANT = useTenant();
const DEMO = TENANT.demo;
const BASE = `/projects/${DEMO.project}/batch`;
const CALLER = { "x-nexus-project-id": DEMO.project, "x-nexus-secret-key": DEMO.key };

const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id nexusId endpoint } } }`;
const UPDATE = `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { webhook { endpoint } } }`;
const TEST = `mutation($id: ID!) { testWebhook(id: $id) { status attemptCount } }`;
type Created = { createWebhook: { webhook: { id: string; nexusId: string; endpoint: string } } };

let strict: TestGateway;

/** A GraphQL request to the gateway with the production rules, as the tenant's demo project. */
async function strictGql<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
  return strict.graphql.query<T>(query, variables, { headers: CALLER });
}

function calls(requests: UpstreamRequest[]): string[] {
  return requests.map((request) => `${request.method} ${request.path}`);
}

beforeAll(async () => {
  await TENANT.reset();
  // The production rules, spelled out: no default credentials, gateway auth off only because no key is held.
  // UPLOAD_ALLOWED_HOSTS empty: the default (storage.googleapis.com), not the suite's emulator host.
  strict = await startTestGateway({
    ...PRODUCTION_BROWSER_AND_AUTH,
    GATEWAY_AUTH: "off",
    WEBHOOK_ALLOW_PRIVATE: "false",
    UPLOAD_ALLOWED_HOSTS: "",
  });
});

afterAll(async () => {
  await strict?.dispose();
});

beforeEach(async () => {
  await TENANT.clearFaults();
  await TENANT.clearRequests();
});

const PRIVATE_HINT = "; set WEBHOOK_ALLOW_PRIVATE=true to allow.";

// [endpoint as given, what the message says of it (after `input.endpoint: `)]
const REFUSED: readonly (readonly [string, string])[] = [
  ["http://127.0.0.1:9/", `"http://127.0.0.1:9/" is a loopback address (127.0.0.0/8)${PRIVATE_HINT}`],
  ["http://localhost/", `"http://localhost/" is a loopback name (localhost)${PRIVATE_HINT}`],
  [
    "http://169.254.169.254/latest/meta-data/",
    `"http://169.254.169.254/latest/meta-data/" is the cloud metadata address (169.254.169.254/32)${PRIVATE_HINT}`,
  ],
  ["http://10.0.0.1/", `"http://10.0.0.1/" is a private address (10.0.0.0/8)${PRIVATE_HINT}`],
  ["http://192.168.1.1/", `"http://192.168.1.1/" is a private address (192.168.0.0/16)${PRIVATE_HINT}`],
  ["http://[::1]/", `"http://[::1]/" is a loopback address (::1/128)${PRIVATE_HINT}`],
  ["http://0.0.0.0/", `"http://0.0.0.0/" is an unspecified address (0.0.0.0/8)${PRIVATE_HINT}`],
  ["http://example.com/hook", `webhooks must use https, got "http://example.com/hook".`],
  ["https://127.0.0.1:9/", `"https://127.0.0.1:9/" is a loopback address (127.0.0.0/8)${PRIVATE_HINT}`],
  ["https://localhost/", `"https://localhost/" is a loopback name (localhost)${PRIVATE_HINT}`],
  [
    "https://169.254.169.254/latest/meta-data/",
    `"https://169.254.169.254/latest/meta-data/" is the cloud metadata address (169.254.169.254/32)${PRIVATE_HINT}`,
  ],
  ["https://10.0.0.1/", `"https://10.0.0.1/" is a private address (10.0.0.0/8)${PRIVATE_HINT}`],
  ["https://192.168.1.1/", `"https://192.168.1.1/" is a private address (192.168.0.0/16)${PRIVATE_HINT}`],
  ["https://[::1]/", `"https://[::1]/" is a loopback address (::1/128)${PRIVATE_HINT}`],
  ["https://0.0.0.0/", `"https://0.0.0.0/" is an unspecified address (0.0.0.0/8)${PRIVATE_HINT}`],
  // Other spellings of the same hosts, as the URL parser reads them.
  ["https://2130706433/x", `"https://127.0.0.1/x" is a loopback address (127.0.0.0/8)${PRIVATE_HINT}`],
  ["https://0x7f000001/", `"https://127.0.0.1/" is a loopback address (127.0.0.0/8)${PRIVATE_HINT}`],
  [
    "https://[::ffff:127.0.0.1]/",
    `"https://[::ffff:7f00:1]/" is a loopback address (IPv4-mapped) (127.0.0.0/8 inside ::ffff:0:0/96)${PRIVATE_HINT}`,
  ],
  [
    "https://metadata.google.internal/computeMetadata/v1/",
    `"https://metadata.google.internal/computeMetadata/v1/" is an internal name (*.internal)${PRIVATE_HINT}`,
  ],
];

describe("webhook endpoints, with the production rules", () => {
  it.each(REFUSED)("createWebhook refuses %s, with no upstream call", async (endpoint, problem) => {
    const result = await strictGql(CREATE, { input: { name: "probe", endpoint } });
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        message: `input.endpoint: ${problem}`,
        extensions: expect.objectContaining({ code: "BAD_USER_INPUT" }),
      }),
    ]);
    expect(await TENANT.requests()).toEqual([]);
  });

  it("createWebhook sends a public https endpoint upstream, which stores it", async () => {
    const result = await strictGql<Created>(CREATE, {
      input: { name: "public", endpoint: "https://hooks.example.com/x" },
    });
    expect(result.body.errors, result.text).toBeUndefined();
    expect(result.body.data?.createWebhook.webhook.endpoint).toBe("https://hooks.example.com/x");
    expect(calls(await TENANT.requests())).toEqual([`POST ${BASE}/webhooks`]);
    const stored = await fetch(
      `${inject("emulatorUrl")}${BASE}/webhooks/${result.body.data?.createWebhook.webhook.nexusId}`,
      {
        headers: { "Secret-Key": DEMO.key },
      },
    );
    expect(((await stored.json()) as { endpoint: string }).endpoint).toBe("https://hooks.example.com/x");
  });

  it("updateWebhook refuses every such endpoint too, with no upstream call", async () => {
    const created = await strictGql<Created>(CREATE, {
      input: { name: "to-update", endpoint: "https://hooks.example.com/u" },
    });
    const id = created.body.data?.createWebhook.webhook.id;
    await TENANT.clearRequests();
    for (const [endpoint, problem] of REFUSED) {
      const result = await strictGql(UPDATE, { input: { id, endpoint } });
      expect(result.body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
        [`input.endpoint: ${problem}`, "BAD_USER_INPUT"],
      ]);
    }
    expect(await TENANT.requests()).toEqual([]);
  });

  it("testWebhook reads the webhook first and does not test an endpoint the rules refuse", async () => {
    // Made where private endpoints are allowed (the suite's gateway), as one made before the rules would be.
    const made = await gqlData<Created>(
      CREATE,
      { input: { name: "old", endpoint: "http://127.0.0.1:9/nowhere", retries: { maxRetries: 0, maxBackoffMs: 0 } } },
      DEMO,
    );
    const { id, nexusId } = made.createWebhook.webhook;
    await TENANT.clearRequests();
    const refused = await strictGql(TEST, { id });
    expect(refused.body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      [
        `Argument "id": webhook ${nexusId} is not tested: its endpoint "http://127.0.0.1:9/nowhere" is a loopback address (127.0.0.0/8)` +
          "; set WEBHOOK_ALLOW_PRIVATE=true to allow. Change it with updateWebhook.",
        "BAD_USER_INPUT",
      ],
    ]);
    expect(calls(await TENANT.requests())).toEqual([`GET ${BASE}/webhooks/${nexusId}`]);

    // Plain http to a public host: refused by the https rule (never tested for real here: no traffic leaves the machine).
    const plain = await gqlData<Created>(
      CREATE,
      { input: { name: "plain", endpoint: "http://example.com/hook" } },
      DEMO,
    );
    await TENANT.clearRequests();
    const refusedPlain = await strictGql(TEST, { id: plain.createWebhook.webhook.id });
    expect(refusedPlain.body.errors?.map((error) => error.message)).toEqual([
      `Argument "id": webhook ${plain.createWebhook.webhook.nexusId} is not tested: its endpoint must use https, got "http://example.com/hook". ` +
        "Change it with updateWebhook.",
    ]);
    expect(calls(await TENANT.requests())).toEqual([`GET ${BASE}/webhooks/${plain.createWebhook.webhook.nexusId}`]);

    // The control: where private endpoints are allowed, the same test reaches the upstream's test call.
    await TENANT.clearRequests();
    const tested = await gql(TEST, { id }, DEMO);
    expect(tested.body.errors, tested.text).toBeUndefined();
    expect(calls(await TENANT.requests())).toEqual([`POST ${BASE}/webhooks/${nexusId}:test`]);
  });
});

describe("upstream redirects", () => {
  it("are not followed: a 302 is UPSTREAM_UNAVAILABLE, sent once, and its target is never called", async () => {
    const target = `${BASE}/datasets`;
    await TENANT.setFaults({
      errorRate: 1,
      redirectTo: `${inject("emulatorUrl")}${target}`,
      path: `^${BASE}/webhooks$`,
    });
    // The control: a client that follows redirects calls the target, and the log shows it.
    const followed = await fetch(`${inject("emulatorUrl")}${BASE}/webhooks`, { headers: { "Secret-Key": DEMO.key } });
    expect(followed.status).toBe(200);
    expect(calls(await TENANT.requests())).toEqual([`GET ${BASE}/webhooks`, `GET ${target}`]);
    await TENANT.clearRequests();

    const result = await strictGql(`{ webhooks(first: 1) { edges { node { name } } } }`);
    const origin = new URL(inject("emulatorUrl")).origin;
    expect(result.body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      [
        `nexus webhooks.list: the upstream answered 302 (a redirect to ${origin}) from ${BASE}/webhooks; the gateway does not ` +
          "follow redirects with credentials: check the upstream's base URL",
        "UPSTREAM_UNAVAILABLE",
      ],
    ]);
    const seen = await TENANT.requests();
    expect(seen.map((request) => [request.method, request.path, request.status])).toEqual([
      ["GET", `${BASE}/webhooks`, 302],
    ]);
  });
});

describe("upload URLs an upstream returns", () => {
  const CREATE_DATASET = `mutation($input: CreateDatasetInput!) { createDataset(input: $input) { uploaded dataset { id nexusId } } }`;
  const NDJSON = `{"kind":"Image","url":"https://example.com/a.jpg"}\n`;

  it("get no byte when their host is not in UPLOAD_ALLOWED_HOSTS: an upstream-side error naming the host", async () => {
    const result = await strictGql(CREATE_DATASET, { input: { name: "not-uploaded", ndjson: NDJSON } });
    const seen = calls(await TENANT.requests());
    expect(seen).toEqual([`POST ${BASE}/datasets`]);
    const datasets = (await (
      await fetch(`${inject("emulatorUrl")}${BASE}/datasets?limit=100`, { headers: { "Secret-Key": DEMO.key } })
    ).json()) as {
      data: { id: string; name: string }[];
    };
    const created = datasets.data.find((dataset) => dataset.name === "not-uploaded");
    expect(created).toBeDefined();
    expect(result.body.errors?.map((error) => error.extensions?.code)).toEqual(["UPSTREAM_UNAVAILABLE"]);
    expect(result.body.errors?.[0]?.message).toMatch(
      new RegExp(
        `^Created dataset ${created?.id} \\(\\S+\\), but its upload failed: nexus datasets\\.upload: the upload URL's host "127\\.0\\.0\\.1" ` +
          `is not in UPLOAD_ALLOWED_HOSTS \\(storage\\.googleapis\\.com\\); nothing was sent\\. Delete it or upload again with its upload instructions\\.$`,
      ),
    );

    // The control: the suite's gateway allows the emulator's host, and its upload shows in the log.
    await TENANT.clearRequests();
    const uploaded = await gqlData<{ createDataset: { uploaded: boolean } }>(
      CREATE_DATASET,
      { input: { name: "uploaded", ndjson: NDJSON } },
      DEMO,
    );
    expect(uploaded.createDataset.uploaded).toBe(true);
    expect(calls(await TENANT.requests())).toContainEqual(expect.stringMatching(/^PUT \/upload\//));
  });
});
