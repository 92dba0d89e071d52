/**
 * One request's reads of one ModelArts offset list (the project's datasets, or one dataset's export tasks), so that
 * whatever asks for a range of it within the request (a page, a count, a scan, related reads) costs one call at
 * most for what an earlier read already holds (issue 22: "the dataset list reused within a request"):
 *
 * - a range inside a read already made (or in flight) is cut from it, with no call;
 * - a range past the list's end, once a read has shown where that is (`total_count`, `total_number`), is empty,
 *   with no call;
 * - reads from offset 0 asked for in the same tick (a page and a count, or `datasets` and the `jobs` scan of one
 *   query) become ONE read of the largest size asked, each given its part.
 *
 * Everything is as fresh as the request, as the exact-key cache it replaces was. Across requests the transport's
 * shared reads apply (`upstream/shared-reads.ts`); this module caches nothing beyond its request.
 */
import DataLoader from "dataloader";
import type { OffsetPage } from "../../pagination/sources";

/** One read sent upstream, and its answer once it has come. */
interface Read<T> {
  offset: number;
  limit: number;
  page: Promise<OffsetPage<T>>;
  settled?: OffsetPage<T>;
}

/** The reads of one list within one request. Made by {@link createOffsetPages}. */
export interface OffsetPages<T> {
  /**
   * The items from `offset`, at most `limit` of them, and the list's total: cut from a read already made when one
   * holds the range (see the module comment), else read upstream. Rejects as the fetch does.
   */
  read(offset: number, limit: number): Promise<OffsetPage<T>>;
  /** Waits for every read in flight (whatever their outcome), so that what they found is known. Never rejects. */
  settle(): Promise<void>;
  /** True when a settled read from offset 0 reached the list's end: an item not in it is not in the list. */
  complete(): boolean;
}

/** The part `[offset, offset + limit)` of the answer `page` of a read that started at `from`. */
function cut<T>(page: OffsetPage<T>, from: number, offset: number, limit: number): OffsetPage<T> {
  const start = offset - from;
  return { items: page.items.slice(start, start + limit), total: page.total };
}

/** True when `read` has answered up to its list's end. */
function reachedEnd<T>(read: Read<T>): boolean {
  const page = read.settled;
  return page !== undefined && read.offset + page.items.length >= page.total;
}

/** The read that holds `[offset, offset + limit)` already (settled or in flight), if there is one. */
function holder<T>(reads: readonly Read<T>[], offset: number, limit: number): Read<T> | undefined {
  return reads.find(
    (read) =>
      (read.offset <= offset && (offset + limit <= read.offset + read.limit || reachedEnd(read))) ||
      // Past the end a read has shown: the upstream would answer an empty page.
      (read.settled !== undefined && offset >= read.settled.total),
  );
}

/**
 * Creates the reads of one list over `fetchPage` (one upstream call each). Make one per list and request; it keeps
 * every answer for the request's life.
 */
export function createOffsetPages<T>(
  fetchPage: (offset: number, limit: number) => Promise<OffsetPage<T>>,
): OffsetPages<T> {
  const reads: Read<T>[] = [];
  const send = (offset: number, limit: number): Read<T> => {
    const read: Read<T> = { offset, limit, page: fetchPage(offset, limit) };
    read.page.then(
      (page) => {
        read.settled = page;
      },
      // A failed read holds nothing: forget it, so a later range reads again (the caller has its rejection).
      () => {
        const index = reads.indexOf(read);
        if (index >= 0) reads.splice(index, 1);
      },
    );
    reads.push(read);
    return read;
  };
  const answer = (read: Read<T>, offset: number, limit: number): Promise<OffsetPage<T>> =>
    read.page.then((page) => cut(page, read.offset, offset, limit));
  // Reads from the start asked for in one tick (DataLoader's batch window, keyed by size): one read of the largest.
  const fromStart = new DataLoader<number, OffsetPage<T>>(
    async (limits) => {
      const largest = Math.max(...limits);
      const read = holder(reads, 0, largest) ?? send(0, largest);
      const page = await read.page;
      return limits.map((limit) => cut(page, read.offset, 0, limit));
    },
    { cache: false },
  );
  // Loads from the start not yet sent (their batch waits for the tick's end), for `settle`.
  const waiting = new Set<Promise<OffsetPage<T>>>();
  return {
    read: (offset, limit) => {
      const held = holder(reads, offset, limit);
      if (held !== undefined) return answer(held, offset, limit);
      if (offset !== 0) return answer(send(offset, limit), offset, limit);
      const load = fromStart.load(limit);
      waiting.add(load);
      const forget = () => waiting.delete(load);
      load.then(forget, forget);
      return load;
    },
    settle: async () => {
      await Promise.allSettled([...waiting, ...reads.map((read) => read.page)]);
    },
    complete: () => reads.some((read) => read.offset === 0 && reachedEnd(read)),
  };
}
