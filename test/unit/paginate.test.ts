/**
 * The pure pagination rule, against fake upstream lists with awkward page sizes, ties, disorder and duplicates:
 * every walk, forwards or backwards, sees every item once in (createDate desc, id asc) order.
 */
import { describe, expect, it } from "vitest";
import { GatewayError } from "../../src/errors";
import type { Connection } from "../../src/pagination/connection";
import { filterFingerprint, paginate, type ConnectionArgs } from "../../src/pagination/paginate";
import { countByWalking, filteredSource, type PageSource } from "../../src/pagination/sources";
import type { SortKey } from "../../src/pagination/sort-key";

interface Item {
  id: string;
  createDate: number;
}

/** 23 items, with ties in createDate, upstream newest first (ties in descending id, unlike our order). */
const ITEMS: Item[] = Array.from({ length: 23 }, (_, index) => ({
  id: `item_${String(index).padStart(2, "0")}`,
  createDate: 1000 - Math.floor(index / 3),
})).sort((a, b) => b.createDate - a.createDate || (a.id < b.id ? 1 : -1));

const EXPECTED = [...ITEMS]
  .sort((a, b) => b.createDate - a.createDate || (a.id < b.id ? -1 : 1))
  .map((item) => item.id);

/** The position key of an item (as a Nexus object's). */
const keyOf = (item: Item): SortKey => ({ createdAt: item.createDate, provider: "NEXUS", ref: item.id });

/** Pages of `size` items; counts how many pages were pulled. */
function source(items: Item[], size: number): PageSource<Item> & { pulled: () => number } {
  let pulled = 0;
  const pages = async function* (): AsyncGenerator<Item[]> {
    for (let start = 0; start < items.length; start += size) {
      pulled += 1;
      yield items.slice(start, start + size);
    }
  };
  return { pages, count: () => countByWalking(pages(), keyOf), pulled: () => pulled };
}

async function page(items: Item[], upstreamSize: number, args: ConnectionArgs): Promise<Connection<Item>> {
  return paginate({
    kind: "items",
    filter: filterFingerprint({}),
    args,
    source: () => source(items, upstreamSize),
    keyOf,
  });
}

async function walkAll(
  items: Item[],
  upstreamSize: number,
  direction: "forward" | "backward",
  size: number,
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const result: Connection<Item> =
      direction === "forward"
        ? await page(items, upstreamSize, { first: size, after: cursor })
        : await page(items, upstreamSize, { last: size, before: cursor });
    const ids = result.edges.map((edge) => edge.node.id);
    if (direction === "forward") seen.push(...ids);
    else seen.unshift(...ids);
    const more = direction === "forward" ? result.pageInfo.hasNextPage : result.pageInfo.hasPreviousPage;
    if (!more) return seen;
    cursor = direction === "forward" ? result.pageInfo.endCursor : result.pageInfo.startCursor;
  }
  throw new Error("walk did not end");
}

describe("paginate", () => {
  for (const upstreamSize of [1, 3, 7, 1000]) {
    for (const size of [1, 2, 3, 7, 100]) {
      it(`walks forwards and backwards with page ${size} over upstream pages of ${upstreamSize}`, async () => {
        expect(await walkAll(ITEMS, upstreamSize, "forward", size)).toEqual(EXPECTED);
        expect(await walkAll(ITEMS, upstreamSize, "backward", size)).toEqual(EXPECTED);
      });
    }
  }

  it("still gives every item once when the upstream is out of order and repeats items across pages", async () => {
    const shuffled = [...ITEMS].reverse();
    const withRepeats = [...shuffled.slice(0, 10), ...shuffled.slice(5, 23)];
    expect(await walkAll(withRepeats, 4, "forward", 3)).toEqual(EXPECTED);
    expect(await walkAll(withRepeats, 4, "backward", 3)).toEqual(EXPECTED);
  });

  it("stops pulling upstream pages once a forward page is settled", async () => {
    const upstream = source(ITEMS, 3);
    await paginate({ kind: "items", filter: "[]", args: { first: 2 }, source: () => upstream, keyOf });
    expect(upstream.pulled()).toBeLessThan(3);
  });

  it("walks to the end when the upstream is out of order", async () => {
    const upstream = source([...ITEMS].reverse(), 3);
    await paginate({ kind: "items", filter: "[]", args: { first: 2 }, source: () => upstream, keyOf });
    expect(upstream.pulled()).toBe(Math.ceil(ITEMS.length / 3));
  });

  it("applies a filtered source before counting the page, and counts what it keeps", async () => {
    const include = (item: Item): boolean => item.id.endsWith("0") || item.id.endsWith("5");
    const result = await paginate({
      kind: "items",
      filter: "[]",
      args: { first: 4 },
      source: () => filteredSource(source(ITEMS, 5), include, keyOf),
      keyOf,
    });
    expect(result.edges.map((edge) => edge.node.id)).toEqual(
      EXPECTED.filter((id) => id.endsWith("0") || id.endsWith("5")).slice(0, 4),
    );
    expect(await result.count?.()).toBe(ITEMS.filter(include).length);
  });

  it.each([
    [{ first: 0 }, 'Argument "first" must be an integer from 1 to 100, got 0.'],
    [{ last: 101 }, 'Argument "last" must be an integer from 1 to 100, got 101.'],
    [{ first: 1.5 }, 'Argument "first" must be an integer from 1 to 100, got 1.5.'],
    [{ after: "%%%" }, 'Argument "after": not a cursor issued by this API. Use a cursor from pageInfo or an edge.'],
  ])("refuses %j before pulling any page", async (args, message) => {
    const upstream = source(ITEMS, 3);
    const attempt = paginate({ kind: "items", filter: "[]", args, source: () => upstream, keyOf });
    await expect(attempt).rejects.toThrow(new GatewayError("BAD_USER_INPUT", message));
    await expect(attempt).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
    expect(upstream.pulled()).toBe(0);
  });

  it("makes filter fingerprints independent of argument and list order", () => {
    expect(filterFingerprint({ b: 1, a: ["Y", "X"], c: null })).toBe(filterFingerprint({ a: ["X", "Y"], b: 1 }));
    expect(filterFingerprint({ a: [] })).toBe(filterFingerprint({}));
  });
});
