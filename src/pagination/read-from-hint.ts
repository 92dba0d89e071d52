/**
 * The first reads of a page next to a cursor, by the cursor's hint (`positioned.ts`): two small reads around the
 * cursor's item, checked to reach past its time, or null to say that the page must walk from the list's start.
 */
import type { Chunk, ChunkReader, PositionedList, PositionHint } from "./positioned";
import { Region } from "./region";
import type { SortKey } from "./sort-key";

/** What a page's walk reads past: the cursor it starts from (its key, and its hint if it carried one). */
export interface WalkStart {
  key: SortKey;
  hint: PositionHint | undefined;
}

function clampLimit(limit: number, maxLimit: number): number {
  return Math.max(1, Math.min(maxLimit, limit));
}

/**
 * The first reads of a page of `list` next to the cursor `start`, after it or before it, by the cursor's hint: the
 * region, or null when the hint cannot be used (absent, of another platform's list, refused by the upstream, or its
 * re-read did not reach past the cursor's time). `want` is what the page reads (`paginate.ts`'s read size).
 */
export async function readFromHint<T>(
  list: PositionedList<T>,
  start: WalkStart,
  side: "after" | "before",
  want: number,
  createdAtOf: (item: T) => number,
): Promise<Region<T> | null> {
  const { hint } = start;
  if (hint === undefined || start.key.provider !== list.provider) return null;
  const { reader } = list;
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
