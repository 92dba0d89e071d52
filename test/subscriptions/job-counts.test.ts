/**
 * `jobCounts`: jobs per platform and state, through the front door, against `jobs` queries and the emulator's
 * request log (what it costs upstream: one walk of the list per request).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { useTenant } from "../utils/tenant";
import {
  clearUpstreamRequests,
  createJob,
  datasetIdByName,
  DEMO,
  graphqlUrl,
  resetEmulator,
  upstreamRequests,
  type TestProject,
} from "./helpers";

const tenant = useTenant();

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function gql<T>(project: Partial<TestProject>, query: string): Promise<Answer<T>> {
  const response = await fetch(graphqlUrl(), {
    method: "POST",
    headers: { "content-type": "application/json", ...project },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Answer<T>;
}

type Count = { provider: string; state: string; count: number };

beforeEach(async () => {
  // Slow items: the seeded jobs keep their states while the test compares reads taken a few milliseconds apart.
  await resetEmulator({ msPerItem: 60_000 });
});

describe("jobCounts", () => {
  it("counts each state's jobs as a jobs query does, with one walk of the list", async () => {
    // A job waiting for its start time, beside the seeded ones.
    await createJob(DEMO, await datasetIdByName(DEMO, "drone-survey-north"), { startAtTime: Date.now() + 600_000 });
    await clearUpstreamRequests();
    const answer = await gql<{ jobCounts: Count[] }>(DEMO, `{ jobCounts(provider: NEXUS) { provider state count } }`);
    expect(answer.errors).toBeUndefined();
    const counts = answer.data?.jobCounts ?? [];
    const calls = (await upstreamRequests()).map((request) => `${request.method} ${request.path}`);
    // The whole list in its largest reads: the seeded project holds fewer than 1000 jobs, so one call.
    expect(calls).toEqual([`GET /projects/${tenant.demo.project}/batch/jobs`]);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((row) => row.provider === "NEXUS" && row.count > 0)).toBe(true);
    expect(counts.find((row) => row.state === "WAITING")?.count).toBeGreaterThanOrEqual(1);
    const order = ["WAITING", "RUNNING", "FINISHED", "CANCELLED", "FAILED"];
    expect(counts.map((row) => row.state)).toEqual(order.filter((state) => counts.some((row) => row.state === state)));
    // Each count is what `jobs(state:) { totalCount }` says, and together they are the whole list: read in one
    // request beside a second jobCounts, so that a job moving on between reads (the emulator's jobs run) cannot
    // make the two disagree.
    const totals = order.map((state) => `${state}: jobs(provider: NEXUS, state: [${state}]) { totalCount }`);
    const both = await gql<Record<string, { totalCount: number }> & { counts: Count[]; all: { totalCount: number } }>(
      DEMO,
      `{ counts: jobCounts(provider: NEXUS) { provider state count }
         all: jobs(provider: NEXUS) { totalCount }
         ${totals.join("\n")} }`,
    );
    expect(both.errors).toBeUndefined();
    const again = both.data?.counts ?? [];
    for (const state of order) {
      expect(again.find((row) => row.state === state)?.count ?? 0, state).toBe(both.data?.[state]?.totalCount);
    }
    expect(again.reduce((sum, row) => sum + row.count, 0)).toBe(both.data?.all.totalCount);
  });

  it("asks for credentials without any, and answers the platform's error when it fails", async () => {
    const anonymous = await gql<{ jobCounts: Count[] }>({}, `{ jobCounts { state count } }`);
    expect(anonymous.errors?.[0]?.extensions?.["code"]).toBe("UNAUTHENTICATED");
    const wrongKey = await gql<{ jobCounts: Count[] }>(
      { ...DEMO, "x-nexus-secret-key": "not-a-key" },
      `{ jobCounts(provider: NEXUS) { state count } }`,
    );
    expect(wrongKey.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    expect(wrongKey.data).toBeNull();
  });
});
