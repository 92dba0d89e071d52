/**
 * The reads of a page of one list that can be read by position (`positioned.ts`): forwards after a cursor or
 * backwards before it, from the cursor's hint when it has one (two small reads), else from the list's start, reading
 * on only while a run of one time or the gateway's filter leaves the page short. What they give back (the items of
 * the page's range, and the region they sit in, for the cursors' hints) is turned into a page by `paginate.ts`
 * (one list) or `merged-page.ts` (several lists merged).
 */
import type { PositionedList } from "./positioned";
import { readFromHint, type WalkStart } from "./read-from-hint";
import { Region } from "./region";
import { compareSortKeys, sortKeyId, type SortKey } from "./sort-key";

/** An item of a page's range, with its position key. */
export interface Candidate<T> {
  item: T;
  key: SortKey;
}

/**
 * Examines items once each (an upstream list that shifted between reads repeats some), keeping those of the page's
 * range that the list shows, and noting whether any lay before `after` or after `before`.
 */
export class Examiner<T> {
  sawBeforeAfter = false;
  sawAfterBefore = false;
  private candidates: Candidate<T>[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly keyOf: (item: T) => SortKey,
    private readonly include: (item: T) => boolean,
    private readonly after: SortKey | null,
    private readonly before: SortKey | null,
  ) {}

  examine(items: readonly T[]): void {
    for (const item of items) {
      const key = this.keyOf(item);
      const id = sortKeyId(key);
      if (this.seen.has(id)) continue;
      this.seen.add(id);
      if (this.after !== null && compareSortKeys(key, this.after) <= 0) {
        this.sawBeforeAfter = true;
        continue;
      }
      if (this.before !== null && compareSortKeys(key, this.before) >= 0) {
        this.sawAfterBefore = true;
        continue;
      }
      if (this.include(item)) this.candidates.push({ item, key });
    }
  }

  /** The candidates in list order. */
  sorted(): Candidate<T>[] {
    return this.candidates.sort((a, b) => compareSortKeys(a.key, b.key));
  }

  /** Keeps only the first `count` candidates in list order (a forward page needs no more), and answers them. */
  keepFirst(count: number): Candidate<T>[] {
    this.candidates = this.sorted().slice(0, count);
    return this.candidates;
  }
}

/**
 * What a read for a page of `size` asks for: the page, one more to know whether more exist, and a quarter more so
 * that a page whose last item shares its time with the next few (the upstream orders those its own way) still
 * settles in one read.
 */
export function readSize(size: number): number {
  return size + 1 + Math.ceil(size / 4);
}

/** What each read of a positioned list asks for at first: {@link readSize}, or the most for a sparse filter. */
export function firstReadOf<T>(list: PositionedList<T>, size: number): number {
  const { maxLimit } = list.reader;
  return list.sparse === true ? maxLimit : Math.min(maxLimit, readSize(size));
}

/** The next read's size: the page's need at first, doubling while a page needs more (ties, filters), up to the most. */
function nextLimit(previous: number, want: number, maxLimit: number): number {
  return Math.min(maxLimit, Math.max(want, previous * 2));
}

/** What one list's reads for a page found. */
export interface PositionedRead<T> {
  /** Every item read within the page's range that the list shows, in list order (more than the page may need). */
  candidates: Candidate<T>[];
  /** The chunks read, for the hints of the page's cursors. */
  region: Region<T>;
  /** An item at or before `after` was seen (forwards: items precede the page). */
  sawBeforeAfter: boolean;
  /** An item at or after `before` was seen (backwards: items follow the page). */
  sawAfterBefore: boolean;
  /** The size of the page's first read ({@link firstReadOf}). */
  want: number;
}

/** Where a page of one list starts: the read's start (a cursor's hint), and the key that bounds the range. */
export interface ReadFrom {
  /** The hint to read from, with the time its re-read is checked against; null: from the list's start. */
  start: WalkStart | null;
  /** The range's bound (`after` forwards, `before` backwards); null: none. */
  bound: SortKey | null;
  /**
   * The fewest items a first read asks for (default none; at most the reader's most). A merged list's parts read at
   * least a default page's worth (`merged-page.ts`): a small part is then read whole, and read again in one call.
   */
  minRead?: number | undefined;
}

/** What a read found, or null when its region is not newest first (then sized reads cannot be trusted). */
function readOf<T>(region: Region<T>, examiner: Examiner<T>, want: number): PositionedRead<T> | null {
  if (!region.isSorted()) return null;
  return {
    candidates: examiner.sorted(),
    region,
    sawBeforeAfter: examiner.sawBeforeAfter,
    sawAfterBefore: examiner.sawAfterBefore,
    want,
  };
}

