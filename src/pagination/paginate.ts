/**
 * Builds a Relay connection page from a page source (pure code: no I/O of its own, no GraphQL).
 *
 * The rule: the list is ordered newest first (`sort-key.ts`), computed here rather than trusted from the upstream,
 * and a cursor is the position key of its item. A page is every item strictly between `after` and `before`, then
 * the first `first`, then the last `last` (the spec's algorithm); duplicates across upstream pages (a list that
 * shifted while we walked) are dropped.
 *
 * The arguments follow the one rule of every connection (`arguments.ts`): checked, and cursors decoded, before any
 * upstream call; `first` with `last` is the spec's first `first`, then the last `last` of those.
 *
 * Cost, for a source read by key range (`source.ranged`, `ranged.ts`; a Nexus job's log): what its reader costs for
 * the page, whatever the arguments; `first` with `last` reads the `first` page and cuts it.
 *
 * Cost, for a source that can be read by position (`source.positioned`, `positioned.ts`; Nexus's lists): a page
 * reads what it needs, `first + 1` items and a quarter more from the start, or two small reads around its cursor
 * (the cursor's hint), in either direction, and reads on only while a run of one time or a filter leaves it short;
 * `first` with `last` (and no `before`) reads the `first` page and cuts it.
 * `last` without `before` reads the list from its start (no upstream has a token for its end). If the upstream is
 * seen out of order, the page is built again the slower way below.
 *
 * Cost, for a merged list that names its parts (`source.lanes`, `sources.ts`; `jobs` and `datasets` over several
 * platforms, ModelArts's export tasks of each dataset): each part as a page of that part alone would cost, from the
 * position of it that the cursor carries (`merged-page.ts`), forwards or backwards.
 *
 * Cost, for any other source (page numbers, offsets), and for `first` with `before` or `last` with `after`: the source is walked from its first page whatever the cursor. A forward page stops walking as soon as
 * the source's own newest-first order guarantees nothing later can enter the page; if the source is ever seen out
 * of order, it walks to the end. A backward page walks to the end, because its items are the oldest ones.
 */
import type { Provider } from "../model";
import { pageArgumentsOf, type ConnectionArgs } from "./arguments";
import { lazyEdge, pageInfoOf, type Connection, type Edge } from "./connection";
import { encodeCursor, type DecodedCursor } from "./cursor";
import { mergedPage } from "./merged-page";
import type { PositionedList } from "./positioned";
import type { RangeReader } from "./ranged";
import { Examiner, readBackward, readForward, readSize, type Candidate, type ReadFrom } from "./positioned-read";
import type { Region } from "./region";
import type { PageSource } from "./sources";
import type { SortKey } from "./sort-key";

// The rule's constants and checks live in `arguments.ts`; re-exported for the modules that import them from here.
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageSize, type ConnectionArgs } from "./arguments";

/** Options of {@link paginate}. */
export interface PaginateOptions<T> {
  /** The connection's name, written into its cursors (e.g. `jobs`); a cursor of another kind is refused. */
  kind: string;
  /** A fingerprint of the filter arguments (see {@link filterFingerprint}); a cursor of other filters is refused. */
  filter: string;
  /**
   * Whose ids the connection's version 1 cursors carry (`cursor.ts`): the connection's own backend, or for a shared
   * list the registry's `VERSION_1_CURSOR_PROVIDER`. Default none: a connection that never issued version 1
   * cursors refuses one as not a cursor of this API.
   */
  v1Provider?: Provider | null | undefined;
  args: ConnectionArgs;
  /** The list, filtered already. Pulled lazily: the walk may stop early. Made only after the arguments passed. */
  source: () => PageSource<T>;
  /** The item's position key. */
  keyOf: (item: T) => SortKey;
  /**
   * True when the client also selects `totalCount`. A list that counts by walking from its start in the largest
   * reads then gives a first page from the first of those reads: one read for both, not two.
   */
  counted?: boolean | undefined;
}

/** A stable text for filter arguments: JSON with sorted keys, `null`/`undefined`/empty lists dropped. */
export function filterFingerprint(filters: Record<string, unknown>): string {
  const entries = Object.entries(filters)
    .filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([name, value]): [string, unknown] => [
      name,
      Array.isArray(value) ? (value as unknown[]).map(String).sort() : value,
    ])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/**
 * Builds one page. Checks the arguments before any upstream call, by the one rule of every connection
 * (`arguments.ts`): a page size outside 1..100 or a bad cursor throws `BAD_USER_INPUT` naming the argument. Without
 * `first` and `last`, the page is the first {@link DEFAULT_PAGE_SIZE} items. Rejects with whatever the page source
 * rejects with. The connection counts with the source's `count()`.
 */
