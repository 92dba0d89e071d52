/**
 * The one rule for the Relay arguments of every connection (`src/pagination/arguments.ts`): every combination of
 * `first`, `last`, `after` and `before`, over the three kinds of list the engine reads (walked page by page, read by
 * position, read by key range like a Nexus job's log), gives the page of the Relay spec's algorithm (the items
 * strictly between the cursors, then the first `first`, then the last `last`), and the same page from each; every
 * refusal is `BAD_USER_INPUT` naming the argument, before any upstream call.
 */
import { describe, expect, it } from "vitest";
import { logEntrySource } from "../../src/backends/nexus/log-source";
import type { LogWindowQuery } from "../../src/backends/nexus/log-pages";
import type { NexusLogEntryModel } from "../../src/backends/nexus/to-model";
import { GatewayError } from "../../src/errors";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, pageArgumentsOf, type ConnectionArgs } from "../../src/pagination/arguments";
import type { Connection } from "../../src/pagination/connection";
import { encodeCursor } from "../../src/pagination/cursor";
import { filterFingerprint, paginate } from "../../src/pagination/paginate";
import { offsetChunkReader, tokenPageSource, type PageSource } from "../../src/pagination/sources";
import { compareSortKeys, sortKeyOf } from "../../src/pagination/sort-key";

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

/** 30 items in the gateway's order, with runs of one time (1, 3, 1, 2 items). */
const LIST: NexusLogEntryModel[] = (() => {
  const items: NexusLogEntryModel[] = [];
  const runs = [1, 3, 1, 2];
  for (let run = 0, id = 0; id < 30; run++) {
    for (let k = 0; k < (runs[run % runs.length] ?? 1) && id < 30; k++, id++)
      items.push(entry(id, 1_000_000 - run * 10));
  }
  return items.sort((a, b) => compareSortKeys(sortKeyOf(a), sortKeyOf(b)));
})();

/** The upstream's order: newest first, ties the other way round (no upstream promises the gateway's). */
const UPSTREAM = [...LIST].sort((a, b) => b.createdAt - a.createdAt || (a.ref < b.ref ? 1 : -1));

const KIND = "items";
const FILTER = filterFingerprint({});

interface Counted {
  source: PageSource<NexusLogEntryModel>;
  calls: () => number;
}

/** Walked from its first page, 4 items a page: no way to read from a position. */
function walkedList(): Counted {
  let calls = 0;
  const source = tokenPageSource(async (token) => {
    calls += 1;
    const start = token === null ? 0 : Number(token);
    return { items: UPSTREAM.slice(start, start + 4), next: start + 4 < UPSTREAM.length ? String(start + 4) : null };
  }, sortKeyOf);
  return { source, calls: () => calls };
}

/** Read by position (offsets as tokens), as ModelArts datasets are. */
function positionedList(): Counted {
  let calls = 0;
  const fetchPage = async (offset: number, limit: number) => {
    calls += 1;
    return { items: UPSTREAM.slice(offset, offset + limit), total: UPSTREAM.length };
  };
  const walked = walkedList();
  const source: PageSource<NexusLogEntryModel> = {
    ...walked.source,
    positioned: { provider: "NEXUS", reader: offsetChunkReader(fetchPage, 1000), include: () => true },
  };
  return { source, calls: () => calls + walked.calls() };
}

/** Read by key range: a Nexus job's log over time windows (`log-source.ts`). */
function rangedList(): Counted {
  let calls = 0;
  const read = async (query: LogWindowQuery) => {
    calls += 1;
    return UPSTREAM.filter(
      (e) =>
        (query.beforeTime === undefined || e.createdAt < query.beforeTime) &&
        (query.afterTime === undefined || e.createdAt > query.afterTime),
    ).slice(0, query.maxEntries);
  };
  const source = logEntrySource(read, { path: "/logs" }, { since: undefined, until: undefined });
  return { source, calls: () => calls };
}

const LISTS: [string, () => Counted][] = [
  ["walked", walkedList],
  ["read by position", positionedList],
  ["read by key range", rangedList],
];

function cursorOf(index: number): string {
  return encodeCursor({ kind: KIND, filter: FILTER, key: sortKeyOf(LIST[index] as NexusLogEntryModel) });
}

