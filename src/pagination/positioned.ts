/**
 * Lists that can be read from any position, in reads sized to the page: what lets a page cost what the page needs,
 * not what the project holds (issue 12). A {@link ChunkReader} reads the items after or before an upstream
 * boundary token (Nexus `nextPage`/`prevPage`; an offset for offset-paged APIs), as many as asked. Each read comes
 * back as a {@link Chunk} that knows the tokens at both of its ends.
 *
 * A page built over such a list remembers where its items sat among the chunks it read (a {@link Region}), and each
 * cursor it issues carries a {@link PositionHint}: the token of a boundary near its item, and how many items on the
 * far side of that boundary must be read again. A page from that cursor then reads only around it: two small reads
 * (the items past the boundary, and the few before it, which overlap what the earlier page saw).
 *
 * Why the overlap: upstreams break ties of one creation time their own way, while the gateway orders ties by
 * provider and ref (`sort-key.ts`). So a page next to an item X must start reading before every item of X's time.
 * The hint's re-read reaches one item past X's time (the anchor), and the page checks that it did. If it did not
 * (the list changed under an offset-like token, or the upstream refused an expired token), the page is built by the
 * slower path, walking from the list's start: a cursor may cost more than it promised, never give a wrong page.
 */
import type { Provider } from "../model";
import type { SortKey } from "./sort-key";

/** One read: items in list order, and the tokens that read on from either end. */
export interface Chunk<T> {
  items: readonly T[];
  /** Reads the items just before this chunk; null when it starts the list. */
  head: string | null;
  /** Reads the items after this chunk; null when it ends the list. */
  tail: string | null;
}

/** Reads a list from boundary tokens. A backend implements it over its list call. */
export interface ChunkReader<T> {
  /** Up to `limit` items after the boundary `token` (null: from the list's start), in list order. */
  after(token: string | null, limit: number): Promise<Chunk<T>>;
  /** Up to `limit` items just before the boundary `token` (the ones closest to it), in list order. */
  before(token: string, limit: number): Promise<Chunk<T>>;
  /** The largest `limit` one read may ask for. */
  maxLimit: number;
  /** True when `error` says the upstream refused a token (expired, or not its own): rebuild from the start. */
  isRefusedToken(error: unknown): boolean;
}

/** A list readable by position, with the filter the gateway applies on top (the upstream cannot). */
export interface PositionedList<T> {
  /** The one platform the list reads (a hint is used only with a cursor of its items). */
  provider: Provider;
  reader: ChunkReader<T>;
  /** True for the items the list shows; the others still take up positions upstream. */
  include(item: T): boolean;
  /**
   * True when `include` may leave out most items (a client's filter by state or dataset, not the few expired
   * datasets hidden by default): then every read asks for the most, as reads sized to the page would only add calls.
   */
  sparse?: boolean | undefined;
}

/**
 * Where a cursor's item sat, as the cursor carries it (JSON, short keys). Each field is one way to read next to it:
 * - `a: [token, k]`, forwards: read after `token`, and the `k` items just before that boundary again;
 * - `s: [token, k]`, forwards: read after `token` (null: the list's start), `k` items again and then the new ones;
 * - `b: [token, k]`, backwards: read before `token`, and the `k` items just after that boundary again;
 * - `z: k`, backwards: read the `k` first items of the list again (the item was near the start).
 */
export interface PositionHint {
  a?: [string, number];
  s?: [string | null, number];
  b?: [string, number];
  z?: number;
}

const MAX_TOKEN_LENGTH = 2048;

function isCount(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 100_000;
}

function isToken(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= MAX_TOKEN_LENGTH;
}

/**
 * The hint in a decoded cursor, or undefined when it holds none this module wrote. A hint is only advice: a forged
 * one can cost reads, never a wrong page (every hinted read is checked, see the module comment).
 */
export function hintOfJson(value: unknown): PositionHint | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const hint: PositionHint = {};
  const pair = (entry: unknown, nullable: boolean): [string | null, number] | undefined => {
    if (!Array.isArray(entry) || entry.length !== 2) return undefined;
    const [token, count] = entry as unknown[];
    if (!isCount(count)) return undefined;
    if (token === null && nullable) return [null, count];
    return isToken(token) ? [token, count] : undefined;
  };
  const a = pair(record["a"], false);
  if (a !== undefined) hint.a = a as [string, number];
  const s = pair(record["s"], true);
  if (s !== undefined) hint.s = s;
  const b = pair(record["b"], false);
  if (b !== undefined) hint.b = b as [string, number];
  if (isCount(record["z"])) hint.z = record["z"];
  return Object.keys(hint).length > 0 ? hint : undefined;
}

interface PlacedChunk<T> {
  chunk: Chunk<T>;
  /** Index of the chunk's first item in the region. */
  start: number;
  /** A token that reads from the chunk's first item on (null: the list's start), when known. */
  from: string | null | undefined;
}

