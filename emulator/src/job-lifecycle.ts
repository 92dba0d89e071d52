/**
 * A job's life, derived from timestamps on every read (no background timers, so it survives restarts).
 *
 * Model: items move through four stages (gather, preprocess, predict, deliver) as a pipeline. Item `i` (0-based)
 * finishes stage `k` (0-based) at `start + (i + k + 1) * msPerItem + k`. The `+ k` keeps every moment of a job
 * unique (up to four items change stage in the same slot), so log entries never share a `createTime` and a client
 * paging with an exclusive `beforeTime` loses nothing. A small, deterministic share of items fails
 * at each stage (a hash of job id, item and stage). An item that fails at a stage also counts as failed at every
 * later stage, at the time it would have reached it, so that `Delivered + FailedDeliver` reaches the item count
 * (the SDK's progress formula). A stop time in the past freezes everything at that moment.
 */
import { fractionOf } from "./ids";
import type { ItemCounters, JobRecord, JobStatus } from "./types";

/** One pipeline stage: the counters it feeds and the log entry kinds it writes. */
export interface Stage {
  ok: keyof ItemCounters;
  failed: keyof ItemCounters;
  okKind: string;
  failedKind: string;
  /** Share of the items reaching this stage that fail there. */
  failShare: number;
  /** Reasons a failure at this stage gives, picked by hash. */
  reasons: readonly string[];
}

/** The four stages, in order. */
export const STAGES: readonly Stage[] = [
  {
    ok: "Gathered",
    failed: "FailedGather",
    okKind: "ItemGathered",
    failedKind: "ItemGatherFailed",
    failShare: 0.02,
    reasons: ["Item URL answered 404 Not Found", "Item URL timed out after 30000 ms"],
  },
  {
    ok: "Preprocessed",
    failed: "FailedProcess",
    okKind: "ItemPreprocessed",
    failedKind: "ItemPreprocessFailed",
    failShare: 0.02,
    reasons: ["Image could not be decoded", "Image is larger than 8192x8192 pixels"],
  },
  {
    ok: "Predicted",
    failed: "FailedPredict",
    okKind: "ItemPredicted",
    failedKind: "ItemPredictFailed",
    failShare: 0.03,
    reasons: ["Deployment returned 500 Internal Server Error", "Prediction timed out after 60000 ms"],
  },
  {
    ok: "Delivered",
    failed: "FailedDeliver",
    okKind: "ItemDelivered",
    failedKind: "ItemDeliverFailed",
    failShare: 0.02,
    reasons: ["Webhook answered 500 after every retry", "Webhook endpoint could not be reached"],
  },
];

/** The job's start time: `spec.startAtTime`, else its creation. */
export function jobStartTime(job: JobRecord): number {
  return job.spec.startAtTime ?? job.createDate;
}

/** The stage (index) at which item `item` of job `jobId` fails, or undefined when it goes all the way through. */
export function failingStage(jobId: string, item: number): number | undefined {
  const index = STAGES.findIndex((stage, k) => fractionOf(`${jobId}:${item}:${k}`) < stage.failShare);
  return index === -1 ? undefined : index;
}

/** The value a failure table holds for an item that fails at no stage. */
export const NO_FAILURE = STAGES.length;

/** Failure tables of recent jobs, oldest first (a Map keeps insertion order): big jobs are read again and again. */
const failureTables = new Map<string, Uint8Array>();
const FAILURE_TABLE_CACHE_SIZE = 16;

/**
 * For each item of a job, the stage at which it fails, or {@link NO_FAILURE}. Cached for the most recent jobs, so
 * that reading a job of a million items costs one hash per item once, not on every request.
 */
export function failureTable(jobId: string, itemCount: number): Uint8Array {
  const key = `${jobId}:${itemCount}`;
  const cached = failureTables.get(key);
  if (cached !== undefined) {
    failureTables.delete(key);
    failureTables.set(key, cached);
    return cached;
  }
  const table = new Uint8Array(itemCount);
  for (let item = 0; item < itemCount; item++) table[item] = failingStage(jobId, item) ?? NO_FAILURE;
  failureTables.set(key, table);
  const oldest = failureTables.keys().next();
  if (failureTables.size > FAILURE_TABLE_CACHE_SIZE && oldest.done !== true) failureTables.delete(oldest.value);
  return table;
}

/** When item `item` finishes stage `stage` (see the module comment for the `+ stage`). */
export function stageTime(start: number, msPerItem: number, item: number, stage: number): number {
  return start + (item + stage + 1) * msPerItem + stage;
}

