/**
 * Page sources: one interface over every kind of upstream paging, so that `paginate` builds a Relay page the same
 * way whatever the backend does. A source yields its items page by page in the list's order (newest first, see
 * `sort-key.ts`), fetching a page only when asked, and counts its items the cheapest way it knows.
 *
 * - {@link tokenPageSource}: opaque next-page tokens (Nexus `nextPage`).
 * - {@link offsetPageSource}: `offset`/`limit` with a total in every answer (Graviti, ModelArts): counting is one
 *   call, not a walk.
 * - {@link pageNumberSource}: page numbers from 1.
 * - {@link filteredSource}: drops items the upstream cannot filter itself; counting it walks.
 * - {@link mergeSources}: several sorted sources as one, newest first with a stable tie-break, pulling from each
 *   only as far as the merged page needs (at most one call per source for a first page).
 */
import type { Chunk, ChunkReader, PositionedList } from "./positioned";
import type { RangeReader } from "./ranged";
import { compareSortKeys, sortKeyId, type SortKey } from "./sort-key";

/** A list, page by page. */
export interface PageSource<T> {
  /**
   * The items, page by page, in list order; the next page is fetched only when the consumer asks for it.
   * `firstSize`, when given, is what the consumer needs at first (a merged first page: its size, one more and a
   * quarter): a source may make its first upstream read that size instead of its largest, then read on in its
   * largest. Sources that cannot size a read ignore it.
   */
  pages(firstSize?: number): AsyncIterable<readonly T[]>;
  /** How many items the whole list holds (under the source's filters), each id once. */
  count(): Promise<number>;
  /**
   * When the list can be read from any position in reads of any size (`positioned.ts`): how. `paginate` then reads
   * what a page needs instead of walking from the start. Absent for lists that cannot (merged lists, page numbers).
   */
  positioned?: PositionedList<T> | undefined;
  /**
   * When the upstream can read the items between two positions directly (`ranged.ts`; a Nexus job's log): how.
   * `paginate` then asks it for every page, whatever the arguments, instead of walking. Wrappers that change the
   * items (a filter, a merge) drop it, so their pages walk.
   */
  ranged?: RangeReader<T> | undefined;
  /**
   * When the list is several sorted lists merged (`LaneSet`): its parts. `paginate` then reads each part from the
   * cursor's position of it (`merged-page.ts`) instead of walking the merge from its start.
   */
  lanes?: LaneSet<T> | undefined;
}

/*
 * Merged lists as parts: a list made of several sorted lists (each platform's part of `jobs`, each ModelArts
 * dataset's export tasks) says what its parts are, so that a page of it reads each part from where a cursor left it
 * (`merged-page.ts`) instead of walking every part from its start.
 */

/** One part of a merged list. */
export interface Lane<T> {
  /** Its name in cursors (a provider, a dataset id): unique within its list, and stable between requests. */
  id: string;
  /** Its items, newest first: read by position when it can be, else walked. */
  source: PageSource<T>;
  /**
   * Records that reading this part failed: the page then goes on without its items. Absent: the failure is the
   * whole list's, and the page rejects with it.
   */
  fail?(error: unknown): void;
}

/** The parts of a merged list. */
export interface LaneSet<T> {
  /**
   * The parts a page reads: every one, or with `only`, those named (ids a cursor of this list carries, see
   * {@link LaneSet.forwardNeedsOnlyKnown}); an id that names no part is left out. Rejects with the error of the
   * read that finds the parts, if there is one.
   */
  lanes(only?: readonly string[]): Promise<readonly Lane<T>[]>;
  /**
   * True when a forward page from a cursor of this list needs only the parts the cursor says may still hold items
   * after it: the list's parts gain items only at their newest end (an item is created with the time of its
   * creation), and a part made after the cursor holds only newer items. Then the others are not read at all.
   */
  forwardNeedsOnlyKnown: boolean;
}

/** Counts the distinct items of a source by walking it (for sources with no cheaper way). */
export async function countByWalking<T>(
  pages: AsyncIterable<readonly T[]>,
  keyOf: (item: T) => SortKey,
): Promise<number> {
  const ids = new Set<string>();
  for await (const page of pages) for (const item of page) ids.add(sortKeyId(keyOf(item)));
  return ids.size;
}

/** One page of a token-paged list. */
export interface TokenPage<T> {
  items: readonly T[];
  /** The token of the next page; null or "" at the end. */
  next: string | null;
}

/**
 * A source over opaque page tokens. `fetchPage(null)` is the first page. Stops at the end and on a token it has
 * already followed (a looping upstream must not loop us). The caller caches pages (the loaders do, per request).
 */
