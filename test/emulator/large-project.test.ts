/**
 * The large project (`largeProject` on reset, emulator/src/large-project.ts): what it seeds, keyset paging over it
 * in both directions and with tokens carried from one limit to another, ties of createDate broken by id across page
 * boundaries, long logs, bad sizes, and that a plain reset removes it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTenant, type LargeProject } from "../utils/tenant";
import {
  batch,
  call,
  controlPath,
  DEMO,
  listAll,
  reset,
  type ApiErrorBody,
  type Dataset,
  type Job,
  type JobLog,
  type Page,
  type Webhook,
} from "./helpers";

const tenant = useTenant();
const LARGE = tenant.large;

type Row = { id: string; createDate: number };

/** One list page of the large project; fails the test unless it answers 200. */
async function page<T>(resource: string, query: string): Promise<Page<T>> {
  const response = await call<Page<T>>("GET", batch(`${resource}?${query}`, LARGE.project), { key: LARGE.key });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** Newest first by createDate, ties by id descending: the order the API promises. */
function inApiOrder<T extends Row>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.createDate - a.createDate || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** Walks backwards with prevPage from `token` until the start; answers the rows in the API's order. */
async function walkBack<T extends Row>(
  resource: string,
  token: string,
  limit: number,
  maxRows = Infinity,
): Promise<T[]> {
  const pages: T[][] = [];
  let prev: string | null = token;
  let rows = 0;
  while (prev !== null && rows < maxRows) {
    const body: Page<T> = await page<T>(resource, `limit=${limit}&page=${prev}`);
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.length).toBeLessThanOrEqual(limit);
    pages.unshift(body.data);
    rows += body.data.length;
    prev = body.prevPage;
  }
  return pages.flat();
}

/** The createDates that more than one row shares. */
function tiedTimes(rows: readonly Row[]): Set<number> {
  const seen = new Map<number, number>();
  for (const row of rows) seen.set(row.createDate, (seen.get(row.createDate) ?? 0) + 1);
  return new Set([...seen].filter(([, count]) => count > 1).map(([time]) => time));
}

describe("without largeProject", () => {
  it("there is no large project: its id and key get a 403, like any unknown project", async () => {
    await reset();
    const response = await call<ApiErrorBody>("GET", batch("jobs", LARGE.project), { key: LARGE.key });
    expect(response.status).toBe(403);
  });
});

