/**
 * The pure part of a log tail: which fetched entries are new, in which order, and the cursor for the next fetch.
 *
 * Upstreams return entries newest first and filter by an "after" time whose bound may or may not be inclusive, so
 * the tail asks from `cursor − 1`, drops anything older than the cursor itself, and de-duplicates entries at the
 * cursor's millisecond by reference. Either reading of the bound then gives each entry once.
 */
import type { LogEntryModel } from "../model";

/** Where a log tail stands: entries older than `time` are old; at `time`, the refs in `seenIds` are old. */
export interface LogCursor {
  time: number;
  seenIds: string[];
}

/** The cursor of a tail that starts at `since` (ms): entries created from then on are new. */
export function logCursorFrom(since: number): LogCursor {
  return { time: since, seenIds: [] };
}

/** The "after" time to send upstream for this cursor (one ms earlier, see the module comment). */
export function afterTimeForCursor(cursor: LogCursor): number {
  return cursor.time - 1;
}

function compareEntries(a: LogEntryModel, b: LogEntryModel): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;
}

/**
 * Splits fetched entries (any order, possibly overlapping earlier fetches) into the new ones, oldest first and each
 * ref once, and the advanced cursor. Never throws.
 */
export function takeNewLogEntries(
  cursor: LogCursor,
  fetched: readonly LogEntryModel[],
): { entries: LogEntryModel[]; cursor: LogCursor } {
  const seen = new Set(cursor.seenIds);
  const fresh = new Map<string, LogEntryModel>();
  for (const entry of fetched) {
    if (typeof entry.createdAt !== "number" || entry.createdAt < cursor.time) continue;
    if (entry.createdAt === cursor.time && seen.has(entry.ref)) continue;
    fresh.set(entry.ref, entry);
  }
  const entries = [...fresh.values()].sort(compareEntries);
  const newest = entries.at(-1);
  if (newest === undefined) return { entries, cursor };
  const atNewest = entries.filter((entry) => entry.createdAt === newest.createdAt).map((entry) => entry.ref);
  const seenIds = newest.createdAt === cursor.time ? [...cursor.seenIds, ...atNewest] : atNewest;
  return { entries, cursor: { time: newest.createdAt, seenIds } };
}
