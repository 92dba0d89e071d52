/**
 * `jobs` over Nexus and ModelArts as one merged list, paged from its cursors (issue 22): Relay walks forwards and
 * backwards with page sizes 1, 3, 7 and 100 give every job exactly once, in the one order (newest first, then
 * provider, then the backend's ref), also when jobs are added and removed between pages; a page from a cursor reads
 * each platform from where the cursor left it (Nexus: at most 2 list calls; ModelArts: no more than a first page's
 * 1 + D, and a forward page from a cursor no dataset list). The Nexus project keeps every fourth of its 40 jobs.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { walk, type Page } from "../gateway/helpers";
import { useTenant } from "../utils/tenant";
import { MA, NEXUS, dataAs, datasetIdByName, modelArts, modelArtsApi, type UpstreamRequest } from "./helpers";
import { keepEveryNthJob } from "../utils/fewer-jobs";
import { inListOrder, refOf, type ListItem } from "../utils/list-order";

type Item = ListItem;

const BOTH = { nexus: NEXUS, modelarts: MA };
const QUERY = `query($first: Int, $after: String, $last: Int, $before: String, $provider: Provider) {
  jobs(first: $first, after: $after, last: $last, before: $before, provider: $provider) {
    edges { cursor node { id provider createdAt } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

/** The ModelArts demo project's datasets: a first page lists them, then reads each one's tasks. */
const MODELARTS_DATASETS = 16;

async function page(args: Record<string, unknown>): Promise<Page<Item>> {
  return (await dataAs<{ jobs: Page<Item> }>(QUERY, args, BOTH)).jobs;
}

/** Every job of both platforms, from each platform's own list, in the merged order. */
async function expectedIds(): Promise<string[]> {
  const items: Item[] = [];
  for (const provider of ["NEXUS", "MODELARTS"]) {
    const one = await page({ first: 100, provider });
    expect(one.pageInfo.hasNextPage).toBe(false);
    items.push(...one.edges.map((edge) => edge.node));
  }
  const merged = inListOrder(items);
  // The platforms interleave in time (with the Nexus jobs cut to every fourth, 13 or 14 changes of provider), so pages
  // end on either platform's jobs.
  const changes = merged.filter((item, index) => index > 0 && item.provider !== merged[index - 1]?.provider);
  expect(changes.length).toBeGreaterThanOrEqual(10);
  return merged.map((item) => item.id);
}

/** What one page asked of each platform. */
interface PageCalls {
  nexusLists: number;
  modelArts: number;
  modelArtsDatasetLists: number;
}

function callsOf(nexus: UpstreamRequest[], modelArtsRequests: UpstreamRequest[]): PageCalls {
  return {
    nexusLists: nexus.filter((request) => request.path.endsWith("/batch/jobs")).length,
    modelArts: modelArtsRequests.length,
    modelArtsDatasetLists: modelArtsRequests.filter((request) => request.path.endsWith("/datasets")).length,
  };
}

/** A page, and what it asked of each platform. */
async function countedPage(args: Record<string, unknown>, calls: PageCalls[]): Promise<Page<Item>> {
  await Promise.all([useTenant().clearRequests(), modelArts.clearRequests()]);
  const result = await page(args);
  calls.push(callsOf(await useTenant().requests(), await modelArts.requests()));
  return result;
}

beforeEach(async () => {
  // Slow exports and jobs: nothing changes state (or order) while a walk runs unless the test changes it.
  await Promise.all([modelArts.reset({ msPerSample: 3_600_000 }), useTenant().reset({ msPerItem: 3_600_000 })]);
  // Every fourth of the 40 Nexus jobs (test/utils/fewer-jobs.ts says why): spread over the seed's times, they still
  // fall between the ModelArts tasks, so the merge interleaves the platforms.
  expect(await keepEveryNthJob(NEXUS, 4)).toBe(10);
});

