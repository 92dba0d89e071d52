/**
 * Every error code through the front door, what the upstream saw (retries or none), and that no key ever appears
 * in a response.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  clearFaults,
  clearUpstreamRequests,
  DEMO,
  gql,
  resetEmulator,
  setFaults,
  upstreamGet,
  upstreamRequests,
} from "./helpers";
import { suiteGraphQL } from "../utils/test-gateway";

const JOBS = `{ jobs(first: 1) { edges { node { id } } } }`;
const WRONG_KEY = "not-the-right-key-7f3a9c";

beforeAll(async () => {
  await resetEmulator();
});

afterEach(async () => {
  await clearFaults();
});

/** Polls `condition` every 200 ms until it holds; fails the test after `boundMs`. */
async function waitFor(condition: () => Promise<boolean>, boundMs: number): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition still false after ${boundMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function expectNoKey(text: string, ...keys: string[]): void {
  for (const key of [DEMO.key, WRONG_KEY, ...keys]) expect(text).not.toContain(key);
}

describe("credentials", () => {
  it("gives UNAUTHENTICATED without credentials, and calls nothing upstream", async () => {
    await clearUpstreamRequests();
    const result = await gql(JOBS, {}, null);
    expect(result.body.data).toEqual({ jobs: null });
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        message:
          // `jobs` spans every backend, so the message says how to give credentials for each.
          "No credentials: nexus: send the x-nexus-project-id and x-nexus-secret-key headers (both), or configure NEXUS_PROJECT_ID and NEXUS_SECRET_KEY on the gateway; " +
          "graviti: send the x-graviti-access-key header, or configure GRAVITI_ACCESS_KEY on the gateway; " +
          "modelarts: send the x-modelarts-project-id and x-modelarts-token headers (both), or configure MODELARTS_PROJECT_ID and MODELARTS_TOKEN on the gateway.",
        extensions: { code: "UNAUTHENTICATED" },
      }),
    ]);
    expect(await upstreamRequests()).toEqual([]);
  });

  it("gives UNAUTHENTICATED when only one of the two headers is sent", async () => {
    const response = await suiteGraphQL().fetch({
      method: "POST",
      headers: { "content-type": "application/json", "x-nexus-secret-key": DEMO.key },
      body: JSON.stringify({ query: JOBS }),
    });
    const text = await response.text();
    expect((JSON.parse(text) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe(
      "UNAUTHENTICATED",
    );
    expectNoKey(text);
  });

  it("gives FORBIDDEN for a key the upstream refuses, without echoing the key", async () => {
    const result = await gql(JOBS, {}, { project: DEMO.project, key: WRONG_KEY });
    expect(result.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(result.body.errors?.[0]?.message).toMatch(
      new RegExp(
        `^nexus jobs\\.list: expected 2xx, got 403 from /projects/${DEMO.project}/batch/jobs \\(ForbiddenError`,
      ),
    );
    expectNoKey(result.text);
  });
});

describe("upstream answers", () => {
  it("gives NOT_FOUND when a mutation names an object that does not exist", async () => {
    const result = await gql(
      `mutation { deleteJob(id: "batchjob_00000000-0000-4000-8000-000000000000") { id deleted } }`,
    );
    expect(result.body.errors?.[0]).toMatchObject({ extensions: { code: "NOT_FOUND" }, path: ["deleteJob"] });
    expect(result.body.errors?.[0]?.message).toContain(
      `/projects/${DEMO.project}/batch/jobs/batchjob_00000000-0000-4000-8000-000000000000`,
    );
    expectNoKey(result.text);
  });

  it("gives BAD_USER_INPUT with the upstream's message when the upstream refuses the input", async () => {
    await clearUpstreamRequests();
    const result = await gql(
      `mutation { createWebhook(input: { name: "too-many-retries", endpoint: "https://example.com/hook", retries: { maxRetries: 11, maxBackoffMs: 15000 } }) { secret } }`,
    );
    expect(result.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.body.errors?.[0]?.message).toMatch(
      new RegExp(
        `^nexus webhooks\\.create: expected 2xx, got 400 from /projects/${DEMO.project}/batch/webhooks \\(BadRequestError: .*maxRetries`,
      ),
    );
    const posts = (await upstreamRequests()).filter((request) => request.method === "POST");
    expect(posts).toEqual([expect.objectContaining({ path: `/projects/${DEMO.project}/batch/webhooks`, status: 400 })]);
    expectNoKey(result.text);
  });

  // A Retry-After longer than UPSTREAM_MAX_RETRY_AFTER_MS (5 s) is handed to the client rather than waited out.
  it("gives RATE_LIMITED with the upstream's retry delay, and does not wait out a long Retry-After", async () => {
    await setFaults({ throttleRate: 1, retryAfterSeconds: 7, path: "/batch/jobs$" });
    await clearUpstreamRequests();
    const result = await gql(JOBS);
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        message:
          `nexus jobs.list: expected 2xx, got 429 from /projects/${DEMO.project}/batch/jobs ` +
          "(TooManyRequestsError: Too many requests: retry after 7 s). Retry after 7 s.",
        extensions: { code: "RATE_LIMITED", retryAfterSeconds: 7 },
      }),
    ]);
    expect((await upstreamRequests()).map((request) => request.status)).toEqual([429]);
    expectNoKey(result.text);
  });

  it("retries a GET on 503 five times, then gives UPSTREAM_UNAVAILABLE", async () => {
    await setFaults({ errorRate: 1, errorStatus: 503, path: "/batch/jobs$" });
    await clearUpstreamRequests();
    const result = await gql(JOBS);
    expect(result.body.errors?.[0]).toMatchObject({ extensions: { code: "UPSTREAM_UNAVAILABLE" }, path: ["jobs"] });
    expect(result.body.errors?.[0]?.message).toMatch(
      new RegExp(`^nexus jobs\\.list: expected 2xx, got 503 from /projects/${DEMO.project}/batch/jobs `),
    );
    const calls = await upstreamRequests();
    expect(calls.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual(
      Array(6).fill(`GET /projects/${DEMO.project}/batch/jobs 503`),
    );
    expectNoKey(result.text);
  });

  it("retries a GET on 500 like any 5xx", async () => {
    await setFaults({ errorRate: 1, errorStatus: 500, path: "/batch/jobs$" });
    await clearUpstreamRequests();
    const result = await gql(JOBS);
    expect(result.body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect((await upstreamRequests()).map((request) => request.status)).toEqual(Array(6).fill(500));
  });

  it("never retries a mutation on 503 (the upstream may have acted)", async () => {
    await setFaults({ errorRate: 1, errorStatus: 503, path: "/batch/webhooks$" });
    await clearUpstreamRequests();
    const result = await gql(
      `mutation { createWebhook(input: { name: "x", endpoint: "https://example.com/h" }) { secret } }`,
    );
    expect(result.body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(result.body.data).toBeNull();
    expect((await upstreamRequests()).filter((request) => request.method === "POST")).toHaveLength(1);
    expectNoKey(result.text);
  });

  it("gives UPSTREAM_TIMEOUT when the upstream is slower than UPSTREAM_TIMEOUT_MS", async () => {
    await setFaults({ latencyMs: 6_000, path: "/batch/webhooks$" });
    await clearUpstreamRequests();
    const result = await gql(`{ webhooks(first: 1) { edges { cursor } } }`);
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        message: `nexus webhooks.list: no answer within 4000 ms from /projects/${DEMO.project}/batch/webhooks`,
        extensions: { code: "UPSTREAM_TIMEOUT" },
        path: ["webhooks"],
      }),
    ]);
    expectNoKey(result.text);
    // The emulator still finishes (and logs) the abandoned call; wait for it, so that it cannot land in the
    // request log of a later test.
    await waitFor(async () => (await upstreamRequests()).some((request) => request.path.endsWith("/webhooks")), 30_000);
  }, 40_000);

  it("keeps the rest of the query when one field's upstream call fails", async () => {
    await setFaults({ errorRate: 1, errorStatus: 503, path: "/batch/webhooks$" });
    const result = await gql<{ jobs: { edges: unknown[] }; webhooks: unknown }>(
      `{ jobs(first: 2) { edges { cursor } } webhooks(first: 1) { edges { cursor } } }`,
    );
    expect(result.body.data?.jobs.edges).toHaveLength(2);
    expect(result.body.data?.webhooks).toBeNull();
    expect(result.body.errors?.map((error) => error.extensions?.code)).toEqual(["UPSTREAM_UNAVAILABLE"]);
  });
});

describe("bad input", () => {
  it("names a bad DateTime", async () => {
    const job = (await upstreamGet<{ data: { id: string }[] }>("jobs?limit=1")).body.data[0];
    const result = await gql(
      `query($id: ID!) { job(id: $id) { ... on NexusJob { logs(since: "yesterday") { edges { node { id } } } } } }`,
      { id: job?.id },
    );
    expect(result.body.errors?.[0]?.message).toContain(
      'DateTime must be an ISO 8601 date-time with a time zone, e.g. "2026-01-31T12:00:00Z"; got "yesterday".',
    );
    expect(result.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("answers a syntax error with a GraphQL error, not a 500 or a stack trace", async () => {
    const result = await gql(`{ jobs(first: 1) { edges { `);
    expect(result.status).toBeLessThan(500);
    expect(result.body.errors?.[0]?.message).toMatch(/^Syntax Error/);
    expect(result.text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });
});
