/**
 * Reads shared between requests (`src/upstream/shared-reads.ts`, issue 22) through the front door: a gateway of this
 * file's own with the read cache (1 s) and in-flight sharing on (the suite runs with both off), counted in the
 * emulator's request log. Many people on one dashboard cost about what one does; a mutation purges its tenant's
 * reads; another project, or the right project with a wrong key, never gets an answer read with other credentials.
 * What a joiner does when another request's read fails for that request's own reasons is in
 * test/unit/shared-reads.test.ts.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Caller } from "./helpers";
import { startTestGateway, type TestGateway } from "../utils/test-gateway";
import { clearFaults, clearUpstreamRequests, DEMO, OTHER, resetEmulator, setFaults, upstreamRequests } from "./helpers";

/** The dashboard of the issue: the 20 newest jobs with their dataset names. */
const DASHBOARD = `{ jobs(first: 20) { edges { node { id name state ... on NexusJob { dataset { name } } } } } }`;
const WEBHOOKS = `{ webhooks(first: 10) { edges { node { id endpoint } } } }`;
const LOADS = 10;

let gateway: TestGateway;

async function ask(query: string, caller: Caller = DEMO, variables: Record<string, unknown> = {}) {
  const headers: Record<string, string> =
    caller === null ? {} : { "x-nexus-project-id": caller.project, "x-nexus-secret-key": caller.key };
  const answer = await gateway.graphql.query<Record<string, unknown>>(query, variables, { headers });
  return answer.body;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  gateway = await startTestGateway({ READ_CACHE_TTL_MS: "1000", SHARED_READS: "true" });
});

afterAll(async () => {
  await gateway.dispose();
});

beforeEach(async () => {
  await resetEmulator();
  // A little latency, as a real upstream has: requests sent together are then in flight together.
  await setFaults({ latencyMs: 50 });
  // Past the previous test's window.
  await sleep(1_100);
  await clearUpstreamRequests();
});

describe("identical dashboards", () => {
  it(`${LOADS} loading at once cost at most 4 upstream calls, and every one gets the same answer`, async () => {
    const answers = await Promise.all(Array.from({ length: LOADS }, () => ask(DASHBOARD)));
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    expect(new Set(answers.map((answer) => JSON.stringify(answer.data))).size).toBe(1);
    const calls = await upstreamRequests();
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.length).toBeLessThanOrEqual(4);
  });

  it(`${LOADS} loading one every 180 ms (within 2 s) cost at most 4 upstream calls`, async () => {
    const answers = await Promise.all(
      Array.from({ length: LOADS }, async (_, index) => {
        await sleep(index * 180);
        return ask(DASHBOARD);
      }),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const calls = await upstreamRequests();
    // One load alone: a jobs list and its datasets. Two windows of 1 s: twice that at most.
    expect(calls.length).toBeLessThanOrEqual(4);
    const single = calls.filter((call) => call.path.endsWith("/batch/jobs")).length;
    expect(single).toBeGreaterThanOrEqual(1);
    expect(single).toBeLessThanOrEqual(2);
  });

  it("after the window the same dashboard is read from the upstream again", async () => {
    await ask(DASHBOARD);
    const first = (await upstreamRequests()).length;
    await ask(DASHBOARD);
    expect((await upstreamRequests()).length).toBe(first);
    await sleep(1_100);
    await ask(DASHBOARD);
    expect((await upstreamRequests()).length).toBe(2 * first);
  });
});

describe("freshness and isolation", () => {
  it("a mutation purges its tenant's reads: the next identical read goes upstream and sees the change", async () => {
    const before = await ask(WEBHOOKS);
    const edges = (before.data?.["webhooks"] as { edges: { node: { id: string; endpoint: string } }[] }).edges;
    const webhook = edges[0]?.node;
    if (webhook === undefined) throw new Error("the demo project has no webhook");
    const endpoint = `https://hooks.example.com/shared-reads/${Date.now()}`;
    const updated = await ask(
      `mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { webhook { endpoint } } }`,
      DEMO,
      { input: { id: webhook.id, endpoint } },
    );
    expect(updated.errors).toBeUndefined();
    const after = await ask(WEBHOOKS);
    const seen = (after.data?.["webhooks"] as { edges: { node: { id: string; endpoint: string } }[] }).edges;
    expect(seen.find((edge) => edge.node.id === webhook.id)?.node.endpoint).toBe(endpoint);
    const lists = (await upstreamRequests()).filter((call) => call.method === "GET" && call.path.endsWith("/webhooks"));
    expect(lists).toHaveLength(2);
  });

  it("another project, and the same project with a wrong key, never get an answer read with other credentials", async () => {
    const demo = await ask(DASHBOARD);
    expect(demo.errors).toBeUndefined();
    const [other, wrongKey] = await Promise.all([
      ask(DASHBOARD, OTHER),
      ask(DASHBOARD, { project: DEMO.project, key: `${DEMO.key}-wrong` }),
    ]);
    expect(other.errors).toBeUndefined();
    expect(JSON.stringify(other.data)).not.toBe(JSON.stringify(demo.data));
    expect(wrongKey.data?.["jobs"] ?? null).toBeNull();
    expect(wrongKey.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    // Each asked the upstream itself.
    const projects = (await upstreamRequests()).map((call) => call.path.split("/")[2]);
    expect(projects.filter((project) => project === DEMO.project).length).toBeGreaterThanOrEqual(2);
    expect(projects).toContain(OTHER.project);
  });
});

afterAll(async () => {
  await clearFaults();
});
