/**
 * Ids and cursors issued before the backend seam keep working: global ids are still `<Type>:<ref>` in base64url,
 * and version 1 cursors (`{v: 1, k, f, c, i}`) still decode to the same positions. The id literals below are in the
 * format the gateway issued before the change, for seeded objects of this file's tenant (seeded ids are fixed and
 * derived from the project id, `proj_demo_gateway-compat-fixtures`); the cursor literals are version 1 cursors.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO, gql, gqlData, resetEmulator, type Page } from "./helpers";

beforeAll(async () => {
  await resetEmulator();
});

/** `node(id:)` ids in the format of before the change, for seeded demo objects of this file's tenant. */
const OLD_IDS = {
  job: "TmV4dXNKb2I6YmF0Y2hqb2JfN2I4OTY3NWItYWI1Ny00MjBjLThjY2QtYTc5NzgwNTkwOWNl",
  dataset: "TmV4dXNEYXRhc2V0OmRhdGFzZXRfNzhkNjU0MTktMzQ5OC00ZDdlLWJmMjUtZmNiY2Y1NzM1Njhm",
  webhook: "TmV4dXNXZWJob29rOndlYmhvb2tfYTc1OWU4ZjYtM2YzYS00NDg4LTk0ZmMtMzJmMjUzOWViOTQ4",
} as const;

/** Version 1 cursors: after the newest possible position (so: the first page), and before the oldest. */
const OLD_CURSORS = {
  jobsAfterEverything: "eyJ2IjoxLCJrIjoiam9icyIsImYiOiJbXSIsImMiOjkwMDcxOTkyNTQ3NDA5OTEsImkiOiJiYXRjaGpvYl8ifQ",
  jobsBeforeNothing: "eyJ2IjoxLCJrIjoiam9icyIsImYiOiJbXSIsImMiOjAsImkiOiJiYXRjaGpvYl8ifQ",
  datasetsAfterEverything:
    "eyJ2IjoxLCJrIjoiZGF0YXNldHMiLCJmIjoiW1tcImluY2x1ZGVFeHBpcmVkXCIsdHJ1ZV1dIiwiYyI6OTAwNzE5OTI1NDc0MDk5MSwiaSI6ImRhdGFzZXRfIn0",
} as const;

interface JobNode {
  id: string;
  nexusId: string;
  createdAt: string;
}

const JOBS_PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
  jobs(first: $first, after: $after, last: $last, before: $before) { edges { cursor node { id ... on NexusJob { nexusId createdAt } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
}`;

async function jobsPage(args: Record<string, unknown>): Promise<Page<JobNode>> {
  return (await gqlData<{ jobs: Page<JobNode> }>(JOBS_PAGE, args)).jobs;
}

/** A version 1 cursor, as the gateway encoded them before the change. */
function v1Cursor(kind: string, filter: string, createDate: number, id: string): string {
  return Buffer.from(JSON.stringify({ v: 1, k: kind, f: filter, c: createDate, i: id })).toString("base64url");
}

describe("ids issued before the backend seam", () => {
  it("resolve to the same objects through node, nodes and the typed fields", async () => {
    const data = await gqlData<{
      job: { id: string; nexusId: string } | null;
      dataset: { id: string; nexusId: string } | null;
      webhook: { id: string; nexusId: string } | null;
      nodes: ({ id: string } | null)[];
    }>(
      `query($job: ID!, $dataset: ID!, $webhook: ID!) {
        job(id: $job) { id ... on NexusJob { nexusId } }
        dataset(id: $dataset) { id ... on NexusDataset { nexusId } }
        webhook(id: $webhook) { id nexusId }
        nodes(ids: [$job, $dataset, $webhook]) { id }
      }`,
      OLD_IDS,
    );
    expect(DEMO?.project).toBe("proj_demo_gateway-compat-fixtures");
    expect(data.job).toEqual({ id: OLD_IDS.job, nexusId: "batchjob_7b89675b-ab57-420c-8ccd-a797805909ce" });
    expect(data.dataset).toEqual({ id: OLD_IDS.dataset, nexusId: "dataset_78d65419-3498-4d7e-bf25-fcbcf573568f" });
    expect(data.webhook).toEqual({ id: OLD_IDS.webhook, nexusId: "webhook_a759e8f6-3f3a-4488-94fc-32f2539eb948" });
    expect(data.nodes).toEqual([{ id: OLD_IDS.job }, { id: OLD_IDS.dataset }, { id: OLD_IDS.webhook }]);
  });
});

describe("cursors issued before the backend seam", () => {
  it("page from the literal version 1 cursors exactly as from no cursor", async () => {
    const first = await jobsPage({ first: 5 });
    expect(
      (await jobsPage({ first: 5, after: OLD_CURSORS.jobsAfterEverything })).edges.map((edge) => edge.node.id),
    ).toEqual(first.edges.map((edge) => edge.node.id));
    const last = await jobsPage({ last: 5 });
    expect(
      (await jobsPage({ last: 5, before: OLD_CURSORS.jobsBeforeNothing })).edges.map((edge) => edge.node.id),
    ).toEqual(last.edges.map((edge) => edge.node.id));
    const datasets = await gql<{ datasets: Page<{ id: string }> }>(
      `query($after: String) { datasets(first: 3, after: $after, includeExpired: true) { edges { node { id } } } }`,
      { after: OLD_CURSORS.datasetsAfterEverything },
    );
    expect(datasets.body.errors).toBeUndefined();
    expect(datasets.body.data?.datasets.edges).toHaveLength(3);
  });

  it("page from a version 1 cursor of a real item exactly as from today's cursor of that item", async () => {
    const first = await jobsPage({ first: 10 });
    const pivot = first.edges[4];
    if (pivot === undefined) throw new Error("the demo project has fewer than 5 jobs");
    const old = v1Cursor("jobs", "[]", Date.parse(pivot.node.createdAt), pivot.node.nexusId);
    const fromNew = await jobsPage({ first: 3, after: pivot.cursor });
    const fromOld = await jobsPage({ first: 3, after: old });
    expect(fromOld.edges.map((edge) => edge.node.id)).toEqual(fromNew.edges.map((edge) => edge.node.id));
    expect(fromOld.edges.map((edge) => edge.node.id)).toEqual(first.edges.slice(5, 8).map((edge) => edge.node.id));
    const backOld = await jobsPage({ last: 2, before: old });
    expect(backOld.edges.map((edge) => edge.node.id)).toEqual(first.edges.slice(2, 4).map((edge) => edge.node.id));
  });
});
