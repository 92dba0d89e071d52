/**
 * Synthetic job logs (`POST`/`GET /__emulator/jobs/{id}/log`): their shape (runs of one time, 3 ms apart, from the
 * job's creation), the API's answers over them (bounds, level, cap, newest first), the control API's refusals, and
 * their scope (the tenant's own job; gone after a reset).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { tenantNamed, useTenant } from "../utils/tenant";
import { call, type Job, type Page } from "./helpers";

const tenant = useTenant();
const other = tenantNamed(`${tenant.name}-other`);

interface LogBody {
  entries: { id: string; createTime: number; level: string }[];
}

async function firstJob(): Promise<Job> {
  const page = await call<Page<Job>>("GET", `/projects/${tenant.demo.project}/batch/jobs?limit=1`, {
    key: tenant.demo.key,
  });
  const job = page.body.data[0];
  if (job === undefined) throw new Error("no job");
  return job;
}

const logsOf = (jobId: string, query: string) =>
  call<LogBody>("GET", `/projects/${tenant.demo.project}/batch/jobs/${jobId}/logs?${query}`, { key: tenant.demo.key });

beforeEach(async () => {
  await Promise.all([tenant.reset(), other.reset()]);
});

describe("synthetic logs", () => {
  it("gives a job a log of runs of one time, and the API answers from it", async () => {
    const job = await firstJob();
    const summary = await tenant.setSyntheticLog(job.id, { entries: 10, sameTime: [3, 1] });
    expect(summary).toEqual({
      jobId: job.id,
      entries: 10,
      sameTime: [3, 1],
      oldestTime: job.createDate,
      newestTime: job.createDate + 4 * 3,
    });
    const whole = await tenant.syntheticLog(job.id);
    expect(whole.map((entry) => entry.createTime - job.createDate)).toEqual([12, 12, 12, 9, 6, 6, 6, 3, 0, 0]);
    const capped = await logsOf(job.id, "maxEntries=4");
    expect(capped.body.entries.map((entry) => entry.id)).toEqual(whole.slice(0, 4).map((entry) => entry.id));
    const bounded = await logsOf(
      job.id,
      `afterTime=${job.createDate + 3}&beforeTime=${job.createDate + 12}&maxEntries=1000`,
    );
    expect(bounded.body.entries.map((entry) => entry.id)).toEqual(
      whole
        .filter((entry) => entry.createTime > job.createDate + 3 && entry.createTime < job.createDate + 12)
        .map((entry) => entry.id),
    );
    expect(bounded.body.entries.map((entry) => entry.createTime - job.createDate)).toEqual([9, 6, 6, 6]);
    const errors = await logsOf(job.id, "minLevel=Error&maxEntries=1000");
    expect(errors.body.entries.every((entry) => entry.level === "Error")).toBe(true);
    expect(errors.body.entries).toHaveLength(whole.filter((entry) => entry.level === "Error").length);
  });

  it("refuses a bad body with 400 and an unknown job with 404, and is scoped to the tenant and undone by a reset", async () => {
    const job = await firstJob();
    const bad = await call<{ code: string; message: string }>("POST", tenant.controlPath(`jobs/${job.id}/log`), {
      body: { entries: 0 },
      key: null,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe("BadRequestError");
    const missing = await call<{ code: string }>("POST", tenant.controlPath("jobs/batchjob_nope/log"), {
      body: { entries: 5 },
      key: null,
    });
    expect(missing.status).toBe(404);
    // Another tenant's control call does not reach this tenant's job.
    const elsewhere = await call("POST", other.controlPath(`jobs/${job.id}/log`), { body: { entries: 5 }, key: null });
    expect(elsewhere.status).toBe(404);
    await tenant.setSyntheticLog(job.id, { entries: 5 });
    expect(await tenant.syntheticLog(job.id)).toHaveLength(5);
    await tenant.reset();
    expect(await tenant.syntheticLog(job.id)).toEqual([]);
  });
});
