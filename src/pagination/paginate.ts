/**
 * Builds a Relay connection page from a page source (pure code: no I/O of its own, no GraphQL).
 *
 * The rule: the list is ordered newest first (`sort-key.ts`), computed here rather than trusted from the upstream,
 * and a cursor is the position key of its item. A page is every item strictly between `after` and `before`, then
 * the first `first`, then the last `last` (the spec's algorithm). The source is walked from its first page whatever
 * the cursor (upstream page tokens cannot be derived from our cursors); duplicates across upstream pages (a list
 * that shifted while we walked) are dropped.
 *
 * Cost: a forward page (`first`, without `last`) stops walking as soon as the source's own newest-first order
 * guarantees nothing later can enter the page; if the source is ever seen out of order, it walks to the end.
 * A backward page (`last`) always walks to the end, because its items are the oldest ones.
 */
import { badUserInput } from "../errors";
import type { Connection } from "./connection";
import { decodeCursor, encodeCursor } from "./cursor";
import type { PageSource } from "./sources";
import { compareSortKeys, sortKeyId, type SortKey } from "./sort-key";

/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;
/** Page size when the client gives neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 20;

/** The Relay arguments of a connection field. */
export interface ConnectionArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}

/** Options of {@link paginate}. */
export interface PaginateOptions<T> {
  /** The connection's name, written into its cursors (e.g. `jobs`); a cursor of another kind is refused. */
  kind: string;
  /** A fingerprint of the filter arguments (see {@link filterFingerprint}); a cursor of other filters is refused. */
  filter: string;
  args: ConnectionArgs;
  /** The list, filtered already. Pulled lazily: the walk may stop early. Made only after the arguments passed. */
  source: () => PageSource<T>;
  /** The item's position key. */
  keyOf: (item: T) => SortKey;
}

/** The page size in `value`, or null when not given. Throws `BAD_USER_INPUT` naming the argument otherwise. */
export function pageSize(value: number | null | undefined, name: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw badUserInput(`Argument "${name}" must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${value}.`);
  }
  return value;
}

/** A stable text for filter arguments: JSON with sorted keys, `null`/`undefined`/empty lists dropped. */
export function filterFingerprint(filters: Record<string, unknown>): string {
  const entries = Object.entries(filters)
    .filter(([, value]) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([name, value]): [string, unknown] => [name, Array.isArray(value) ? [...value].map(String).sort() : value])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

interface Candidate<T> {
  item: T;
  key: SortKey;
}

/**
 * Builds one page. Validates the arguments before any upstream call: a page size outside 1..100 or a bad cursor
 * throws `BAD_USER_INPUT`. Without `first` and `last`, the page is the first {@link DEFAULT_PAGE_SIZE} items.
 * Rejects with whatever the page source rejects with. The connection counts with the source's `count()`.
 */
export async function paginate<T>(options: PaginateOptions<T>): Promise<Connection<T>> {
  const { args, kind, filter, keyOf } = options;
  let first = pageSize(args.first, "first");
  const last = pageSize(args.last, "last");
  if (first === null && last === null) first = DEFAULT_PAGE_SIZE;
  const after = args.after == null ? null : decodeCursor(args.after, "after", kind, filter);
  const before = args.before == null ? null : decodeCursor(args.before, "before", kind, filter);
  const source = options.source();

  const seen = new Set<string>();
  let candidates: Candidate<T>[] = [];
  let sawBeforeAfter = false; // an item exists before `after`
  let sawAfterBefore = false; // an item exists after `before`
  // Upstreams order by time but may break ties their own way, so order is judged on `createdAt` alone.
  let sourceSorted = true;
  let lastCreatedAt = Number.POSITIVE_INFINITY;
  const canStopEarly = first !== null && last === null;

  for await (const page of source.pages()) {
    for (const item of page) {
      const key = keyOf(item);
      if (key.createdAt > lastCreatedAt) sourceSorted = false;
      lastCreatedAt = key.createdAt;
      const id = sortKeyId(key);
      if (seen.has(id)) continue;
      seen.add(id);
      if (after !== null && compareSortKeys(key, after) <= 0) {
        sawBeforeAfter = true;
        continue;
      }
      if (before !== null && compareSortKeys(key, before) >= 0) {
        sawAfterBefore = true;
        continue;
      }
      candidates.push({ item, key });
    }
    if (canStopEarly && first !== null && sourceSorted && candidates.length > first) {
      candidates.sort((a, b) => compareSortKeys(a.key, b.key));
      candidates = candidates.slice(0, first + 1);
      const boundary = candidates[first];
      // Everything still to come has createdAt <= lastCreatedAt, so it sorts after the boundary item.
      if (boundary !== undefined && lastCreatedAt < boundary.key.createdAt) break;
    }
  }

  candidates.sort((a, b) => compareSortKeys(a.key, b.key));
  const total = candidates.length;
  let selected = candidates;
  if (first !== null) selected = selected.slice(0, first);
  const afterFirst = selected.length;
  if (last !== null) selected = selected.slice(Math.max(0, selected.length - last));

  const edges = selected.map(({ item, key }) => ({ cursor: encodeCursor({ kind, filter, key }), node: item }));
  return {
    count: () => source.count(),
    edges,
    pageInfo: {
      hasNextPage: first !== null ? total > first : sawAfterBefore,
      hasPreviousPage: last !== null ? afterFirst > last : sawBeforeAfter,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
