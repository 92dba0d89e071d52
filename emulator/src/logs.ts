/**
 * Job log entries, derived from the same timeline as the job status (see job-lifecycle.ts). Each item writes one
 * `Info` entry per stage it passes, an `Error` entry with a `reason` at the stage where it fails, and now and then
 * a `Warning` (a transient error that was retried) half a slot before a stage it passes. Entry ids are derived from
 * job, item, stage and kind, so the same entry has the same id on every request.
 *
 * Entries are generated newest first, slot by slot, and generation stops once `maxEntries` are found, so a request
 * costs about what it returns, not the size of the job.
 */
import type { NexusJobLogs } from "../../src/backends/nexus/types";
import { badRequest } from "./errors";
import { fractionOf, hash32, ID_PREFIX, uuidFromSeed } from "./ids";
import { failureTable, jobEnd, jobStartTime, NO_FAILURE, STAGES, stageTime, stoppedBeforeStart } from "./job-lifecycle";
import { syntheticLogPage } from "./synthetic-log";
import { LOG_LEVELS, type JobRecord, type LogEntry, type LogLevel, type LogQuery } from "./types";

/** Share of passed stages that log a retried transient error first. */
const WARNING_SHARE = 0.05;

/** Default and bounds of `maxEntries` (emulator convention; the API caps it at 1000). */
export const MAX_ENTRIES = { default: 100, min: 1, max: 1000 } as const;

/** The wire log object of a job: entries as the emulator sends them. */
export interface JobLog extends NexusJobLogs {
  object: "batch_job_log";
  entries: LogEntry[];
}

function parseTime(name: string, raw: string | null): number | undefined {
  if (raw === null) return undefined;
  if (!/^\d{1,16}$/.test(raw))
    throw badRequest(`${name}: expected milliseconds since the epoch, got ${JSON.stringify(raw)}`);
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
    throw badRequest(
      `maxEntries: expected an integer from ${MAX_ENTRIES.min} to ${MAX_ENTRIES.max}, got ${JSON.stringify(rawMax)}`,
    );
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

/**
 * The entries of a job at or before `until`, newest first. Slot `c` holds the stage ends of items `c - 1 - k` at
 * `start + c × msPerItem + k` (k = 3 … 0, newest first), preceded in time by their warnings half a slot earlier;
 * both lie after every entry of slot `c - 1` (msPerItem ≥ 10), so walking slots downwards yields sorted entries.
 */
function* entriesNewestFirst(job: JobRecord, itemCount: number, until: number): Generator<LogEntry> {
  const start = jobStartTime(job);
  const m = job.msPerItem;
  if (until < start || itemCount === 0) return;
  const failures = failureTable(job.id, itemCount);
  const lastSlot = Math.min(itemCount + STAGES.length - 1, Math.floor((until - start) / m) + 1);
  for (let slot = lastSlot; slot >= 1; slot--) {
    for (const warnings of [false, true]) {
      for (let k = STAGES.length - 1; k >= 0; k--) {
        const item = slot - 1 - k;
        const stage = STAGES[k];
        if (item < 0 || item >= itemCount || stage === undefined) continue;
        const fails = failures[item] ?? NO_FAILURE;
        if (fails < k) continue; // the item dropped out at an earlier stage
        const at = stageTime(start, m, item, k);
        const seed = `${job.id}:${item}:${k}`;
        const common = { item: `item_${item + 1}`, timeMs: m };
        if (warnings) {
          const warnAt = at - Math.floor(m / 2);
          if (fails === k || warnAt > until || fractionOf(`${seed}:warn`) >= WARNING_SHARE) continue;
          yield {
            id: uuidFromSeed(`${seed}:warning`),
            kind: "ItemRetried",
            createTime: warnAt,
            level: "Warning",
            item: common.item,
            status: k === 0 ? "Queued" : (STAGES[k - 1]?.ok ?? "Queued"),
            timeMs: m,
            reason: `${pick(stage.reasons, `${seed}:warn`) ?? "Transient error"}; retried`,
          };
        } else if (at <= until) {
          const failed = fails === k;
          const entry: LogEntry = {
            id: uuidFromSeed(`${seed}:${failed ? "error" : "info"}`),
            kind: failed ? stage.failedKind : stage.okKind,
            createTime: at,
            level: failed ? "Error" : "Info",
            item: common.item,
            status: failed ? stage.failed : stage.ok,
            timeMs: m,
          };
          if (failed) entry.reason = pick(stage.reasons, seed) ?? "Unknown error";
          yield entry;
        }
      }
    }
  }
}

/**
 * The wire log object of a job at `now`: filtered, newest first, at most `maxEntries`. A job given a synthetic log
 * (synthetic-log.ts) answers from it instead, whatever the time.
 */
export function jobLog(job: JobRecord, now: number, query: LogQuery): JobLog {
  const entries: LogEntry[] = [];
  const resolution = job.resolution;
  if (job.syntheticLog !== undefined) {
    entries.push(...syntheticLogPage(job, job.syntheticLog, query));
  } else if (resolution !== undefined && "itemCount" in resolution && !stoppedBeforeStart(job, now)) {
    const end = jobEnd(job, resolution.itemCount, now);
    let until = Math.min(now, end?.at ?? now);
    if (query.beforeTime !== undefined) until = Math.min(until, query.beforeTime - 1);
    const minRank = LOG_LEVELS.indexOf(query.minLevel);
    for (const entry of entriesNewestFirst(job, resolution.itemCount, until)) {
      if (query.afterTime !== undefined && entry.createTime <= query.afterTime) break;
      if (LOG_LEVELS.indexOf(entry.level) < minRank) continue;
      entries.push(entry);
      if (entries.length >= query.maxEntries) break;
    }
  }
  return {
    id: `${ID_PREFIX.jobLog}${uuidFromSeed(`log:${job.id}`)}`,
    object: "batch_job_log",
    projectId: job.projectId,
    entries,
  };
}
