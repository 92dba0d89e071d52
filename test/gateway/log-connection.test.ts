/**
 * `NexusJob.logs` as a Relay connection over a log far longer than the upstream's 1000 entries per call: walks in
 * both directions with page sizes 1, 7 and 100 see every entry exactly once, checked entry by entry against the
 * emulator's own log (a synthetic log of 3,000 entries, with runs of entries that share one time, up to 500 of
 * them, so pages and the upstream's windows end inside shared times). The upstream calls of every page are counted
 * from the emulator's request log.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTenant, type WireLogEntry } from "../utils/tenant";
import { clearUpstreamRequests, gql, gqlData, resetEmulator, upstreamGet, upstreamRequests, walk, type Page } from "./helpers";

interface Entry {
  nexusId: string;
  createdAt: string;
  level: string;
}

const LOG_QUERY = `query($id: ID!, $first: Int, $after: String, $last: Int, $before: String, $minLevel: LogLevel, $since: DateTime, $until: DateTime) {
  job(id: $id) { ... on NexusJob {
    logs(first: $first, after: $after, last: $last, before: $before, minLevel: $minLevel, since: $since, until: $until) {
      edges { cursor node { nexusId createdAt level } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }`;

/** Group sizes, newest first: mostly single times, pairs and fours, and runs of 300 and 500 entries at one time. */
function groupSizes(): number[] {
  const sizes: number[] = [];
  for (let group = 0; group < 900; group++) sizes.push(group === 150 ? 300 : group === 420 ? 500 : group % 9 === 0 ? 4 : group % 5 === 0 ? 2 : 1);
  return sizes;
}

const ENTRIES = 3000;
let jobId = "";
let expected: Entry[] = [];