/** The Relay spec's page, straight from the list: the range, then `first`, then `last`. */
function specPage(args: { first?: number; last?: number; after?: number; before?: number }) {
  const range = LIST.slice(args.after === undefined ? 0 : args.after + 1, args.before ?? LIST.length);
  const first = args.first ?? (args.last === undefined ? DEFAULT_PAGE_SIZE : undefined);
  const firstCut = first === undefined ? range : range.slice(0, first);
  const page = args.last === undefined ? firstCut : firstCut.slice(Math.max(0, firstCut.length - args.last));
  return {
    refs: page.map((item) => item.ref),
    // With `first`: whether the range holds more; without, whether the `before` cursor's item follows.
    hasNextPage: first !== undefined ? range.length > first : args.before !== undefined,
    // With `last`: whether the `first` cut held more; without, whether the `after` cursor's item precedes.
    hasPreviousPage: args.last !== undefined ? firstCut.length > args.last : args.after !== undefined,
  };
}

function shapeOf(page: Connection<NexusLogEntryModel>) {
  return {
    refs: page.edges.map((edge) => edge.node.ref),
    hasNextPage: page.pageInfo.hasNextPage,
    hasPreviousPage: page.pageInfo.hasPreviousPage,
  };
}

/** Every combination of the four arguments being given or not (sizes 7 and 3; cursors at items 4 and 22). */
const COMBINATIONS = [
  ...[{}, { first: 7 }, { last: 3 }, { first: 7, last: 3 }].flatMap((sizes) =>
    [{}, { after: 4 }, { before: 22 }, { after: 4, before: 22 }].map((cursors) => ({ ...sizes, ...cursors })),
  ),
  // Edge cases of the combinations: a range shorter than `first`, `last` longer than `first`, an empty range.
  { first: 7, after: 18, before: 22 },
  { first: 3, last: 7 },
  { first: 7, last: 3, after: 24 },
  { after: 10, before: 11 },
  { last: 5, after: 22, before: 4 },
];

describe("the argument rule: every combination gives the spec's page", () => {
  describe.each(LISTS)("over a list %s", (_name, makeList) => {
    it.each(COMBINATIONS)("%j", async (combination) => {
      const args: ConnectionArgs = {
        ...(combination.first === undefined ? {} : { first: combination.first }),
        ...(combination.last === undefined ? {} : { last: combination.last }),
        ...(combination.after === undefined ? {} : { after: cursorOf(combination.after) }),
        ...(combination.before === undefined ? {} : { before: cursorOf(combination.before) }),
      };
      const page = await paginate({
        kind: KIND,
        filter: FILTER,
        args,
        source: () => makeList().source,
        keyOf: sortKeyOf,
      });
      expect(shapeOf(page)).toEqual(specPage(combination));
      // The cursors the page gives are its items' positions: a page from them is the next one along.
      for (const [index, edge] of page.edges.entries()) {
        expect(pageArgumentsOf({ after: edge.cursor }, KIND, FILTER).after?.key).toEqual(
          sortKeyOf(page.edges[index]?.node as NexusLogEntryModel),
        );
      }
    });
  });

  it("reads a list by key range once for first with last: the first page, cut", async () => {
    const list = rangedList();
    await paginate({
      kind: KIND,
      filter: FILTER,
      args: { first: 7, last: 3, after: cursorOf(4) },
      source: () => list.source,
      keyOf: sortKeyOf,
    });
    expect(list.calls()).toBe(1);
  });

  it("walks a list no further for first with last than for first alone", async () => {
    const both = walkedList();
    await paginate({
      kind: KIND,
      filter: FILTER,
      args: { first: 7, last: 3 },
      source: () => both.source,
      keyOf: sortKeyOf,
    });
    const alone = walkedList();
    await paginate({ kind: KIND, filter: FILTER, args: { first: 7 }, source: () => alone.source, keyOf: sortKeyOf });
    expect(both.calls()).toBe(alone.calls());
    expect(both.calls()).toBeLessThan(Math.ceil(LIST.length / 4));
  });

  it("reads a list by position for first with last as it reads first alone", async () => {
    const both = positionedList();
    await paginate({
      kind: KIND,
      filter: FILTER,
      args: { first: 7, last: 3 },
      source: () => both.source,
      keyOf: sortKeyOf,
    });
    const alone = positionedList();
    await paginate({ kind: KIND, filter: FILTER, args: { first: 7 }, source: () => alone.source, keyOf: sortKeyOf });
    expect(both.calls()).toBe(alone.calls());
  });
});