/** The chunks a page read, contiguous and in list order. */
export class Region<T> {
  readonly items: T[] = [];
  private readonly chunks: PlacedChunk<T>[] = [];

  constructor(private readonly createdAtOf: (item: T) => number) {}

  /** Adds a chunk after the others; `from` is the token it was read after (null: the list's start). */
  append(chunk: Chunk<T>, from: string | null | undefined): void {
    this.chunks.push({ chunk, start: this.items.length, from });
    this.items.push(...chunk.items);
  }

  /** Adds a chunk before the others (a backward read). */
  prepend(chunk: Chunk<T>): void {
    const shift = chunk.items.length;
    for (const placed of this.chunks) placed.start += shift;
    const next = this.chunks[0];
    // The chunk after it starts where this one's tail reads from.
    if (next !== undefined && next.from === undefined) next.from = chunk.tail;
    this.chunks.unshift({ chunk, start: 0, from: undefined });
    this.items.unshift(...chunk.items);
  }

  /** Reads on after the region's end; null at the list's end. */
  get tail(): string | null {
    return this.chunks.at(-1)?.chunk.tail ?? null;
  }

  /** Reads on before the region's start; null at the list's start. */
  get head(): string | null {
    return this.chunks[0]?.chunk.head ?? null;
  }

  /** True when the region's creation times never rise (the upstream's order is newest first). */
  isSorted(): boolean {
    for (let index = 1; index < this.items.length; index++) {
      const previous = this.items[index - 1];
      const item = this.items[index];
      if (previous !== undefined && item !== undefined && this.createdAtOf(item) > this.createdAtOf(previous)) return false;
    }
    return true;
  }

  private chunkAt(index: number): PlacedChunk<T> | undefined {
    for (let at = this.chunks.length - 1; at >= 0; at--) {
      const placed = this.chunks[at];
      if (placed !== undefined && placed.start <= index) return placed;
    }
    return undefined;
  }

  /**
   * Makes sure a page next to `item` (`after` or `before` it) re-reads at most `most` items: when the chunk holding
   * it is larger (a walk in the largest reads), splits that chunk at the item with two reads that return the tokens
   * there (the items up to it, then one). Costs nothing when the chunk is small already; does nothing when the chunk
   * cannot be read again from its start, or the reads do not match what the region holds (the list changed).
   */
  async bringBoundaryNear(item: T, side: "after" | "before", most: number, reader: ChunkReader<T>): Promise<void> {
    const index = this.items.indexOf(item);
    const at = this.chunks.findIndex((placed) => placed.start <= index && index < placed.start + placed.chunk.items.length);
    const placed = this.chunks[at];
    if (index === -1 || placed === undefined || placed.from === undefined) return;
    const split = side === "after" ? index + 1 : index;
    const end = placed.start + placed.chunk.items.length;
    // What a page next to the item would read again: after it, the rest of the chunk; before it, the chunk's start.
    const reread = side === "after" ? end - split : split - placed.start;
    if (reread <= most || split <= placed.start || split >= end || split - placed.start > reader.maxLimit) return;
    try {
      const upTo = await reader.after(placed.from, split - placed.start);
      if (upTo.tail === null || upTo.items.at(-1) !== undefined && this.createdAtOf(upTo.items.at(-1) as T) !== this.createdAtOf(this.items[split - 1] as T)) return;
      const from = await reader.after(upTo.tail, 1);
      const firstAfter = from.items[0];
      if (from.head === null || firstAfter === undefined || this.createdAtOf(firstAfter) !== this.createdAtOf(this.items[split] as T)) return;
      const items = placed.chunk.items;
      this.chunks.splice(
        at,
        1,
        { chunk: { items: items.slice(0, split - placed.start), head: placed.chunk.head, tail: upTo.tail }, start: placed.start, from: placed.from },
        { chunk: { items: items.slice(split - placed.start), head: from.head, tail: placed.chunk.tail }, start: split, from: upTo.tail },
      );
    } catch (error) {
      if (!reader.isRefusedToken(error)) throw error;
    }
  }

