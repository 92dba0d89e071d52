/**
 * What ModelArts's part of `jobs` and its related reads cost upstream (issue 22), through the front door: GraphQL to
 * the Worker, then the ModelArts emulator's request log. A first page reads the dataset list once and each dataset
 * once, sized to the page; a backward page from a cursor reads each dataset around the cursor's offset of it, never
 * more than a first page; the dataset list is read once per request whatever asks for it (`datasets`, `jobs`,
 * `jobCounts`, a task's `dataset`, `nodes`); and across requests it goes through the shared reads
 * (`READ_CACHE_TTL_MS`), which a write of the same project purges.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  MA,
  credentialHeaders,
  dataAs,
  datasetIdByName,
  globalId,
  modelArts,
  taskListCalls,
  type UpstreamRequest,
} from "../modelarts/helpers";
import { startTestGateway, type TestGateway } from "../utils/test-gateway";

/** The ModelArts demo project (emulator/README.md): 16 datasets, 20 export tasks. */
const DATASETS = 16;
const TASKS = 20;
const DATASET_LIST = `/modelarts/v2/${MA.project}/datasets`;

const JOBS = /* GraphQL */ `
  query ($first: Int, $after: String, $last: Int, $before: String) {
    jobs(first: $first, after: $after, last: $last, before: $before) {
      edges { cursor node { id createdAt } }
      pageInfo { hasNextPage hasPreviousPage }
    }
  }
`;

interface JobsPage {
  edges: { cursor: string; node: { id: string; createdAt: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean };
}

async function jobs(variables: Record<string, unknown>): Promise<JobsPage> {
  return (await dataAs<{ jobs: JobsPage }>(JOBS, variables)).jobs;
}

/** The calls of `requests` to the dataset list. */
function datasetListCalls(requests: readonly UpstreamRequest[]): UpstreamRequest[] {
  return requests.filter((request) => request.method === "GET" && request.path === DATASET_LIST);
}

function queryOf(request: UpstreamRequest): URLSearchParams {
  return new URLSearchParams(request.query);
}

let whole: JobsPage["edges"];

beforeAll(async () => {
  // A slow clock: no task changes state, so every request sees the same list.
  await modelArts.reset({ msPerSample: 3_600_000 });
  whole = (await jobs({ first: 100 })).edges;
  expect(whole).toHaveLength(TASKS);
});

beforeEach(async () => {
  await modelArts.clearRequests();
});

describe("the ModelArts cost of a jobs page", () => {
  it("a first page reads the dataset list once, then each dataset once from its start, sized to the page", async () => {
    const page = await jobs({ first: 5 });
    expect(page.edges.map((edge) => edge.node.id)).toEqual(whole.slice(0, 5).map((edge) => edge.node.id));
    const requests = await modelArts.requests();
    expect(datasetListCalls(requests)).toHaveLength(1);
    const lists = taskListCalls(requests);
    expect(lists).toHaveLength(DATASETS);
    expect(new Set(lists.map((request) => request.path)).size).toBe(DATASETS);
    expect(requests).toHaveLength(1 + DATASETS);
    // 5, one to know whether more follow, and a quarter more for ties (`readSize`): 8 from offset 0, no more.
    for (const request of lists) {
      expect(queryOf(request).get("offset")).toBe("0");
      expect(queryOf(request).get("limit")).toBe("8");
    }
  });

  it("a backward page from a cursor costs no more than a first page, and gives the items before the cursor", async () => {
    const at = 12;
    const cursor = whole[at]?.cursor;
    expect(cursor).toBeDefined();
    const page = await jobs({ last: 5, before: cursor });
    expect(page.edges.map((edge) => edge.node.id)).toEqual(whole.slice(at - 5, at).map((edge) => edge.node.id));
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
    const requests = await modelArts.requests();
    expect(datasetListCalls(requests)).toHaveLength(1);
    expect(requests.length).toBeGreaterThan(1);
    expect(requests.length).toBeLessThanOrEqual(1 + DATASETS);
    // Each dataset once: none is read twice for one page.
    const lists = taskListCalls(requests);
    expect(new Set(lists.map((request) => request.path)).size).toBe(lists.length);
  });

  it("a forward page from a cursor reads no dataset list and only the datasets with tasks past it", async () => {
    const at = 12;
    const page = await jobs({ first: 5, after: whole[at - 1]?.cursor });
    expect(page.edges.map((edge) => edge.node.id)).toEqual(whole.slice(at, at + 5).map((edge) => edge.node.id));
    const requests = await modelArts.requests();
    expect(datasetListCalls(requests)).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.length).toBeLessThan(1 + DATASETS);
  });
});

