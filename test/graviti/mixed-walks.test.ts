/**
 * `datasets` across Nexus and Graviti: Relay walks forwards and backwards with page sizes 1, 3, 7 and 100 give
 * every item exactly once, in the one order (newest first, then provider, then the backend's ref), and each page
 * asked makes at most one list call per platform (Graviti: for a workspace of up to 128 datasets; beyond, see the
 * last test). `totalCount` adds Nexus's count and Graviti's own `total_count`.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { walk, type Page } from "../gateway/helpers";
import {
  allWireDatasets,
  BOTH,
  GRAVITI,
  gravitiApi,
  gravitiGlobalId,
  mixedData,
  NEXUS,
  type WireDataset,
} from "./helpers";
import { inListOrder, type ListItem } from "../utils/list-order";

const QUERY = `query($first: Int, $after: String, $last: Int, $before: String) {
  datasets(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { id provider createdAt } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

type Item = ListItem;

interface Answer {
  datasets: Page<Item> & { totalCount: number };
}

function graviti(dataset: WireDataset): Item {
  return { id: gravitiGlobalId(dataset), provider: "GRAVITI", createdAt: new Date(dataset.created_at).toISOString() };
}

/** Every dataset the two platforms hold for the caller, in the gateway's order. */
async function expectedItems(): Promise<Item[]> {
  const nexus = await mixedData<Answer>(QUERY, { first: 100 }, { nexus: NEXUS.demo });
  expect(nexus.datasets.pageInfo.hasNextPage).toBe(false);
  return inListOrder([...nexus.datasets.edges.map((edge) => edge.node), ...(await allWireDatasets()).map(graviti)]);
}

/** List calls per platform in the two request logs. */
async function listCalls(): Promise<{ nexus: number; graviti: number }> {
  const nexus = (await NEXUS.requests()).filter(
    (request) => request.method === "GET" && request.path.endsWith("/batch/datasets"),
  ).length;
  const graviti = (await GRAVITI.requests()).filter(
    (request) => request.method === "GET" && request.path === "/graviti/v2/datasets",
  ).length;
  return { nexus, graviti };
}

async function clearLogs(): Promise<void> {
  await Promise.all([NEXUS.clearRequests(), GRAVITI.clearRequests()]);
}

let expected: Item[];

const NEXUS_CREATE = `mutation { createDataset(input: {name: "between", upload: {sizeBytes: 10, crc32c: "AAAAAA=="}}) { dataset { id } } }`;

beforeAll(async () => {
  await Promise.all([NEXUS.reset(), GRAVITI.reset()]);
  // Interleave the platforms in time (the seeded Graviti datasets are all older than the seeded Nexus ones): two
  // Graviti datasets (likely in one second, so the tie-break decides), a Nexus one, then a Graviti one again.
  await Promise.all([
    gravitiApi("POST", "/v2/datasets", { name: "early-a" }),
    gravitiApi("POST", "/v2/datasets", { name: "early-b" }),
  ]);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await mixedData(NEXUS_CREATE, {}, { nexus: NEXUS.demo });
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await gravitiApi("POST", "/v2/datasets", { name: "late" });
  expected = await expectedItems();
});

describe("walks over both platforms", () => {
  it("has both platforms' datasets, interleaved by time, and counts both totals", async () => {
    // Newest first: Graviti's "late", the Nexus "between", then Graviti's two "early" ones, then the rest.
    expect(expected.slice(0, 4).map((item) => item.provider)).toEqual(["GRAVITI", "NEXUS", "GRAVITI", "GRAVITI"]);
    const data = await mixedData<Answer>(QUERY, { first: 1 }, BOTH);
    expect(data.datasets.totalCount).toBe(expected.length);
  });

  for (const size of [1, 3, 7, 100]) {
    for (const direction of ["forward", "backward"] as const) {
      it(`walks ${direction} with pages of ${size}: every item once, in order, one list call per platform per page`, async () => {
        await clearLogs();
        const { nodes, pages } = await walk<Item>(
          direction,
          size,
          async (args) => (await mixedData<Answer>(QUERY, args, BOTH)).datasets,
        );
        expect(nodes.map((node) => node.id)).toEqual(expected.map((item) => item.id));
        expect(pages).toBe(Math.max(1, Math.ceil(expected.length / size)));
        // Each page is a request of its own, and each needs the head of both lists: exactly one call each.
        expect(await listCalls()).toEqual({ nexus: pages, graviti: pages });
      });
    }
  }

  it("keeps cursors valid across the platforms: after and before a Graviti item give the items around it", async () => {
    // Graviti's "early" datasets, just after the Nexus "between" one.
    const index = expected.findIndex((item, at) => at >= 2 && item.provider === "GRAVITI");
    expect(index).toBe(2);
    const page = await mixedData<Answer>(QUERY, { first: index + 1 }, BOTH);
    const cursor = page.datasets.edges[index]?.cursor;
    const after = await mixedData<Answer>(QUERY, { first: 2, after: cursor }, BOTH);
    expect(after.datasets.edges.map((edge) => edge.node.id)).toEqual(
      expected.slice(index + 1, index + 3).map((item) => item.id),
    );
    const before = await mixedData<Answer>(QUERY, { last: 2, before: cursor }, BOTH);
    expect(before.datasets.edges.map((edge) => edge.node.id)).toEqual(
      expected.slice(Math.max(0, index - 2), index).map((item) => item.id),
    );
  });
});

describe("the README's first cross-platform query", () => {
  it("answers with datasets of both platforms in one page", async () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const block = /```graphql\n(# One page of datasets from Nexus and Graviti[^`]*)```/.exec(readme);
    expect(block, "README has the mixed datasets query").not.toBeNull();
    const data = await mixedData<{ datasets: { edges: { node: { provider: string } }[] } }>(block?.[1] ?? "", {}, BOTH);
    expect(new Set(data.datasets.edges.map((edge) => edge.node.provider))).toEqual(new Set(["NEXUS", "GRAVITI"]));
  });
});

describe("a Graviti workspace of more than one upstream page", () => {
  it("walks 145 Graviti and the Nexus datasets both ways; a page costs at most 2 Graviti list calls", async () => {
    // New datasets (created now, so among the newest) up to 145 in the workspace, more than one page of 128.
    const fillers = 145 - (await allWireDatasets()).length;
    for (let start = 0; start < fillers; start += 10) {
      const names = Array.from({ length: Math.min(10, fillers - start) }, (_, i) => `filler-${start + i}`);
      await Promise.all(names.map((name) => gravitiApi("POST", "/v2/datasets", { name })));
    }
    const all = await expectedItems();
    expect(all.filter((item) => item.provider === "GRAVITI")).toHaveLength(145);
    for (const size of [7, 100]) {
      for (const direction of ["forward", "backward"] as const) {
        await clearLogs();
        const { nodes, pages } = await walk<Item>(
          direction,
          size,
          async (args) => (await mixedData<Answer>(QUERY, args, BOTH)).datasets,
        );
        expect(
          nodes.map((node) => node.id),
          `${direction} ${size}`,
        ).toEqual(all.map((item) => item.id));
        const calls = await listCalls();
        // One call for the total (offset 0, which is also the oldest page), one for the newest 128: ceil(145 / 128).
        expect(calls.graviti, `${direction} ${size}`).toBeLessThanOrEqual(2 * pages);
        expect(calls.nexus, `${direction} ${size}`).toBeLessThanOrEqual(pages);
      }
    }
    const first = await mixedData<Answer>(QUERY, { first: 100 }, BOTH);
    expect(first.datasets.totalCount).toBe(all.length);
  });
});