export async function paginate<T>(options: PaginateOptions<T>): Promise<Connection<T>> {
  const { kind, filter, keyOf } = options;
  const {
    first,
    last,
    after: afterCursor,
    before: beforeCursor,
  } = pageArgumentsOf(options.args, kind, filter, options.v1Provider ?? null);
  const source = options.source();
  const ranged = source.ranged;
  if (ranged !== undefined) {
    return {
      ...(await rangedPage(options, ranged, first, last, afterCursor, beforeCursor)),
      count: () => source.count(),
    };
  }
  const lanes = source.lanes;
  if (lanes !== undefined) {
    const page = await mergedPage(
      { kind, filter, keyOf, counted: options.counted === true },
      lanes,
      first,
      last,
      afterCursor,
      beforeCursor,
    );
    // null: arguments of another shape, or a part seen out of order: the merge is walked below. `first` with
    // `last` is the spec's cut of the `first` page, as for a positioned source.
    if (page !== null) {
      return { ...(first !== null && last !== null ? lastOf(page, last) : page), count: () => source.count() };
    }
  }
  const positioned = source.positioned;
  if (positioned !== undefined) {
    let page: Connection<T> | null = null;
    if (first !== null && beforeCursor === null) {
      page = await forwardPage(options, positioned, first, afterCursor);
      if (page !== null && last !== null) page = lastOf(page, last);
    } else if (last !== null && first === null && afterCursor === null) {
      page = await backwardPage(options, positioned, last, beforeCursor);
    }
    // null: the upstream's order was not newest first, so the reads sized to the page cannot be trusted.
    if (page !== null) return { ...page, count: () => source.count() };
  }
  const after = afterCursor?.key ?? null;
  const before = beforeCursor?.key ?? null;

  const examiner = new Examiner(keyOf, () => true, after, before);
  // Upstreams order by time but may break ties their own way, so order is judged on `createdAt` alone.
  let sourceSorted = true;
  let lastCreatedAt = Number.POSITIVE_INFINITY;
  // With `last` too, the page is cut from the first `first` items: those settle it as well.
  const canStopEarly = first !== null;

  // A forward page from the start (a merged list's first page) needs at most its size, one more and a quarter from
  // each source; any other page may have to pass a cursor, so its sources read in their largest pages.
  const firstSize =
    canStopEarly && after === null && first !== null && options.counted !== true ? readSize(first) : undefined;
  for await (const page of source.pages(firstSize)) {
    for (const item of page) {
      const createdAt = keyOf(item).createdAt;
      if (createdAt > lastCreatedAt) sourceSorted = false;
      lastCreatedAt = createdAt;
    }
    examiner.examine(page);
    if (canStopEarly && first !== null && sourceSorted) {
      const boundary = examiner.keepFirst(first + 1)[first];
      // Everything still to come has createdAt <= lastCreatedAt, so it sorts after the boundary item.
      if (boundary !== undefined && lastCreatedAt < boundary.key.createdAt) break;
    }
  }

  const candidates = examiner.sorted();
  const total = candidates.length;
  let selected = candidates;
  if (first !== null) selected = selected.slice(0, first);
  const afterFirst = selected.length;
  if (last !== null) selected = selected.slice(Math.max(0, selected.length - last));

  const edges = selected.map(({ item, key }) => lazyEdge(item, () => encodeCursor({ kind, filter, key })));
  return {
    ...pageOf(
      edges,
      first !== null ? total > first : examiner.sawAfterBefore,
      last !== null ? afterFirst > last : examiner.sawBeforeAfter,
    ),
    count: () => source.count(),
  };
}

/**
 * The last `last` edges of a page of `first` (the rule's `first` with `last`): `hasPreviousPage` then says whether
 * the `first` items held more than `last`; `hasNextPage` stays the `first` page's.
 */
function lastOf<T>(page: Connection<T>, last: number): Connection<T> {
  const edges = page.edges.slice(Math.max(0, page.edges.length - last));
  return pageOf(edges, page.pageInfo.hasNextPage, page.edges.length > last);
}

