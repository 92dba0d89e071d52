/**
 * Pages of the large project (10,000 jobs; `largeProject` on the emulator's reset) through the gateway: a page
 * costs what the page needs, wherever it is (issue 12). Counted in the emulator's request log: list calls of the
 * jobs resource, and the bytes they answered, beside the same page of the demo project (40 jobs).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTenant, type LargeProject } from "../utils/tenant";
import { base64UrlDecode, base64UrlEncode } from "../../src/encoding/base64url";
import {
  clearUpstreamRequests,
  DEMO,
  gqlData,
  upstreamGet,
  upstreamRequests,
  walk,
  type Caller,
  type Page,
} from "./helpers";

const tenant = useTenant();

const JOBS = `query($first: Int, $after: String, $last: Int, $before: String) {
  jobs(first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { ... on NexusJob { nexusId } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

interface Node {
  nexusId: string;
}

interface Counted {
  page: Page<Node>;
  ids: string[];
  /** The jobs list calls the page made upstream. */
  calls: number;
  /** The bytes those calls answered. */
  bytes: number;
}

async function jobsPage(args: Record<string, unknown>, caller: Caller): Promise<Counted> {
  await clearUpstreamRequests();
  const page = (await gqlData<{ jobs: Page<Node> }>(JOBS, args, caller)).jobs;
  const lists = (await upstreamRequests()).filter((request) => request.path.endsWith("/batch/jobs"));
  return {
    page,
    ids: page.edges.map((edge) => edge.node.nexusId),
    calls: lists.length,
    bytes: lists.reduce((sum, request) => sum + request.bytes, 0),
  };
}

let large: LargeProject;
/** The large project's job ids in the gateway's order: newest first, ties by id ascending. */
let expected: string[] = [];
/** Every edge cursor of a forward walk in pages of 100, by position. */
const cursorAt: string[] = [];
/** The demo project's first page of 20: the cost a page should keep at any scale. */
let demoPage: Counted;

beforeAll(async () => {
  large = await tenant.resetLarge({ jobs: 10_000, datasets: 2_000 });
  const rows: { id: string; createDate: number }[] = [];
  let token: string | null = null;
  do {
    const query: string = `jobs?limit=1000${token === null ? "" : `&page=${token}`}`;
    const body: { data: { id: string; createDate: number }[]; nextPage: string | null } = (
      await upstreamGet<{ data: { id: string; createDate: number }[]; nextPage: string | null }>(query, large.caller)
    ).body;
    rows.push(...body.data);
    token = body.nextPage;
  } while (token !== null);
  expect(rows).toHaveLength(10_000);
  expected = rows.sort((a, b) => b.createDate - a.createDate || (a.id < b.id ? -1 : 1)).map((row) => row.id);
  demoPage = await jobsPage({ first: 20 }, DEMO);
  expect(demoPage.calls).toBe(1);
}, 120_000);

describe("the 10,000-job project", () => {
  it("walks forwards in pages of 100: every job once, in order, at most two list calls a page", async () => {
    const calls: number[] = [];
    const { nodes } = await walk<Node>(
      "forward",
      100,
      async (args) => {
        const counted = await jobsPage(args, large.caller);
        calls.push(counted.calls);
        for (const edge of counted.page.edges) cursorAt.push(edge.cursor);
        return counted.page;
      },
      200,
    );
    expect(nodes.map((node) => node.nexusId)).toEqual(expected);
    expect(calls).toHaveLength(100);
    expect(calls[0]).toBe(1);
    expect(Math.max(...calls)).toBeLessThanOrEqual(2);
  }, 120_000);

  it("walks backwards in pages of 100: every job once, in order; the last page walks the list once, every other page at most two calls", async () => {
    const calls: number[] = [];
    const { nodes } = await walk<Node>(
      "backward",
      100,
      async (args) => {
        const counted = await jobsPage(args, large.caller);
        calls.push(counted.calls);
        return counted.page;
      },
      200,
    );
    expect(nodes.map((node) => node.nexusId)).toEqual(expected);
    // The end of the list, without a cursor: Nexus has no token for it, so the list is read from its start (10 calls
    // of 1000), then two small reads fetch tokens next to the page for the pages before it.
    expect(calls[0]).toBeGreaterThanOrEqual(10);
    expect(calls[0]).toBeLessThanOrEqual(12);
    expect(Math.max(...calls.slice(1))).toBeLessThanOrEqual(2);
  }, 120_000);

  it.each([
    ["start", 0],
    ["middle", 5_000],
    ["end", 9_979],
  ])(
    "a page of 20 at the %s, forwards and backwards: at most two list calls, within 3× the bytes of the demo's page",
    async (_where, position) => {
      expect(cursorAt).toHaveLength(10_000);
      const forward = await jobsPage(
        position === 0 ? { first: 20 } : { first: 20, after: cursorAt[position - 1] },
        large.caller,
      );
      expect(forward.ids).toEqual(expected.slice(position, position + 20));
      expect(forward.calls).toBeLessThanOrEqual(2);
      expect(forward.bytes).toBeLessThanOrEqual(3 * demoPage.bytes);
      expect(forward.page.pageInfo.hasNextPage).toBe(position + 20 < 10_000);

      const end = position + 20;
      const backward = await jobsPage({ last: 20, before: cursorAt[Math.min(end, 9_999)] }, large.caller);
      const from = Math.min(end, 9_999) - 20;
      expect(backward.ids).toEqual(expected.slice(from, from + 20));
      expect(backward.calls).toBeLessThanOrEqual(2);
      expect(backward.bytes).toBeLessThanOrEqual(3 * demoPage.bytes);
      expect(backward.page.pageInfo.hasPreviousPage).toBe(from > 0);
    },
    60_000,
  );

  it("gives the same page for a cursor without its hint (one issued before hints, or forged), by walking from the start", async () => {
    const withHint = await jobsPage({ first: 20, after: cursorAt[4_999] }, large.caller);
    const record = JSON.parse(base64UrlDecode(cursorAt[4_999] ?? "") ?? "{}") as Record<string, unknown>;
    expect(record["h"]).toBeDefined();
    const { h: _hint, ...bare } = record;
    const withoutHint = await jobsPage({ first: 20, after: base64UrlEncode(JSON.stringify(bare)) }, large.caller);
    const forged = await jobsPage(
      { first: 20, after: base64UrlEncode(JSON.stringify({ ...bare, h: { a: ["bm90LWEtdG9rZW4", 3] } })) },
      large.caller,
    );
    expect(withoutHint.ids).toEqual(withHint.ids);
    expect(forged.ids).toEqual(withHint.ids);
    // The slow path: the list from its start, in reads of 1000, to the cursor.
    expect(withoutHint.calls).toBeGreaterThanOrEqual(5);
    expect(withHint.calls).toBeLessThanOrEqual(2);
  }, 60_000);
});
