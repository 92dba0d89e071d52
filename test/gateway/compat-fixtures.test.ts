/**
 * Ids and cursors issued before the backend seam keep working: global ids are still `<Type>:<ref>` in base64url,
 * and version 1 cursors (`{v: 1, k, f, c, i}`) still decode to the same positions. The literals below are what the
 * gateway returned before the change, for the seeded objects of the default tenant's demo project (`proj_demo`:
 * seeded ids are fixed, and derived from the project id). So this file reads the default tenant, and only reads it:
 * it never resets it or sets faults there, so the files that share it see no change.
 */
import { describe, expect, it } from "vitest";
import { gql, gqlData, type Caller, type Page } from "./helpers";

/** The default tenant's demo project, whose seeded ids the literals below are. */
const DEFAULT_DEMO: Caller = { project: "proj_demo", key: "demo-secret-key" };

/** `node(id:)` ids returned before the change for seeded demo objects. */
const OLD_IDS = {
  job: "TmV4dXNKb2I6YmF0Y2hqb2JfY2U5YjRhNGMtNmQwYi00YWNmLWJhZGQtMjAxMTVlZTM5MjBk",
  dataset: "TmV4dXNEYXRhc2V0OmRhdGFzZXRfYjYyN2FhMGItZGE2ZS00Yzg5LWIxZDgtNzRmNGVjZmM5ZjUx",
  webhook: "TmV4dXNXZWJob29rOndlYmhvb2tfNTgxNjhjYzItNWI1ZC00MmJlLTllMTktODFmZmFlYWE4MmI3",
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
  return (await gqlData<{ jobs: Page<JobNode> }>(JOBS_PAGE, args, DEFAULT_DEMO)).jobs;
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
      DEFAULT_DEMO,
    );
    expect(data.job).toEqual({ id: OLD_IDS.job, nexusId: "batchjob_ce9b4a4c-6d0b-4acf-badd-20115ee3920d" });
    expect(data.dataset).toEqual({ id: OLD_IDS.dataset, nexusId: "dataset_b627aa0b-da6e-4c89-b1d8-74f4ecfc9f51" });
    expect(data.webhook).toEqual({ id: OLD_IDS.webhook, nexusId: "webhook_58168cc2-5b5d-42be-9e19-81ffaeaa82b7" });
    expect(data.nodes).toEqual([{ id: OLD_IDS.job }, { id: OLD_IDS.dataset }, { id: OLD_IDS.webhook }]);
  });
});

describe("cursors issued before the backend seam", () => {
  it("page from the literal version 1 cursors exactly as from no cursor", async () => {
    const first = await jobsPage({ first: 5 });
    expect((await jobsPage({ first: 5, after: OLD_CURSORS.jobsAfterEverything })).edges.map((edge) => edge.node.id)).toEqual(
      first.edges.map((edge) => edge.node.id),
    );
    const last = await jobsPage({ last: 5 });
    expect((await jobsPage({ last: 5, before: OLD_CURSORS.jobsBeforeNothing })).edges.map((edge) => edge.node.id)).toEqual(
      last.edges.map((edge) => edge.node.id),
    );
    const datasets = await gql<{ datasets: Page<{ id: string }> }>(
      `query($after: String) { datasets(first: 3, after: $after, includeExpired: true) { edges { node { id } } } }`,
      { after: OLD_CURSORS.datasetsAfterEverything },
      DEFAULT_DEMO,
    );
    expect(datasets.errors).toBeUndefined();
    expect(datasets.data?.datasets.edges).toHaveLength(3);
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
