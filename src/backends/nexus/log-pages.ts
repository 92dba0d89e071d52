/**
 * One Relay page of a Nexus job's log, read through the upstream's only paging tool: time bounds (`afterTime`,
 * `beforeTime`, both exclusive) and `maxEntries` (1000 at most), entries newest first. Pure code over a `read`
 * function, so the walk is testable without a Worker.
 *
 * The order is the one of every list (`sort-key.ts`): `createdAt` descending, then the entry id. The upstream
 * promises no order among entries of one time, and a full window (as many entries as asked for) may stop in the
 * middle of a time: so the entries of a full window's oldest time are never trusted; the next window starts at that
 * time again (`beforeTime` = that time + 1) and reads it whole. Only complete times are used, so no entry is lost or
 * repeated, whatever the upstream's order within a time. A time shared by 1000 entries or more cannot be read whole
 * by the upstream's API at all: that page fails with `UPSTREAM_UNAVAILABLE` rather than skip entries.
 *
 * Cost, in upstream calls per page:
 * - forward (`first`, `after`): one window below the cursor, `first` + 21 entries long; a second (of 1000) only
 *   when that window ended inside a shared time or held too few entries of the range;
 * - backward (`last`, `before`): the entries just newer than `before` are the oldest of a window that reaches up
 *   to the newest entry, so the first call reads the top of the range (4 × (`last` + 21) entries, or 1000 when
 *   those share one time). When that is not all of it, the rate of entries it saw sizes a time window from `before`
 *   upwards (twice the span that should hold the page), which is narrowed while it overflows and widened while it
 *   holds too few: usually two calls in all;
 * - backward without `before` (the oldest entries of the log): one call per 1000 entries of the range.
 */
import { UpstreamError } from "../../errors";
import { compareSortKeys, sortKeyOf, type SortKey } from "../../pagination/sort-key";
import type { NexusLogEntryModel } from "./to-model";

/** The most entries one upstream logs call returns (nexus.md: `maxEntries` 1000 at most). */
export const LOG_WINDOW_MAX = 1000;
/** Entries a forward page's first window reads beyond its page and the one after it (entries sharing the cursor's time). */
const FORWARD_SLACK = 20;

/** One upstream logs call: exclusive time bounds and a cap. */
export interface LogWindowQuery {
  afterTime?: number;
  beforeTime?: number;
  maxEntries: number;
}

/** Reads one window of the job's log, newest first; null when the job does not exist. Rejects with the upstream's error. */
export type ReadLogWindow = (query: LogWindowQuery) => Promise<NexusLogEntryModel[] | null>;

/** What one page asks for: Relay arguments already validated and decoded, and the filters' exclusive time bounds. */
export interface LogPageRequest {
  first: number | null;
  last: number | null;
  after: SortKey | null;
  before: SortKey | null;
  since: number | undefined;
  until: number | undefined;
}

