/**
 * The long-log walks of `NexusJob.logs` (see log-connection.test.ts and log-walk-single.test.ts): a job of the file's
 * tenant gets a synthetic log of 1,200 entries, with runs of entries that share one time (up to 500 of them, so
 * pages and the upstream's windows end inside shared times), and walks check it entry by entry against the
 * emulator's own log, counting the upstream calls of every page.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { tenantNamed, useTenant, type Tenant, type WireLogEntry } from "../utils/tenant";
import { gqlData, upstreamGet, walk, type Page } from "./helpers";

export interface Entry {
  nexusId: string;
  createdAt: string;
  level: string;
}

export const LOG_QUERY = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $minLevel: LogLevel, $since: DateTime, $until: DateTime) {
  job(id: $id) { ... on NexusJob {
    logs(first: $first, after: $after, last: $last, before: $before, minLevel: $minLevel, since: $since, until: $until) {
      edges { cursor node { nexusId createdAt level } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;

/** Group sizes, newest first: mostly single times, pairs and fours, and runs of 300 and 500 entries at one time. */
function groupSizes(): number[] {
  const sizes: number[] = [];
  for (let group = 0; group < 900; group++)
    sizes.push(group === 60 ? 300 : group === 200 ? 500 : group % 9 === 0 ? 4 : group % 5 === 0 ? 2 : 1);
  return sizes;
}

/**
 * The log's length: about the shortest that holds every boundary the walks must cross. Its newest 1,102 entries hold
 * both long runs of one time (300 entries from the 92nd, 500 from the 603rd), so forward windows (`first` + 21
 * entries) start and end inside them; and it is longer than the upstream's 1000 entries a call, so a backward walk's
 * first page reads it in two windows, the first of which ends inside the run of 500 (and is read again from that
 * time). A longer log crosses no other kind of boundary, only more of the same, each costing a page per entry at
 * size 1 (the log had 3,000 entries, and the two size-1 walks took 98 s).
 */
export const ENTRIES = 1200;

/** A long log in one emulator tenant: whose request log counts its walk's calls, the job, its entries in list order. */
export interface LongLog {
  tenant: Tenant;
  jobId: string;
  expected: Entry[];
}

/** The long log of the file's tenant (its job and entries are set by {@link useLongLog}'s `beforeAll`). */
export const longLog: LongLog = { tenant: useTenant(), jobId: "", expected: [] };

