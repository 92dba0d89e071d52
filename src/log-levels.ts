/**
 * Log levels: the GraphQL enum `LogLevel` and the wire levels of backends that have logs (nexus.md: `Debug`,
 * `Info`, `Warning`, `Error`, an open vocabulary), in rising order. The one home of that knowledge, for the
 * `logs` field, the `jobLogAdded` filter and the watch objects alike.
 */
/** The GraphQL enum `LogLevel` (kept here, not imported from the generated types, so this module stands alone). */
export type LogLevel = "DEBUG" | "INFO" | "WARNING" | "ERROR";

/** Wire levels in rising order of severity (emulator convention in nexus.md: Debug < Info < Warning < Error). */
export const LOG_LEVEL_ORDER: readonly string[] = ["Debug", "Info", "Warning", "Error"];

const WIRE_LEVELS: Readonly<Record<LogLevel, string>> = {
  DEBUG: "Debug",
  INFO: "Info",
  WARNING: "Warning",
  ERROR: "Error",
};
const LEVELS_BY_WIRE: ReadonlyMap<string, LogLevel> = new Map(
  Object.entries(WIRE_LEVELS).map(([level, wire]) => [wire.toLowerCase(), level as LogLevel]),
);

/** The wire level of a `LogLevel` (`WARNING` → `Warning`). */
export function logLevelToWire(level: LogLevel): string {
  return WIRE_LEVELS[level];
}

/** The `LogLevel` of a wire level, case-insensitively; null for a level we do not know. */
export function logLevelFromWire(level: string): LogLevel | null {
  return LEVELS_BY_WIRE.get(level.toLowerCase()) ?? null;
}

/**
 * True when an entry of `level` passes a listener's `minLevel` (null: everything passes). Level names compare
 * case-insensitively. A level outside the known order always passes, so that an unknown value is never silently lost.
 */
export function passesMinLevel(level: string, minLevel: string | null): boolean {
  if (minLevel === null) return true;
  const rank = (name: string): number =>
    LOG_LEVEL_ORDER.findIndex((known) => known.toLowerCase() === name.toLowerCase());
  const levelRank = rank(level);
  const minRank = rank(minLevel);
  if (levelRank < 0 || minRank < 0) return true;
  return levelRank >= minRank;
}
