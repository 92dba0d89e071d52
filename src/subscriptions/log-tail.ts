/**
 * The pure part of a log tail: which fetched entries are new, in which order, and the cursor for the next fetch.
 *
 * The upstream returns entries newest first and filters by `afterTime`; nexus.md does not say whether that bound is
 * inclusive, so the tail asks for `afterTime = cursor − 1`, drops anything older than the cursor itself, and
 * de-duplicates entries at the cursor's millisecond by id. Either reading of `afterTime` then gives each entry once.
 */
import type { NexusLogEntry } from "../backends/nexus/types";

/** Where a log tail stands: entries older than `time` are old; at `time`, the ids in `seenIds` are old. */
export interface LogCursor {
  time: number;
  seenIds: string[];
}

/** The cursor of a tail that starts at `since` (ms): entries created from then on are new. */
export function logCursorFrom(since: number): LogCursor {
  return { time: since, seenIds: [] };
}

/** The `afterTime` to send upstream for this cursor (one ms earlier, see the module comment). */
export function afterTimeForCursor(cursor: LogCursor): number {
  return cursor.time - 1;
}

function compareEntries(a: NexusLogEntry, b: NexusLogEntry): number {
  if (a.createTime !== b.createTime) return a.createTime - b.createTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Splits fetched entries (any order, possibly overlapping earlier fetches) into the new ones, oldest first and each
 * id once, and the advanced cursor. Never throws.
 */
export function takeNewLogEntries(
  cursor: LogCursor,
  fetched: readonly NexusLogEntry[],
): { entries: NexusLogEntry[]; cursor: LogCursor } {
  const seen = new Set(cursor.seenIds);
  const fresh = new Map<string, NexusLogEntry>();
  for (const entry of fetched) {
    if (typeof entry.createTime !== "number" || entry.createTime < cursor.time) continue;
    if (entry.createTime === cursor.time && seen.has(entry.id)) continue;
    fresh.set(entry.id, entry);
  }
  const entries = [...fresh.values()].sort(compareEntries);
  const newest = entries.at(-1);
  if (newest === undefined) return { entries, cursor };
  const atNewest = entries.filter((entry) => entry.createTime === newest.createTime).map((entry) => entry.id);
  const seenIds = newest.createTime === cursor.time ? [...cursor.seenIds, ...atNewest] : atNewest;
  return { entries, cursor: { time: newest.createTime, seenIds } };
}

/** Log levels in rising order (emulator convention in nexus.md: Debug < Info < Warning < Error). */
export const LOG_LEVEL_ORDER: readonly string[] = ["Debug", "Info", "Warning", "Error"];

/**
 * True when an entry of `level` passes a listener's `minLevel` (null: everything passes). Level names compare
 * case-insensitively. A level outside the known order always passes, so that an unknown value is never silently lost.
 */
export function passesMinLevel(level: string, minLevel: string | null): boolean {
  if (minLevel === null) return true;
  const rank = (name: string): number => LOG_LEVEL_ORDER.findIndex((known) => known.toLowerCase() === name.toLowerCase());
  const levelRank = rank(level);
  const minRank = rank(minLevel);
  if (levelRank < 0 || minRank < 0) return true;
  return levelRank >= minRank;
}
