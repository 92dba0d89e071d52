/**
 * Relay pagination through the front door: every connection walked to its end, forwards and backwards, with
 * several page sizes, gives every item exactly once in one stable order; bad sizes and cursors are refused with
 * BAD_USER_INPUT and a message saying what was wrong.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { gql, gqlData, resetEmulator, upstreamGet, walk, type Page } from "./helpers";

const SIZES = [1, 2, 3, 7, 100];

type Node = { nexusId: string; createdAt: string };

/** The expected order: newest first, ties by upstream id ascending. */
function expectedOrder(items: { id: string; createDate: number }[]): string[] {
  return [...items]
    .sort((a, b) => b.createDate - a.createDate || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((item) => item.id);
}

let jobIds: string[];
let datasetIds: string[];
let webhookIds: string[];
let busiestDataset: { id: string; jobIds: string[] };

beforeAll(async () => {
  await resetEmulator();
  const jobs = (
    await upstreamGet<{ data: { id: string; createDate: number; spec: { datasetId?: string } }[] }>("jobs?limit=1000")
  ).body.data;
  const datasets = (await upstreamGet<{ data: { id: string; createDate: number }[] }>("datasets?limit=1000")).body.data;
  const webhooks = (await upstreamGet<{ data: { id: string; createDate: number }[] }>("webhooks?limit=1000")).body.data;
  jobIds = expectedOrder(jobs);
  datasetIds = expectedOrder(datasets);
  webhookIds = expectedOrder(webhooks);
  const byDataset = new Map<string, typeof jobs>();
  for (const job of jobs)
    if (job.spec.datasetId) byDataset.set(job.spec.datasetId, [...(byDataset.get(job.spec.datasetId) ?? []), job]);
  const [id, list] = [...byDataset.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? ["", []];
  busiestDataset = { id, jobIds: expectedOrder(list) };
});

const PAGE_INFO = "pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";
const JOB_PAGE = `edges { cursor node { ... on NexusJob { nexusId } } } ${PAGE_INFO}`;
const DATASET_PAGE = `edges { cursor node { ... on NexusDataset { nexusId } } } ${PAGE_INFO}`;
const WEBHOOK_PAGE = `edges { cursor node { nexusId } } ${PAGE_INFO}`;

async function jobsPage(args: Record<string, unknown>): Promise<Page<Node>> {
  const data = await gqlData<{ jobs: Page<Node> }>(
    `query($first: Int, $after: String, $last: Int, $before: String) { jobs(first: $first, after: $after, last: $last, before: $before) { ${JOB_PAGE} } }`,
    args,
  );
  return data.jobs;
}

async function datasetsPage(args: Record<string, unknown>): Promise<Page<Node>> {
  const data = await gqlData<{ datasets: Page<Node> }>(
    `query($first: Int, $after: String, $last: Int, $before: String) { datasets(first: $first, after: $after, last: $last, before: $before, includeExpired: true) { ${DATASET_PAGE} } }`,
    args,
  );
  return data.datasets;
}

async function webhooksPage(args: Record<string, unknown>): Promise<Page<Node>> {
  const data = await gqlData<{ webhooks: Page<Node> }>(
    `query($first: Int, $after: String, $last: Int, $before: String) { webhooks(first: $first, after: $after, last: $last, before: $before) { ${WEBHOOK_PAGE} } }`,
    args,
  );
  return data.webhooks;
}

async function datasetJobsPage(args: Record<string, unknown>): Promise<Page<Node>> {
  const data = await gqlData<{ dataset: { jobs: Page<Node> } }>(
    `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String) { dataset(id: $id) { ... on NexusDataset { jobs(first: $first, after: $after, last: $last, before: $before) { ${JOB_PAGE} } } } }`,
    { ...args, id: busiestDataset.id },
  );
  return data.dataset.jobs;
}

const connections: [string, (args: Record<string, unknown>) => Promise<Page<Node>>, () => string[]][] = [
  ["jobs", jobsPage, () => jobIds],
  ["datasets(includeExpired: true)", datasetsPage, () => datasetIds],
  ["webhooks", webhooksPage, () => webhookIds],
  ["dataset.jobs", datasetJobsPage, () => busiestDataset.jobIds],
];

// The walks only read (the emulator is reset once, before them), so a connection's walks run at the same time: each
// is one request after another, mostly waiting on the gateway and the emulator.
describe.each(connections)("%s", (_name, fetchPage, expected) => {
  it.concurrent.each(SIZES)("walks forwards with first: %i and sees every item once, newest first", async (size) => {
    const { nodes, pages } = await walk("forward", size, fetchPage);
    expect(nodes.map((node) => node.nexusId)).toEqual(expected());
    expect(pages).toBe(Math.max(1, Math.ceil(expected().length / size)));
  });

  it.concurrent.each(SIZES)(
    "walks backwards with last: %i and sees every item once, in the same order",
    async (size) => {
      const { nodes } = await walk("backward", size, fetchPage);
      expect(nodes.map((node) => node.nexusId)).toEqual(expected());
    },
  );
});

describe("totalCount", () => {
  it("counts the whole list under the same filters, whatever the page", async () => {
    const data = await gqlData<{
      jobs: { totalCount: number };
      datasets: { totalCount: number };
      webhooks: { totalCount: number };
      running: { totalCount: number; edges: unknown[] };
    }>(
      `{ jobs(first: 1) { totalCount } datasets(last: 2, includeExpired: true) { totalCount } webhooks(first: 1) { totalCount }
         running: jobs(first: 100, state: [RUNNING]) { totalCount edges { cursor } } }`,
    );
    expect(data.jobs.totalCount).toBe(jobIds.length);
    expect(data.datasets.totalCount).toBe(datasetIds.length);
    expect(data.webhooks.totalCount).toBe(webhookIds.length);
    expect(data.running.totalCount).toBe(data.running.edges.length);
    const nested = await datasetJobsCount();
    expect(nested).toBe(busiestDataset.jobIds.length);
  });
});

async function datasetJobsCount(): Promise<number> {
  const data = await gqlData<{ dataset: { jobs: { totalCount: number } } }>(
    `query($id: ID!) { dataset(id: $id) { ... on NexusDataset { jobs(first: 1) { totalCount } } } }`,
    { id: busiestDataset.id },
  );
  return data.dataset.jobs.totalCount;
}

describe("page info", () => {
  it("says whether items exist before a forward page and after a backward page", async () => {
    const first = await jobsPage({ first: 2 });
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await jobsPage({ first: 2, after: first.pageInfo.endCursor });
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const back = await jobsPage({ last: 2, before: second.pageInfo.startCursor });
    expect(back.edges.map((edge) => edge.node.nexusId)).toEqual(first.edges.map((edge) => edge.node.nexusId));
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it("gives the first 20 items when neither first nor last is given", async () => {
    const page = await jobsPage({});
    expect(page.edges.map((edge) => edge.node.nexusId)).toEqual(jobIds.slice(0, 20));
  });

  it("returns empty edges and null cursors past the end", async () => {
    const last = await jobsPage({ last: 1 });
    const after = await jobsPage({ first: 5, after: last.pageInfo.endCursor });
    expect(after.edges).toEqual([]);
    expect(after.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
  });
});

describe("bad pagination arguments", () => {
  it.each([
    [{ first: 0 }, 'Argument "first" must be an integer from 1 to 100, got 0.'],
    [{ first: 101 }, 'Argument "first" must be an integer from 1 to 100, got 101.'],
    [{ last: -1 }, 'Argument "last" must be an integer from 1 to 100, got -1.'],
    [
      { first: 2, after: "garbage" },
      'Argument "after": not a cursor issued by this API. Use a cursor from pageInfo or an edge.',
    ],
    [
      { last: 2, before: "eyJ2IjoxfQ" },
      'Argument "before": not a cursor issued by this API. Use a cursor from pageInfo or an edge.',
    ],
  ])("refuses %j with BAD_USER_INPUT", async (args, message) => {
    const result = await gql(
      `query($first: Int, $after: String, $last: Int, $before: String) { jobs(first: $first, after: $after, last: $last, before: $before) { edges { cursor } } }`,
      args,
    );
    expect(result.body.data).toEqual({ jobs: null });
    expect(result.body.errors).toEqual([
      expect.objectContaining({ message, extensions: { code: "BAD_USER_INPUT" }, path: ["jobs"] }),
    ]);
  });

  it("refuses a cursor from another connection", async () => {
    const webhooks = await webhooksPage({ first: 1 });
    const result = await gql(`query($after: String) { jobs(first: 1, after: $after) { edges { cursor } } }`, {
      after: webhooks.pageInfo.endCursor,
    });
    expect(result.body.errors?.[0]).toMatchObject({
      message: 'Argument "after": this cursor belongs to the "webhooks" connection, not "jobs".',
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("refuses a cursor issued under other filters", async () => {
    const page = await gqlData<{ jobs: Page<Node> }>(
      `{ jobs(first: 1, state: [RUNNING]) { edges { cursor } pageInfo { endCursor hasNextPage hasPreviousPage startCursor } } }`,
    );
    const result = await gql(
      `query($after: String) { jobs(first: 1, after: $after, state: [FAILED]) { edges { cursor } } }`,
      {
        after: page.jobs.pageInfo.endCursor,
      },
    );
    expect(result.body.errors?.[0]).toMatchObject({
      message:
        'Argument "after": this cursor was issued for other filter arguments; use the same filters as the page it came from, or start again without a cursor.',
      extensions: { code: "BAD_USER_INPUT" },
    });
  });
});

describe("the provider argument", () => {
  it("narrows jobs and datasets to one platform: with Nexus named, the same walk as without", async () => {
    const data = await gqlData<{
      jobs: Page<Node> & { totalCount: number };
      datasets: Page<Node> & { totalCount: number };
    }>(
      `{ jobs(first: 100, provider: NEXUS) { totalCount ${JOB_PAGE} } datasets(first: 100, includeExpired: true, provider: NEXUS) { totalCount ${DATASET_PAGE} } }`,
    );
    expect(data.jobs.edges.map((edge) => edge.node.nexusId)).toEqual(jobIds.slice(0, 100));
    expect(data.jobs.totalCount).toBe(jobIds.length);
    expect(data.datasets.edges.map((edge) => edge.node.nexusId)).toEqual(datasetIds.slice(0, 100));
    expect(data.datasets.totalCount).toBe(datasetIds.length);
  });

  it("keeps cursors to their filter: a cursor of the unnarrowed list is refused by the narrowed one", async () => {
    const page = await jobsPage({ first: 1 });
    const result = await gql(
      `query($after: String) { jobs(first: 1, after: $after, provider: NEXUS) { edges { cursor } } }`,
      {
        after: page.pageInfo.endCursor,
      },
    );
    expect(result.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining("this cursor was issued for other filter arguments"),
      extensions: { code: "BAD_USER_INPUT" },
    });
  });

  it("refuses a provider that is not one", async () => {
    const result = await gql(`{ jobs(first: 1, provider: NOWHERE) { edges { cursor } } }`);
    expect(result.body.data).toBeUndefined();
    expect(result.body.errors?.[0]).toMatchObject({ extensions: { code: "GRAPHQL_VALIDATION_FAILED" } });
  });
});