describe("merged walks of jobs over Nexus and ModelArts", () => {
  for (const size of [1, 3, 7, 100]) {
    for (const direction of ["forward", "backward"] as const) {
      it(`walks ${direction} with pages of ${size}: every job once, in order, each platform read from the cursor`, async () => {
        const expected = await expectedIds();
        expect(new Set(expected).size).toBe(expected.length);
        const calls: PageCalls[] = [];
        const { nodes } = await walk<Item>(direction, size, (args) => countedPage(args, calls));
        expect(nodes.map((node) => node.id)).toEqual(expected);
        for (const [index, each] of calls.entries()) {
          expect(each.nexusLists, `page ${index + 1}`).toBeLessThanOrEqual(2);
          expect(each.modelArts, `page ${index + 1}`).toBeLessThanOrEqual(1 + MODELARTS_DATASETS);
          // A forward page from a cursor knows which datasets still hold tasks past it: no dataset list.
          if (direction === "forward" && index > 0) expect(each.modelArtsDatasetLists, `page ${index + 1}`).toBe(0);
        }
      });
    }
  }
});

/** Deletes a Nexus job through the gateway. */
async function deleteJob(id: string): Promise<void> {
  await dataAs(`mutation($id: ID!) { deleteJob(id: $id) { id } }`, { id }, BOTH);
}

/** Starts an export of a ModelArts dataset: a new task, the newest job of the list. */
async function addExportTask(): Promise<void> {
  const datasetId = await datasetIdByName("retail-shelf-products");
  await modelArtsApi(`datasets/${datasetId}/export-tasks`, MA, {
    method: "POST",
    body: JSON.stringify({ path: "/bucket/merged-walks/" }),
  });
}

/**
 * A walk that, after its first page, deletes one Nexus job it has not reached yet and starts a ModelArts export (a
 * job newer than every cursor), so the rest of the walk pages over a list that changed under its cursors.
 */
async function walkWithChanges(
  direction: "forward" | "backward",
  size: number,
  expected: readonly string[],
): Promise<{ nodes: Item[]; deleted: string }> {
  let pages = 0;
  // Forwards, a Nexus job near the end; backwards, one near the start: not reached after the first page.
  const ahead = direction === "forward" ? [...expected].reverse() : [...expected];
  const seen = new Set<string>();
  let deleted = "";
  const { nodes } = await walk<Item>(direction, size, async (args) => {
    if (pages === 1) {
      deleted = ahead.find((id) => !seen.has(id) && refOf(id).startsWith("batchjob_")) ?? "";
      expect(deleted).not.toBe("");
      await deleteJob(deleted);
      await addExportTask();
    }
    pages += 1;
    const result = await page(args);
    for (const edge of result.edges) seen.add(edge.node.id);
    return result;
  });
  return { nodes, deleted };
}

describe("merged walks of jobs with jobs added and removed between pages", () => {
  for (const size of [1, 3, 7, 100]) {
    it(`walks forward with pages of ${size}: every job that stays, once, in order; the new one is behind the cursor`, async () => {
      const expected = await expectedIds();
      const { nodes, deleted } = await walkWithChanges("forward", size, expected);
      // The new export is newer than every cursor, so a forward walk has passed its place; a one-page walk has no
      // later page to change under.
      const want = size >= expected.length ? expected : expected.filter((id) => id !== deleted);
      expect(nodes.map((node) => node.id)).toEqual(want);
    });

    it(`walks backward with pages of ${size}: every job that stays once, in order, and the new one at the start`, async () => {
      const expected = await expectedIds();
      const { nodes, deleted } = await walkWithChanges("backward", size, expected);
      if (size >= expected.length) {
        expect(nodes.map((node) => node.id)).toEqual(expected);
        return;
      }
      // The walk reaches the list's start last, so it sees the list as it is now: the new export, no deleted job.
      const now = await expectedIds();
      expect(now).not.toContain(deleted);
      expect(now).toHaveLength(expected.length);
      expect(nodes.map((node) => node.id)).toEqual(now);
    });
  }
});
