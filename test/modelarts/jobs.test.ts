/**
 * `jobs` across Nexus jobs and ModelArts export tasks: one stable newest-first order walked both ways at several
 * page sizes, the `state` and `datasetId` filters across both platforms, and the documented ModelArts call count
 * (the emulator's request log): `1 + D` calls for a project of `D` datasets, `totalCount` included; 1 call with a
 * ModelArts `datasetId`; an honest `BAD_USER_INPUT` past `MODELARTS_JOBS_MAX_DATASETS`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walk, type Page } from "../gateway/helpers";
import { useTenant } from "../utils/tenant";
import type { GraphQLTestClient } from "../utils/graphql-client";
import { startTestGateway, type TestGateway } from "../utils/test-gateway";
import { MA, NEXUS, dataAs, datasetIdByName, globalId, gqlAs, modelArts, taskListCalls, type Callers } from "./helpers";

interface JobNode {
  id: string;
  provider: string;
  state: string;
  createdAt: string;
}

const JOBS = /* GraphQL */ `
  query ($first: Int, $after: String, $last: Int, $before: String, $state: [JobState!], $datasetId: ID) {
    jobs(first: $first, after: $after, last: $last, before: $before, state: $state, datasetId: $datasetId) {
      totalCount
      edges { cursor node { id provider state createdAt } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
`;

const BOTH = { nexus: NEXUS, modelarts: MA };
/** The ModelArts demo project's datasets (emulator/README.md). */
const MODELARTS_DATASETS = 16;

async function jobsPage(args: Record<string, unknown>, callers: Callers = BOTH) {
  return (await dataAs<{ jobs: Page<JobNode> & { totalCount: number } }>(JOBS, args, callers)).jobs;
}

beforeAll(async () => {
  // A slow clock: no task or job changes state during the walks, so every page sees the same list.
  await modelArts.reset({ msPerSample: 3_600_000 });
  await useTenant().reset({ msPerItem: 3_600_000 });
});

