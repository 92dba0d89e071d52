/**
 * One rule for the Relay arguments of every connection (`src/pagination/arguments.ts`), through the front door:
 * `jobs`, `datasets`, `webhooks` and `NexusJob.logs` answer every combination of `first`, `last`, `after` and
 * `before` the same way (the Relay spec's page: the items strictly between the cursors, then the first `first`, then
 * the last `last`), and refuse the same arguments with the same `BAD_USER_INPUT` message naming the argument, before
 * any upstream call.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTenant } from "../utils/tenant";
import {
  clearUpstreamRequests,
  gql,
  gqlData,
  resetEmulator,
  upstreamGet,
  upstreamRequests,
  type GraphQLResponse,
  type Page,
} from "./helpers";

type Node = { id: string };
type Args = Record<string, unknown>;

const PAGE = "edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }";
const ARGS = "first: $first, after: $after, last: $last, before: $before";
const VARS = "$first: Int, $after: String, $last: Int, $before: String";

let logJobId = "";

interface ConnectionUnderTest {
  name: string;
  /** The kind its cursors carry (named when refused by another connection). */
  kind: string;
  /** One request for a page; the page, or null, at `path`. */
  request: (args: Args) => Promise<GraphQLResponse<Record<string, unknown>>>;
  pageOf: (data: Record<string, unknown> | null | undefined) => Page<Node> | null;
  /** The whole list, in order, with each item's cursor. */
  all: Page<Node>;
}

const connections: ConnectionUnderTest[] = [
  {
    name: "jobs",
    kind: "jobs",
    request: (args) => gql(`query(${VARS}) { jobs(${ARGS}) { ${PAGE} } }`, args),
    pageOf: (data) => (data?.["jobs"] ?? null) as Page<Node> | null,
    all: emptyPage(),
  },
  {
    name: "datasets",
    kind: "datasets",
    request: (args) => gql(`query(${VARS}) { datasets(${ARGS}, includeExpired: true) { ${PAGE} } }`, args),
    pageOf: (data) => (data?.["datasets"] ?? null) as Page<Node> | null,
    all: emptyPage(),
  },
  {
    name: "webhooks",
    kind: "webhooks",
    request: (args) => gql(`query(${VARS}) { webhooks(${ARGS}) { ${PAGE} } }`, args),
    pageOf: (data) => (data?.["webhooks"] ?? null) as Page<Node> | null,
    all: emptyPage(),
  },
  {
    name: "NexusJob.logs",
    kind: "NexusJob.logs",
    request: (args) =>
      gql(`query($id: ID!, ${VARS}) { job(id: $id) { ... on NexusJob { logs(${ARGS}) { ${PAGE} } } } }`, {
        id: logJobId,
        ...args,
      }),
    pageOf: (data) =>
      ((data?.["job"] as Record<string, unknown> | null | undefined)?.["logs"] ?? null) as Page<Node> | null,
    all: emptyPage(),
  },
];

function emptyPage(): Page<Node> {
  return { edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } };
}

beforeAll(async () => {
  await resetEmulator();
  // The demo project has 3 webhooks: 5 more, so that every list is longer than the ranges below.
  for (let index = 0; index < 5; index++) {
    await gqlData(`mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }`, {
      input: { name: `rule-${index}`, endpoint: `https://example.com/rule/${index}` },
    });
  }
  const job = (await upstreamGet<{ data: { id: string }[] }>("jobs?limit=1")).body.data[0];
  if (job === undefined) throw new Error("no seeded job");
  logJobId = job.id;
  await useTenant().setSyntheticLog(logJobId, { entries: 30, sameTime: [1, 3, 1, 2] });
  for (const connection of connections) {
    const result = await connection.request({ first: 100 });
    expect(result.body.errors, result.text).toBeUndefined();
    const all = connection.pageOf(result.body.data);
    if (all === null) throw new Error(`${connection.name}: no list`);
    expect(all.pageInfo.hasNextPage).toBe(false);
    expect(all.edges.length).toBeGreaterThanOrEqual(8);
    connection.all = all;
  }
});

/** Cursors at items 1 and 6 of each list; sizes 3 and 2. */
interface Combination {
  first?: number;
  last?: number;
  after?: number;
  before?: number;
}

const COMBINATIONS: Combination[] = [
  ...[{}, { first: 3 }, { last: 2 }, { first: 3, last: 2 }].flatMap((sizes) =>
    [{}, { after: 1 }, { before: 6 }, { after: 1, before: 6 }].map((cursors): Combination => ({
      ...sizes,
      ...cursors,
    })),
  ),
  { first: 2, last: 3, after: 1 },
  { first: 3, last: 2, after: 5, before: 7 },
];

