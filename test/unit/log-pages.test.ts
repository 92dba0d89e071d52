/**
 * `readLogPage` (src/backends/nexus/log-pages.ts) over an in-memory upstream with the Nexus rules: newest first,
 * exclusive time bounds, at most `maxEntries`, and no promised order within a time (here: reversed id order, so a
 * window cut inside a time drops arbitrary entries). Pages between any two cursors, in both directions, and the
 * calls they cost.
 */
import { describe, expect, it } from "vitest";
import { readLogPage, type LogPageRequest, type LogWindowQuery } from "../../src/backends/nexus/log-pages";
import { logEntrySource } from "../../src/backends/nexus/log-source";
import { base64UrlEncode } from "../../src/encoding/base64url";
import { filterFingerprint, paginate } from "../../src/pagination/paginate";
import { compareSortKeys, sortKeyOf } from "../../src/pagination/sort-key";
import type { NexusLogEntryModel } from "../../src/backends/nexus/to-model";

function entry(id: number, createdAt: number): NexusLogEntryModel {
  const ref = `e${String(id).padStart(5, "0")}`;
  return {
    provider: "NEXUS",
    typename: "NexusLogEntry",
    tenant: "p",
    ref,
    createdAt,
    wire: { id: ref, kind: "k", createTime: createdAt, level: "Info", item: "i", status: "s", timeMs: 1 },
    kind: "logEntry",
    jobRef: "batchjob_1",
    level: "Info",
  };
}

/** A log with runs of one time: sizes cycle through `runs`, times 10 ms apart. */
function logOf(count: number, runs: number[]): NexusLogEntryModel[] {
  const entries: NexusLogEntryModel[] = [];
  for (let run = 0, id = 0; id < count; run++) {
    const size = runs[run % runs.length] ?? 1;
    for (let k = 0; k < size && id < count; k++, id++) entries.push(entry(id, 1_000_000 + run * 10));
  }
  return entries.sort((a, b) => compareSortKeys(sortKeyOf(a), sortKeyOf(b)));
}

function upstream(log: NexusLogEntryModel[]) {
  const calls: LogWindowQuery[] = [];
  // Newest first; within a time, the reverse of the list order.
  const wireOrder = [...log].sort((a, b) => b.createdAt - a.createdAt || (a.ref < b.ref ? 1 : -1));
  const read = async (query: LogWindowQuery) => {
    calls.push(query);
    return wireOrder
      .filter(
        (e) =>
          (query.beforeTime === undefined || e.createdAt < query.beforeTime) &&
          (query.afterTime === undefined || e.createdAt > query.afterTime),
      )
      .slice(0, query.maxEntries);
  };
  return { read, calls };
}

const SOURCE = { path: "/projects/p/batch/jobs/batchjob_1/logs" };
const NONE: LogPageRequest = { first: null, last: null, after: null, before: null, since: undefined, until: undefined };

