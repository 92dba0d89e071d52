/**
 * Job log entries, derived from the same timeline as the job status (see job-lifecycle.ts). Each item writes one
 * `Info` entry per stage it passes, an `Error` entry with a `reason` at the stage where it fails, and now and then
 * a `Warning` (a transient error that was retried) just before a stage it passes. Entry ids are derived from job,
 * item, stage and kind, so the same entry has the same id on every request.
 */
import { badRequest } from "./errors";
import { fractionOf, hash32, ID_PREFIX, uuidFromSeed } from "./ids";
import { failingStage, jobEnd, jobStartTime, STAGES, stagesDone, stageTime, stoppedBeforeStart } from "./job-lifecycle";
import { LOG_LEVELS, type JobRecord, type LogEntry, type LogLevel } from "./types";

/** Share of passed stages that log a retried transient error first. */
const WARNING_SHARE = 0.05;

/** Default and bounds of `maxEntries` (emulator convention; the API caps it at 1000). */
export const MAX_ENTRIES = { default: 100, min: 1, max: 1000 } as const;

/** Filters of `GET …/logs`, parsed. */
export interface LogQuery {
  beforeTime?: number;
  afterTime?: number;
  minLevel: LogLevel;
  maxEntries: number;
}

function parseTime(name: string, raw: string | null): number | undefined {
  if (raw === null) return undefined;
  if (!/^\d{1,16}$/.test(raw)) throw badRequest(`${name}: expected milliseconds since the epoch, got ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** Parses the log query; a 400 naming the parameter when one is malformed. */
export function parseLogQuery(params: URLSearchParams): LogQuery {
  const rawLevel = params.get("minLevel");
  const minLevel = rawLevel ?? "Debug";
  if (!(LOG_LEVELS as readonly string[]).includes(minLevel)) {
    throw badRequest(`minLevel: expected one of ${LOG_LEVELS.join(", ")}, got ${JSON.stringify(rawLevel)}`);
  }
  const rawMax = params.get("maxEntries");
  const maxEntries = rawMax === null ? MAX_ENTRIES.default : /^\d{1,7}$/.test(rawMax) ? Number(rawMax) : NaN;
  if (!(maxEntries >= MAX_ENTRIES.min && maxEntries <= MAX_ENTRIES.max)) {
    throw badRequest(`maxEntries: expected an integer from ${MAX_ENTRIES.min} to ${MAX_ENTRIES.max}, got ${JSON.stringify(rawMax)}`);
  }
  const query: LogQuery = { minLevel: minLevel as LogLevel, maxEntries };
  const beforeTime = parseTime("beforeTime", params.get("beforeTime"));
  const afterTime = parseTime("afterTime", params.get("afterTime"));
  if (beforeTime !== undefined) query.beforeTime = beforeTime;
  if (afterTime !== undefined) query.afterTime = afterTime;
  return query;
}

function pick<T>(list: readonly T[], seed: string): T | undefined {
  return list[hash32(seed) % list.length];
}

/** Every log entry of a job up to `now`, oldest first. A job that never started or failed to start has none. */
export function jobLogEntries(job: JobRecord, now: number): LogEntry[] {
  const resolution = job.resolution;
  if (resolution === undefined || "reason" in resolution || stoppedBeforeStart(job, now)) return [];
  const start = jobStartTime(job);
  const end = jobEnd(job, resolution.itemCount, now);
  const until = Math.min(now, end?.at ?? now);
  const entries: LogEntry[] = [];
  for (let item = 0; item < resolution.itemCount; item++) {
    const done = stagesDone(start, job.msPerItem, item, until);
    if (done === 0) break;
    const fails = failingStage(job.id, item);
    const itemName = `item_${item + 1}`;
    for (let k = 0; k < done && (fails === undefined || k <= fails); k++) {
      const stage = STAGES[k];
      if (stage === undefined) continue;
      const at = stageTime(start, job.msPerItem, item, k);
      const seed = `${job.id}:${item}:${k}`;
      if (fails === k) {
        entries.push({
          id: uuidFromSeed(`${seed}:error`),
          kind: stage.failedKind,
          createTime: at,
          level: "Error",
          item: itemName,
          status: stage.failed,
          timeMs: job.msPerItem,
          reason: pick(stage.reasons, seed) ?? "Unknown error",
        });
        continue;
      }
      if (fractionOf(`${seed}:warn`) < WARNING_SHARE) {
        entries.push({
          id: uuidFromSeed(`${seed}:warning`),
          kind: "ItemRetried",
          createTime: at - Math.floor(job.msPerItem / 2),
          level: "Warning",
          item: itemName,
          status: k === 0 ? "Queued" : (STAGES[k - 1]?.ok ?? "Queued"),
          timeMs: job.msPerItem,
          reason: `${pick(stage.reasons, `${seed}:warn`) ?? "Transient error"}; retried`,
        });
      }
      entries.push({
        id: uuidFromSeed(`${seed}:info`),
        kind: stage.okKind,
        createTime: at,
        level: "Info",
        item: itemName,
        status: stage.ok,
        timeMs: job.msPerItem,
      });
    }
  }
  return entries;
}

/** The wire log object of a job: filtered, newest first, at most `maxEntries` (ties by id, for a stable order). */
export function jobLog(job: JobRecord, now: number, query: LogQuery): { id: string; object: "batch_job_log"; projectId: string; entries: LogEntry[] } {
  const minRank = LOG_LEVELS.indexOf(query.minLevel);
  const entries = jobLogEntries(job, now)
    .filter(
      (entry) =>
        LOG_LEVELS.indexOf(entry.level) >= minRank &&
        (query.beforeTime === undefined || entry.createTime < query.beforeTime) &&
        (query.afterTime === undefined || entry.createTime > query.afterTime),
    )
    .sort((a, b) => b.createTime - a.createTime || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, query.maxEntries);
  return { id: `${ID_PREFIX.jobLog}${uuidFromSeed(`log:${job.id}`)}`, object: "batch_job_log", projectId: job.projectId, entries };
}
