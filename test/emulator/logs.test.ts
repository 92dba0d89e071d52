/**
 * Job logs: the log object's shape, entries newest first with stable ids and unique times, Info/Warning/Error
 * levels with reasons on failures, the filters beforeTime/afterTime (exclusive), minLevel and maxEntries, paging
 * back with beforeTime, and 400s for bad parameters.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  batch,
  call,
  DEMO,
  jobBody,
  listAll,
  pollUntil,
  reset,
  uploadedDataset,
  type ApiErrorBody,
  type Job,
  type JobLog,
  type LogEntry,
} from "./helpers";

let finished: Job;
let bigJob: Job;

async function logs(jobId: string, query = ""): Promise<JobLog> {
  const response = await call<JobLog>("GET", batch(`jobs/${jobId}/logs${query}`));
  expect(response.status).toBe(200);
  return response.body;
}

beforeAll(async () => {
  await reset({ msPerItem: 20 });
  const dataset = await uploadedDataset(30);
  const created = await call<Job>("POST", batch("jobs"), { body: jobBody(dataset.id) });
  finished = await pollUntil(
    async () => (await call<Job>("GET", batch(`jobs/${created.body.id}`))).body,
    (job) => job.status.overview !== "Waiting",
  );
  // A seeded finished job on the 500-item dataset: large enough to hold entries of every level.
  const seeded = (await listAll<Job>("jobs")).filter((job) => job.status.message === "Finished");
  bigJob = seeded.reduce((a, b) => (a.status.items.Delivered >= b.status.items.Delivered ? a : b));
});

describe("the log object", () => {
  it("is {id: batchjoblog_…, object: batch_job_log, projectId, entries} with the entry fields of nexus.md", async () => {
    const log = await logs(finished.id, "?maxEntries=1000");
    expect(log.id).toMatch(/^batchjoblog_[0-9a-f-]{36}$/);
    expect(log.object).toBe("batch_job_log");
    expect(log.projectId).toBe(DEMO.project);
    for (const entry of log.entries) {
      expect(entry).toEqual({
        id: expect.any(String),
        kind: expect.any(String),
        createTime: expect.any(Number),
        level: expect.stringMatching(/^(Info|Warning|Error)$/),
        item: expect.stringMatching(/^item_\d+$/),
        status: expect.any(String),
        timeMs: 20,
        ...(entry.reason === undefined ? {} : { reason: expect.any(String) }),
      });
    }
  });

  it("has one Info entry per stage passed and one Error entry with a reason per item that failed", async () => {
    const entries = (await logs(finished.id, "?maxEntries=1000")).entries;
    const items = finished.status.items;
    const passed = items.Gathered + items.Preprocessed + items.Predicted + items.Delivered;
    expect(entries.filter((e) => e.level === "Info")).toHaveLength(passed);
    const errors = entries.filter((e) => e.level === "Error");
    expect(errors).toHaveLength(items.FailedDeliver);
    for (const error of errors) expect(error.reason).toEqual(expect.any(String));
    const delivered = entries.filter((e) => e.kind === "ItemDelivered");
    expect(delivered).toHaveLength(items.Delivered);
    for (const entry of delivered) expect(entry.status).toBe("Delivered");
  });

  it("includes Warning entries with a reason", async () => {
    const warnings = (await logs(bigJob.id, "?minLevel=Warning&maxEntries=1000")).entries.filter(
      (e) => e.level === "Warning",
    );
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) expect(warning.reason).toMatch(/retried$/);
  });

  it("lists entries newest first, with unique times and the same ids on every request", async () => {
    const first = (await logs(finished.id, "?maxEntries=1000")).entries;
    const times = first.map((e) => e.createTime);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(times).size).toBe(times.length);
    expect(new Set(first.map((e) => e.id)).size).toBe(first.length);
    const second = (await logs(finished.id, "?maxEntries=1000")).entries;
    expect(second).toEqual(first);
  });

  it("is empty for a job that failed before starting", async () => {
    const failed = await call<Job>("POST", batch("jobs"), { body: jobBody("dataset_missing") });
    expect((await logs(failed.body.id)).entries).toEqual([]);
  });
});

describe("filters", () => {
  it("returns the newest maxEntries entries, 100 by default", async () => {
    const all = (await logs(bigJob.id, "?maxEntries=1000")).entries;
    expect((await logs(bigJob.id)).entries).toEqual(all.slice(0, 100));
    expect((await logs(bigJob.id, "?maxEntries=5")).entries).toEqual(all.slice(0, 5));
  });

  it("keeps only levels at or above minLevel", async () => {
    const all = (await logs(finished.id, "?maxEntries=1000")).entries;
    expect((await logs(finished.id, "?maxEntries=1000&minLevel=Error")).entries).toEqual(
      all.filter((e) => e.level === "Error"),
    );
    expect((await logs(finished.id, "?maxEntries=1000&minLevel=Debug")).entries).toEqual(all);
    expect((await logs(finished.id, "?maxEntries=1000&minLevel=Info")).entries).toEqual(all);
  });

  it("treats beforeTime and afterTime as exclusive bounds", async () => {
    const all = (await logs(finished.id, "?maxEntries=1000")).entries;
    const pivot = all[10] as LogEntry;
    const older = (await logs(finished.id, `?maxEntries=1000&beforeTime=${pivot.createTime}`)).entries;
    expect(older).toEqual(all.filter((e) => e.createTime < pivot.createTime));
    const newer = (await logs(finished.id, `?maxEntries=1000&afterTime=${pivot.createTime}`)).entries;
    expect(newer).toEqual(all.slice(0, 10));
    const window = (
      await logs(
        finished.id,
        `?maxEntries=1000&afterTime=${pivot.createTime}&beforeTime=${(all[5] as LogEntry).createTime}`,
      )
    ).entries;
    expect(window).toEqual(all.slice(6, 10));
  });

  it("pages back through every entry with beforeTime set to the oldest time seen", async () => {
    const all = (await logs(finished.id, "?maxEntries=1000")).entries;
    const seen: LogEntry[] = [];
    let query = "?maxEntries=7";
    for (let i = 0; i < 100; i++) {
      const page = (await logs(finished.id, query)).entries;
      if (page.length === 0) break;
      seen.push(...page);
      query = `?maxEntries=7&beforeTime=${(page[page.length - 1] as LogEntry).createTime}`;
    }
    expect(seen).toEqual(all);
  });

  it.each([
    ["minLevel=Fatal", 'minLevel: expected one of Debug, Info, Warning, Error, got "Fatal"'],
    ["maxEntries=0", 'maxEntries: expected an integer from 1 to 1000, got "0"'],
    ["maxEntries=1001", 'maxEntries: expected an integer from 1 to 1000, got "1001"'],
    ["maxEntries=ten", 'maxEntries: expected an integer from 1 to 1000, got "ten"'],
    ["beforeTime=yesterday", 'beforeTime: expected milliseconds since the epoch, got "yesterday"'],
    ["afterTime=-1", 'afterTime: expected milliseconds since the epoch, got "-1"'],
  ])("answers 400 naming the parameter for %s", async (query, message) => {
    const response = await call<ApiErrorBody>("GET", batch(`jobs/${finished.id}/logs?${query}`));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: "BadRequestError", message });
  });
});

describe("logs follow the clock", () => {
  it("grows while a job runs and stops growing when it is cancelled", async () => {
    await reset({ msPerItem: 50 });
    const dataset = await uploadedDataset(100);
    const created = (await call<Job>("POST", batch("jobs"), { body: jobBody(dataset.id) })).body;
    const early = (await logs(created.id, "?maxEntries=1000")).entries.length;
    const later = await pollUntil(
      async () => (await logs(created.id, "?maxEntries=1000")).entries.length,
      (count) => count > early,
    );
    expect(later).toBeGreaterThan(early);
    const cancelled = (
      await call<Job>("PATCH", batch(`jobs/${created.id}`), { body: { spec: { stopAtTime: Date.now() } } })
    ).body;
    const frozen = (await logs(created.id, "?maxEntries=1000")).entries;
    for (const entry of frozen) expect(entry.createTime).toBeLessThanOrEqual(cancelled.status.cancelledAt ?? 0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await logs(created.id, "?maxEntries=1000")).entries).toEqual(frozen);
  });
});
