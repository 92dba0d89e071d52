/**
 * Jobs: create, list, get, cancel (a PATCH of `spec.stopAtTime`), delete, and logs. A job's status is derived from
 * its timestamps on every read (job-lifecycle.ts); the only thing written after creation is its resolution, settled
 * once when it starts: the item count of its dataset, or the reason it cannot run.
 */
import { json, requireRecord, type ApiContext } from "../context";
import { badRequest } from "../errors";
import { ID_PREFIX, newId } from "../ids";
import { deploymentToWire } from "../deployment";
import { isJobTerminal, jobStartTime, jobStatusAt, stoppedBeforeStart } from "../job-lifecycle";
import { jobLog, parseLogQuery } from "../logs";
import { pageToWire, parseLimit, parsePage } from "../paging";
import type { Store } from "../store";
import type { JobRecord, JobResolution, JobWire } from "../types";
import { datasetAt } from "./datasets";
import { createJobBody, parseBody, patchJobBody } from "../validation";

/** The wire job at `now`; an ephemeral deployment reads back as a whole Deployment (deployment.ts). */
export function jobToWire(job: JobRecord, now: number): JobWire {
  const status = jobStatusAt(job, now);
  const endedAt = status.overview === "Waiting" ? undefined : status.updateDate;
  return {
    id: job.id,
    object: "batch_job",
    name: job.name,
    projectId: job.projectId,
    spec: { ...job.spec, deployment: deploymentToWire(job, jobStartTime(job), endedAt, now) },
    status,
    createDate: job.createDate,
    updateDate: Math.max(job.updateDate, status.updateDate),
  };
}

/**
 * Why a job cannot run on what it names (dataset, deployment, webhooks) at `at`, or its item count. Needs only
 * lookups by id, so that a seed can resolve thousands of jobs against records still in memory.
 */
export function resolveJob(
  store: Pick<Store, "get">,
  job: JobRecord,
  deploymentIds: readonly string[],
  at: number,
): JobResolution {
  const failed = (reason: string): JobResolution => ({ failedAt: at, reason });
  const stored = store.get("dataset", job.projectId, job.spec.datasetId);
  if (stored === undefined) return failed(`Dataset ${job.spec.datasetId} not found`);
  const dataset = datasetAt(stored, at);
  if (dataset.overview !== "Uploaded") {
    return failed(`Dataset ${dataset.id} is not ready: its status is ${dataset.overview}, expected Uploaded`);
  }
  if (dataset.expiryTime <= at) return failed(`Dataset ${dataset.id} expired at ${dataset.expiryTime}`);
  const deployment = job.spec.deployment;
  if (deployment.kind === "ExistingDeployment" && !deploymentIds.includes(deployment.deploymentId)) {
    return failed(`Deployment ${deployment.deploymentId} not found`);
  }
  for (const destination of job.spec.resultDelivery.destinations) {
    if (store.get("webhook", job.projectId, destination.webhookId) === undefined) {
      return failed(`Webhook ${destination.webhookId} not found`);
    }
  }
  return { itemCount: dataset.itemCount };
}

/**
 * Settles a started job's resolution once (and stores it), so later changes to its dataset do not rewrite its past.
 * Returns the job as it should be read at `ctx.now`.
 */
function settle(ctx: ApiContext, job: JobRecord): JobRecord {
  if (job.resolution !== undefined || ctx.now < jobStartTime(job) || stoppedBeforeStart(job, ctx.now)) return job;
  const settled = { ...job, resolution: resolveJob(ctx.store, job, ctx.project.deploymentIds, jobStartTime(job)) };
  ctx.store.put("job", settled);
  return settled;
}

/** A job of the project (settled), or a 404 naming the id. */
function requireJob(ctx: ApiContext, id: string): JobRecord {
  return settle(ctx, requireRecord(ctx, "job", id));
}

/**
 * `POST …/jobs`: 201 with the new job. A dataset, deployment or webhook that does not exist (or a dataset that is
 * not Uploaded when the job starts) makes the job fail with a reason rather than the request: that is a job state.
 * The API fills in the times the body leaves out: the start is now, the stop `jobRunMs` after the start.
 */
export async function createJob(ctx: ApiContext, request: Request): Promise<Response> {
  const body = await parseBody(request, createJobBody);
  const { startAtTime, stopAtTime } = body.spec;
  if (startAtTime !== undefined && stopAtTime !== undefined && stopAtTime < startAtTime) {
    throw badRequest(
      `spec.stopAtTime: expected a time at or after spec.startAtTime (${startAtTime}), got ${stopAtTime}`,
    );
  }
  const start = startAtTime ?? ctx.now;
  const job: JobRecord = {
    id: newId(ID_PREFIX.job),
    projectId: ctx.project.id,
    name: body.name,
    createDate: ctx.now,
    updateDate: ctx.now,
    spec: { ...body.spec, startAtTime: start, stopAtTime: stopAtTime ?? start + ctx.settings.jobRunMs },
    msPerItem: ctx.settings.msPerItem,
  };
  ctx.store.put("job", job);
  return json(jobToWire(settle(ctx, job), ctx.now), 201);
}

/** `GET …/jobs`: one page, newest first, each job's status as of now. */
export function listJobs(ctx: ApiContext, url: URL): Response {
  const limit = parseLimit(url.searchParams.get("limit"));
  const page = ctx.store.page("job", ctx.project.id, parsePage(url.searchParams.get("page")), limit);
  return json(pageToWire(page, (job) => jobToWire(settle(ctx, job), ctx.now)));
}

/** `GET …/jobs/{id}`. */
export function getJob(ctx: ApiContext, id: string): Response {
  return json(jobToWire(requireJob(ctx, id), ctx.now));
}

/**
 * `PATCH …/jobs/{id}` with `{spec:{stopAtTime}}`: cancel now, or schedule a stop. A stop time in the past is
 * taken as now, so that counters already reported never go backwards. A job that has already ended is returned
 * unchanged (cancelling twice is harmless).
 */
export async function patchJob(ctx: ApiContext, request: Request, id: string): Promise<Response> {
  const body = await parseBody(request, patchJobBody);
  const job = requireJob(ctx, id);
  if (isJobTerminal(job, ctx.now)) return json(jobToWire(job, ctx.now));
  const updated: JobRecord = {
    ...job,
    updateDate: ctx.now,
    spec: { ...job.spec, stopAtTime: Math.max(body.spec.stopAtTime, ctx.now) },
  };
  ctx.store.put("job", updated);
  return json(jobToWire(updated, ctx.now));
}

/** `DELETE …/jobs/{id}`: `{id, deleted: true}`. */
export function deleteJob(ctx: ApiContext, id: string): Response {
  requireJob(ctx, id);
  ctx.store.delete("job", ctx.project.id, id);
  return json({ id, deleted: true });
}

/** `GET …/jobs/{id}/logs`: entries newest first, filtered by `beforeTime`, `afterTime`, `minLevel`, `maxEntries`. */
export function getJobLogs(ctx: ApiContext, url: URL, id: string): Response {
  const query = parseLogQuery(url.searchParams);
  return json(jobLog(requireJob(ctx, id), ctx.now, query));
}
