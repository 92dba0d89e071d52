/**
 * The backend seam without Workers: an in-memory backend with offset/limit paging plugged in beside a Nexus-like
 * one with page tokens, behind the shared `jobs` resolver. Walks of the merged connection, both ways and with
 * several page sizes, see every item exactly once and in the one order (createdAt desc, then provider, then ref);
 * a first page costs one list call per backend; `totalCount` adds the offset backend's own total to the walk.
 */
import { describe, expect, it } from "vitest";
import type { BackendSession, JobFilter } from "../../src/backends/backend";
import type { GatewayContext } from "../../src/backends/gateway-context";
import { idResolver } from "../../src/backends/registry";
import { UpstreamError } from "../../src/errors";
import { createFieldErrorSink } from "../../src/field-errors";
import type { DatasetModel, JobModel, Provider } from "../../src/model";
import type { Connection } from "../../src/pagination/connection";
import type { ConnectionArgs } from "../../src/pagination/paginate";
import { offsetPageSource, tokenPageSource, type PageSource } from "../../src/pagination/sources";
import { sortKeyOf } from "../../src/pagination/sort-key";
import { jobResolvers } from "../../src/resources/jobs";
import { createUpstreamGuards } from "../../src/upstream/guards";

const MEMORY = "MEMORY" as Provider; // a provider of the test's own: the seam must not care which

function job(provider: Provider, ref: string, createdAt: number): JobModel {
  return {
    kind: "job",
    provider,
    typename: provider === MEMORY ? "MemoryJob" : "NexusJob",
    tenant: "t",
    ref,
    createdAt,
    updatedAt: createdAt,
    name: ref,
    state: "RUNNING",
    datasetRef: null,
    wire: {},
  };
}

// Ties inside each backend and across them (createdAt repeats every 4 items), so the tie-breaks matter.
const NEXUS_JOBS = Array.from({ length: 17 }, (_, i) =>
  job("NEXUS", `batchjob_${String(i).padStart(2, "0")}`, 1000 - Math.floor(i / 4) * 3),
);
const MEMORY_JOBS = Array.from({ length: 13 }, (_, i) =>
  job(MEMORY, `mem_${String(i).padStart(2, "0")}`, 1000 - Math.floor(i / 2) * 2),
);

/** Upstream order: newest first, ties in descending ref (the opposite of the gateway's tie-break). */
function upstreamOrder(jobs: JobModel[]): JobModel[] {
  return [...jobs].sort((a, b) => b.createdAt - a.createdAt || (a.ref < b.ref ? 1 : -1));
}

const EXPECTED = [...NEXUS_JOBS, ...MEMORY_JOBS]
  .sort(
    (a, b) =>
      b.createdAt - a.createdAt ||
      (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0) ||
      (a.ref < b.ref ? -1 : 1),
  )
  .map((item) => `${item.provider}:${item.ref}`);

interface CountingSession extends BackendSession {
  calls: string[];
}

function session(
  provider: Provider,
  jobs: (filter: JobFilter, calls: string[]) => PageSource<JobModel>,
): CountingSession {
  const calls: string[] = [];
  return {
    calls,
    backend: { provider } as BackendSession["backend"],
    tenant: "t",
    node: () => Promise.resolve(null),
    datasets: () => tokenPageSource<DatasetModel>(async () => ({ items: [], next: null }), sortKeyOf),
    jobs: (filter) => jobs(filter, calls),
    watch: {
      job: () => Promise.reject(new Error(`${provider}: not watched here`)),
      dataset: () => Promise.reject(new Error(`${provider}: not watched here`)),
    },
  };
}

/** Nexus-like: opaque page tokens, `pageSize` items a page. */
function tokenSession(pageSize: number): CountingSession {
  const items = upstreamOrder(NEXUS_JOBS);
  return session("NEXUS", (_filter, calls) =>
    tokenPageSource(async (token) => {
      const start = token === null ? 0 : Number(token);
      calls.push(`list page=${token ?? ""}`);
      const end = start + pageSize;
      return { items: items.slice(start, end), next: end < items.length ? String(end) : null };
    }, sortKeyOf),
  );
}

/** Graviti/ModelArts-like: offset and limit, with the total in every answer. */
function offsetSession(limit: number): CountingSession {
  const items = upstreamOrder(MEMORY_JOBS);
  return session(MEMORY, (_filter, calls) =>
    offsetPageSource(async (offset, size) => {
      calls.push(`list offset=${offset} limit=${size}`);
      return { items: items.slice(offset, offset + size), total: items.length };
    }, limit),
  );
}

function contextOver(sessions: BackendSession[]): GatewayContext {
  return {
    backends: {
      credentials: {},
      available: () => sessions,
      sessionOf: () => {
        throw new Error("not used");
      },
      sessionFor: () => {
        throw new Error("not used");
      },
    },
    ids: idResolver,
    live: { open: () => Promise.reject(new Error("not used")) },
    upstream: createUpstreamGuards({}),
    fieldErrors: createFieldErrorSink(),
  };
}

