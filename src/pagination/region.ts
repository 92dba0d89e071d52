/**
 * The chunks one page read (`positioned.ts`), contiguous and in list order, and what a cursor of one of its items
 * carries from them: the boundary tokens next to the item, and how much a page next to it must read again.
 */
import type { Chunk, ChunkReader, PositionHint } from "./positioned";

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
      if (previous !== undefined && item !== undefined && this.createdAtOf(item) > this.createdAtOf(previous))
        return false;
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
    const at = this.chunks.findIndex(
      (placed) => placed.start <= index && index < placed.start + placed.chunk.items.length,
    );
    const placed = this.chunks[at];
    if (index === -1 || placed === undefined || placed.from === undefined) return;
    const split = side === "after" ? index + 1 : index;
    const end = placed.start + placed.chunk.items.length;
    // What a page next to the item would read again: after it, the rest of the chunk; before it, the chunk's start.
    const reread = side === "after" ? end - split : split - placed.start;
    if (reread <= most || split <= placed.start || split >= end || split - placed.start > reader.maxLimit) return;
    try {
      // Each read must end (then start) where the region says the split lies, by creation time.
      const sameTime = (read: T | undefined, held: number) =>
        read !== undefined && this.createdAtOf(read) === this.createdAtOf(this.items[held] as T);
      const upTo = await reader.after(placed.from, split - placed.start);
      if (upTo.tail === null || (upTo.items.length > 0 && !sameTime(upTo.items.at(-1), split - 1))) return;
      const from = await reader.after(upTo.tail, 1);
      if (from.head === null || !sameTime(from.items[0], split)) return;
      const items = placed.chunk.items;
      this.chunks.splice(
        at,
        1,
        {
          chunk: { items: items.slice(0, split - placed.start), head: placed.chunk.head, tail: upTo.tail },
          start: placed.start,
          from: placed.from,
        },
        {
          chunk: { items: items.slice(split - placed.start), head: from.head, tail: placed.chunk.tail },
          start: split,
          from: upTo.tail,
        },
      );
    } catch (error) {
      if (!reader.isRefusedToken(error)) throw error;
    }
  }

  /**
   * The hint for a position between items, at creation time `time` (the region must be sorted): what a merged
   * list's cursor carries for a platform other than its item's (`merged-page.ts`), and what lets a page of that
   * platform read next to the cursor. The same ways as {@link hintAt}, measured from the first item of `time` or
   * older (forwards: back to the last newer item; backwards: up to the first older one), so the hint's re-reads are
   * checked against `time` itself. Undefined when no way fits in one read; an empty list read from its start gives
   * `s: [null, 1]` (read from the start again). When the position lies in a chunk that starts the list and holds at
   * most `startUpTo` items (default none), the forward way is that chunk again from the start (`s: [null, n]`): one
   * read instead of two.
   */
  hintAtGap(time: number, maxLimit: number, startUpTo = 0): PositionHint | undefined {
    const count = this.items.length;
    const timeAt = (at: number) => this.createdAtOf(this.items[at] as T);
    if (count === 0) {
      const only = this.chunks[0];
      return only !== undefined && only.from === null && only.chunk.tail === null ? { s: [null, 1] } : undefined;
    }
    let groupStart = 0;
    while (groupStart < count && timeAt(groupStart) > time) groupStart += 1;
    let older = groupStart;
    while (older < count && timeAt(older) >= time) older += 1;
    const placed = this.chunkAt(Math.min(groupStart, count - 1));
    if (placed === undefined) return undefined;
    const hint: PositionHint = {};
    const anchor = groupStart - 1;
    const end = placed.start + placed.chunk.items.length - 1;
    const size = end - placed.start + 1;
    if (placed.from === null && size <= startUpTo && size < maxLimit) {
      hint.s = [null, size];
    } else if (placed.chunk.tail !== null && anchor >= 0) {
      if (end - anchor + 1 <= maxLimit) hint.a = [placed.chunk.tail, end - anchor + 1];
    } else if (placed.from !== undefined && (anchor >= placed.start || placed.from === null)) {
      if (size < maxLimit) hint.s = [placed.from, size];
    } else if (placed.from !== undefined && anchor >= 0) {
      if (placed.start - anchor <= maxLimit) hint.a = [placed.from, placed.start - anchor];
    }
    const reachesEnd = older >= count && this.tail === null;
    if (older < count || reachesEnd) {
      const reread = Math.min(older, count - 1) - placed.start + 1;
      if (reread <= maxLimit) {
        if (placed.chunk.head !== null) hint.b = [placed.chunk.head, reread];
        else hint.z = reread;
      }
    }
    return Object.keys(hint).length > 0 ? hint : undefined;
  }

  /** True when items of `time` or older may exist: the region holds one, or the list goes on past the region. */
  mayHaveItemsFrom(time: number): boolean {
    const last = this.items.at(-1);
    return this.tail !== null || (last !== undefined && this.createdAtOf(last) <= time);
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
