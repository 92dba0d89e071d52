/**
 * A page of a merged list (`sources.ts`) that reads each part from where the cursor left it: the merged list's
 * cursors carry each part's position at their item's time (`cursor.ts`'s `m`; the item's own part in `h`, as a
 * single list's cursor does), so a page from a cursor, forwards or backwards, anywhere in the list, reads each part
 * as a page of that part alone would (`positioned-read.ts`): two small reads around the cursor for a part read by
 * position, nothing for a part with nothing left past the cursor when the list allows it
 * ({@link LaneSet.forwardNeedsOnlyKnown}).
 *
 * Why a position at the cursor's time, not at the part's own nearest item: a page after (or before) an item of
 * another part must start each part's read before every item of that time, and the part's re-read is checked
 * against that time exactly (`region.ts`'s `hintAtGap`). A position is advice, like any hint: one that no longer
 * works (the list changed, a token expired) costs a walk of that part from its start, never a wrong page.
 *
 * Each part is read for the whole page (its `size + 1` first items past the cursor), the parts' items are merged in
 * the one order (`sort-key.ts`), and the page takes its `size` of them. A part that is neither positioned nor
 * merged is walked from its start (stopping as soon as its order allows). Null, and the caller walks the merge the
 * old way, when a part's upstream is seen out of order.
 */
import { DEFAULT_PAGE_SIZE } from "./arguments";
import { lazyEdge, pageInfoOf, type Connection } from "./connection";
import { encodeCursor, type DecodedCursor } from "./cursor";
import { hintOfJson, type PositionHint } from "./positioned";
import { Examiner, readBackward, readForward, readSize, type Candidate } from "./positioned-read";
import type { Lane, LaneSet, PageSource } from "./sources";
import { compareSortKeys, type SortKey } from "./sort-key";

/** What a merged page reads: its direction, size and bound, and how items are keyed. */
interface PageRequest<T> {
  direction: "forward" | "backward";
  size: number;
  /** `after` forwards, `before` backwards; null: from the list's end. */
  bound: SortKey | null;
  keyOf: (item: T) => SortKey;
  counted: boolean;
}

/** What reading one part (or a set of parts) for a page found. */
interface LaneRead<T> {
  candidates: Candidate<T>[];
  sawBeforeAfter: boolean;
  sawAfterBefore: boolean;
  /** The part's position at a gap of `time`, as a cursor carries it; undefined when it has none. */
  positionAt(time: number): unknown;
  /** True for a part read by position: its position is a hint (`positioned.ts`), which may go in a cursor's `h`. */
  hinted: boolean;
  /** For a set of parts: the ids of its parts read by position. */
  hintedParts?: ReadonlySet<string>;
}

/**
 * What a part reads at least from a cursor, and the most it reads again from its start instead of around its
 * position in two reads: a default page's read (26 items).
 */
const SMALL_PART = readSize(DEFAULT_PAGE_SIZE);