/** The gateway's order: newest first, then by id (`src/pagination/sort-key.ts`). */
export function inListOrder(entries: WireLogEntry[]): Entry[] {
  return [...entries]
    .sort((a, b) => b.createTime - a.createTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((entry) => ({ nexusId: entry.id, createdAt: new Date(entry.createTime).toISOString(), level: entry.level }));
}

/** The logs calls the gateway made since the last clear (in the file's tenant, or in `tenant`). */
export async function logCalls(tenant: Tenant = longLog.tenant): Promise<URLSearchParams[]> {
  return (await tenant.requests())
    .filter((request) => request.path.endsWith("/logs"))
    .map((request) => new URLSearchParams(request.query));
}

/**
 * Splits a walk's logs calls (oldest first) into pages, by the call that starts each page (`log-pages.ts`): a forward
 * page starts with its window of `first` + 21 entries (any further window asks for 1000); a backward page with its
 * top window, the one call without `beforeTime` (the time windows that follow have both bounds).
 */
function callsPerPage(calls: URLSearchParams[], direction: "forward" | "backward", size: number): number[] {
  const starts = (params: URLSearchParams): boolean =>
    direction === "forward" ? params.get("maxEntries") === String(size + 21) : params.get("beforeTime") === null;
  const pages: number[] = [];
  for (const params of calls) {
    if (starts(params) || pages.length === 0) pages.push(1);
    else pages[pages.length - 1] = (pages.at(-1) ?? 0) + 1;
  }
  return pages;
}

/**
 * Walks the log and counts the upstream logs calls of every page. Without time filters, one read of the request log
 * after the walk, split by {@link callsPerPage}; with them (every call then has `beforeTime`), a clear and a read
 * per page.
 */
export async function countedWalk(
  direction: "forward" | "backward",
  size: number,
  filters: Record<string, unknown> = {},
  log: LongLog = longLog,
) {
  const perPage = Object.keys(filters).length > 0;
  const counted: number[] = [];
  await log.tenant.clearRequests();
  const result = await walk<Entry>(
    direction,
    size,
    async (args) => {
      if (perPage) await log.tenant.clearRequests();
      const page = (
        await gqlData<{ job: { logs: Page<Entry> } }>(
          LOG_QUERY,
          { id: log.jobId, ...filters, ...args },
          log.tenant.demo,
        )
      ).job.logs;
      if (perPage) counted.push((await logCalls(log.tenant)).length);
      return page;
    },
    ENTRIES + 10,
  );
  const calls = perPage ? counted : callsPerPage(await logCalls(log.tenant), direction, size);
  expect(calls).toHaveLength(result.pages);
  return { ...result, calls };
}

/** Pages of `size` that may need a second call: those that start in a run of one time longer than their window, and one more each side. */
function crowdedPages(size: number, log: LongLog): number {
  const perTime = new Map<string, number>();
  for (const entry of log.expected) perTime.set(entry.createdAt, (perTime.get(entry.createdAt) ?? 0) + 1);
  return [...perTime.values()]
    .filter((count) => count > size + 21)
    .reduce((sum, count) => sum + Math.ceil(count / size) + 2, 0);
}

/** Gives a job of `log.tenant` the long log (after a reset of that tenant). */
async function prepareLongLog(log: LongLog): Promise<void> {
  await log.tenant.reset();
  const job = (await upstreamGet<{ data: { id: string }[] }>("jobs?limit=1", log.tenant.demo)).body.data[0];
  if (job === undefined) throw new Error("no seeded job");
  log.jobId = job.id;
  const summary = await log.tenant.setSyntheticLog(log.jobId, { entries: ENTRIES, sameTime: groupSizes() });
  expect(summary.entries).toBe(ENTRIES);
  const entries = await log.tenant.syntheticLog(log.jobId);
  expect(entries).toHaveLength(ENTRIES);
  log.expected = inListOrder(entries);
  // The runs of one time are there: the window boundary case is real.
  const perTime = new Map<number, number>();
  for (const entry of entries) perTime.set(entry.createTime, (perTime.get(entry.createTime) ?? 0) + 1);
  expect(Math.max(...perTime.values())).toBe(500);
  // And the upstream's first full window (1000 entries, newest first) ends inside one of them.
  expect(log.expected[999]?.createdAt).toBe(log.expected[1000]?.createdAt);
}

/** Gives a job of this file's tenant the long log, before the file's tests. */
export function useLongLog(): void {
  beforeAll(() => prepareLongLog(longLog));
}

/** Options of {@link describeLogWalks}. */
export interface LogWalkOptions {
  /**
   * Run every walk at the same time, each but the first over a long log of a tenant of its own (whose request log
   * counts its calls alone). A walk is one request after another, so walks at once use the machine's two cores.
   */
  concurrent?: boolean;
}

/** The walk tests for each page size: forwards and backwards, entry by entry, with their calls per page counted. */
export function describeLogWalks(sizes: number[], options: LogWalkOptions = {}): void {
  const concurrent = options.concurrent === true;
  // Without `concurrent`, every walk is over the file's log, one after the other. With it, the first forward walk
  // is, and each other walk has a tenant named after the file's, its direction and its size.
  const logOf = (direction: "forward" | "backward", size: number): LongLog =>
    !concurrent || (direction === "forward" && size === sizes[0])
      ? longLog
      : { tenant: tenantNamed(`${longLog.tenant.name}-${direction}-${size}`), jobId: "", expected: [] };
  const logs = sizes.map((size) => ({ size, forward: logOf("forward", size), backward: logOf("backward", size) }));
  const ownLogs = logs.flatMap(({ forward, backward }) => [forward, backward]).filter((log) => log !== longLog);
  if (ownLogs.length > 0)
    beforeAll(async () => {
      await Promise.all(ownLogs.map(prepareLongLog));
    });
  const test = concurrent ? it.concurrent : it;
  describe(`walking a ${ENTRIES}-entry log`, () => {
    for (const { size, forward, backward } of logs) {
      test(`forwards with first: ${size} sees every entry once, in order, in one upstream call a page (two where a window ends in a shared time)`, async () => {
        const { nodes, pages, calls } = await countedWalk("forward", size, {}, forward);
        expect(nodes).toEqual(forward.expected);
        expect(pages).toBe(Math.ceil(ENTRIES / size));
        expect(Math.max(...calls)).toBeLessThanOrEqual(2);
        // Only pages whose first window ran into a run of one time (300 or 500 entries) need a second call.
        expect(calls.filter((count) => count === 2).length).toBeLessThanOrEqual(crowdedPages(size, forward));
      }, 600_000);

      test(`backwards with last: ${size} sees every entry once, in order, in at most a few upstream calls a page`, async () => {
        const { nodes, pages, calls } = await countedWalk("backward", size, {}, backward);
        expect(nodes).toEqual(backward.expected);
        expect(pages).toBe(Math.ceil(ENTRIES / size));
        // The first page (the oldest entries, no cursor) walks the whole log down, 1000 entries a call.
        expect(calls[0]).toBeGreaterThanOrEqual(Math.ceil(ENTRIES / 1000));
        expect(calls[0]).toBeLessThanOrEqual(Math.ceil(ENTRIES / 1000) + 2);
        // Every later page: the top window, then time windows sized from it.
        expect(Math.max(...calls.slice(1))).toBeLessThanOrEqual(4);
        const mean = calls.slice(1).reduce((sum, count) => sum + count, 0) / Math.max(1, calls.length - 1);
        expect(mean).toBeLessThanOrEqual(2.5);
      }, 600_000);
    }
  });
}