/**
 * The reads of a page of `size` items after `from.bound` (or from the start): `size + 1` items (the last one says
 * whether more exist) and a quarter more, from the start's hint when it has one, else from the list's start (in the
 * largest reads when a bound must be passed or the client counts). More is read only while a run of one time or the
 * filter leaves the page short. Null when the upstream's order turns out not to be newest first. Rejects with the
 * reader's error.
 */
export async function readForward<T>(
  list: PositionedList<T>,
  keyOf: (item: T) => SortKey,
  size: number,
  from: ReadFrom,
  counted: boolean,
): Promise<PositionedRead<T> | null> {
  const { reader } = list;
  const createdAtOf = (item: T) => keyOf(item).createdAt;
  const want = Math.max(firstReadOf(list, size), Math.min(from.minRead ?? 0, list.reader.maxLimit));
  const { start, bound } = from;
  let region = start === null ? null : await readFromHint(list, start, "after", want, createdAtOf);
  // From the start: past a cursor that gave no usable hint, or for the count's walk, in the largest reads.
  let limit = region === null && (bound !== null || counted) ? reader.maxLimit : want;
  if (region === null) {
    region = new Region(createdAtOf);
    region.append(await reader.after(null, limit), null);
  }
  const examiner = new Examiner(keyOf, list.include, bound, null);
  examiner.examine(region.items);
  for (;;) {
    const lastItem = region.items.at(-1);
    const candidates = examiner.sorted();
    const lastShown = candidates[size - 1];
    // Everything still unread is no newer than the last item read: when that is older than the page's last item,
    // nothing unread can enter the page, and one more candidate says that more follow.
    if (
      candidates.length > size &&
      lastShown !== undefined &&
      lastItem !== undefined &&
      createdAtOf(lastItem) < lastShown.key.createdAt
    )
      break;
    const tail = region.tail;
    if (tail === null) break;
    limit = nextLimit(limit, want, reader.maxLimit);
    const chunk = await reader.after(tail, limit);
    region.append(chunk, tail);
    examiner.examine(chunk.items);
  }
  return readOf(region, examiner, want);
}

/**
 * The reads of a page of the last `size` items before `from.bound` (or of the whole list), around the start's hint
 * when it allows (`size + 1` items, and more only while a run of one time or the filter leaves the page short).
 * Without a usable hint the list is read from its start (the upstream has no way to read from its end): up to the
 * bound's time, or to the end without one. Null when the upstream's order turns out not to be newest first.
 */
export async function readBackward<T>(
  list: PositionedList<T>,
  keyOf: (item: T) => SortKey,
  size: number,
  from: ReadFrom,
): Promise<PositionedRead<T> | null> {
  const { reader } = list;
  const createdAtOf = (item: T) => keyOf(item).createdAt;
  const want = Math.max(firstReadOf(list, size), Math.min(from.minRead ?? 0, list.reader.maxLimit));
  const { start, bound } = from;
  const examiner = new Examiner(keyOf, list.include, null, bound);
  let region = start === null ? null : await readFromHint(list, start, "before", want, createdAtOf);
  if (region !== null) {
    examiner.examine(region.items);
    let limit = want;
    for (;;) {
      const candidates = examiner.sorted();
      const firstShown = candidates[candidates.length - size];
      const firstItem = region.items[0];
      // Everything still unread is no older than the first item read: when that is newer than the page's first
      // item, nothing unread can enter the page, and one more candidate says that more precede.
      if (
        candidates.length > size &&
        firstShown !== undefined &&
        firstItem !== undefined &&
        createdAtOf(firstItem) > firstShown.key.createdAt
      )
        break;
      const head = region.head;
      if (head === null) break;
      limit = nextLimit(limit, want, reader.maxLimit);
      const chunk = await reader.before(head, limit);
      if (chunk.items.length === 0) break;
      region.prepend(chunk);
      examiner.examine(chunk.items);
    }
  } else {
    region = new Region(createdAtOf);
    region.append(await reader.after(null, reader.maxLimit), null);
    examiner.examine(region.items);
    for (;;) {
      const tail = region.tail;
      const lastItem = region.items.at(-1);
      if (tail === null) break;
      // Past the bound's time, nothing newer than the bound is left to read.
      if (bound !== null && lastItem !== undefined && createdAtOf(lastItem) < bound.createdAt) break;
      const chunk = await reader.after(tail, reader.maxLimit);
      region.append(chunk, tail);
      examiner.examine(chunk.items);
    }
  }
  return readOf(region, examiner, want);
}