describe("readLogPage", () => {
  const log = logOf(2500, [1, 3, 1, 1, 600, 1, 2, 1, 40]);

  it("walks forwards and backwards over windows and runs of one time, every entry once", async () => {
    for (const size of [1, 7, 100]) {
      const { read, calls } = upstream(log);
      const forward: NexusLogEntryModel[] = [];
      let after = null;
      for (;;) {
        const page = await readLogPage(read, SOURCE, { ...NONE, first: size, after });
        if (page === null) throw new Error("gone");
        forward.push(...page.entries);
        if (!page.hasNextPage) break;
        after = sortKeyOf(page.entries.at(-1) as NexusLogEntryModel);
      }
      expect(forward.map((e) => e.ref)).toEqual(log.map((e) => e.ref));
      const pages = Math.ceil(log.length / size);
      // One call a page, two where a window ends in a run of 600, three where two such runs are close (four runs here).
      expect(calls.length).toBeLessThanOrEqual(2 * pages + 4);

      const backward: NexusLogEntryModel[] = [];
      let before = null;
      for (;;) {
        const page = await readLogPage(read, SOURCE, { ...NONE, last: size, before });
        if (page === null) throw new Error("gone");
        backward.unshift(...page.entries);
        if (!page.hasPreviousPage) break;
        before = sortKeyOf(page.entries[0] as NexusLogEntryModel);
      }
      expect(backward.map((e) => e.ref)).toEqual(log.map((e) => e.ref));
    }
  });

  it("gives the entries strictly between two cursors, with first and with last", async () => {
    const { read } = upstream(log);
    const after = sortKeyOf(log[100] as NexusLogEntryModel);
    const before = sortKeyOf(log[1300] as NexusLogEntryModel);
    const head = await readLogPage(read, SOURCE, { ...NONE, first: 50, after, before });
    expect(head?.entries.map((e) => e.ref)).toEqual(log.slice(101, 151).map((e) => e.ref));
    expect(head).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const tail = await readLogPage(read, SOURCE, { ...NONE, last: 50, after, before });
    expect(tail?.entries.map((e) => e.ref)).toEqual(log.slice(1250, 1300).map((e) => e.ref));
    expect(tail).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const close = await readLogPage(read, SOURCE, {
      ...NONE,
      first: 50,
      after,
      before: sortKeyOf(log[120] as NexusLogEntryModel),
    });
    expect(close?.entries.map((e) => e.ref)).toEqual(log.slice(101, 120).map((e) => e.ref));
    expect(close?.hasNextPage).toBe(false);
  });

  it("reads the latest entries in one call, and says null for a job that is gone", async () => {
    const short = logOf(300, [1, 2]);
    const { read, calls } = upstream(short);
    const page = await readLogPage(read, SOURCE, { ...NONE, first: 5 });
    expect(page?.entries.map((e) => e.ref)).toEqual(short.slice(0, 5).map((e) => e.ref));
    expect(calls).toEqual([{ maxEntries: 26 }]);
    expect(await readLogPage(async () => null, SOURCE, { ...NONE, first: 5 })).toBeNull();
  });

  it("refuses to skip a time shared by 1000 entries", async () => {
    const crowded = logOf(1500, [500, 1000]);
    const { read } = upstream(crowded);
    await expect(readLogPage(read, SOURCE, { ...NONE, last: 3 })).rejects.toThrow(
      /1000 entries or more share the time/,
    );
  });
});

describe("the log through paginate", () => {
  const log = logOf(300, [1, 3, 1, 2]);
  const filter = filterFingerprint({ job: "batchjob_1" });

  it("takes a cursor as the log's own paging wrote it before, and gives the entries after it in one call", async () => {
    const { read, calls } = upstream(log);
    const at = log[40] as NexusLogEntryModel;
    // The payload the resolver encoded before the log went through paginate: {v: 2, k, f, c, p, r}.
    const old = base64UrlEncode(
      JSON.stringify({ v: 2, k: "NexusJob.logs", f: filter, c: at.createdAt, p: "NEXUS", r: at.ref }),
    );
    const page = await paginate({
      kind: "NexusJob.logs",
      filter,
      args: { first: 5, after: old },
      source: () => logEntrySource(read, SOURCE, { since: undefined, until: undefined }),
      keyOf: sortKeyOf,
    });
    expect(page.edges.map((edge) => edge.node.ref)).toEqual(log.slice(41, 46).map((e) => e.ref));
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    // What it writes now is the same payload, so cursors of either kind work with either.
    expect(page.edges[0]?.cursor).toBe(
      base64UrlEncode(
        JSON.stringify({ v: 2, k: "NexusJob.logs", f: filter, c: log[41]?.createdAt, p: "NEXUS", r: log[41]?.ref }),
      ),
    );
    expect(calls).toHaveLength(1);
  });

  it("says the job is gone when the upstream has no such job, and gives an empty page", async () => {
    const source = logEntrySource(async () => null, SOURCE, { since: undefined, until: undefined });
    const page = await paginate({
      kind: "NexusJob.logs",
      filter,
      args: { first: 5 },
      source: () => source,
      keyOf: sortKeyOf,
    });
    expect(page.edges).toEqual([]);
    expect(source.jobGone).toBe(true);
  });
});