export function tokenPageSource<T>(
  fetchPage: (token: string | null, size?: number) => Promise<TokenPage<T>>,
  keyOf: (item: T) => SortKey,
): PageSource<T> {
  const pages = async function* (firstSize?: number): AsyncGenerator<readonly T[], void, undefined> {
    const seen = new Set<string>();
    let token: string | null = null;
    let size = firstSize;
    for (;;) {
      const page: TokenPage<T> = await fetchPage(token, size);
      size = undefined;
      yield page.items;
      const next = page.next;
      if (next === null || next === "" || seen.has(next)) return;
      seen.add(next);
      token = next;
    }
  };
  return { pages, count: () => countByWalking(pages(), keyOf) };
}

/** One page of an offset-paged list. */
export interface OffsetPage<T> {
  items: readonly T[];
  /** The whole list's size, as the upstream says in every answer. */
  total: number;
}

/**
 * A source over `offset`/`limit`. Walks from offset 0 in steps of the items received, until the upstream's total
 * is reached or a page comes back empty (a list that shrank while we walked). `count()` is the upstream's total,
 * read from the first page (one call, shared with `pages()` through `fetchPage`'s cache, if it has one).
 */
export function offsetPageSource<T>(
  fetchPage: (offset: number, limit: number) => Promise<OffsetPage<T>>,
  limit: number,
): PageSource<T> {
  return {
    pages: async function* (firstSize?: number) {
      let offset = 0;
      let size = Math.min(limit, firstSize ?? limit);
      for (;;) {
        const page = await fetchPage(offset, size);
        size = limit;
        if (page.items.length === 0) return;
        yield page.items;
        offset += page.items.length;
        if (offset >= page.total) return;
      }
    },
    count: async () => (await fetchPage(0, limit)).total,
  };
}

/** An offset this reader did not write (a forged cursor): refused like an expired token, so the page walks. */
class NotAnOffset extends Error {}

function offsetOf(token: string): number {
  if (!/^\d{1,9}$/.test(token)) throw new NotAnOffset(token.slice(0, 20));
  return Number(token);
}

/**
 * A reader by position (`positioned.ts`) over `offset`/`limit`, for lists the upstream orders newest first: a token
 * is an offset, so a page can be read from anywhere, after or before it, at the size it needs.
 */
export function offsetChunkReader<T>(
  fetchPage: (offset: number, limit: number) => Promise<OffsetPage<T>>,
  maxLimit: number,
): ChunkReader<T> {
  const chunkAt = async (offset: number, limit: number): Promise<Chunk<T>> => {
    const page = limit > 0 ? await fetchPage(offset, limit) : { items: [], total: offset };
    const end = offset + page.items.length;
    return {
      items: page.items,
      head: offset > 0 ? String(offset) : null,
      tail: page.items.length > 0 && end < page.total ? String(end) : null,
    };
  };
  return {
    after: (token, limit) => chunkAt(token === null ? 0 : offsetOf(token), limit),
    before: (token, limit) => {
      const end = offsetOf(token);
      const start = Math.max(0, end - limit);
      return chunkAt(start, end - start);
    },
    maxLimit,
    isRefusedToken: (error) => error instanceof NotAnOffset,
  };
}

/** One page of a page-numbered list. */
export interface NumberedPage<T> {
  items: readonly T[];
  /** True when a later page exists. */
  hasMore: boolean;
  /** The whole list's size, when the upstream says. */
  total?: number;
}

/** A source over page numbers from 1, `size` items each. Counts from the upstream's total when it gives one. */
export function pageNumberSource<T>(
  fetchPage: (page: number, size: number) => Promise<NumberedPage<T>>,
  size: number,
  keyOf: (item: T) => SortKey,
): PageSource<T> {
  const pages = async function* (): AsyncGenerator<readonly T[], void, undefined> {
    for (let number = 1; ; number += 1) {
      const page = await fetchPage(number, size);
      if (page.items.length === 0) return;
      yield page.items;
      if (!page.hasMore) return;
    }
  };
  return {
    pages,
    count: async () => (await fetchPage(1, size)).total ?? countByWalking(pages(), keyOf),
  };
}

/** Options of {@link filteredSource}. */
export interface FilterOptions {
  /** The filter may leave out most items (see `PositionedList.sparse`). */
  sparse?: boolean;
}

