/**
 * `jobListUpdated`: a live first page of a filtered jobs list, through the front door (SSE and graphql-ws against
 * the suite's gateway), checked against what the emulator's request log saw. One watch per tenant, credentials and
 * filter polls the list (POLL_INTERVAL_MS=200, POLL_MAX_INTERVAL_MS=1000 in tests): polls are at least one interval
 * apart, so a window of `t` ms holds at most `t / 200 + 1` list polls of one watch, however many subscribers it has.
 */
import { createHash } from "node:crypto";
import type { Client as SseClient } from "graphql-sse";
import type { Client as WsClient } from "graphql-ws";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { useTenant } from "../utils/tenant";
import {
  clearUpstreamRequests,
  datasetIdByName,
  DEMO,
  graphqlUrl,
  resetEmulator,
  sleep,
  sseClient,
  upstreamRequests,
  waitFor,
  watch,
  wsClient,
  type Result,
  type TestProject,
  type UpstreamRequest,
  type Watch,
} from "./helpers";

const tenant = useTenant();
const POLL_INTERVAL_MS = 200;
const POLL_MAX_INTERVAL_MS = 1000;
/** A second valid key of the demo project, added through the emulator's key control. */
const SECOND_KEY = "second-key-of-the-job-list-test";
const SECOND: TestProject = { ...DEMO, "x-nexus-secret-key": SECOND_KEY };
/**
 * A key of the demo project for one test alone, so that its calls are told apart in the request log (by `keyId`)
 * from those of the watches of earlier tests, which may still poll for a moment after their clients left.
 */
async function keyOfItsOwn(name: string): Promise<TestProject> {
  const key = `job-list-test-${name}-${Date.now()}`;
  await changeKey({ add: key });
  return { ...DEMO, "x-nexus-secret-key": key };
}

const LIST = /* GraphQL */ `
  subscription ($first: Int, $state: [JobState!]) {
    jobListUpdated(first: $first, provider: NEXUS, state: $state) {
      jobs { edges { cursor node { __typename id name state progress provider } } pageInfo { hasNextPage endCursor } }
      added
      removed
      changed
    }
  }
`;