/** A page of a list read by key range (`ranged.ts`): one read of the reader, its items' cursors, `pageInfo`. */
async function rangedPage<T>(
  options: PaginateOptions<T>,
  reader: RangeReader<T>,
  first: number | null,
  last: number | null,
  after: DecodedCursor | null,
  before: DecodedCursor | null,
): Promise<Connection<T>> {
  const { kind, filter, keyOf } = options;
  const bounds = { after: after?.key ?? null, before: before?.key ?? null };
  const read =
    first !== null
      ? await reader.read({ end: "first", size: first, ...bounds })
      : await reader.read({ end: "last", size: last ?? 0, ...bounds });
  const edges = read.items.map((item) => lazyEdge(item, () => encodeCursor({ kind, filter, key: keyOf(item) })));
  const page = pageOf(edges, read.hasNextPage, read.hasPreviousPage);
  return first !== null && last !== null ? lastOf(page, last) : page;
}

/**
 * Edges of `selected`, each cursor with its item's place in `region` as a hint. The cursors are encoded when read
 * (`lazyEdge`): the region is complete by then (a page's reads are over before it is returned).
 */
function edgesOf<T>(
  options: PaginateOptions<T>,
  selected: Candidate<T>[],
  region: Region<T>,
  maxLimit: number,
): Edge<T>[] {
  let indexOf: Map<T, number> | undefined;
  const hintOf = (item: T) => {
    if (indexOf === undefined) {
      const built = new Map<T, number>();
      region.items.forEach((each, index) => {
        if (!built.has(each)) built.set(each, index);
      });
      indexOf = built;
    }
    const index = indexOf.get(item);
    return index === undefined ? undefined : region.hintAt(index, maxLimit);
  };
  const { kind, filter } = options;
  return selected.map(({ item, key }) => lazyEdge(item, () => encodeCursor({ kind, filter, key, hint: hintOf(item) })));
}

function pageOf<T>(edges: Edge<T>[], hasNextPage: boolean, hasPreviousPage: boolean): Connection<T> {
  return { edges, pageInfo: pageInfoOf(edges, hasNextPage, hasPreviousPage) };
}

/** A start of a page from a decoded cursor: its hint, checked against its own item's time. */
function readFromOf(cursor: DecodedCursor | null): ReadFrom {
  return { start: cursor, bound: cursor?.key ?? null };
}

/**
 * `first` items after `after` (or from the start), by {@link readForward}. After a walk in the largest reads, the
 * chunk holding the page's last item is split next to it, so that the next page re-reads little. Null when the
 * upstream's order turns out not to be newest first.
 */
async function forwardPage<T>(
  options: PaginateOptions<T>,
  list: PositionedList<T>,
  first: number,
  after: DecodedCursor | null,
): Promise<Connection<T> | null> {
  const read = await readForward(list, options.keyOf, first, readFromOf(after), options.counted === true);
  if (read === null) return null;
  const { candidates, region, want } = read;
  const selected = candidates.slice(0, first);
  const endItem = selected.at(-1)?.item;
  // Not for a counted page: its client reads the whole list's size anyway, and the next page costs one re-read of
  // this one's chunk.
  if (endItem !== undefined && options.counted !== true)
    await region.bringBoundaryNear(endItem, "after", 4 * want, list.reader);
  return pageOf(
    edgesOf(options, selected, region, list.reader.maxLimit),
    candidates.length > first,
    read.sawBeforeAfter,
  );
}

/**
 * `last` items before `before` (or the list's last), by {@link readBackward}; after a walk in the largest reads, the
 * chunk holding the page's first item is split next to it. Null when the upstream's order is not newest first.
 */
async function backwardPage<T>(
  options: PaginateOptions<T>,
  list: PositionedList<T>,
  last: number,
  before: DecodedCursor | null,
): Promise<Connection<T> | null> {
  const read = await readBackward(list, options.keyOf, last, readFromOf(before));
  if (read === null) return null;
  const { candidates, region, want } = read;
  const selected = candidates.slice(Math.max(0, candidates.length - last));
  const startItem = selected[0]?.item;
  if (startItem !== undefined) await region.bringBoundaryNear(startItem, "before", 4 * want, list.reader);
  return pageOf(
    edgesOf(options, selected, region, list.reader.maxLimit),
    read.sawAfterBefore,
    candidates.length > last,
  );
}
