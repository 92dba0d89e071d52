/**
 * Pages read by position (`src/pagination/positioned.ts`): against in-memory lists that page like Nexus (keyset
 * tokens in both directions, ties broken the upstream's own way) and like an offset API whose tokens go wrong when
 * the list changes. Every walk, forwards or backwards, with several page sizes, sees every item once in the
 * gateway's order; a page from a cursor costs at most two reads, each sized to the page; a cursor whose hint is
 * forged, refused or outrun by changes still gives the right page, by walking.
 */
import { describe, expect, it } from "vitest";
import type { Connection } from "../../src/pagination/connection";
import { filterFingerprint, paginate, type ConnectionArgs } from "../../src/pagination/paginate";
import type { Chunk, ChunkReader } from "../../src/pagination/positioned";
import { countByWalking, filteredSource, mergeSources, type PageSource } from "../../src/pagination/sources";
import type { SortKey } from "../../src/pagination/sort-key";
import { base64UrlDecode, base64UrlEncode } from "../../src/encoding/base64url";

interface Item {
  id: string;
  createDate: number;
}

const keyOf = (item: Item): SortKey => ({ createdAt: item.createDate, provider: "NEXUS", ref: item.id });

/** Upstream order: newest first, ties by id descending (the gateway's order breaks them ascending). */
function upstreamOrder(items: Item[]): Item[] {
  return [...items].sort((a, b) => b.createDate - a.createDate || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

function gatewayOrder(items: Item[]): string[] {
  return [...items].sort((a, b) => b.createDate - a.createDate || (a.id < b.id ? -1 : 1)).map((item) => item.id);
}

/** `count` items, one a second going back, with runs of one time (5 at once every 40th, 30 at once once). */
function makeItems(count: number): Item[] {
  const items: Item[] = [];
  let time = 1_000_000;
  for (let index = 0; index < count;) {
    const run = index === 137 ? 30 : index % 40 === 39 ? 5 : 1;
    for (let member = 0; member < run && index < count; member++, index++) {
      items.push({ id: `item_${String(index).padStart(5, "0")}`, createDate: time });
    }
    time -= 1000;
  }
  return upstreamOrder(items);
}

interface Read {
  token: string | null;
  limit: number;
}

/**
 * A list that pages like the emulator's Nexus: a token holds a direction and the key of the row it continues from,
 * so reads stay right while rows come and go. Counts every read.
 */
class KeysetList {
  readonly reads: Read[] = [];
  constructor(public items: Item[]) {}

  private static token(direction: "n" | "p", item: Item): string {
    return base64UrlEncode(JSON.stringify([direction, item.createDate, item.id]));
  }

  /** Position of the first row older than `[createDate, id]` (upstream order). */
  private olderThan(createDate: number, id: string): number {
    const index = this.items.findIndex(
      (item) => item.createDate < createDate || (item.createDate === createDate && item.id < id),
    );
    return index === -1 ? this.items.length : index;
  }

  read(token: string | null, limit: number): Chunk<Item> {
    this.reads.push({ token, limit });
    let start = 0;
    let end: number;
    if (token === null) end = Math.min(this.items.length, limit);
    else {
      const text = base64UrlDecode(token);
      if (text === null) throw new RefusedToken();
      const [direction, createDate, id] = JSON.parse(text) as ["n" | "p", number, string];
      if (direction === "n") {
        start = this.olderThan(createDate, id);
        end = Math.min(this.items.length, start + limit);
      } else {
        // The `limit` rows just newer than the key: those before its position.
        const position = this.items.findIndex(
          (item) => item.createDate < createDate || (item.createDate === createDate && item.id <= id),
        );
        end = position === -1 ? this.items.length : position;
        start = Math.max(0, end - limit);
      }
    }
    const rows = this.items.slice(start, end);
    const first = rows[0];
    const last = rows.at(-1);
    return {
      items: rows,
      head: first !== undefined && start > 0 ? KeysetList.token("p", first) : null,
      tail: last !== undefined && end < this.items.length ? KeysetList.token("n", last) : null,
    };
  }
}

/** An offset API: a token is a position, so a row added or removed before it shifts what it reads. */
class OffsetList {
  readonly reads: Read[] = [];
  constructor(public items: Item[]) {}

  after(token: string | null, limit: number): Chunk<Item> {
    this.reads.push({ token, limit });
    const start = token === null ? 0 : Number(token);
    return this.chunk(start, Math.min(this.items.length, start + limit));
  }

  before(token: string, limit: number): Chunk<Item> {
    this.reads.push({ token, limit });
    const end = Math.min(this.items.length, Number(token));
    return this.chunk(Math.max(0, end - limit), end);
  }

  private chunk(start: number, end: number): Chunk<Item> {
    return {
      items: this.items.slice(start, end),
      head: start > 0 ? String(start) : null,
      tail: end < this.items.length ? String(end) : null,
    };
  }
}

class RefusedToken extends Error {}

function keysetReader(list: KeysetList): ChunkReader<Item> {
  const read = async (token: string | null, limit: number) => list.read(token, limit);
  return { after: read, before: read, maxLimit: 1000, isRefusedToken: (error) => error instanceof RefusedToken };
}

function offsetReader(list: OffsetList): ChunkReader<Item> {
  return {
    after: async (token, limit) => list.after(token, limit),
    before: async (token, limit) => list.before(token, limit),
    maxLimit: 1000,
    isRefusedToken: () => false,
  };
}

/** A source that can only be walked from the start (as before positioned reads), for what walking costs. */
function sourceOver(
  reader: ChunkReader<Item>,
  items: () => Item[],
  include: (item: Item) => boolean = () => true,
): PageSource<Item> {
  const pages = async function* (): AsyncGenerator<Item[]> {
    let token: string | null = null;
    for (;;) {
      const chunk: Chunk<Item> = await reader.after(token, 1000);
      yield chunk.items.filter(include);
      if (chunk.tail === null) return;
      token = chunk.tail;
    }
  };
  void items;
  return { pages, count: () => countByWalking(pages(), keyOf), positioned: { provider: "NEXUS", reader, include } };
}

function page(
  source: PageSource<Item>,
  args: ConnectionArgs,
  filter = filterFingerprint({}),
): Promise<Connection<Item>> {
  return paginate({ kind: "items", filter, args, source: () => source, keyOf });
}

interface WalkResult {
  ids: string[];
  /** Reads each page made, in walk order. */
  readsPerPage: number[];
  /** Items each page read, in walk order. */
  itemsPerPage: number[];
}

async function walk(
  source: PageSource<Item>,
  reads: Read[],
  direction: "forward" | "backward",
  size: number,
  between: (pageNumber: number, seen: readonly string[]) => void = () => {},
): Promise<WalkResult> {
  const ids: string[] = [];
  const readsPerPage: number[] = [];
  const itemsPerPage: number[] = [];
  let cursor: string | null = null;
  for (let pageNumber = 0; pageNumber < 5000; pageNumber += 1) {
    const before = reads.length;
    const result: Connection<Item> =
      direction === "forward"
        ? await page(source, { first: size, after: cursor })
        : await page(source, { last: size, before: cursor });
    const made = reads.slice(before);
    readsPerPage.push(made.length);
    itemsPerPage.push(made.reduce((sum, read) => sum + read.limit, 0));
    const pageIds = result.edges.map((edge) => edge.node.id);
    if (direction === "forward") ids.push(...pageIds);
    else ids.unshift(...pageIds);
    const more = direction === "forward" ? result.pageInfo.hasNextPage : result.pageInfo.hasPreviousPage;
    if (!more) return { ids, readsPerPage, itemsPerPage };
    cursor = direction === "forward" ? result.pageInfo.endCursor : result.pageInfo.startCursor;
    between(pageNumber, ids);
  }
  throw new Error("walk did not end");
}

describe("pages read by position, over keyset tokens", () => {
  const items = makeItems(2500);
  const expected = gatewayOrder(items);

  it.each([1, 3, 7, 20, 100])(
    "walks forwards with first: %i, every item once, at most two reads sized to the page",
    async (size) => {
      const list = new KeysetList(items);
      const result = await walk(
        sourceOver(keysetReader(list), () => list.items),
        list.reads,
        "forward",
        size,
      );
      expect(result.ids).toEqual(expected);
      // The first page is one read; a page next to a run of one time longer than its reads read on.
      expect(result.readsPerPage[0]).toBe(1);
      const quiet = result.readsPerPage.filter((reads) => reads <= 2).length;
      expect(quiet / result.readsPerPage.length).toBeGreaterThanOrEqual(0.85);
      // A page reads itself, a quarter more, and the three items around its cursor again.
      const median = [...result.itemsPerPage].sort((a, b) => a - b)[Math.floor(result.itemsPerPage.length / 2)] ?? 0;
      expect(result.itemsPerPage[0]).toBe(size + 1 + Math.ceil(size / 4));
      expect(median).toBeLessThanOrEqual(size + 1 + Math.ceil(size / 4) + 3);
      // Never a read of the whole list's size after the first page.
      expect(Math.max(...list.reads.slice(1).map((read) => read.limit))).toBeLessThan(1000);
    },
  );

  it.each([1, 7, 20, 100])(
    "walks backwards with last: %i from the end, every item once; after the first page, at most two reads a page",
    async (size) => {
      const list = new KeysetList(items);
      const result = await walk(
        sourceOver(keysetReader(list), () => list.items),
        list.reads,
        "backward",
        size,
      );
      expect(result.ids).toEqual(expected);
      // The first page (the end of the list, no cursor) reads the list from its start (the upstream has no token for
      // its end), then two reads for tokens next to the page.
      expect(result.readsPerPage[0]).toBeGreaterThanOrEqual(Math.ceil(items.length / 1000));
      expect(result.readsPerPage[0]).toBeLessThanOrEqual(Math.ceil(items.length / 1000) + 2);
      const later = result.readsPerPage.slice(1);
      expect(later.filter((reads) => reads <= 2).length / later.length).toBeGreaterThanOrEqual(0.85);
      const median = [...result.itemsPerPage.slice(1)].sort((a, b) => a - b)[Math.floor(later.length / 2)] ?? 0;
      expect(median).toBeLessThanOrEqual(size + 1 + Math.ceil(size / 4) + 4);
    },
  );

  it("reads a backward page from a cursor of a forward walk in two reads, and the same items as walking would", async () => {
    const list = new KeysetList(items);
    const source = sourceOver(keysetReader(list), () => list.items);
    let cursor: string | null = null;
    const cursors: string[] = [];
    for (let index = 0; index < 60; index++) {
      const result: Connection<Item> = await page(source, { first: 20, after: cursor });
      cursor = result.pageInfo.endCursor;
      if (cursor !== null) cursors.push(cursor);
    }
    for (const at of [cursors[5], cursors[30], cursors[59]]) {
      const readsBefore = list.reads.length;
      const backward = await page(source, { last: 20, before: at });
      expect(list.reads.length - readsBefore).toBeLessThanOrEqual(2);
      const position = expected.indexOf(backward.edges.at(-1)?.node.id ?? "");
      const cursorId = expected[position + 1];
      expect(backward.edges.map((edge) => edge.node.id)).toEqual(expected.slice(position - 19, position + 1));
      expect(cursorId).toBeDefined();
      expect(backward.pageInfo.hasPreviousPage).toBe(true);
      expect(backward.pageInfo.hasNextPage).toBe(true);
    }
  });

  it("stays right while items are added at the top and removed between pages", async () => {
    const list = new KeysetList([...items]);
    let added = 0;
    const removed = new Set<string>();
    const result = await walk(
      sourceOver(keysetReader(list), () => list.items),
      list.reads,
      "forward",
      20,
      (pageNumber, seen) => {
        // A new job at the top, and one not seen yet removed: on even pages the very next one (the item the last page
        // read to know that more follow), on odd pages one further on.
        list.items = upstreamOrder([...list.items, { id: `new_${added++}`, createDate: 2_000_000 + pageNumber }]);
        const seenIds = new Set(seen);
        const unseen = list.items.filter((item) => !item.id.startsWith("new_") && !seenIds.has(item.id));
        const victim = pageNumber % 2 === 0 ? unseen[0] : unseen[17];
        if (victim !== undefined) {
          removed.add(victim.id);
          list.items = list.items.filter((item) => item !== victim);
        }
      },
    );
    const want = expected.filter((id) => !removed.has(id));
    expect(result.ids).toEqual(want);
  });

  it("gives the right page for a forged hint, and for a token the upstream refuses", async () => {
    const list = new KeysetList(items);
    const source = sourceOver(keysetReader(list), () => list.items);
    const first = await page(source, { first: 20 });
    const second = await page(source, { first: 20, after: first.pageInfo.endCursor });
    const cursor = JSON.parse(base64UrlDecode(second.pageInfo.endCursor ?? "") ?? "{}") as Record<string, unknown>;
    const third = (await page(source, { first: 20, after: second.pageInfo.endCursor })).edges.map(
      (edge) => edge.node.id,
    );
    const forge = (hint: unknown) => base64UrlEncode(JSON.stringify({ ...cursor, h: hint }));
    // A token far ahead of the item (its re-read starts after the item's time), one that does not decode, and one
    // far behind it.
    const ahead = list.read(null, 1000).tail;
    const behind = list.read(null, 1).tail;
    for (const hint of [
      { a: [ahead, 3] },
      { a: ["%%%", 3] },
      { a: [behind, 3] },
      { b: [ahead, 3] },
      { s: [ahead, 5] },
      { z: 3 },
    ]) {
      const edges = (await page(source, { first: 20, after: forge(hint) })).edges.map((edge) => edge.node.id);
      expect(edges).toEqual(third);
    }
  });

  it("shows only the items a filter keeps, reading on until the page is full", async () => {
    const list = new KeysetList(items);
    const even = (item: Item) => Number(item.id.slice(5)) % 2 === 0;
    const base = sourceOver(keysetReader(list), () => list.items);
    const source = filteredSource(base, even, keyOf);
    const result = await walk(source, list.reads, "forward", 20);
    expect(result.ids).toEqual(expected.filter((id) => Number(id.slice(5)) % 2 === 0));
    expect(Math.max(...result.readsPerPage.slice(1))).toBeLessThanOrEqual(3);
  });
});

describe("pages read by position, over offset tokens", () => {
  const items = makeItems(800);
  const expected = gatewayOrder(items);

  it.each([1, 7, 20])("walks both ways with size %i, every item once", async (size) => {
    for (const direction of ["forward", "backward"] as const) {
      const list = new OffsetList(items);
      const result = await walk(
        sourceOver(offsetReader(list), () => list.items),
        list.reads,
        direction,
        size,
      );
      expect(result.ids).toEqual(expected);
    }
  });

  it("never skips an item when rows are removed before the cursor between pages (the offsets then point too far)", async () => {
    const list = new OffsetList([...items]);
    const seenBefore = new Set<string>();
    const result = await walk(
      sourceOver(offsetReader(list), () => list.items),
      list.reads,
      "forward",
      20,
      () => {
        // Remove an item the walk has already passed: every later offset now reads one row too far.
        const passed = list.items.find((item) => !seenBefore.has(item.id));
        void passed;
        const victim = list.items[1];
        if (victim !== undefined) {
          seenBefore.add(victim.id);
          list.items = list.items.filter((item) => item !== victim);
        }
      },
    );
    const remaining = new Set(list.items.map((item) => item.id));
    // Every item still there at the end was seen exactly once, in order.
    const seen = result.ids.filter((id) => remaining.has(id));
    expect(seen).toEqual(expected.filter((id) => remaining.has(id)));
    expect(new Set(result.ids).size).toBe(result.ids.length);
  });
});

describe("merged pages read by position, each part from the cursor's position of it", () => {
  /** Two keyset lists whose items interleave in time (ties included), merged as two parts. */
  function mergedOver(a: KeysetList, b: KeysetList): PageSource<Item> {
    const parts = [
      { id: "a", source: sourceOver(keysetReader(a), () => a.items) },
      { id: "b", source: sourceOver(keysetReader(b), () => b.items) },
    ];
    const merged = mergeSources(
      parts.map((part) => part.source),
      keyOf,
    );
    return { ...merged, lanes: { lanes: () => Promise.resolve(parts), forwardNeedsOnlyKnown: false } };
  }

  for (const size of [1, 3, 7, 100]) {
    for (const direction of ["forward", "backward"] as const) {
      it(`walks ${direction} in pages of ${size} while items are added and removed: each once, in order, at most 2 reads a part`, async () => {
        const all = makeItems(300);
        const a = new KeysetList(all.filter((_, index) => index % 2 === 0));
        const b = new KeysetList(all.filter((_, index) => index % 2 === 1));
        const initial = gatewayOrder([...a.items, ...b.items]);
        const removed = new Set<string>();
        let added = 0;
        const reads: Read[] = [];
        const source = mergedOver(a, b);
        const counted = { a: 0, b: 0 };
        const perPage: number[] = [];
        const result = await walk(source, reads, direction, size, (pageNumber, seen) => {
          perPage.push(Math.max(a.reads.length - counted.a, b.reads.length - counted.b));
          counted.a = a.reads.length;
          counted.b = b.reads.length;
          // A new item at the top of one part (on the first pages: a backward walk in pages of 1 must catch up),
          // and an unseen one of the other removed.
          if (pageNumber < 10)
            a.items = upstreamOrder([...a.items, { id: `new_${added++}`, createDate: 2_000_000 + pageNumber }]);
          const seenIds = new Set(seen);
          const victim = b.items.find(
            (item) => !seenIds.has(item.id) && (pageNumber % 3 === 0 || item.id > "item_001"),
          );
          if (victim !== undefined) {
            removed.add(victim.id);
            b.items = b.items.filter((item) => item !== victim);
          }
        });
        // Forwards, the new items are behind the cursor; backwards, the walk reaches the top last and sees them.
        const want =
          direction === "forward" ? initial.filter((id) => !removed.has(id)) : gatewayOrder([...a.items, ...b.items]);
        expect(result.ids).toEqual(want);
        // Pages from a cursor read each part around its position: at most two reads of each.
        for (const [index, count] of perPage.slice(1).entries())
          expect(count, `page ${index + 2}`).toBeLessThanOrEqual(2);
      });
    }
  }

  it("gives the right page for a forged position of a part", async () => {
    const all = makeItems(200);
    const a = new KeysetList(all.filter((_, index) => index % 2 === 0));
    const b = new KeysetList(all.filter((_, index) => index % 2 === 1));
    const source = mergedOver(a, b);
    const expected = gatewayOrder(all);
    const first = await page(source, { first: 50 });
    const cursor = first.pageInfo.endCursor ?? "";
    const record = JSON.parse(base64UrlDecode(cursor) ?? "{}") as Record<string, unknown>;
    // Point part b's position at the list's start and at a token it never wrote: the page must not change.
    for (const forged of [
      { b: { a: [base64UrlEncode(JSON.stringify(["n", 1, "zzz"])), 3] } },
      { b: { s: [null, 1] } },
      { b: "nonsense" },
    ]) {
      const after = base64UrlEncode(JSON.stringify({ ...record, m: { ...(record["m"] as object), ...forged } }));
      const next = await page(source, { first: 20, after });
      expect(next.edges.map((edge) => edge.node.id)).toEqual(expected.slice(50, 70));
    }
  });
});