interface ListMessage {
  jobs: {
    edges: { cursor: string; node: { __typename: string; id: string; state: string; progress: number } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  added: string[];
  removed: string[];
  changed: string[];
}

const clients: (WsClient | SseClient)[] = [];

const messageOf = (result: Result): ListMessage | null =>
  (result.data as { jobListUpdated?: ListMessage } | null | undefined)?.jobListUpdated ?? null;
const idsOf = (message: ListMessage): string[] => message.jobs.edges.map((edge) => edge.node.id);
const keyIdOf = (key: string): string => createHash("sha256").update(key).digest("hex").slice(0, 8);
const listPolls = (requests: UpstreamRequest[]): UpstreamRequest[] =>
  requests.filter(
    (request) => request.method === "GET" && request.path === `/projects/${tenant.demo.project}/batch/jobs`,
  );

/** A GraphQL request to the gateway as `project`; returns `data`, throws on errors. */
async function gql<T>(project: TestProject, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(graphqlUrl(), {
    method: "POST",
    headers: { "content-type": "application/json", ...project },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors !== undefined || body.data === undefined) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Creates a job through the gateway's `createJob`; returns its global id. */
async function createJobThroughGateway(datasetName: string): Promise<string> {
  const data = await gql<{ createJob: { job: { id: string } } }>(
    DEMO,
    `mutation($input: CreateJobInput!) { createJob(input: $input) { job { id } } }`,
    {
      input: {
        name: `live-list-${Date.now()}`,
        datasetId: await datasetIdByName(DEMO, datasetName),
        webhookIds: [],
        ephemeralDeployment: { artifactId: "artifact_livelist", instanceId: "instance_t4-standard-1g", replicas: 1 },
      },
    },
  );
  return data.createJob.job.id;
}

async function changeKey(change: { add: string } | { revoke: string }): Promise<void> {
  const response = await fetch(`${inject("emulatorUrl")}${tenant.controlPath("keys")}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ project: tenant.demo.project, ...change }),
  });
  if (!response.ok) throw new Error(`keys: ${response.status} ${await response.text()}`);
}

function subscribe(transport: "sse" | "ws", project: TestProject, variables: Record<string, unknown> = {}): Watch {
  const client = transport === "sse" ? sseClient(project) : wsClient(project);
  clients.push(client);
  return watch(client, LIST, variables);
}

beforeEach(async () => {
  await resetEmulator({ msPerItem: 20 });
});

afterEach(async () => {
  await Promise.all(clients.splice(0).map(async (client) => client.dispose()));
});

describe("jobListUpdated", () => {
  for (const transport of ["sse", "ws"] as const) {
    it(`sends the first page at once, then a job created through the gateway within two poll intervals (${transport})`, async () => {
      const live = subscribe(transport, DEMO, { first: 5 });
      await waitFor(() => live.results.length >= 1, "the first page");
      const first = messageOf(live.results[0] ?? {});
      expect(live.results[0]?.errors).toBeUndefined();
      expect(first?.jobs.edges.length).toBe(5);
      expect(first).toMatchObject({ added: [], removed: [], changed: [] });
      // Every node carries what a client cache keys it by.
      for (const edge of first?.jobs.edges ?? []) {
        expect(edge.node.__typename).toBe("NexusJob");
        expect(edge.node.id).toMatch(/.+/);
      }
      // The list's order and cursors are the `jobs` query's.
      const query = await gql<{ jobs: { edges: { cursor: string; node: { id: string } }[] } }>(
        DEMO,
        `{ jobs(first: 5, provider: NEXUS) { edges { cursor node { id } } } }`,
      );
      expect(first?.jobs.edges.map((edge) => [edge.cursor, edge.node.id])).toEqual(
        query.jobs.edges.map((edge) => [edge.cursor, edge.node.id]),
      );
      // Let the watch settle at its longest interval before the job appears (the worst case for the bound).
      await sleep(3 * POLL_MAX_INTERVAL_MS);
      const seen = live.results.length;
      const created = await createJobThroughGateway("drone-survey-north");
      const createdAt = Date.now();
      await waitFor(
        () => live.results.slice(seen).some((result) => idsOf(messageOf(result) ?? EMPTY)[0] === created),
        "the new job at the top of the page",
        // Two of the longest poll intervals, plus one upstream read and delivery.
        { timeoutMs: 2 * POLL_MAX_INTERVAL_MS + 1500 },
      );
      const arrival = live.results.slice(seen).find((result) => idsOf(messageOf(result) ?? EMPTY)[0] === created);
      const message = messageOf(arrival ?? {});
      expect(message?.added).toEqual([created]);
      expect(message?.jobs.edges.length).toBe(5);
      // The job that fell off the page of five is said to have left.
      expect(message?.removed).toEqual([idsOf(first ?? EMPTY)[4]]);
      expect(Date.now() - createdAt).toBeLessThan(2 * POLL_MAX_INTERVAL_MS + 1500);
      expect(live.ended()).toBe(false);
    });
  }

  it("says which jobs changed as a running job moves, and filters by state", async () => {
    const live = subscribe("ws", DEMO, { first: 10, state: ["RUNNING"] });
    await waitFor(() => live.results.length >= 1, "the first page");
    const before = messageOf(live.results[0] ?? {});
    const created = await createJobThroughGateway("drone-survey-north");
    await waitFor(
      () => live.results.some((result) => (messageOf(result)?.changed ?? []).includes(created)),
      "a message that says the new job changed",
      { timeoutMs: 15_000 },
    );
    for (const result of live.results) {
      expect(result.errors).toBeUndefined();
      for (const edge of messageOf(result)?.jobs.edges ?? []) expect(edge.node.state).toBe("RUNNING");
    }
    expect(idsOf(before ?? EMPTY)).not.toContain(created);
  });

  it("polls the list once per interval for five subscribers of one filter, over both transports", async () => {
    // A running job keeps the page changing, so the watch polls at its shortest interval.
    await createJobThroughGateway("drone-survey-north");
    const project = await keyOfItsOwn("five");
    const lives = [
      ...Array.from({ length: 3 }, () => subscribe("ws", project, { first: 7 })),
      ...Array.from({ length: 2 }, () => subscribe("sse", project, { first: 7 })),
    ];
    await waitFor(() => lives.every((live) => live.results.length >= 2), "every subscriber's first updates");
    await clearUpstreamRequests();
    const windowMs = 4000;
    const from = Date.now();
    await sleep(windowMs);
    const polls = listPolls(await upstreamRequests()).filter(
      (request) => request.keyId === keyIdOf(project["x-nexus-secret-key"]),
    );
    const elapsed = Date.now() - from;
    // Five pollers would make about five times the bound; one watch stays within it.
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.length).toBeLessThanOrEqual(Math.floor(elapsed / POLL_INTERVAL_MS) + 1);
    for (const live of lives) expect(live.ended()).toBe(false);
  });

  it("never shares one key's list watch with another key's, and a revoked key ends only its own", async () => {
    await changeKey({ add: SECOND_KEY });
    await createJobThroughGateway("drone-survey-north");
    const mine = subscribe("ws", DEMO, { first: 6 });
    const theirs = subscribe("sse", SECOND, { first: 6 });
    await waitFor(() => mine.results.length >= 2 && theirs.results.length >= 2, "both subscribers' updates");
    await clearUpstreamRequests();
    await sleep(2 * POLL_MAX_INTERVAL_MS);
    const polls = listPolls(await upstreamRequests());
    // Each watch polls with its own subscriber's key: both keys read the list.
    expect(polls.filter((request) => request.keyId === keyIdOf(DEMO["x-nexus-secret-key"])).length).toBeGreaterThan(0);
    expect(polls.filter((request) => request.keyId === keyIdOf(SECOND_KEY)).length).toBeGreaterThan(0);
    await changeKey({ revoke: SECOND_KEY });
    await waitFor(() => theirs.ended(), "the revoked key's stream to end", { timeoutMs: 10_000 });
    const codes = theirs.results.flatMap((result) => (result.errors ?? []).map((error) => error.extensions?.["code"]));
    expect(codes).toEqual(["FORBIDDEN"]);
    const count = mine.results.length;
    await waitFor(() => mine.results.length > count, "the other key's stream going on", { timeoutMs: 10_000 });
    expect(mine.ended()).toBe(false);
    expect(mine.results.every((result) => result.errors === undefined)).toBe(true);
  });

  it("refuses a page size outside 1..100 before any upstream call", async () => {
    const project = await keyOfItsOwn("refused");
    await clearUpstreamRequests();
    const live = subscribe("ws", project, { first: 101 });
    await live.done;
    expect(live.results[0]?.errors?.[0]).toMatchObject({
      message: 'Argument "first" must be an integer from 1 to 100, got 101.',
      extensions: { code: "BAD_USER_INPUT" },
    });
    // Earlier tests' watches may still poll with the demo key: nothing was called with this subscriber's.
    const mine = (await upstreamRequests()).filter(
      (request) => request.keyId === keyIdOf(project["x-nexus-secret-key"]),
    );
    expect(mine).toEqual([]);
  });
});

const EMPTY: ListMessage = {
  jobs: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
  added: [],
  removed: [],
  changed: [],
};