describe("largeProject at full size (10,000 jobs, 2,000 datasets)", () => {
  let seeded: LargeProject;
  let jobs: Job[];
  const pages: Page<Job>[] = [];

  beforeAll(async () => {
    const started = performance.now();
    seeded = await tenant.resetLarge();
    // A figure for the report and the README, not an assertion (no timed assertions).
    console.info(`reset with largeProject 10000/2000: ${(performance.now() - started).toFixed(0)} ms`);
    let next: string | null = null;
    do {
      const body: Page<Job> = await page<Job>("jobs", `limit=1000${next === null ? "" : `&page=${next}`}`);
      pages.push(body);
      next = body.nextPage;
    } while (next !== null);
    jobs = pages.flatMap((p) => p.data);
  });

  it("answers what it seeded, under the tenant's large project id and key", () => {
    expect(seeded).toMatchObject({
      projectId: `proj_large_${tenant.name}`,
      secretKey: `large-secret-key_${tenant.name}`,
      jobs: 10_000,
      datasets: 2_000,
    });
    expect(seeded.caller).toEqual(LARGE);
    expect(seeded.gatewayHeaders).toEqual({ "x-nexus-project-id": LARGE.project, "x-nexus-secret-key": LARGE.key });
    expect(seeded.longLogJobIds).toHaveLength(5);
  });

  it("walks the jobs forwards with limit 1000: every job once, newest first, ties by id, across tie groups", () => {
    expect(pages).toHaveLength(10);
    expect(jobs).toHaveLength(10_000);
    expect(new Set(jobs.map((job) => job.id)).size).toBe(10_000);
    expect(jobs.map((job) => job.id)).toEqual(inApiOrder(jobs).map((job) => job.id));
    expect(jobs.every((job) => job.projectId === LARGE.project)).toBe(true);
    // Ties exist, and some straddle a page boundary, so the test above crossed them.
    const ties = tiedTimes(jobs);
    expect(ties.size).toBeGreaterThan(100);
    const boundaries = pages.slice(0, -1).map((p, index) => [p.data[p.data.length - 1], pages[index + 1]?.data[0]]);
    expect(boundaries.some(([last, first]) => last !== undefined && last.createDate === first?.createDate)).toBe(true);
  });

  it("holds jobs in every state, each on one of the project's datasets, delivering to its webhooks", async () => {
    const counts: Record<string, number> = {};
    for (const job of jobs) counts[job.status.message] = (counts[job.status.message] ?? 0) + 1;
    expect(counts).toMatchObject({ Running: 3, Waiting: 3 });
    expect(counts["Finished"]).toBeGreaterThan(8_000);
    expect(counts["Cancelled"]).toBeGreaterThan(500);
    expect(counts["Failed"]).toBeGreaterThan(100);

    const datasets = await listAll<Dataset>("datasets", LARGE.project, LARGE.key, 1000);
    expect(datasets).toHaveLength(2_000);
    expect(datasets.map((d) => d.id)).toEqual(inApiOrder(datasets).map((d) => d.id));
    expect(tiedTimes(datasets).size).toBeGreaterThan(10);
    const datasetIds = new Set(datasets.map((d) => d.id));
    expect(jobs.filter((job) => !datasetIds.has(job.spec.datasetId))).toEqual([]);

    const webhooks = await listAll<Webhook>("webhooks", LARGE.project, LARGE.key, 1000);
    expect(webhooks).toHaveLength(2);
    const delivered = new Set(jobs.flatMap((job) => job.spec.resultDelivery.destinations.map((d) => d.webhookId)));
    expect([...delivered].sort()).toEqual(webhooks.map((w) => w.id).sort());
  });

  it("walks backwards with prevPage and limit 3 from the last page, over a stretch that crosses tie groups", async () => {
    const last = pages[pages.length - 1];
    expect(last?.prevPage).not.toBeNull();
    const stretch = await walkBack<Job>("jobs", last?.prevPage ?? "", 3, 150);
    const end = 9_000; // the first row of the last limit-1000 page
    expect(stretch.map((job) => job.id)).toEqual(jobs.slice(end - stretch.length, end).map((job) => job.id));
    expect(tiedTimes(stretch).size).toBeGreaterThanOrEqual(2);
  });

  it("takes a token from a limit-1000 page with limit 21, in both directions", async () => {
    const forward = await page<Job>("jobs", `limit=21&page=${pages[0]?.nextPage}`);
    expect(forward.data.map((job) => job.id)).toEqual(jobs.slice(1000, 1021).map((job) => job.id));
    const backward = await page<Job>("jobs", `limit=21&page=${pages[5]?.prevPage}`);
    expect(backward.data.map((job) => job.id)).toEqual(jobs.slice(5000 - 21, 5000).map((job) => job.id));
    // And back again from the 21-row page, with limit 1000: the rows just newer than it.
    const again = await page<Job>("jobs", `limit=1000&page=${backward.prevPage}`);
    expect(again.data.map((job) => job.id)).toEqual(jobs.slice(5000 - 21 - 1000, 5000 - 21).map((job) => job.id));
  });

  it("gives five finished jobs logs of thousands of entries", async () => {
    const byId = new Map(jobs.map((job) => [job.id, job]));
    for (const id of seeded.longLogJobIds) expect(byId.get(id)?.status.message).toBe("Finished");
    const id = seeded.longLogJobIds[0] ?? "";
    const entries: string[] = [];
    let before = "";
    for (;;) {
      const response = await call<JobLog>("GET", batch(`jobs/${id}/logs?maxEntries=1000${before}`, LARGE.project), {
        key: LARGE.key,
      });
      expect(response.status).toBe(200);
      entries.push(...response.body.entries.map((entry) => entry.id));
      const oldest = response.body.entries[response.body.entries.length - 1];
      if (oldest === undefined || response.body.entries.length < 1000) break;
      before = `&beforeTime=${oldest.createTime}`;
    }
    expect(entries.length).toBeGreaterThan(4_000);
    expect(new Set(entries).size).toBe(entries.length);
  });
});

