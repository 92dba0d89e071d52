/**
 * What Graviti costs the gateway, counted in the emulator's request log: merged `datasets` pages (Nexus and a large
 * Graviti workspace, no `provider` filter) read Graviti around their cursor, wherever it is, and related reads
 * (`nodes`) choose GETs or list reads by what each costs. The large workspace is the emulator's
 * (`largeWorkspace` on the Graviti reset: 2,500 datasets, one a minute with ties of five every 50th minute).
 */
import { beforeAll, describe, expect, it, inject } from "vitest";
import { walk, type Page } from "./helpers";
import {
  GRAVITI,
  NEXUS,
  allWireDatasets,
  gravitiApi,
  gravitiGlobalId,
  mixedData,
  type MixedCaller,
  type WireDataset,
} from "../graviti/helpers";
import { inListOrder, type ListItem } from "../utils/list-order";

const QUERY = `query($first: Int, $after: String, $last: Int, $before: String) {
  datasets(first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id provider createdAt } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on GravitiDataset { name } } }`;

const LARGE_DATASETS = 2_500;

/** The large workspace of this file's tenant, and its key. */
const LARGE = { workspace: `graviti-large-${GRAVITI.name}`, key: `ACCESSKEY-large_${GRAVITI.name}` };
/** Nexus's demo project and Graviti's large workspace: pages merge both. */
const CALLER: MixedCaller = { nexus: NEXUS.demo, graviti: LARGE.key };

interface Counted {
  page: Page<ListItem>;
  ids: string[];
  /** Graviti list calls. */
  calls: number;
  /** Graviti GETs of one dataset. */
  gets: number;
  /** The bytes Graviti answered. */
  bytes: number;
}

async function counted<T>(ask: () => Promise<T>): Promise<{ result: T; calls: number; gets: number; bytes: number }> {
  await GRAVITI.clearRequests();
  const result = await ask();
  const requests = (await GRAVITI.requests()).filter((request) => request.method === "GET");
  const lists = requests.filter((request) => request.path === "/graviti/v2/datasets");
  return {
    result,
    calls: lists.length,
    gets: requests.length - lists.length,
    bytes: requests.reduce((sum, request) => sum + request.bytes, 0),
  };
}

async function datasetsPage(args: Record<string, unknown>): Promise<Counted> {
  const { result, ...costs } = await counted(
    async () => (await mixedData<{ datasets: Page<ListItem> }>(QUERY, args, CALLER)).datasets,
  );
  return { page: result, ids: result.edges.map((edge) => edge.node.id), ...costs };
}