describe("the dataset list within one request", () => {
  it("is read once for datasets, jobs, jobCounts and every task's dataset together", async () => {
    const data = await dataAs<{
      datasets: { edges: unknown[] };
      jobs: { edges: { node: { dataset: { name: string } | null } }[] };
      jobCounts: { count: number }[];
    }>(/* GraphQL */ `
      {
        datasets(first: 5) { edges { node { id name } } }
        jobs(first: 20) { edges { node { id ... on ModelArtsExportTask { dataset { name } } } } }
        jobCounts { provider state count }
      }
    `);
    expect(data.datasets.edges).toHaveLength(5);
    expect(data.jobs.edges).toHaveLength(TASKS);
    for (const edge of data.jobs.edges) expect(edge.node.dataset?.name).toEqual(expect.any(String));
    expect(data.jobCounts.reduce((sum, row) => sum + row.count, 0)).toBe(TASKS);
    const requests = await modelArts.requests();
    expect(datasetListCalls(requests)).toHaveLength(1);
    // And each dataset's tasks once, for the page and the counts alike; no GET of a dataset or a task.
    expect(taskListCalls(requests)).toHaveLength(DATASETS);
    expect(requests).toHaveLength(1 + DATASETS);
  });

  it("serves many datasets asked by id from one list read, and one asked alone with one GET", async () => {
    const names = ["retail-shelf-products", "defect-classification", "road-segmentation"];
    const ids = await Promise.all(names.map((name) => datasetIdByName(name)));
    await modelArts.clearRequests();
    const many = await dataAs<{ nodes: ({ name: string } | null)[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on ModelArtsDataset { name } } }`,
      { ids: ids.map((id) => globalId("ModelArtsDataset", id)) },
    );
    expect(many.nodes.map((node) => node?.name)).toEqual(names);
    const requests = await modelArts.requests();
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([`GET ${DATASET_LIST}`]);

    await modelArts.clearRequests();
    const one = await dataAs<{ node: { name: string } | null }>(
      `query ($id: ID!) { node(id: $id) { ... on ModelArtsDataset { name } } }`,
      { id: globalId("ModelArtsDataset", ids[0] ?? "") },
    );
    expect(one.node?.name).toBe(names[0]);
    expect((await modelArts.requests()).map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET ${DATASET_LIST}/${ids[0] ?? ""}`,
    ]);
  });

  it("answers a dataset id that a whole list lacks with null, without a GET", async () => {
    const ids = await Promise.all(
      ["retail-shelf-products", "defect-classification"].map((name) => datasetIdByName(name)),
    );
    await modelArts.clearRequests();
    const data = await dataAs<{ nodes: ({ name: string } | null)[] }>(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { ... on ModelArtsDataset { name } } }`,
      { ids: [...ids, "0000000000000000ffff"].map((id) => globalId("ModelArtsDataset", id)) },
    );
    expect(data.nodes.map((node) => node?.name ?? null)).toEqual([
      "retail-shelf-products",
      "defect-classification",
      null,
    ]);
    expect((await modelArts.requests()).map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET ${DATASET_LIST}`,
    ]);
  });
});

describe("the dataset list across requests (shared reads)", () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway({ READ_CACHE_TTL_MS: "60000", SHARED_READS: "true" });
  });

  afterAll(async () => {
    await gateway.dispose();
  });

  async function ask(query: string): Promise<Record<string, unknown>> {
    const answer = await gateway.graphql.query<Record<string, unknown>>(
      query,
      {},
      {
        headers: credentialHeaders({ modelarts: MA }),
      },
    );
    expect(answer.body.errors, answer.text).toBeUndefined();
    return answer.body.data ?? {};
  }

  it("serves a repeated page from the read cache, until a write of the project purges it", async () => {
    const page = `{ jobs(first: 5) { edges { node { id } } } }`;
    const first = await ask(page);
    expect(await modelArts.requests()).toHaveLength(1 + DATASETS);
    await modelArts.clearRequests();
    expect(await ask(page)).toEqual(first);
    expect(await modelArts.requests()).toEqual([]);
    // The dataset list a `datasets` page asks for is the very read `jobs` made: no call either.
    await ask(`{ datasets(first: 100) { edges { node { id } } } }`);
    expect(datasetListCalls(await modelArts.requests())).toEqual([]);

    const datasetId = await datasetIdByName("retail-shelf-products");
    await modelArts.clearRequests();
    const created = await gateway.graphql.query<Record<string, unknown>>(
      `mutation ($id: ID!) { createModelArtsExportTask(input: { datasetId: $id, path: "/demo-bucket/exports/cost/" }) { task { id } } }`,
      { id: globalId("ModelArtsDataset", datasetId) },
      { headers: credentialHeaders({ modelarts: MA }) },
    );
    expect(created.body.errors, created.text).toBeUndefined();
    await modelArts.clearRequests();
    const after = (await ask(page)) as { jobs: { edges: unknown[] } };
    expect(after.jobs.edges).toHaveLength(5);
    const requests = await modelArts.requests();
    expect(datasetListCalls(requests)).toHaveLength(1);
    expect(requests).toHaveLength(1 + DATASETS);
  });
});