/** A platform that is down: every list call fails as an unreachable upstream does. */
function failingSession(provider: Provider): CountingSession {
  return session(provider, (_filter, calls) =>
    offsetPageSource(async (offset, size) => {
      calls.push(`list offset=${offset} limit=${size}`);
      throw new UpstreamError("memory jobs.list: expected 2xx, got 503", {
        backend: "memory",
        operation: "jobs.list",
        reason: "unavailable",
        kind: "http",
        method: "GET",
        path: "/jobs",
        status: 503,
      });
    }, 10),
  );
}

/** Where the `jobs` field sits in the test's operation, as graphql-js would pass it. */
const JOBS_INFO = { path: { prev: undefined, key: "jobs", typename: "Query" }, fieldNodes: [] };

type JobsResolver = (
  root: unknown,
  args: ConnectionArgs & { state?: null; datasetId?: null },
  context: GatewayContext,
  info: unknown,
) => Promise<Connection<JobModel>>;
const jobs = jobResolvers.Query?.jobs as unknown as JobsResolver;

async function walk(
  sessions: () => BackendSession[],
  direction: "forward" | "backward",
  size: number,
): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const args: ConnectionArgs =
      direction === "forward" ? { first: size, after: cursor } : { last: size, before: cursor };
    const page = await jobs(undefined, args, contextOver(sessions()), undefined);
    const ids = page.edges.map((edge) => `${edge.node.provider}:${edge.node.ref}`);
    if (direction === "forward") seen.push(...ids);
    else seen.unshift(...ids);
    const more = direction === "forward" ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage;
    if (!more) return seen;
    expect(page.edges.length).toBe(size);
    cursor = direction === "forward" ? page.pageInfo.endCursor : page.pageInfo.startCursor;
  }
  throw new Error("walk did not end");
}

describe("a merged connection over a token backend and an offset backend", () => {
  for (const [tokenPage, offsetLimit] of [
    [1, 1],
    [4, 3],
    [5, 100],
    [1000, 2],
  ] as const) {
    for (const size of [1, 2, 3, 7, 100]) {
      it(`walks both ways with page ${size} (upstream pages ${tokenPage} and ${offsetLimit}): every item once, in order`, async () => {
        const sessions = () => [tokenSession(tokenPage), offsetSession(offsetLimit)];
        expect(await walk(sessions, "forward", size)).toEqual(EXPECTED);
        expect(await walk(sessions, "backward", size)).toEqual(EXPECTED);
      });
    }
  }

  it("asks each backend for one page for a first page, and no more", async () => {
    const token = tokenSession(10);
    const offset = offsetSession(10);
    const page = await jobs(undefined, { first: 5 }, contextOver([token, offset]), undefined);
    expect(page.edges.map((edge) => `${edge.node.provider}:${edge.node.ref}`)).toEqual(EXPECTED.slice(0, 5));
    expect(token.calls).toEqual(["list page="]);
    // Sized to the page: 5, one more to know that more follow, and a quarter more for ties (the backend's 10 at most).
    expect(offset.calls).toEqual(["list offset=0 limit=8"]);
  });

  it("keeps a failing platform to its own part: the others' items, and one coded error at the list's path", async () => {
    const token = tokenSession(10);
    const down = failingSession(MEMORY);
    const context = contextOver([token, down]);
    const page = await jobs(undefined, { first: 5 }, context, JOBS_INFO);
    expect(page.edges.map((edge) => `${edge.node.provider}:${edge.node.ref}`)).toEqual(
      EXPECTED.filter((id) => id.startsWith("NEXUS:")).slice(0, 5),
    );
    expect(await page.count?.()).toBe(NEXUS_JOBS.length);
    // The walk and the count failed alike: one error for the platform, carrying its code and provider.
    const reported = context.fieldErrors.take();
    expect(
      reported.map((error) => ({ message: error.message, path: error.path, extensions: error.extensions })),
    ).toEqual([
      {
        message: "memory jobs.list: expected 2xx, got 503",
        path: ["jobs"],
        extensions: { code: "UPSTREAM_UNAVAILABLE", provider: MEMORY },
      },
    ]);
    expect(down.calls.length).toBeGreaterThan(0);
  });

  it("fails the list with the first platform's error when every platform fails", async () => {
    const context = contextOver([failingSession("NEXUS"), failingSession(MEMORY)]);
    await expect(jobs(undefined, { first: 5 }, context, JOBS_INFO)).rejects.toMatchObject({ reason: "unavailable" });
    expect(context.fieldErrors.take()).toEqual([]);
  });

  it("counts the offset backend from its total and the token backend by walking", async () => {
    const token = tokenSession(5);
    const offset = offsetSession(4);
    const page = await jobs(undefined, { first: 1 }, contextOver([token, offset]), undefined);
    const before = { token: token.calls.length, offset: offset.calls.length };
    expect(await page.count?.()).toBe(NEXUS_JOBS.length + MEMORY_JOBS.length);
    // The offset backend's count is one call (its total); the token backend walks its whole list.
    expect(offset.calls.slice(before.offset)).toEqual(["list offset=0 limit=4"]);
    expect(token.calls.length - before.token).toBe(Math.ceil(NEXUS_JOBS.length / 5));
  });
});
