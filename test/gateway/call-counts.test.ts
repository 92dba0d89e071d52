/**
 * Upstream call counts for nested queries, read from the emulator's request log: within one request no resource is
 * fetched twice, related objects are batched (GET per id for a few, one list call for many), and `dataset.jobs`
 * lists the jobs once for all datasets.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/global-id";
import { useTenant } from "../utils/tenant";
import {
  clearUpstreamRequests,
  DEMO,
  gqlData,
  resetEmulator,
  upstreamGet,
  upstreamRequests,
  type Caller,
  type UpstreamRequest,
} from "./helpers";

const BASE = `/projects/${DEMO.project}/batch`;

function summary(requests: UpstreamRequest[]): string[] {
  return requests.map((request) => `${request.method} ${request.path}`).sort();
}

beforeEach(async () => {
  await resetEmulator();
  await clearUpstreamRequests();
});

describe("call counts", () => {
  it("jobs(first: 50) { dataset, webhooks } costs one list call per resource, the page's sized to it", async () => {
    const data = await gqlData<{
      jobs: { edges: { node: { progress: number; dataset: { name: string } | null; webhooks: { name: string }[] } }[] };
    }>(
      `{ jobs(first: 50) { edges { node { name progress ... on NexusJob { dataset { name itemCount } webhooks { name endpoint } destinations { webhook { name } } } } } } }`,
    );
    expect(data.jobs.edges.length).toBe(40);
    const withDataset = data.jobs.edges.filter((edge) => edge.node.dataset !== null).length;
    expect(withDataset).toBeGreaterThan(3);
    const requests = await upstreamRequests();
    expect(summary(requests)).toEqual([`GET ${BASE}/datasets`, `GET ${BASE}/jobs`, `GET ${BASE}/webhooks`]);
    // The page reads what it needs (50, one to know whether more follow, and a quarter more for ties: 64); the
    // related objects are batched into one walk of each list, its read sized to the batch (issue 22: a read of
    // 1000 answered a whole large project's list for a page's few dozen objects): here the shortest, 20, which holds
    // every demo dataset and webhook.
    const limits = Object.fromEntries(
      requests.map((request) => [request.path, new URLSearchParams(request.query).get("limit")]),
    );
    expect(limits).toEqual({ [`${BASE}/jobs`]: "64", [`${BASE}/datasets`]: "20", [`${BASE}/webhooks`]: "20" });
  });

  it("datasets { jobs { logs } } lists datasets once, jobs once, and each job's logs once", async () => {
    const data = await gqlData<{
      datasets: {
        edges: { node: { jobs: { edges: { node: { id: string; nexusId: string; logs: { edges: unknown[] } } }[] } } }[];
      };
    }>(
      `{ datasets(first: 100) { edges { node { name ... on NexusDataset {
          jobs(first: 50) { edges { node { id name ... on NexusJob { nexusId dataset { name } logs(first: 5) { edges { node { id level } } } } } } } } } } } }`,
    );
    const jobIds = data.datasets.edges.flatMap((edge) => edge.node.jobs.edges.map((job) => job.node.nexusId));
    expect(jobIds.length).toBeGreaterThan(5);
    expect(new Set(jobIds).size).toBe(jobIds.length);
    const expected = [
      `GET ${BASE}/datasets`,
      `GET ${BASE}/jobs`,
      ...jobIds.map((id) => `GET ${BASE}/jobs/${id}/logs`),
    ].sort();
    expect(summary(await upstreamRequests())).toEqual(expected);
  });

  it("a few distinct ids are fetched with one GET each, concurrently batched", async () => {
    const page = await gqlData<{ jobs: { edges: { node: { nexusId: string; datasetId: string | null } }[] } }>(
      `{ jobs(first: 100) { edges { node { ... on NexusJob { nexusId datasetId } } } } }`,
    );
    const [first, second] = page.jobs.edges.filter((edge) => edge.node.datasetId !== null);
    if (!first || !second) throw new Error("need two jobs with datasets");
    await clearUpstreamRequests();
    await gqlData(
      `query($a: ID!, $b: ID!) { a: job(id: $a) { ... on NexusJob { dataset { name } } } b: job(id: $b) { ... on NexusJob { dataset { name } } } again: job(id: $a) { name } }`,
      { a: first.node.nexusId, b: second.node.nexusId },
    );
    const datasetIds = [...new Set([first.node.datasetId, second.node.datasetId])];
    expect(summary(await upstreamRequests())).toEqual(
      [
        `GET ${BASE}/jobs/${first.node.nexusId}`,
        `GET ${BASE}/jobs/${second.node.nexusId}`,
        ...datasetIds.map((id) => `GET ${BASE}/datasets/${id}`),
      ].sort(),
    );
  });

  it("a forward page stops walking the upstream list once the page is settled", async () => {
    await gqlData(`{ jobs(first: 5) { edges { cursor } } }`);
    expect(summary(await upstreamRequests())).toEqual([`GET ${BASE}/jobs`]);
    // It asks for the page, one more to know that more follow, and a quarter more for ties (5 + 1 + 2).
    expect(new URLSearchParams((await upstreamRequests())[0]?.query).get("limit")).toBe("8");
  });

  it("a page filtered by state reads the largest pages: a filter may leave few jobs, and sized reads would add calls", async () => {
    const data = await gqlData<{ jobs: { edges: unknown[] } }>(
      `{ jobs(first: 5, state: [FINISHED]) { edges { cursor } } }`,
    );
    expect(data.jobs.edges).toHaveLength(5);
    const requests = await upstreamRequests();
    expect(summary(requests)).toEqual([`GET ${BASE}/jobs`]);
    expect(new URLSearchParams(requests[0]?.query).get("limit")).toBe("1000");
  });

  it("a first page with totalCount is the count's first read: one call for both, under a fragment too", async () => {
    const data = await gqlData<{ jobs: { totalCount: number; edges: unknown[] } }>(
      `{ jobs(first: 5) { ...counted edges { cursor } } } fragment counted on JobConnection { total: totalCount }`,
    );
    expect((data.jobs as unknown as { total: number }).total).toBe(40);
    const requests = await upstreamRequests();
    expect(summary(requests)).toEqual([`GET ${BASE}/jobs`]);
    expect(new URLSearchParams(requests[0]?.query).get("limit")).toBe("1000");
  });
});

describe("related reads by cost on the 10,000-job project (issue 22)", () => {
  const tenant = useTenant();
  /** The nested page of the benchmarks (bench/cost-growth.bench.ts): 40 jobs with their datasets and webhooks. */
  const NESTED = `query($first: Int) { jobs(first: $first) { edges { node { id name state progress
    ... on NexusJob { datasetId dataset { nexusId name itemCount } webhooks { name endpoint } } } } } }`;

  interface NestedPage {
    jobs: { edges: { node: { datasetId: string | null; dataset: { nexusId: string } | null } }[] };
  }

  async function nestedPage(caller: Caller): Promise<{ page: NestedPage; requests: UpstreamRequest[] }> {
    await clearUpstreamRequests();
    const page = await gqlData<NestedPage>(NESTED, { first: 40 }, caller);
    return { page, requests: await upstreamRequests() };
  }

  const bytesOf = (requests: UpstreamRequest[]) => requests.reduce((sum, request) => sum + request.bytes, 0);

  it("the nested 40-job page costs at most 5 calls and 3 times the demo's bytes: one list read sized to the batch, GETs for the rest", async () => {
    const large = await tenant.resetLarge();
    const demo = await nestedPage(DEMO);
    const { page, requests } = await nestedPage(large.caller);
    expect(page.jobs.edges).toHaveLength(40);
    // Every job's dataset is found, and is the one the job names.
    for (const { node } of page.jobs.edges) expect(node.dataset?.nexusId ?? null).toBe(node.datasetId);
    expect(requests.length).toBeLessThanOrEqual(5);
    expect(bytesOf(requests)).toBeLessThanOrEqual(3 * bytesOf(demo.requests));
    const LARGE = `/projects/${large.projectId}/batch`;
    // 40 distinct datasets: one read of 60 from the list's start holds all but the one far down the list (a failed
    // job's dataset), which is read by id; the two webhooks are read by id.
    const datasetLists = requests.filter((request) => request.path === `${LARGE}/datasets`);
    expect(datasetLists.map((request) => new URLSearchParams(request.query).get("limit"))).toEqual(["60"]);
    expect(requests.filter((request) => request.path.startsWith(`${LARGE}/datasets/`))).toHaveLength(1);
    expect(requests.filter((request) => request.path.startsWith(`${LARGE}/webhooks/`))).toHaveLength(2);
  });

  it("a batch of ids deep in the list makes one short list read, then GETs each id it did not find", async () => {
    const large = await tenant.resetLarge();
    // The oldest five of the first thousand, read straight from the emulator (a gateway page there would read the
    // list too).
    const listed = await upstreamGet<{ data: { id: string }[] }>("jobs?limit=1000", large.caller);
    const ids = listed.body.data.slice(-5).map((job) => ({ id: toGlobalId("NexusJob", job.id), nexusId: job.id }));
    expect(ids).toHaveLength(5);
    await clearUpstreamRequests();
    const aliases = ids.map((job, index) => `j${index}: job(id: "${job.id}") { id name }`).join(" ");
    const data = await gqlData<Record<string, { id: string } | null>>(`{ ${aliases} }`, {}, large.caller);
    expect(Object.values(data).map((job) => job?.id)).toEqual(ids.map((job) => job.id));
    const LARGE = `/projects/${large.projectId}/batch`;
    // Five ids: one read of the shortest walk (20) finds none of them, so the walk stops and each is read by id,
    // instead of reading on through 10,000 jobs.
    expect(summary(await upstreamRequests())).toEqual(
      [`GET ${LARGE}/jobs`, ...ids.map((job) => `GET ${LARGE}/jobs/${job.nexusId}`)].sort(),
    );
  });
});