describe("the argument rule: what is refused", () => {
  const otherConnection = encodeCursor({
    kind: "webhooks",
    filter: FILTER,
    key: sortKeyOf(LIST[0] as NexusLogEntryModel),
  });
  const otherFilter = encodeCursor({
    kind: KIND,
    filter: filterFingerprint({ state: ["RUNNING"] }),
    key: sortKeyOf(LIST[0] as NexusLogEntryModel),
  });
  const sizeMessage = (name: string, value: number) =>
    `Argument "${name}" must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${value}.`;
  const refusals: [ConnectionArgs, string][] = [
    [{ first: 0 }, sizeMessage("first", 0)],
    [{ first: -1 }, sizeMessage("first", -1)],
    [{ first: 101 }, sizeMessage("first", 101)],
    [{ first: 2.5 }, sizeMessage("first", 2.5)],
    [{ last: 0 }, sizeMessage("last", 0)],
    [{ last: -5 }, sizeMessage("last", -5)],
    [{ last: 101 }, sizeMessage("last", 101)],
    [{ first: 3, last: 0 }, sizeMessage("last", 0)],
    [{ first: 101, last: 101 }, sizeMessage("first", 101)],
    [{ first: 0, after: "garbage" }, sizeMessage("first", 0)],
    [{ after: "garbage" }, 'Argument "after": not a cursor issued by this API. Use a cursor from pageInfo or an edge.'],
    [
      { before: "eyJ2IjoxfQ" },
      'Argument "before": not a cursor issued by this API. Use a cursor from pageInfo or an edge.',
    ],
    [
      { after: "garbage", before: "garbage" },
      'Argument "after": not a cursor issued by this API. Use a cursor from pageInfo or an edge.',
    ],
    [
      { first: 3, after: otherConnection },
      'Argument "after": this cursor belongs to the "webhooks" connection, not "items".',
    ],
    [
      { last: 3, before: otherConnection },
      'Argument "before": this cursor belongs to the "webhooks" connection, not "items".',
    ],
    [
      { first: 3, last: 2, before: otherFilter },
      'Argument "before": this cursor was issued for other filter arguments; use the same filters as the page it came from, or start again without a cursor.',
    ],
  ];

  it.each(refusals)("refuses %j, naming the argument", (args, message) => {
    expect(() => pageArgumentsOf(args, KIND, FILTER)).toThrow(new GatewayError("BAD_USER_INPUT", message));
  });

  describe.each(LISTS)("over a list %s", (_name, makeList) => {
    it.each(refusals)("refuses %j the same way, before any upstream call", async (args, message) => {
      const list = makeList();
      const attempt = paginate({ kind: KIND, filter: FILTER, args, source: () => list.source, keyOf: sortKeyOf });
      await expect(attempt).rejects.toThrow(new GatewayError("BAD_USER_INPUT", message));
      await expect(attempt).rejects.toMatchObject({ code: "BAD_USER_INPUT" });
      expect(list.calls()).toBe(0);
    });
  });

  it("accepts the bounds of the sizes, and gives the default size when neither is given", () => {
    expect(pageArgumentsOf({ first: 1, last: MAX_PAGE_SIZE }, KIND, FILTER)).toMatchObject({
      first: 1,
      last: MAX_PAGE_SIZE,
    });
    expect(pageArgumentsOf({}, KIND, FILTER)).toEqual({
      first: DEFAULT_PAGE_SIZE,
      last: null,
      after: null,
      before: null,
    });
    expect(pageArgumentsOf({ first: null, last: null, after: null, before: null }, KIND, FILTER)).toMatchObject({
      first: DEFAULT_PAGE_SIZE,
      last: null,
    });
    expect(pageArgumentsOf({ last: 5 }, KIND, FILTER)).toMatchObject({ first: null, last: 5 });
  });
});
