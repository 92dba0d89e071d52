/**
 * Synthetic job logs for tests of log paging: `POST /__emulator/jobs/{id}/log?tenant=t` `{entries, sameTime?}` gives
 * the job a log of `entries` entries that replaces the one its lifecycle writes, and `GET` the same path answers the
 * whole log (every entry, no cap, in the API's order). Such a log is a pure function of the job and the two numbers,
 * so it costs one small record, and a request builds only the entries it returns.
 *
 * Shape: the entries are grouped, newest first, into groups that share one `createTime`; the group sizes cycle
 * through `sameTime` (default `[1]`: every entry has a time of its own). The oldest group is at the job's
 * `createDate`, and each newer group is 3 ms later, so `since`/`until` bounds can fall between groups. Within a
 * group, the API's order is a hash of the id (not the id order), as a real upstream promises no order there.
 * Levels are spread by a hash of the id: about 25% `Debug`, 50% `Info`, 15% `Warning`, 10% `Error`.
 */
import { errorResponse, methodNotAllowed, notFound } from "./errors";
import { drainBody } from "./drain-body";
import { fractionOf, hash32, uuidFromSeed } from "./ids";
import {
  LOG_LEVELS,
  type JobRecord,
  type LogEntry,
  type LogLevel,
  type LogQuery,
  type SyntheticLogSpec,
} from "./types";
import { controlTenantOf } from "./tenants";
import { parseBody, syntheticLogBody } from "./validation";

/** Milliseconds between two neighbouring groups. */
const GROUP_STEP_MS = 3;

/** The state calls the synthetic-log control routes need (the Durable Object implements them over RPC). */
export interface SyntheticLogBackend {
  /** Sets the job's synthetic log; null when the tenant has no such job. */
  setSyntheticLog(jobId: string, spec: SyntheticLogSpec): Promise<SyntheticLogSummary | null>;
  /** The job's whole log in the API's order; null when the tenant has no such job. */
  fullLog(jobId: string): Promise<LogEntry[] | null>;
}

/** What `POST …/log` answers. */
export interface SyntheticLogSummary {
  jobId: string;
  entries: number;
  sameTime: number[];
  oldestTime: number;
  newestTime: number;
}

function levelOf(id: string): LogLevel {
  const share = fractionOf(`${id}:level`);
  return share < 0.25 ? "Debug" : share < 0.75 ? "Info" : share < 0.9 ? "Warning" : "Error";
}

/** The groups' sizes, newest first, adding up to `spec.entries`. */
function groupSizes(spec: SyntheticLogSpec): number[] {
  const sizes: number[] = [];
  let left = spec.entries;
  for (let i = 0; left > 0; i++) {
    const size = Math.min(left, spec.sameTime[i % spec.sameTime.length] ?? 1);
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

/** The last logs built, by job and shape: a walk over a long log asks for the same one again and again. */
const built = new Map<string, LogEntry[]>();
const BUILT_CAPACITY = 8;

/** Every entry of the synthetic log of `job`, in the API's order: newest time first, a hash order within a time. */
export function syntheticEntries(job: JobRecord, spec: SyntheticLogSpec): LogEntry[] {
  const key = JSON.stringify([job.id, job.createDate, spec.entries, spec.sameTime]);
  const known = built.get(key);
  if (known !== undefined) return known;
  const entries = buildEntries(job, spec);
  if (built.size >= BUILT_CAPACITY) built.delete(built.keys().next().value ?? "");
  built.set(key, entries);
  return entries;
}

function buildEntries(job: JobRecord, spec: SyntheticLogSpec): LogEntry[] {
  const sizes = groupSizes(spec);
  const entries: LogEntry[] = [];
  let index = 0;
  sizes.forEach((size, group) => {
    const createTime = job.createDate + (sizes.length - 1 - group) * GROUP_STEP_MS;
    const members: LogEntry[] = [];
    for (let k = 0; k < size; k++, index++) {
      const id = uuidFromSeed(`${job.id}:synthetic:${index}`);
      const level = levelOf(id);
      members.push({
        id,
        kind: "Synthetic",
        createTime,
        level,
        item: `item_${index + 1}`,
        status: level === "Error" ? "FailedPredict" : "Delivered",
        timeMs: 1,
        ...(level === "Error" ? { reason: "Synthetic failure" } : {}),
      });
    }
    members.sort((a, b) => hash32(a.id) - hash32(b.id));
    entries.push(...members);
  });
  return entries;
}

/** The entries of a synthetic log that answer `query`: the API's bounds (both exclusive), level and cap. */
export function syntheticLogPage(job: JobRecord, spec: SyntheticLogSpec, query: LogQuery): LogEntry[] {
  const minRank = LOG_LEVELS.indexOf(query.minLevel);
  const page: LogEntry[] = [];
  for (const entry of syntheticEntries(job, spec)) {
    if (query.beforeTime !== undefined && entry.createTime >= query.beforeTime) continue;
    if (query.afterTime !== undefined && entry.createTime <= query.afterTime) break;
    if (LOG_LEVELS.indexOf(entry.level) < minRank) continue;
    page.push(entry);
    if (page.length >= query.maxEntries) break;
  }
  return page;
}

/** What `POST …/log` answers for `spec` on `job`. */
export function summaryOf(job: JobRecord, spec: SyntheticLogSpec): SyntheticLogSummary {
  const sizes = groupSizes(spec);
  return {
    jobId: job.id,
    entries: spec.entries,
    sameTime: spec.sameTime,
    oldestTime: job.createDate,
    newestTime: job.createDate + (sizes.length - 1) * GROUP_STEP_MS,
  };
}

const LOG_PATH = /^\/__emulator\/jobs\/([^/]+)\/log\/?$/;

/** True when `pathname` is a synthetic-log control route. */
export function isSyntheticLogPath(pathname: string): boolean {
  return LOG_PATH.test(pathname);
}

/** Answers `POST`/`GET /__emulator/jobs/{id}/log` on the state of the tenant the request names; `{code, message}` on failure. */
export async function handleSyntheticLog(
  request: Request,
  backendOf: (tenant: string) => SyntheticLogBackend,
): Promise<Response> {
  try {
    const url = new URL(request.url);
    const jobId = decodeURIComponent(LOG_PATH.exec(url.pathname)?.[1] ?? "");
    const backend = backendOf(controlTenantOf(url));
    const missing = () => notFound(`no job ${jobId} in this tenant`);
    if (request.method === "POST") {
      const body = await parseBody(request, syntheticLogBody, true);
      const summary = await backend.setSyntheticLog(jobId, { entries: body.entries, sameTime: body.sameTime ?? [1] });
      if (summary === null) throw missing();
      return Response.json(summary);
    }
    if (request.method === "GET") {
      const entries = await backend.fullLog(jobId);
      if (entries === null) throw missing();
      return Response.json({ jobId, entries });
    }
    throw methodNotAllowed(request.method, url.pathname, ["GET", "POST"]);
  } catch (error) {
    await drainBody(request);
    return errorResponse(error);
  }
}