/** A page of entries in list order, and whether entries lie beyond it. */
export interface LogPage {
  entries: NexusLogEntryModel[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** Where a call went, for the message of a time too crowded to page (never holds a key). */
export interface LogWindowSource {
  path: string;
}

function byListOrder(a: NexusLogEntryModel, b: NexusLogEntryModel): number {
  return compareSortKeys(sortKeyOf(a), sortKeyOf(b));
}

function sorted(entries: NexusLogEntryModel[]): NexusLogEntryModel[] {
  return [...entries].sort(byListOrder);
}

function minOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

function maxOf(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

function crowdedTime(source: LogWindowSource, time: number): UpstreamError {
  return new UpstreamError(
    `nexus jobs.logs: ${LOG_WINDOW_MAX} entries or more share the time ${new Date(time).toISOString()}; ` +
      `the upstream cannot page past them (from ${source.path})`,
    {
      backend: "nexus",
      operation: "jobs.logs",
      reason: "unavailable",
      kind: "invalid-body",
      method: "GET",
      path: source.path,
      status: 200,
    },
  );
}

/** Keeps what a window may hold: an upstream that ignores a bound must not duplicate entries. */
function within(
  entries: NexusLogEntryModel[],
  afterTime: number | undefined,
  beforeTime: number | undefined,
): NexusLogEntryModel[] {
  return entries.filter(
    (entry) =>
      (afterTime === undefined || entry.createdAt > afterTime) &&
      (beforeTime === undefined || entry.createdAt < beforeTime),
  );
}

/** Complete times only, in list order, each chunk older than the one before; `more` when older entries exist. */
export interface LogChunk {
  entries: NexusLogEntryModel[];
  more: boolean;
}

/**
 * Reads the log downwards from `beforeTime` in windows, yielding complete times only (`LogChunk`). The first window
 * asks for `firstMax` entries, the rest for {@link LOG_WINDOW_MAX}. Yields null when the job does not exist; rejects
 * with the upstream's error, or `UPSTREAM_UNAVAILABLE` where 1000 entries or more share one time.
 */
export async function* readDown(
  read: ReadLogWindow,
  source: LogWindowSource,
  afterTime: number | undefined,
  beforeTime: number | undefined,
  firstMax: number,
): AsyncGenerator<LogChunk | null> {
  let upper = beforeTime;
  let max = firstMax;
  for (;;) {
    const raw = await read({
      ...(afterTime === undefined ? {} : { afterTime }),
      ...(upper === undefined ? {} : { beforeTime: upper }),
      maxEntries: max,
    });
    if (raw === null) {
      yield null;
      return;
    }
    const page = within(raw, afterTime, upper);
    if (raw.length < max) {
      yield { entries: sorted(page), more: false };
      return;
    }
    const oldest = Math.min(...page.map((entry) => entry.createdAt));
    const complete = page.filter((entry) => entry.createdAt > oldest);
    if (complete.length === 0) {
      // The whole window is one time: read it again as wide as the upstream allows.
      if (max < LOG_WINDOW_MAX) {
        max = LOG_WINDOW_MAX;
        continue;
      }
      throw crowdedTime(source, oldest);
    }
    yield { entries: sorted(complete), more: true };
    upper = oldest + 1;
    max = LOG_WINDOW_MAX;
  }
}

/** True when `entry` lies strictly between the cursors, in list order. */
function inRangeOf(after: SortKey | null, before: SortKey | null): (entry: NexusLogEntryModel) => boolean {
  return (entry) => {
    const key = sortKeyOf(entry);
    return (after === null || compareSortKeys(key, after) > 0) && (before === null || compareSortKeys(key, before) < 0);
  };
}

async function forwardPage(
  read: ReadLogWindow,
  source: LogWindowSource,
  request: LogPageRequest,
  first: number,
): Promise<LogPage | null> {
  const { after, before } = request;
  const upper = minOf(request.until, after === null ? undefined : after.createdAt + 1);
  const lower = maxOf(request.since, before === null ? undefined : before.createdAt - 1);
  const inRange = inRangeOf(after, before);
  const collected: NexusLogEntryModel[] = [];
  let hasNextPage = false;
  for await (const chunk of readDown(read, source, lower, upper, Math.min(LOG_WINDOW_MAX, first + 1 + FORWARD_SLACK))) {
    if (chunk === null) return null;
    collected.push(...chunk.entries.filter(inRange));
    // Without `before`, every older entry is in the range: a further one exists when the window was full.
    if (collected.length > first || (collected.length === first && chunk.more && before === null)) {
      hasNextPage = true;
      break;
    }
  }
  return {
    entries: collected.slice(0, first),
    hasNextPage: hasNextPage || collected.length > first,
    hasPreviousPage: after !== null,
  };
}

/** The oldest `keep` entries of the range, from windows read downwards over all of it. */
async function oldestByWalkingDown(
  read: ReadLogWindow,
  source: LogWindowSource,
  lower: number | undefined,
  upper: number | undefined,
  inRange: (entry: NexusLogEntryModel) => boolean,
  keep: number,
): Promise<NexusLogEntryModel[] | null> {
  let tail: NexusLogEntryModel[] = [];
  for await (const chunk of readDown(read, source, lower, upper, LOG_WINDOW_MAX)) {
    if (chunk === null) return null;
    tail = [...tail, ...chunk.entries.filter(inRange)].slice(-keep);
  }
  return tail;
}

/**
 * The oldest `keep` entries of the range above `lower` (exclusive): one window from the top, then time windows
 * from `lower` upwards sized by the rate of entries the first one saw.
 */
async function oldestBySearchingUp(
  read: ReadLogWindow,
  source: LogWindowSource,
  lower: number,
  upper: number | undefined,
  inRange: (entry: NexusLogEntryModel) => boolean,
  keep: number,
): Promise<NexusLogEntryModel[] | null> {
  // The top window: everything when the range is short, else a sample of the entries' rate.
  let max = Math.min(LOG_WINDOW_MAX, 4 * (keep + FORWARD_SLACK));
  let topWindow: NexusLogEntryModel[];
  let oldest: number;
  let above: NexusLogEntryModel[];
  for (;;) {
    const top = await read({
      afterTime: lower,
      ...(upper === undefined ? {} : { beforeTime: upper }),
      maxEntries: max,
    });
    if (top === null) return null;
    topWindow = within(top, lower, upper);
    if (top.length < max) return sorted(topWindow).filter(inRange).slice(-keep);
    oldest = Math.min(...topWindow.map((entry) => entry.createdAt));
    above = topWindow.filter((entry) => entry.createdAt > oldest);
    if (above.length > 0) break;
    // The whole window is one time: read it again as wide as the upstream allows.
    if (max >= LOG_WINDOW_MAX) throw crowdedTime(source, oldest);
    max = LOG_WINDOW_MAX;
  }
  const newest = Math.max(...above.map((entry) => entry.createdAt));
  const perMs = above.length / (newest - oldest);
  let span = Math.max(1, Math.ceil((2 * (keep + FORWARD_SLACK)) / perMs));
  // `found` is complete for every time from `lower` + 1 to `from` - 1, in list order (newest first).
  let found: NexusLogEntryModel[] = [];
  let from = lower + 1;
  while (from <= oldest) {
    const to = Math.min(oldest, from + span - 1);
    const window = await read({ afterTime: from - 1, beforeTime: to + 1, maxEntries: LOG_WINDOW_MAX });
    if (window === null) return null;
    if (window.length >= LOG_WINDOW_MAX) {
      if (to === from) throw crowdedTime(source, from);
      span = Math.max(1, Math.floor((to - from + 1) / 4));
      continue;
    }
    found = [...sorted(within(window, from - 1, to + 1)), ...found];
    if (found.filter(inRange).length >= keep) return found.filter(inRange).slice(-keep);
    from = to + 1;
    span *= 2;
  }
  return [...sorted(above), ...found].filter(inRange).slice(-keep);
}

async function backwardPage(
  read: ReadLogWindow,
  source: LogWindowSource,
  request: LogPageRequest,
  last: number,
): Promise<LogPage | null> {
  const { after, before } = request;
  const upper = minOf(request.until, after === null ? undefined : after.createdAt + 1);
  const lower = maxOf(request.since, before === null ? undefined : before.createdAt - 1);
  const inRange = inRangeOf(after, before);
  // One more than the page: it says whether entries come before the page.
  const oldest =
    before === null || lower === undefined
      ? await oldestByWalkingDown(read, source, lower, upper, inRange, last + 1)
      : await oldestBySearchingUp(read, source, lower, upper, inRange, last + 1);
  if (oldest === null) return null;
  return { entries: oldest.slice(-last), hasNextPage: before !== null, hasPreviousPage: oldest.length > last };
}

/**
 * Reads one page of a job's log: `first` (or, without `first`, `last`) entries strictly between the cursors, in list
 * order. Resolves null when the job does not exist; rejects with the upstream's `UpstreamError`, or with an
 * `UPSTREAM_UNAVAILABLE` one when 1000 entries or more share one time on the page's way.
 */
export function readLogPage(
  read: ReadLogWindow,
  source: LogWindowSource,
  request: LogPageRequest,
): Promise<LogPage | null> {
  if (request.first !== null) return forwardPage(read, source, request, request.first);
  if (request.last !== null) return backwardPage(read, source, request, request.last);
  throw new Error("readLogPage: give first or last");
}