/** The spec's page of `combination` over `all`: node ids and pageInfo flags. */
function specPage(all: Page<Node>, combination: Combination) {
  const range = all.edges.slice(
    combination.after === undefined ? 0 : combination.after + 1,
    combination.before ?? all.edges.length,
  );
  const first = combination.first ?? (combination.last === undefined ? 20 : undefined);
  const firstCut = first === undefined ? range : range.slice(0, first);
  const page =
    combination.last === undefined ? firstCut : firstCut.slice(Math.max(0, firstCut.length - combination.last));
  return {
    ids: page.map((edge) => edge.node.id),
    hasNextPage: first !== undefined ? range.length > first : combination.before !== undefined,
    hasPreviousPage:
      combination.last !== undefined ? firstCut.length > combination.last : combination.after !== undefined,
  };
}

function argsOf(connection: ConnectionUnderTest, combination: Combination): Args {
  const cursor = (index: number) => connection.all.edges[index]?.cursor;
  return {
    first: combination.first ?? null,
    last: combination.last ?? null,
    after: combination.after === undefined ? null : cursor(combination.after),
    before: combination.before === undefined ? null : cursor(combination.before),
  };
}

describe("every combination of first, last, after and before", () => {
  it.each(COMBINATIONS)("%j: the spec's page on jobs, datasets, webhooks and logs alike", async (combination) => {
    const answers: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const connection of connections) {
      const result = await connection.request(argsOf(connection, combination));
      expect(result.body.errors, result.text).toBeUndefined();
      const page = connection.pageOf(result.body.data);
      answers[connection.name] =
        page === null
          ? null
          : {
              ids: page.edges.map((edge) => edge.node.id),
              hasNextPage: page.pageInfo.hasNextPage,
              hasPreviousPage: page.pageInfo.hasPreviousPage,
            };
      expected[connection.name] = specPage(connection.all, combination);
    }
    expect(answers).toEqual(expected);
  });
});

describe("refused arguments", () => {
  const refusals: [Args, string][] = [
    [{ first: 0 }, 'Argument "first" must be an integer from 1 to 100, got 0.'],
    [{ first: -1 }, 'Argument "first" must be an integer from 1 to 100, got -1.'],
    [{ first: 101 }, 'Argument "first" must be an integer from 1 to 100, got 101.'],
    [{ last: -3 }, 'Argument "last" must be an integer from 1 to 100, got -3.'],
    [{ first: 3, last: 101 }, 'Argument "last" must be an integer from 1 to 100, got 101.'],
    [{ first: 0, after: "garbage" }, 'Argument "first" must be an integer from 1 to 100, got 0.'],
    [
      { first: 2, after: "garbage" },
      'Argument "after": not a cursor issued by this API. Use a cursor from pageInfo or an edge.',
    ],
    [
      { last: 2, before: "eyJ2IjoxfQ" },
      'Argument "before": not a cursor issued by this API. Use a cursor from pageInfo or an edge.',
    ],
  ];

  it.each(refusals)(
    "%j: the same BAD_USER_INPUT from every connection, and no upstream call",
    async (args, message) => {
      await clearUpstreamRequests();
      for (const connection of connections) {
        const result = await connection.request(args);
        expect(connection.pageOf(result.body.data), connection.name).toBeNull();
        expect(
          result.body.errors?.map((error) => [error.message, error.extensions?.code]),
          connection.name,
        ).toEqual([[message, "BAD_USER_INPUT"]]);
      }
      // The log's job is read (its field is on the job); no list or log is.
      expect((await upstreamRequests()).filter((request) => !/\/jobs\/[^/]+$/.test(request.path))).toEqual([]);
    },
  );

  it("refuses a cursor of another connection on every connection, naming both", async () => {
    for (const [index, connection] of connections.entries()) {
      const other = connections[(index + 1) % connections.length] as ConnectionUnderTest;
      for (const name of ["after", "before"]) {
        const result = await connection.request({ first: 2, [name]: other.all.pageInfo.endCursor });
        expect(result.body.errors?.map((error) => [error.message, error.extensions?.code])).toEqual([
          [
            `Argument "${name}": this cursor belongs to the "${other.kind}" connection, not "${connection.kind}".`,
            "BAD_USER_INPUT",
          ],
        ]);
      }
    }
  });
});