const NOTHING: LaneRead<never> = {
  candidates: [],
  sawBeforeAfter: false,
  sawAfterBefore: false,
  positionAt: () => undefined,
  hinted: false,
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when a position says its part may hold items after it (it reads forwards). */
function readsForward(position: unknown): boolean {
  const hint = hintOfJson(position);
  return hint !== undefined && (hint.a !== undefined || hint.s !== undefined);
}

/** The forward ways of a hint dropped: the part holds nothing past its position. */
function backwardOnly(position: unknown): PositionHint | undefined {
  const hint = hintOfJson(position);
  if (hint === undefined) return undefined;
  const { b, z } = hint;
  const kept: PositionHint = {};
  if (b !== undefined) kept.b = b;
  if (z !== undefined) kept.z = z;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** One part read by position, from its `position` (a hint), or from its start without one. */
async function readPositioned<T>(
  source: PageSource<T>,
  request: PageRequest<T>,
  position: unknown,
  partOfSkippingSet: boolean,
): Promise<LaneRead<T> | null> {
  const list = source.positioned;
  if (list === undefined) return null;
  const hint = hintOfJson(position);
  const { bound, keyOf, size } = request;
  // A counted page walks the part from its start in the largest reads, the reads its count makes anyway (one read
  // for both on a small list); any other page reads from the part's position.
  const start =
    bound === null || hint === undefined || request.counted
      ? null
      : { key: { ...bound, provider: list.provider, ref: "" }, hint };
  // From a cursor, at least a default page's worth: a read of fewer items costs the same round trip, and a small
  // part that one such read holds whole is then read again from its start in one call, where a part read in
  // pieces needs two (`a`). A first page reads what it shows.
  const from = { start, bound, minRead: bound === null ? undefined : SMALL_PART };
  const read =
    request.direction === "forward"
      ? await readForward(list, keyOf, size, from, request.counted)
      : await readBackward(list, keyOf, size, from);
  if (read === null) return null;
  const { region } = read;
  const maxLimit = list.reader.maxLimit;
  return {
    candidates: read.candidates,
    sawBeforeAfter: read.sawBeforeAfter,
    sawAfterBefore: read.sawAfterBefore,
    hinted: true,
    positionAt: (time) => {
      const at = region.hintAtGap(time, maxLimit, SMALL_PART);
      if (!partOfSkippingSet) return at;
      // In a list whose forward pages read only the parts their cursor names, a part that may hold items past the
      // position must say so (from its start, when no nearer way fits), and one that holds none must not.
      const kept: PositionHint = { ...at };
      if (!region.mayHaveItemsFrom(time)) {
        delete kept.a;
        delete kept.s;
      } else if (kept.a === undefined && kept.s === undefined) kept.s = [null, 1];
      return Object.keys(kept).length > 0 ? kept : undefined;
    },
  };
}

/**
 * One part that cannot be read by position: walked from its start, forwards until its order says nothing later
 * can enter the page, backwards until past the bound's time. Null when it is seen out of order.
 */
async function readWalked<T>(source: PageSource<T>, request: PageRequest<T>): Promise<LaneRead<T>> {
  const { direction, bound, keyOf, size } = request;
  const forward = direction === "forward";
  const examiner = new Examiner(keyOf, () => true, forward ? bound : null, forward ? null : bound);
  let lastCreatedAt = Number.POSITIVE_INFINITY;
  let sorted = true;
  const firstSize = forward && bound === null && !request.counted ? readSize(size) : undefined;
  for await (const page of source.pages(firstSize)) {
    examiner.examine(page);
    for (const item of page) {
      const createdAt = keyOf(item).createdAt;
      if (createdAt > lastCreatedAt) sorted = false;
      lastCreatedAt = createdAt;
    }
    if (!sorted) continue;
    if (forward) {
      const boundary = examiner.keepFirst(size + 1)[size];
      if (boundary !== undefined && lastCreatedAt < boundary.key.createdAt) break;
    } else if (bound !== null && lastCreatedAt < bound.createdAt) break;
  }
  return {
    candidates: examiner.sorted(),
    sawBeforeAfter: examiner.sawBeforeAfter,
    sawAfterBefore: examiner.sawAfterBefore,
    positionAt: () => undefined,
    hinted: false,
  };
}

/** Where the cursor's own item sits: its part (by provider) and that part's hint. */
interface Owner {
  id: string;
  hint: PositionHint | undefined;
}

/** One part: merged itself, read by position, or walked. Null when its order cannot be trusted. */
function readLane<T>(
  source: PageSource<T>,
  request: PageRequest<T>,
  position: unknown,
  partOfSkippingSet: boolean,
): Promise<LaneRead<T> | null> {
  if (source.lanes !== undefined)
    return readLaneSet(source.lanes, request, isRecord(position) ? position : undefined, null);
  if (source.positioned !== undefined) return readPositioned(source, request, position, partOfSkippingSet);
  return readWalked(source, request);
}

/**
 * The parts of `set` read for one page, each from its position in `positions` (the owner's part from the cursor's
 * `h`), and merged. A forward page from a cursor of a set that allows it reads only the parts whose position says
 * they may hold items past it; the others' positions are carried on (they stay valid: nothing lies past them).
 */
async function readLaneSet<T>(
  set: LaneSet<T>,
  request: PageRequest<T>,
  positions: Readonly<Record<string, unknown>> | undefined,
  owner: Owner | null,
): Promise<LaneRead<T> | null> {
  const skipping = set.forwardNeedsOnlyKnown && request.direction === "forward" && request.bound !== null;
  const only =
    skipping && positions !== undefined ? Object.keys(positions).filter((id) => readsForward(positions[id])) : null;
  const lanes = await (only === null ? set.lanes() : set.lanes(only));
  const read = async (lane: Lane<T>): Promise<LaneRead<T> | null> => {
    const position = positions?.[lane.id] ?? (lane.id === owner?.id ? owner.hint : undefined);
    try {
      return await readLane(lane.source, request, position, set.forwardNeedsOnlyKnown);
    } catch (error) {
      if (lane.fail === undefined) throw error;
      lane.fail(error);
      return NOTHING;
    }
  };
  const reads = await Promise.all(lanes.map(read));
  const carried: Record<string, PositionHint> = {};
  if (only !== null && positions !== undefined) {
    const read = new Set(lanes.map((lane) => lane.id));
    for (const [id, position] of Object.entries(positions)) {
      const kept = read.has(id) ? undefined : backwardOnly(position);
      if (kept !== undefined) carried[id] = kept;
    }
  }
  const candidates: Candidate<T>[] = [];
  let sawBeforeAfter = false;
  let sawAfterBefore = false;
  for (const each of reads) {
    if (each === null) return null;
    candidates.push(...each.candidates);
    sawBeforeAfter ||= each.sawBeforeAfter;
    sawAfterBefore ||= each.sawAfterBefore;
  }
  candidates.sort((a, b) => compareSortKeys(a.key, b.key));
  return {
    candidates,
    sawBeforeAfter,
    sawAfterBefore,
    hinted: false,
    hintedParts: new Set(lanes.filter((_, index) => reads[index]?.hinted === true).map((lane) => lane.id)),
    positionAt: (time): Record<string, unknown> => {
      const at: Record<string, unknown> = { ...carried };
      lanes.forEach((lane, index) => {
        const position = reads[index]?.positionAt(time);
        if (position !== undefined) at[lane.id] = position;
      });
      return at;
    },
  };
}

/** Options of {@link mergedPage}: what `paginate` was given. */
export interface MergedPageOptions<T> {
  kind: string;
  filter: string;
  keyOf: (item: T) => SortKey;
  counted: boolean;
}

/**
 * The page of a merged list: `first` after `after` (or from the start), or `last` before `before` (or the list's
 * last). Null when the arguments are of another shape (`first` with `before`, `last` with `after`: the caller walks)
 * or a part's upstream is out of order. Rejects with the error of a part that has no `fail`, or of finding the parts.
 */
export async function mergedPage<T>(
  options: MergedPageOptions<T>,
  set: LaneSet<T>,
  first: number | null,
  last: number | null,
  after: DecodedCursor | null,
  before: DecodedCursor | null,
): Promise<Connection<T> | null> {
  let request: PageRequest<T>;
  let cursor: DecodedCursor | null;
  const base = { keyOf: options.keyOf, counted: options.counted };
  if (first !== null && before === null) {
    request = { ...base, direction: "forward", size: first, bound: after?.key ?? null };
    cursor = after;
  } else if (last !== null && first === null && after === null) {
    request = { ...base, direction: "backward", size: last, bound: before?.key ?? null };
    cursor = before;
  } else return null;
  const owner = cursor === null ? null : { id: cursor.key.provider, hint: cursor.hint };
  const read = await readLaneSet(set, request, cursor?.lanes, owner);
  if (read === null) return null;
  const { candidates } = read;
  const forward = request.direction === "forward";
  const selected = forward
    ? candidates.slice(0, request.size)
    : candidates.slice(Math.max(0, candidates.length - request.size));
  // Each cursor (every part's position at its item's time) is worked out when a client reads it (`lazyEdge`).
  const edges = selected.map(({ item, key }) =>
    lazyEdge(item, () => {
      const at = read.positionAt(key.createdAt) as Record<string, unknown>;
      let hint: PositionHint | undefined;
      // The item's own part, when read by position, goes in `h`: a page of that part alone reads it as before.
      if (read.hintedParts?.has(key.provider) === true) {
        hint = hintOfJson(at[key.provider]);
        delete at[key.provider];
      }
      return encodeCursor({ kind: options.kind, filter: options.filter, key, hint, lanes: at });
    }),
  );
  const more = candidates.length > request.size;
  return {
    edges,
    pageInfo: pageInfoOf(edges, forward ? more : read.sawAfterBefore, forward ? read.sawBeforeAfter : more),
  };
}
