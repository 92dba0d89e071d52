/**
 * `NexusJob.logs` as a Relay connection over a log longer than the upstream's 1000 entries per call
 * (`log-walk.ts`): walks in both directions with page sizes 7 and 100, all four at once over logs of their own
 * tenants (page size 1 is log-walk-single.test.ts, in the heavy project: 2,400 requests), filters across windows,
 * the latest entries in one call, bad cursors, and the refusal of a time shared by 1000 entries.
 */
import { describe, expect, it } from "vitest";
import { useTenant } from "../utils/tenant";
import { clearUpstreamRequests, gql, gqlData, upstreamGet, type Page } from "./helpers";
import {
  countedWalk,
  describeLogWalks,
  inListOrder,
  LOG_QUERY,
  logCalls,
  longLog,
  useLongLog,
  type Entry,
} from "./log-walk";

useLongLog();
describeLogWalks([7, 100], { concurrent: true });

describe("filters over the long log", () => {
  it("filters by minLevel and time across windows, forwards and backwards alike", async () => {
    const log = await useTenant().syntheticLog(longLog.jobId);
    const times = [...new Set(log.map((entry) => entry.createTime))].sort((a, b) => a - b);
    const since = times[Math.floor(times.length / 5)] ?? 0;
    const until = times[Math.floor((times.length * 4) / 5)] ?? 0;
    const filters = { minLevel: "WARNING", since: new Date(since).toISOString(), until: new Date(until).toISOString() };
    const want = inListOrder(
      log.filter(
        (entry) =>
          (entry.level === "Warning" || entry.level === "Error") &&
          entry.createTime > since &&
          entry.createTime < until,
      ),
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
    const page = (await gqlData<{ job: { logs: Page<Entry> } }>(LOG_QUERY, { id: longLog.jobId, first: 5 })).job.logs;
    expect(page.edges.map((edge) => edge.node)).toEqual(longLog.expected.slice(0, 5));
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const calls = await logCalls();
    expect(
      calls.map((params) => [params.get("maxEntries"), params.get("beforeTime"), params.get("afterTime")]),
    ).toEqual([["26", null, null]]);
  });

  it("refuses a bad cursor, a cursor of other filters and a bad size with BAD_USER_INPUT naming the argument, calling nothing; answers first with last by the one rule", async () => {
    const page = (await gqlData<{ job: { logs: Page<Entry> } }>(LOG_QUERY, { id: longLog.jobId, first: 1 })).job.logs;
    await clearUpstreamRequests();
    const bad = await gql(LOG_QUERY, { id: longLog.jobId, first: 3, after: "not-a-cursor" });
    expect(bad.body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      ['Argument "after": not a cursor issued by this API. Use a cursor from pageInfo or an edge.', "BAD_USER_INPUT"],
    ]);
    const other = await gql(LOG_QUERY, {
      id: longLog.jobId,
      last: 3,
      before: page.pageInfo.endCursor,
      minLevel: "ERROR",
    });
    expect(other.body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      [
        'Argument "before": this cursor was issued for other filter arguments; use the same filters as the page it came from, or start again without a cursor.',
        "BAD_USER_INPUT",
      ],
    ]);
    const tooMany = await gql(LOG_QUERY, { id: longLog.jobId, first: 101 });
    expect(tooMany.body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      ['Argument "first" must be an integer from 1 to 100, got 101.', "BAD_USER_INPUT"],
    ]);
    expect(await logCalls()).toEqual([]);
    // `first` with `last` is no longer refused (the one rule of every connection, src/pagination/arguments.ts):
    // the first 3 entries, then the last 2 of those, in the one call of a first page.
    const both = await gqlData<{ job: { logs: Page<Entry> } }>(LOG_QUERY, { id: longLog.jobId, first: 3, last: 2 });
    expect(both.job.logs.edges.map((edge) => edge.node)).toEqual(longLog.expected.slice(1, 3));
    expect(both.job.logs.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(await logCalls()).toHaveLength(1);
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
    expect(result.body.errors).toBeUndefined();
    const deep = await gql(LOG_QUERY, { id: crowded, last: 5 });
    expect(deep.body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
      [
        `nexus jobs.logs: 1000 entries or more share the time ${new Date(crowdedTime).toISOString()}; the upstream cannot page past them (from /projects/${useTenant().demo.project}/batch/jobs/${crowded}/logs)`,
        "UPSTREAM_UNAVAILABLE",
      ],
    ]);
  });
});