/** The gateway's order: newest first, then by id (`src/pagination/sort-key.ts`). */
function inListOrder(entries: WireLogEntry[]): Entry[] {
  return [...entries]
    .sort((a, b) => b.createTime - a.createTime || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((entry) => ({ nexusId: entry.id, createdAt: new Date(entry.createTime).toISOString(), level: entry.level }));
}

/** The logs calls the gateway made since the last clear. */
async function logCalls(): Promise<URLSearchParams[]> {
  return (await upstreamRequests()).filter((request) => request.path.endsWith("/logs")).map((request) => new URLSearchParams(request.query));
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
async function countedWalk(direction: "forward" | "backward", size: number, filters: Record<string, unknown> = {}) {
  const perPage = Object.keys(filters).length > 0;
  const counted: number[] = [];
  await clearUpstreamRequests();
  const result = await walk<Entry>(
    direction,
    size,
    async (args) => {
      if (perPage) await clearUpstreamRequests();
      const page = (await gqlData<{ job: { logs: Page<Entry> } }>(LOG_QUERY, { id: jobId, ...filters, ...args })).job.logs;
      if (perPage) counted.push((await logCalls()).length);
      return page;
    },
    ENTRIES + 10,
  );
  const calls = perPage ? counted : callsPerPage(await logCalls(), direction, size);
  expect(calls).toHaveLength(result.pages);
  return { ...result, calls };
}

/** Pages of `size` that may need a second call: those that start in a run of one time longer than their window, and one more each side. */
function crowdedPages(size: number): number {
  const perTime = new Map<string, number>();
  for (const entry of expected) perTime.set(entry.createdAt, (perTime.get(entry.createdAt) ?? 0) + 1);
  return [...perTime.values()].filter((count) => count > size + 21).reduce((sum, count) => sum + Math.ceil(count / size) + 2, 0);
}

beforeAll(async () => {
  await resetEmulator();
  const job = (await upstreamGet<{ data: { id: string }[] }>("jobs?limit=1")).body.data[0];
  if (job === undefined) throw new Error("no seeded job");
  jobId = job.id;
  const summary = await useTenant().setSyntheticLog(jobId, { entries: ENTRIES, sameTime: groupSizes() });
  expect(summary.entries).toBe(ENTRIES);
  const log = await useTenant().syntheticLog(jobId);
  expect(log).toHaveLength(ENTRIES);
  expected = inListOrder(log);
  // The runs of one time are there: the window boundary case is real.
  const perTime = new Map<number, number>();
  for (const entry of log) perTime.set(entry.createTime, (perTime.get(entry.createTime) ?? 0) + 1);
  expect(Math.max(...perTime.values())).toBe(500);
});

describe("walking a 3,000-entry log", () => {
  for (const size of [1, 7, 100]) {
    it(`forwards with first: ${size} sees every entry once, in order, in one upstream call a page (two where a window ends in a shared time)`, async () => {
      const { nodes, pages, calls } = await countedWalk("forward", size);
      expect(nodes).toEqual(expected);
      expect(pages).toBe(Math.ceil(ENTRIES / size));
      expect(Math.max(...calls)).toBeLessThanOrEqual(2);
      // Only pages whose first window ran into a run of one time (300 or 500 entries) need a second call.
      expect(calls.filter((count) => count === 2).length).toBeLessThanOrEqual(crowdedPages(size));
    }, 600_000);

    it(`backwards with last: ${size} sees every entry once, in order, in at most a few upstream calls a page`, async () => {
      const { nodes, pages, calls } = await countedWalk("backward", size);
      expect(nodes).toEqual(expected);
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

  it("filters by minLevel and time across windows, forwards and backwards alike", async () => {
    const log = await useTenant().syntheticLog(jobId);
    const times = [...new Set(log.map((entry) => entry.createTime))].sort((a, b) => a - b);
    const since = times[Math.floor(times.length / 5)] ?? 0;
    const until = times[Math.floor((times.length * 4) / 5)] ?? 0;
    const filters = { minLevel: "WARNING", since: new Date(since).toISOString(), until: new Date(until).toISOString() };
    const want = inListOrder(
      log.filter((entry) => (entry.level === "Warning" || entry.level === "Error") && entry.createTime > since && entry.createTime < until),
    );
    expect(want.length).toBeGreaterThan(100);
    expect((await countedWalk("forward", 7, filters)).nodes).toEqual(want);
    expect((await countedWalk("backward", 7, filters)).nodes).toEqual(want);
    for (const params of await logCalls()) expect(params.get("minLevel")).toBe("Warning");
  }, 600_000);
});

describe("the latest entries and the cursors", () => {
  it("gives the latest 5 entries with first: 5, in one upstream call", async () => {
    await clearUpstreamRequests();
    const page = (await gqlData<{ job: { logs: Page<Entry> } }>(LOG_QUERY, { id: jobId, first: 5 })).job.logs;
    expect(page.edges.map((edge) => edge.node)).toEqual(expected.slice(0, 5));
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const calls = await logCalls();
    expect(calls.map((params) => [params.get("maxEntries"), params.get("beforeTime"), params.get("afterTime")])).toEqual([["26", null, null]]);
  });

  it("refuses a bad cursor and a cursor of other filters with BAD_USER_INPUT naming the argument, and calls nothing", async () => {
    const page = (await gqlData<{ job: { logs: Page<Entry> } }>(LOG_QUERY, { id: jobId, first: 1 })).job.logs;
    await clearUpstreamRequests();
    const bad = await gql(LOG_QUERY, { id: jobId, first: 3, after: "not-a-cursor" });
    expect(bad.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      ['Argument "after": not a cursor issued by this API. Use a cursor from pageInfo or an edge.', "BAD_USER_INPUT"],
    ]);
    const other = await gql(LOG_QUERY, { id: jobId, last: 3, before: page.pageInfo.endCursor, minLevel: "ERROR" });
    expect(other.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      [
        'Argument "before": this cursor was issued for other filter arguments; use the same filters as the page it came from, or start again without a cursor.',
        "BAD_USER_INPUT",
      ],
    ]);
    const both = await gql(LOG_QUERY, { id: jobId, first: 3, last: 3 });
    expect(both.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([['Give "first" or "last", not both.', "BAD_USER_INPUT"]]);
    const tooMany = await gql(LOG_QUERY, { id: jobId, first: 101 });
    expect(tooMany.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      ['Argument "first" must be an integer from 1 to 100, got 101.', "BAD_USER_INPUT"],
    ]);
    expect(await logCalls()).toEqual([]);
  });

  it("fails with UPSTREAM_UNAVAILABLE, not a silent gap, where 1000 entries share one time", async () => {
    const jobs = (await upstreamGet<{ data: { id: string }[] }>("jobs?limit=2")).body.data;
    const crowded = jobs[1]?.id;
    if (crowded === undefined) throw new Error("need a second job");
    await useTenant().setSyntheticLog(crowded, { entries: 1500, sameTime: [500, 1000] });
    const log = await useTenant().syntheticLog(crowded);
    const crowdedTime = Math.min(...log.map((entry) => entry.createTime));
    const result = await gql(LOG_QUERY, { id: crowded, first: 100, after: null });
    // The newest 500 are one complete time; the page asks for 100 of them: fine.
    expect(result.errors).toBeUndefined();
    const deep = await gql(LOG_QUERY, { id: crowded, last: 5 });
    expect(deep.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      [
        `nexus jobs.logs: 1000 entries or more share the time ${new Date(crowdedTime).toISOString()}; the upstream cannot page past them (from /projects/${useTenant().demo.project}/batch/jobs/${crowded}/logs)`,
        "UPSTREAM_UNAVAILABLE",
      ],
    ]);
  });
});