describe("largeProject at a small size", () => {
  it("walks every job once with limit 7 forwards, and back from the end with prevPage, the same rows", async () => {
    const seeded = await tenant.resetLarge({ jobs: 400, datasets: 60 });
    expect(seeded).toMatchObject({ jobs: 400, datasets: 60 });
    const forward = await listAll<Job>("jobs", LARGE.project, LARGE.key, 7);
    expect(forward.map((job) => job.id)).toEqual(inApiOrder(forward).map((job) => job.id));
    expect(new Set(forward.map((job) => job.id)).size).toBe(400);
    expect(tiedTimes(forward).size).toBeGreaterThanOrEqual(5);

    // From the end: the last page's prevPage, then back to the start (row 0 has no newer rows, so no token).
    let last: Page<Job> = await page<Job>("jobs", "limit=7");
    while (last.nextPage !== null) last = await page<Job>("jobs", `limit=7&page=${last.nextPage}`);
    const backward = [...(await walkBack<Job>("jobs", last.prevPage ?? "", 7)), ...last.data];
    expect(backward.map((job) => job.id)).toEqual(forward.map((job) => job.id));
  });

  it("is the same on every reset of the same size, leaves the demo world as it was, and is gone after a plain reset", async () => {
    const first = (await tenant.resetLarge({ jobs: 50, datasets: 10 })).longLogJobIds;
    const ids = (await listAll<Job>("jobs", LARGE.project, LARGE.key, 1000)).map((job) => job.id);
    expect((await tenant.resetLarge({ jobs: 50, datasets: 10 })).longLogJobIds).toEqual(first);
    expect((await listAll<Job>("jobs", LARGE.project, LARGE.key, 1000)).map((job) => job.id)).toEqual(ids);
    expect(await listAll<Job>("jobs", DEMO.project, DEMO.key, 1000)).toHaveLength(40);

    const plain = await call<Record<string, unknown>>("POST", controlPath("reset"), { key: null, body: {} });
    expect(plain.status).toBe(200);
    expect(plain.body).not.toHaveProperty("largeProject");
    expect((await call("GET", batch("jobs", LARGE.project), { key: LARGE.key })).status).toBe(403);
    expect((await call("GET", batch(`jobs/${ids[0]}`, DEMO.project), { key: DEMO.key })).status).toBe(404);
  });
});

describe("bad largeProject values", () => {
  it.each([
    [{ jobs: 0 }, "largeProject.jobs: expected an integer from 1 to 20000, got 0"],
    [{ jobs: 20_001 }, "largeProject.jobs: expected an integer from 1 to 20000, got 20001"],
    [{ jobs: "10" }, 'largeProject.jobs: expected an integer from 1 to 20000, got "10"'],
    [{ datasets: 1.5 }, "largeProject.datasets: expected an integer from 1 to 5000, got 1.5"],
    [{ datasets: 5_001 }, "largeProject.datasets: expected an integer from 1 to 5000, got 5001"],
    ["big", 'largeProject: expected an object {jobs?, datasets?}, got "big"'],
  ])("%j is a 400 naming the field", async (largeProject, message) => {
    const response = await call<ApiErrorBody>("POST", controlPath("reset"), { key: null, body: { largeProject } });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: "BadRequestError", message });
  });
});
