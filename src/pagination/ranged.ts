/**
 * Lists read by key range: an upstream that can read the items between two positions of the list directly, with no
 * page tokens at all. A Nexus job's log is one (its only paging tool is time bounds, `backends/nexus/log-pages.ts`).
 * Where a {@link ChunkReader} (`positioned.ts`) reads from boundary tokens that a cursor must carry, a
 * {@link RangeReader} needs nothing but the cursors' position keys, so its cursors carry no hint.
 *
 * `paginate` owns everything else of such a page: the argument rule (`arguments.ts`), the cursors, `first` with
 * `last`, and `pageInfo`. The reader only reads.
 *
 * @see ChunkReader
 */
import type { SortKey } from "./sort-key";

/** What one read asks for: the first or the last `size` items of the range strictly between `after` and `before`. */
export interface RangeRead {
  /** `first`: the newest items of the range (a forward page); `last`: its oldest (a backward page). */
  end: "first" | "last";
  size: number;
  after: SortKey | null;
  before: SortKey | null;
}

/** The items one read gave, in list order, and whether items lie beyond them on either side. */
export interface RangePage<T> {
  items: readonly T[];
  /** Items of the list follow the page (within `before`, when given; the spec's meaning). */
  hasNextPage: boolean;
  /** Items of the list precede the page (within `after`, when given). */
  hasPreviousPage: boolean;
}

/** Reads a list by key range. A backend implements it over its list call. */
export interface RangeReader<T> {
  /** At most `size` items, in list order (`sort-key.ts`). Rejects with the upstream's error. */
  read(request: RangeRead): Promise<RangePage<T>>;
}