describe("jobs across Nexus and ModelArts", () => {
  let whole: JobNode[];

  beforeAll(async () => {
    const page = await jobsPage({ first: 100 });
    whole = page.edges.map((edge) => edge.node);
    expect(page.totalCount).toBe(whole.length);
  });

  it("holds every Nexus job and every export task, newest first", () => {
    expect(whole.filter((node) => node.provider === "NEXUS")).toHaveLength(40);
    expect(whole.filter((node) => node.provider === "MODELARTS")).toHaveLength(20);
    const times = whole.map((node) => Date.parse(node.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Interleaved, not one platform after the other.
    const firstModelArts = whole.findIndex((node) => node.provider === "MODELARTS");
    const lastNexus = whole.map((node) => node.provider).lastIndexOf("NEXUS");
    expect(firstModelArts).toBeLessThan(lastNexus);
  });

  it.each([1, 7, 20, 100])(
    "walks forwards and backwards in the same stable order, %i per page",
    async (size) => {
      const forward = await walk("forward", size, (args) => jobsPage(args));
      const backward = await walk("backward", size, (args) => jobsPage(args));
      expect(forward.nodes.map((node) => node.id)).toEqual(whole.map((node) => node.id));
      expect(backward.nodes.map((node) => node.id)).toEqual(whole.map((node) => node.id));
      expect(forward.pages).toBe(Math.ceil(whole.length / size));
    },
    120_000,
  );

  it("filters by state across both platforms", async () => {
    for (const states of [["RUNNING"], ["FINISHED", "FAILED"], ["CANCELLED"], ["WAITING"]]) {
      const page = await jobsPage({ first: 100, state: states });
      const expected = whole.filter((node) => states.includes(node.state));
      expect(page.edges.map((edge) => edge.node.id)).toEqual(expected.map((node) => node.id));
      expect(page.totalCount).toBe(expected.length);
      expect(new Set(expected.map((node) => node.provider))).toEqual(new Set(["NEXUS", "MODELARTS"]));
      const walked = await walk("forward", 3, (args) => jobsPage({ ...args, state: states }));
      expect(walked.nodes.map((node) => node.id)).toEqual(expected.map((node) => node.id));
    }
  }, 60_000);

  it("narrows to one ModelArts dataset's export tasks with datasetId, in one upstream call and none to Nexus", async () => {
    const datasetId = await datasetIdByName("retail-shelf-products");
    await modelArts.clearRequests();
    await useTenant().clearRequests();
    const page = await jobsPage({ first: 100, datasetId: globalId("ModelArtsDataset", datasetId) });
    expect(page.edges.length).toBeGreaterThan(0);
    const ids = page.edges.map((edge) => edge.node.id);
    const decoded = ids.map((id) => Buffer.from(id, "base64url").toString("utf8"));
    expect(decoded.every((text) => text.startsWith(`ModelArtsExportTask:${datasetId}:`))).toBe(true);
    expect(ids).toEqual(whole.filter((node) => ids.includes(node.id)).map((node) => node.id));
    expect(page.totalCount).toBe(ids.length);
    const requests = await modelArts.requests();
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /modelarts/v2/${MA.project}/datasets/${datasetId}/export-tasks`,
    ]);
    expect(await useTenant().requests()).toEqual([]);
  });

  it("gives an empty list for a ModelArts dataset that does not exist", async () => {
    const page = await jobsPage({ first: 10, datasetId: globalId("ModelArtsDataset", "noSuchDataset000000") });
    expect(page.edges).toEqual([]);
    expect(page.totalCount).toBe(0);
  });

  it("narrows to a Nexus dataset's jobs without asking ModelArts", async () => {
    const datasets = await dataAs<{ datasets: Page<{ id: string }> }>(
      `{ datasets(first: 1) { edges { node { id } } } }`,
      {},
      { nexus: NEXUS },
    );
    await modelArts.clearRequests();
    const page = await jobsPage({ first: 100, datasetId: datasets.datasets.edges[0]!.node.id });
    expect(page.edges.every((edge) => edge.node.provider === "NEXUS")).toBe(true);
    expect(await modelArts.requests()).toEqual([]);
  });
});

describe("the ModelArts call count of jobs", () => {
  it("is 1 dataset list plus 1 export-task list per dataset, totalCount included", async () => {
    await modelArts.clearRequests();
    const page = await jobsPage({ first: 5 }, { modelarts: MA });
    expect(page.edges).toHaveLength(5);
    expect(page.totalCount).toBe(20);
    const requests = await modelArts.requests();
    expect(requests).toHaveLength(1 + MODELARTS_DATASETS);
    expect(requests.filter((request) => request.path === `/modelarts/v2/${MA.project}/datasets`)).toHaveLength(1);
    const lists = taskListCalls(requests);
    expect(lists).toHaveLength(MODELARTS_DATASETS);
    expect(new Set(lists.map((request) => request.path)).size).toBe(MODELARTS_DATASETS);
    for (const request of requests) expect(request.query).toContain("limit=100");
  });

  it("reuses the scan for the export tasks' datasets: no call per task", async () => {
    await modelArts.clearRequests();
    const data = await dataAs<{ jobs: Page<{ dataset: { name: string } | null }> }>(
      `{ jobs(first: 20) { edges { node { ... on ModelArtsExportTask { dataset { name } } } } } }`,
    );
    expect(data.jobs.edges.every((edge) => edge.node.dataset !== null)).toBe(true);
    expect(await modelArts.requests()).toHaveLength(1 + MODELARTS_DATASETS);
  });
});

describe("the bound on datasets scanned", () => {
  let gateway: TestGateway | undefined;

  beforeAll(async () => {
    // The suite's settings (no terminal cache: every read meets the tenant's current state), with a low bound.
    gateway = await startTestGateway({ MODELARTS_JOBS_MAX_DATASETS: "5" });
  }, 60_000);

  afterAll(async () => {
    await gateway?.dispose();
  });

  /** This block's gateway's client (its `beforeAll` has run by the time a test asks). */
  const own = (): GraphQLTestClient => {
    if (gateway === undefined) throw new Error("the bound's gateway did not start");
    return gateway.graphql;
  };

  it("refuses to scan a project with more datasets, saying so, after one call; datasetId still works", async () => {
    await modelArts.clearRequests();
    const result = await gqlAs(`{ jobs(first: 5) { edges { node { id } } } }`, {}, { modelarts: MA }, own());
    expect(result.body.data).toEqual({ jobs: null });
    expect(result.body.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(result.body.errors?.[0]?.message).toBe(
      `modelarts jobs: project ${MA.project} has ${MODELARTS_DATASETS} datasets, more than the 5 whose export tasks one jobs ` +
        "list scans (MODELARTS_JOBS_MAX_DATASETS); pass datasetId to list the export tasks of one dataset",
    );
    expect(await modelArts.requests()).toHaveLength(1);
    const datasetId = await datasetIdByName("retail-shelf-products");
    const narrowed = await gqlAs<{ jobs: { edges: unknown[] } }>(
      `query ($d: ID!) { jobs(first: 5, datasetId: $d) { edges { node { id } } } }`,
      { d: globalId("ModelArtsDataset", datasetId) },
      { modelarts: MA },
      own(),
    );
    expect(narrowed.body.errors).toBeUndefined();
    expect(narrowed.body.data?.jobs.edges.length).toBeGreaterThan(0);
  });

  it("keeps Nexus's jobs beside the bound's error, which names ModelArts", async () => {
    const result = await gqlAs<{ jobs: Page<JobNode> }>(
      `{ jobs(first: 100) { edges { node { id provider state createdAt } } } }`,
      {},
      BOTH,
      own(),
    );
    expect(result.body.data?.jobs.edges).toHaveLength(40);
    expect(result.body.data?.jobs.edges.every((edge) => edge.node.provider === "NEXUS")).toBe(true);
    expect(
      result.body.errors?.map((error) => [error.path, error.extensions?.code, error.extensions?.["provider"]]),
    ).toEqual([[["jobs"], "BAD_USER_INPUT", "MODELARTS"]]);
    expect(result.body.errors?.[0]?.message).toMatch(/^modelarts jobs: project \S+ has 16 datasets, more than the 5 /);
  });
});