async function resetLarge(): Promise<void> {
  const response = await fetch(`${inject("emulatorUrl")}${GRAVITI.controlPath("reset")}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ largeWorkspace: { datasets: LARGE_DATASETS } }),
  });
  const body = (await response.json()) as { largeWorkspace?: { workspace: string; datasets: number } };
  expect(response.status).toBe(200);
  expect(body.largeWorkspace).toEqual({ workspace: LARGE.workspace, datasets: LARGE_DATASETS });
}

/** Every dataset of a workspace (default the large one), oldest first (the upstream's order). */
const workspaceWire = (key = LARGE.key): Promise<WireDataset[]> => allWireDatasets(key);

/** Every item of the merged list, in the gateway's order. */
async function expectedItems(): Promise<ListItem[]> {
  const nexus = await mixedData<{ datasets: Page<ListItem> }>(QUERY, { first: 100 }, { nexus: NEXUS.demo });
  expect(nexus.datasets.pageInfo.hasNextPage).toBe(false);
  const graviti = (await workspaceWire()).map((dataset) => ({
    id: gravitiGlobalId(dataset),
    provider: "GRAVITI",
    createdAt: new Date(dataset.created_at).toISOString(),
  }));
  return inListOrder([...nexus.datasets.edges.map((edge) => edge.node), ...graviti]);
}

let expected: ListItem[] = [];
/** Every edge cursor of a forward walk in pages of 20, by position. */
const cursorAt: string[] = [];
/** The merged first page of 20: what a page from a cursor may cost (3× its bytes). */
let firstPage: Counted;

beforeAll(async () => {
  await Promise.all([NEXUS.reset(), resetLarge()]);
  expected = await expectedItems();
  expect(expected.filter((item) => item.provider === "GRAVITI")).toHaveLength(LARGE_DATASETS);
  firstPage = await datasetsPage({ first: 20 });
  expect(firstPage.ids).toEqual(expected.slice(0, 20).map((item) => item.id));
}, 120_000);

describe("merged datasets pages over a large Graviti workspace", () => {
  it("has a first page of 20 that costs two Graviti list calls: the total, then the newest datasets", () => {
    expect(firstPage.calls).toBe(2);
    expect(firstPage.gets).toBe(0);
  });

  it("walks forwards in pages of 20: every item once, in order, at most two Graviti list calls a page", async () => {
    const calls: number[] = [];
    const { nodes } = await walk<ListItem>(
      "forward",
      20,
      async (args) => {
        const page = await datasetsPage(args);
        calls.push(page.calls);
        for (const edge of page.page.edges) cursorAt.push(edge.cursor);
        return page.page;
      },
      200,
    );
    expect(nodes.map((node) => node.id)).toEqual(expected.map((item) => item.id));
    expect(Math.max(...calls)).toBeLessThanOrEqual(2);
  }, 300_000);

  it("walks backwards in pages of 100: every item once, in order; the last page reads Graviti whole, every other at most two calls", async () => {
    const calls: number[] = [];
    const { nodes } = await walk<ListItem>(
      "backward",
      100,
      async (args) => {
        const page = await datasetsPage(args);
        calls.push(page.calls);
        return page.page;
      },
      200,
    );
    expect(nodes.map((node) => node.id)).toEqual(expected.map((item) => item.id));
    // The list's end has no cursor: Graviti is read from its newest end to its oldest (the total, then 20 of 128).
    expect(calls[0]).toBeLessThanOrEqual(1 + Math.ceil(LARGE_DATASETS / 128));
    expect(Math.max(...calls.slice(1))).toBeLessThanOrEqual(2);
  }, 300_000);

  it.each([20, 40, 60, 2_000])(
    "reads a page of 20 from a cursor %i deep, forwards and backwards, in at most two Graviti calls and 3× the first page's bytes",
    async (depth) => {
      expect(cursorAt).toHaveLength(expected.length);
      const forward = await datasetsPage({ first: 20, after: cursorAt[depth - 1] });
      expect(forward.ids).toEqual(expected.slice(depth, depth + 20).map((item) => item.id));
      expect(forward.calls).toBeLessThanOrEqual(2);
      expect(forward.gets).toBe(0);
      expect(forward.bytes).toBeLessThanOrEqual(3 * firstPage.bytes);
      expect(forward.page.pageInfo.hasNextPage).toBe(true);

      const backward = await datasetsPage({ last: 20, before: cursorAt[depth] });
      expect(backward.ids).toEqual(expected.slice(depth - 20, depth).map((item) => item.id));
      expect(backward.calls).toBeLessThanOrEqual(2);
      expect(backward.gets).toBe(0);
      expect(backward.bytes).toBeLessThanOrEqual(3 * firstPage.bytes);
      expect(backward.page.pageInfo.hasPreviousPage).toBe(depth > 20);
    },
    60_000,
  );
});

describe("related Graviti reads", () => {
  const idsOf = (items: readonly ListItem[]): string[] => items.map((item) => item.id);
  const graviti = (): ListItem[] => expected.filter((item) => item.provider === "GRAVITI");

  it("reads two datasets with one GET each, and no list call", async () => {
    const wanted = idsOf(graviti().slice(0, 2));
    const { result, calls, gets } = await counted(() =>
      mixedData<{ nodes: { id: string }[] }>(NODES, { ids: wanted }, CALLER),
    );
    expect(result.nodes.map((node) => node.id)).toEqual(wanted);
    expect({ calls, gets }).toEqual({ calls: 0, gets: 2 });
  });

  it("reads three datasets with one GET each while the request knows no total (a list read would cost two calls)", async () => {
    const wanted = idsOf(graviti().slice(0, 3));
    const { result, calls, gets } = await counted(() =>
      mixedData<{ nodes: { id: string }[] }>(NODES, { ids: wanted }, CALLER),
    );
    expect(result.nodes.map((node) => node.id)).toEqual(wanted);
    expect({ calls, gets }).toEqual({ calls: 0, gets: 3 });
  });

  it("reads 30 recent datasets with two list calls (the total, then 45 of the newest), not 30 GETs", async () => {
    const wanted = idsOf(graviti().slice(5, 35));
    const { result, calls, gets, bytes } = await counted(() =>
      mixedData<{ nodes: { id: string }[] }>(NODES, { ids: wanted }, CALLER),
    );
    expect(result.nodes.map((node) => node.id)).toEqual(wanted);
    expect({ calls, gets }).toEqual({ calls: 2, gets: 0 });
    expect(bytes).toBeLessThanOrEqual(3 * firstPage.bytes);
  });

  it("reads 30 datasets spread over the workspace with list reads and a GET each for the few far ones, within the free plan's subrequests", async () => {
    const all = graviti();
    // 26 recent ones, and four from deep in the list.
    const wanted = idsOf(
      [...all.slice(0, 26), all[1_000], all[1_500], all[2_000], all[2_400]].filter((item) => item !== undefined),
    );
    expect(wanted).toHaveLength(30);
    const { result, calls, gets } = await counted(() =>
      mixedData<{ nodes: { id: string }[] }>(NODES, { ids: wanted }, CALLER),
    );
    expect(result.nodes.map((node) => node.id)).toEqual(wanted);
    expect({ calls, gets }).toEqual({ calls: 2, gets: 4 });
  });

  it("answers null for refs of datasets that are gone: a GET each, then one walk of the list for all of them (renamed ones are found by id)", async () => {
    const wanted = idsOf(graviti().slice(0, 3)).map((id) => {
      const text = Buffer.from(id, "base64url").toString("utf8");
      // Another 32-hex id and name in the same workspace: no such dataset, under any name.
      const gone = text.replace(/:[0-9a-f]{32}:/, `:${"0".repeat(32)}:`).replace("large-dataset-", "gone-");
      return Buffer.from(gone, "utf8").toString("base64url");
    });
    const { result, calls, gets } = await counted(() =>
      mixedData<{ nodes: ({ id: string } | null)[] }>(NODES, { ids: wanted }, CALLER),
    );
    expect(result.nodes).toEqual([null, null, null]);
    expect(gets).toBe(3);
    expect(calls).toBeLessThanOrEqual(1 + Math.ceil(LARGE_DATASETS / 128));
  });
});

describe("an empty workspace", () => {
  it("answers empty pages both ways with one Graviti list call each", async () => {
    const other = { graviti: GRAVITI.other.key };
    const names = (await workspaceWire(GRAVITI.other.key)).map((dataset) => dataset.name);
    for (const name of names) {
      const deleted = await gravitiApi(
        "DELETE",
        `/v2/datasets/${GRAVITI.other.workspace}/${name}`,
        undefined,
        other.graviti,
      );
      expect(deleted.status).toBe(204);
    }
    for (const args of [{ first: 5 }, { last: 5 }]) {
      const { result, calls } = await counted(() => mixedData<{ datasets: Page<ListItem> }>(QUERY, args, other));
      expect(result.datasets.edges).toEqual([]);
      expect(result.datasets.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
      expect(calls).toBe(1);
    }
  });
});

describe("with datasets added and removed between pages", () => {
  const idsOf = (items: readonly ListItem[]): string[] => items.map((item) => item.id);

  /** The pages of 20 after and before the item that was 2,000 deep, by the cursors issued before the change. */
  async function pagesAround(): Promise<{ forward: Counted; backward: Counted; now: ListItem[]; at: number }> {
    const now = await expectedItems();
    const at = now.findIndex((item) => item.id === expected[2_000]?.id);
    const forward = await datasetsPage({ first: 20, after: cursorAt[1_999] });
    expect(forward.ids).toEqual(idsOf(now.slice(at, at + 20)));
    const backward = await datasetsPage({ last: 20, before: cursorAt[2_000] });
    expect(backward.ids).toEqual(idsOf(now.slice(at - 20, at)));
    return { forward, backward, now, at };
  }

  it("reads around a cursor 2,000 deep as before when datasets were added: they never move an older one's offset", async () => {
    for (const name of ["added-between-pages-1", "added-between-pages-2"]) {
      expect((await gravitiApi("POST", "/v2/datasets", { name }, LARGE.key)).status).toBe(200);
    }
    const { forward, backward, at } = await pagesAround();
    expect(at).toBe(2_002);
    expect(forward.calls).toBeLessThanOrEqual(2);
    expect(backward.calls).toBeLessThanOrEqual(2);
  }, 60_000);

  it("still gives the items next to a cursor 2,000 deep, each once, in order, when an older dataset was deleted", async () => {
    const old = (await workspaceWire())[50];
    if (old === undefined) throw new Error("large workspace too small");
    const deleted = await gravitiApi("DELETE", `/v2/datasets/${LARGE.workspace}/${old.name}`, undefined, LARGE.key);
    expect(deleted.status).toBe(204);
    const { forward, backward, at } = await pagesAround();
    expect(at).toBe(2_002);
    // Every newer dataset's offset moved by one. Forwards the two reads still meet and reach past the cursor's time;
    // backwards the re-read falls one dataset short of it, so that page walks Graviti from its newest end (bounded).
    expect(forward.calls).toBeLessThanOrEqual(2);
    expect(backward.calls).toBeLessThanOrEqual(1 + Math.ceil(LARGE_DATASETS / 128));
  }, 60_000);
});
