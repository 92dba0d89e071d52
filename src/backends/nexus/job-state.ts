/**
 * Normalised states derived from the Nexus wire vocabularies, which are partly open. One place decides what a raw
 * status means, so queries, filters and subscriptions agree.
 */
import { isTerminalJobState, type DatasetState, type JobState } from "../../model";
import type { NexusDataset, NexusItemCounters, NexusJob } from "./types";

const TERMINAL_DATASET_OVERVIEWS: ReadonlySet<string> = new Set(["Uploaded", "FailedUpload", "FailedProcessing"]);

/** The eight counters, in pipeline order. */
export const ITEM_COUNTER_NAMES = [
  "Gathered",
  "FailedGather",
  "Preprocessed",
  "FailedProcess",
  "Predicted",
  "FailedPredict",
  "Delivered",
  "FailedDeliver",
] as const satisfies readonly (keyof NexusItemCounters)[];

/** A counter's value; missing or non-numeric counts as 0 (nexus.md). */
export function itemCount(items: NexusItemCounters | undefined, name: keyof NexusItemCounters): number {
  const value = items?.[name];
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

/**
 * Derives a job's state from `status.overview`, `cancelledAt`, `message` and the counters:
 * `Failed` → FAILED; a `cancelledAt` or a `Reached` job whose message says "Cancelled" → CANCELLED; other `Reached`
 * → FINISHED; `Waiting` with any counter moved, or message "Running" → RUNNING; otherwise WAITING. An unknown
 * overview counts as RUNNING when items moved, else WAITING. Never throws.
 */
export function jobStateFromNexus(job: NexusJob): JobState {
  const status = job.status;
  const overview = status?.overview;
  if (overview === "Failed") return "FAILED";
  const cancelled =
    typeof status?.cancelledAt === "number" || (status?.message ?? "").trim().toLowerCase() === "cancelled";
  if (overview === "Reached") return cancelled ? "CANCELLED" : "FINISHED";
  if (cancelled) return "CANCELLED";
  const moved = ITEM_COUNTER_NAMES.some((name) => itemCount(status?.items, name) > 0);
  if (moved || (status?.message ?? "").trim().toLowerCase() === "running") return "RUNNING";
  return "WAITING";
}

/**
 * A job's progress between 0 and 1, as the SDK computes it: `(Delivered + FailedDeliver) / itemCount`, where
 * `itemCount` is the dataset's. A FINISHED job is 1. Unknown or zero `itemCount` gives 0 (1 when finished).
 * The result is clamped to 0..1.
 */
export function jobProgress(job: NexusJob, count: number | null | undefined): number {
  if (jobStateFromNexus(job) === "FINISHED") return 1;
  if (typeof count !== "number" || !Number.isFinite(count) || count <= 0) return 0;
  const done = itemCount(job.status?.items, "Delivered") + itemCount(job.status?.items, "FailedDeliver");
  return Math.min(1, Math.max(0, done / count));
}

/** True for `Uploaded`, `FailedUpload` and `FailedProcessing`: the dataset's upload will not change any more. */
export function isTerminalDatasetOverview(overview: string): boolean {
  return TERMINAL_DATASET_OVERVIEWS.has(overview);
}

/**
 * True when a job will not change any more: its normalised state is terminal (FINISHED, FAILED, CANCELLED). What
 * the terminal cache may keep (`upstream/terminal-cache.ts`), and why a finished job's log may be kept too.
 */
export function isSettledJob(job: NexusJob): boolean {
  return isTerminalJobState(jobStateFromNexus(job));
}

/** True when a dataset's upload is over ({@link isTerminalDatasetOverview}): what the terminal cache may keep. */
export function isSettledDataset(dataset: NexusDataset): boolean {
  return isTerminalDatasetOverview(dataset.status?.overview ?? "");
}

/**
 * A dataset's normalised state: `Waiting` → WAITING, `Uploading` → UPLOADING, `Processing`/`Processed` →
 * PROCESSING, `Uploaded` → READY, `Failed*` → FAILED; an unknown overview → PROCESSING (not terminal, not ready).
 */
export function datasetStateFromNexus(dataset: NexusDataset): DatasetState {
  const overview = dataset.status?.overview ?? "";
  switch (overview) {
    case "Waiting":
      return "WAITING";
    case "Uploading":
      return "UPLOADING";
    case "Uploaded":
      return "READY";
    case "FailedUpload":
    case "FailedProcessing":
      return "FAILED";
    default:
      return overview.startsWith("Failed") ? "FAILED" : "PROCESSING";
  }
}

/** True when the dataset's expiry time has passed at `nowMs` (the SDK hides these unless asked). */
export function isExpiredDataset(dataset: NexusDataset, nowMs: number = Date.now()): boolean {
  return typeof dataset.expiryTime === "number" && dataset.expiryTime <= nowMs;
}