  /**
   * The hint for the item at `index` (the region must be sorted). For reading after it: the boundary at the end of
   * its chunk, and the items back to the anchor, the last one of a newer time. For reading before it: the boundary
   * at the start of its chunk, and the items up to the anchor, the first one of an older time. A way whose re-read
   * would not fit in one read is left out.
   */
  hintAt(index: number, maxLimit: number): PositionHint | undefined {
    const item = this.items[index];
    const placed = this.chunkAt(index);
    if (item === undefined || placed === undefined) return undefined;
    const time = this.createdAtOf(item);
    const hint: PositionHint = {};
    // Forwards: the first item of the item's time, and the anchor just before it (a newer time).
    let groupStart = index;
    while (groupStart > 0 && this.createdAtOf(this.items[groupStart - 1] as T) <= time) groupStart -= 1;
    const end = placed.start + placed.chunk.items.length - 1;
    const anchor = groupStart - 1;
    if (placed.chunk.tail !== null && anchor >= 0) {
      // The boundary after the chunk, and back from it to the anchor.
      if (end - anchor + 1 <= maxLimit) hint.a = [placed.chunk.tail, end - anchor + 1];
    } else if (placed.from !== undefined && (anchor >= placed.start || placed.from === null)) {
      // The list ends in this chunk: the chunk again, from its start (the anchor is in it, or it starts the list).
      if (end - placed.start + 1 < maxLimit) hint.s = [placed.from, end - placed.start + 1];
    } else if (placed.from !== undefined && anchor >= 0) {
      // The list ends in this chunk, and the anchor is before it: the chunk's start, and back from it to the anchor.
      if (placed.start - anchor <= maxLimit) hint.a = [placed.from, placed.start - anchor];
    }
    // Backwards: the anchor just after the item's time (an older one).
    let older = index + 1;
    while (older < this.items.length && this.createdAtOf(this.items[older] as T) >= time) older += 1;
    // Past the region's end, the list's end does as well: a re-read that reaches it covers the item's time.
    const reachesEnd = older >= this.items.length && this.tail === null;
    if (older < this.items.length || reachesEnd) {
      const count = Math.min(older, this.items.length - 1) - placed.start + 1;
      if (count <= maxLimit) {
        if (placed.chunk.head !== null) hint.b = [placed.chunk.head, count];
        else hint.z = count; // the chunk starts the list

      }
    }
    return Object.keys(hint).length > 0 ? hint : undefined;
  }
}

/** What a page's walk reads past: the cursor it starts from (its key, and its hint if it carried one). */
export interface WalkStart {
  key: SortKey;
  hint: PositionHint | undefined;
}

function clampLimit(limit: number, maxLimit: number): number {
  return Math.max(1, Math.min(maxLimit, limit));
}

/**
 * The first reads of a page next to the cursor `start`, after it or before it, by the cursor's hint: the region, or
 * null when the hint cannot be used (absent, refused by the upstream, or its re-read did not reach past the
 * cursor's time). `want` is what the page reads (`paginate.ts`'s read size).
 */
export async function readFromHint<T>(
  reader: ChunkReader<T>,
  start: WalkStart,
  side: "after" | "before",
  want: number,
  createdAtOf: (item: T) => number,
): Promise<Region<T> | null> {
  const { hint } = start;
  if (hint === undefined) return null;
  try {
    const read = side === "after" ? readAfter : readBefore;
    return await read(reader, hint, start.key.createdAt, want, createdAtOf);
  } catch (error) {
    if (reader.isRefusedToken(error)) return null;
    throw error;
  }
}

/** Forwards: the re-read must start before every item of the cursor's time (at an item of a newer one). */
async function readAfter<T>(
  reader: ChunkReader<T>,
  hint: PositionHint,
  time: number,
  want: number,
  createdAtOf: (item: T) => number,
): Promise<Region<T> | null> {
  const region = new Region(createdAtOf);
  if (hint.a !== undefined) {
    const [token, count] = hint.a;
    if (count > reader.maxLimit) return null;
    const past = await reader.after(token, clampLimit(want - count + 2, reader.maxLimit));
    if (past.items.length === 0 || past.head === null) return null;
    const again = await reader.before(past.head, count);
    const first = again.items[0];
    if (first === undefined || !(createdAtOf(first) > time)) return null;
    region.append(again, undefined);
    region.append(past, token);
    return region;
  }
  if (hint.s !== undefined) {
    const [token, count] = hint.s;
    const chunk = await reader.after(token, clampLimit(count + want, reader.maxLimit));
    const first = chunk.items[0];
    if (token !== null && (first === undefined || !(createdAtOf(first) > time))) return null;
    region.append(chunk, token);
    return region;
  }
  return null;
}

/** Backwards: the re-read must reach an item older than the cursor's, or the list's end. */
async function readBefore<T>(
  reader: ChunkReader<T>,
  hint: PositionHint,
  time: number,
  want: number,
  createdAtOf: (item: T) => number,
): Promise<Region<T> | null> {
  const region = new Region(createdAtOf);
  const reachesPast = (chunk: Chunk<T>): boolean => {
    const last = chunk.items.at(-1);
    return last !== undefined && (createdAtOf(last) < time || chunk.tail === null);
  };
  if (hint.b !== undefined) {
    const [token, count] = hint.b;
    if (count > reader.maxLimit) return null;
    const newer = await reader.before(token, clampLimit(want - count + 2, reader.maxLimit));
    if (newer.items.length === 0 || newer.tail === null) return null;
    const again = await reader.after(newer.tail, count);
    if (!reachesPast(again)) return null;
    region.append(newer, undefined);
    region.append(again, newer.tail);
    return region;
  }
  if (hint.z !== undefined) {
    if (hint.z > reader.maxLimit) return null;
    const again = await reader.after(null, hint.z);
    if (!reachesPast(again)) return null;
    region.append(again, null);
    return region;
  }
  return null;
}