/** The items of `source` for which `include` is true. Counting walks (the upstream's total counts the rest too). */
export function filteredSource<T>(
  source: PageSource<T>,
  include: (item: T) => boolean,
  keyOf: (item: T) => SortKey,
  options: FilterOptions = {},
): PageSource<T> {
  const pages = async function* (firstSize?: number): AsyncGenerator<readonly T[], void, undefined> {
    // A filter that may leave few items gets nothing from a small first read.
    for await (const page of source.pages(options.sparse === true ? undefined : firstSize)) yield page.filter(include);
  };
  const inner = source.positioned;
  const positioned: PositionedList<T> | undefined =
    inner === undefined
      ? undefined
      : {
          ...inner,
          include: (item) => inner.include(item) && include(item),
          sparse: inner.sparse === true || options.sparse === true,
        };
  // A merged list stays merged: each part filtered alike, so a page still reads each part from its position.
  const parts = source.lanes;
  const lanes: LaneSet<T> | undefined =
    parts === undefined
      ? undefined
      : {
          ...parts,
          lanes: async (only) =>
            (await parts.lanes(only)).map((lane) => ({
              ...lane,
              source: filteredSource(lane.source, include, keyOf, options),
            })),
        };
  return { pages, count: () => countByWalking(pages(), keyOf), positioned, lanes };
}

interface MergeLane<T> {
  iterator: AsyncIterator<readonly T[]>;
  buffer: T[];
  done: boolean;
}

async function refill<T>(lane: MergeLane<T>): Promise<void> {
  while (lane.buffer.length === 0 && !lane.done) {
    const next = await lane.iterator.next();
    if (next.done === true) lane.done = true;
    else lane.buffer.push(...next.value);
  }
}

/**
 * `source`, with its failures kept to itself, for one part of a merged list whose failure must not fail the others:
 * a failed walk ends the part's items, a failed count is 0, and the error goes to `onFailure`. Failures `isolates`
 * refuses (default: none) are thrown as they are. The wrapper reads only by walking (no `positioned`, `ranged` or
 * `lanes`).
 */
export function isolatedSource<T>(
  source: PageSource<T>,
  onFailure: (error: unknown) => void,
  isolates: (error: unknown) => boolean = () => true,
): PageSource<T> {
  return {
    pages: async function* (firstSize?: number) {
      try {
        yield* source.pages(firstSize);
      } catch (error) {
        if (!isolates(error)) throw error;
        onFailure(error);
      }
    },
    count: async () => {
      try {
        return await source.count();
      } catch (error) {
        if (!isolates(error)) throw error;
        onFailure(error);
        return 0;
      }
    },
  };
}

/**
 * Several sources as one list in the order of `keyOf` (see `sort-key.ts`). Each source must yield in that order
 * for the merge to be in order (`paginate` checks the order it sees and walks to the end when it is not). A page
 * of the merge is emitted whenever one lane runs dry, and that lane alone is refilled, so a consumer that stops
 * early has pulled from each source only the pages it needed. `count()` adds the sources' counts.
 */
export function mergeSources<T>(sources: readonly PageSource<T>[], keyOf: (item: T) => SortKey): PageSource<T> {
  if (sources.length === 1 && sources[0] !== undefined) return sources[0];
  return {
    pages: async function* (firstSize?: number) {
      // Each lane may have to fill the whole first page: each gets the same first size.
      const lanes: MergeLane<T>[] = sources.map((source) => ({
        iterator: source.pages(firstSize)[Symbol.asyncIterator](),
        buffer: [],
        done: false,
      }));
      try {
        await Promise.all(lanes.map(refill));
        for (;;) {
          const merged: T[] = [];
          for (;;) {
            let best: MergeLane<T> | null = null;
            for (const lane of lanes) {
              const head = lane.buffer[0];
              const bestHead = best?.buffer[0];
              if (head !== undefined && (bestHead === undefined || compareSortKeys(keyOf(head), keyOf(bestHead)) < 0)) {
                best = lane;
              }
            }
            const item = best?.buffer.shift();
            if (best === null || item === undefined) break;
            merged.push(item);
            // Its next item may be on a page not fetched yet: refill before comparing again.
            if (best.buffer.length === 0 && !best.done) break;
          }
          if (merged.length > 0) yield merged;
          const dry = lanes.filter((lane) => lane.buffer.length === 0 && !lane.done);
          if (dry.length === 0 && lanes.every((lane) => lane.buffer.length === 0)) return;
          await Promise.all(dry.map(refill));
        }
      } finally {
        await Promise.all(lanes.map((lane) => lane.iterator.return?.() ?? Promise.resolve()));
      }
    },
    count: async () => (await Promise.all(sources.map((source) => source.count()))).reduce((sum, n) => sum + n, 0),
  };
}