/** When the last item finishes its last stage (the start itself for an empty job). */
export function finishTime(start: number, msPerItem: number, itemCount: number): number {
  return itemCount === 0 ? start : stageTime(start, msPerItem, itemCount - 1, STAGES.length - 1);
}

/** How many stages item `item` has finished by time `at`, from 0 to 4. */
export function stagesDone(start: number, msPerItem: number, item: number, at: number): number {
  let done = 0;
  while (done < STAGES.length && stageTime(start, msPerItem, item, done) <= at) done++;
  return done;
}

/** Zeroed counters. */
export function emptyCounters(): ItemCounters {
  return {
    Gathered: 0,
    FailedGather: 0,
    Preprocessed: 0,
    FailedProcess: 0,
    Predicted: 0,
    FailedPredict: 0,
    Delivered: 0,
    FailedDeliver: 0,
  };
}

/** The item counters of a started job at time `at`, and when they last changed (the start when never). */
export function progressAt(
  job: JobRecord,
  itemCount: number,
  at: number,
): { items: ItemCounters; lastChangeAt: number } {
  const counters = emptyCounters();
  const start = jobStartTime(job);
  let lastChangeAt = start;
  const failures = failureTable(job.id, itemCount);
  for (let item = 0; item < itemCount; item++) {
    const done = stagesDone(start, job.msPerItem, item, at);
    // Later items have finished fewer stages than earlier ones: once one has finished none, all the rest have too.
    if (done === 0) break;
    const fails = failures[item] ?? NO_FAILURE;
    for (let k = 0; k < done; k++) {
      const stage = STAGES[k];
      if (stage === undefined) continue;
      counters[fails <= k ? stage.failed : stage.ok]++;
    }
    lastChangeAt = Math.max(lastChangeAt, stageTime(start, job.msPerItem, item, done - 1));
  }
  return { items: counters, lastChangeAt };
}

/**
 * The moment the job's items stop moving, and why: `Finished` (all handled), `Cancelled` (stop time reached
 * first), or undefined while it still runs at `now`.
 */
export function jobEnd(
  job: JobRecord,
  itemCount: number,
  now: number,
): { at: number; how: "Finished" | "Cancelled" } | undefined {
  const start = jobStartTime(job);
  const finish = finishTime(start, job.msPerItem, itemCount);
  const stop = job.spec.stopAtTime;
  if (stop !== undefined && stop < finish && stop <= now) return { at: stop, how: "Cancelled" };
  if (finish <= now) return { at: finish, how: "Finished" };
  return undefined;
}

/** True when a stop time has passed before the job could start (a job cancelled while it waited). */
export function stoppedBeforeStart(job: JobRecord, now: number): boolean {
  const stop = job.spec.stopAtTime;
  return stop !== undefined && stop <= now && stop <= jobStartTime(job);
}

/**
 * The job's wire status at `now`. A job that has not started (or has no resolution yet) is `Waiting`; a failed
 * resolution is `Failed` with its reason; otherwise counters follow the clock up to the job's end.
 */
export function jobStatusAt(job: JobRecord, now: number): JobStatus {
  const start = jobStartTime(job);
  if (stoppedBeforeStart(job, now)) {
    const stop = job.spec.stopAtTime ?? now;
    return { overview: "Reached", message: "Cancelled", updateDate: stop, items: emptyCounters(), cancelledAt: stop };
  }
  const resolution = job.resolution;
  if (now < start || resolution === undefined) {
    return { overview: "Waiting", message: "Waiting", updateDate: job.createDate, items: emptyCounters() };
  }
  if ("reason" in resolution) {
    const { failedAt, reason } = resolution;
    return { overview: "Failed", message: "Failed", updateDate: failedAt, items: emptyCounters(), reason };
  }
  const end = jobEnd(job, resolution.itemCount, now);
  if (end === undefined) {
    const progress = progressAt(job, resolution.itemCount, now);
    return { overview: "Waiting", message: "Running", updateDate: progress.lastChangeAt, items: progress.items };
  }
  const status: JobStatus = {
    overview: "Reached",
    message: end.how,
    updateDate: end.at,
    items: progressAt(job, resolution.itemCount, end.at).items,
  };
  if (end.how === "Cancelled") status.cancelledAt = end.at;
  return status;
}

/** True when the job will not change any more at `now` (finished, cancelled or failed). */
export function isJobTerminal(job: JobRecord, now: number): boolean {
  return jobStatusAt(job, now).overview !== "Waiting";
}
