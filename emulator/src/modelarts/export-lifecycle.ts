/**
 * An export task's life, derived from timestamps on every read (no timers, so it survives restarts), like a Nexus
 * job's (../job-lifecycle.ts). A task is `INIT` until `startAt` (for a new task, one `msPerSample` after its
 * creation), then `RUNNING`: sample `i` (0-based) is done at `startAt + (i + 1) × msPerSample`, so
 * `finished_sample_count` and `progress` rise with the clock; it is `SUCCESSED` when the last sample is done. A task
 * with a failure is `FAILED` once `afterSamples` samples are done (at `startAt` for a dataset with no samples), with
 * the failure's `error_code` and `error_msg`. A stop request freezes the counts: `STOPPING`, then `STOPPED`.
 */
import { MODELARTS_ERROR } from "./errors";
import { selectSamples, type SampleSelection } from "./sample-filter";
import type { DatasetRecord, ExportLife, ExportTaskRecord, ExportTaskStatus, ExportTaskWire } from "./types";

/** What changes with the clock. */
export interface ExportState {
  status: ExportTaskStatus;
  progress: number;
  /** Absent while `INIT` (the counts "can be absent", modelarts.md). */
  counts?: { total: number; finished: number };
  updateTime: number;
  error?: { error_code: string; error_msg: string };
}

/** True for the statuses a task never leaves. */
export function isExportTaskTerminal(status: ExportTaskStatus): boolean {
  return status === "SUCCESSED" || status === "FAILED" || status === "STOPPED";
}

/** How many samples are done at `at` (0 before the start, at most the count). */
function samplesDoneAt(task: ExportTaskRecord, at: number): number {
  const { startAt, msPerSample, sampleCount } = task.life;
  if (at < startAt) return 0;
  return Math.min(sampleCount, Math.floor((at - startAt) / msPerSample));
}

/** Percent done with one decimal, rounded down so that 100.0 means every sample. */
function percent(finished: number, total: number): number {
  return total === 0 ? 0 : Math.floor((finished * 1000) / total) / 10;
}

/** The task's status, progress and counts at `now`. */
export function exportStateAt(task: ExportTaskRecord, now: number): ExportState {
  const { startAt, msPerSample, sampleCount, failure, stop } = task.life;
  if (now < startAt) return { status: "INIT", progress: 0, updateTime: task.create_time };
  if (failure !== undefined) {
    const failAt = startAt + failure.afterSamples * msPerSample;
    if (now >= failAt) {
      return {
        status: "FAILED",
        progress: percent(failure.afterSamples, sampleCount),
        counts: { total: sampleCount, finished: failure.afterSamples },
        updateTime: failAt,
        error: { error_code: failure.error_code, error_msg: failure.error_msg },
      };
    }
  }
  // A stop asked for after the last sample changes nothing: the task had already succeeded.
  if (stop !== undefined && now >= stop.requestedAt && stop.requestedAt < startAt + sampleCount * msPerSample) {
    const finished = samplesDoneAt(task, stop.requestedAt);
    const stopped = now >= stop.stoppedAt;
    return {
      status: stopped ? "STOPPED" : "STOPPING",
      progress: percent(finished, sampleCount),
      counts: { total: sampleCount, finished },
      updateTime: stopped ? stop.stoppedAt : stop.requestedAt,
    };
  }
  const finished = samplesDoneAt(task, now);
  if (finished >= sampleCount) {
    return {
      status: "SUCCESSED",
      progress: 100,
      counts: { total: sampleCount, finished: sampleCount },
      updateTime: startAt + sampleCount * msPerSample,
    };
  }
  return {
    status: "RUNNING",
    progress: percent(finished, sampleCount),
    counts: { total: sampleCount, finished },
    updateTime: startAt + finished * msPerSample,
  };
}

/** The wire export task at `now`. */
export function exportTaskToWire(task: ExportTaskRecord, now: number): ExportTaskWire {
  const state = exportStateAt(task, now);
  const wire: ExportTaskWire = {
    task_id: task.task_id,
    status: state.status,
    progress: state.progress,
    path: task.path,
    export_type: task.export_type,
    export_format: task.export_format,
    export_params: task.export_params,
    create_time: task.create_time,
    update_time: state.updateTime,
  };
  if (state.counts !== undefined) {
    wire.total_sample_count = state.counts.total;
    wire.finished_sample_count = state.counts.finished;
  }
  if (task.version_format !== undefined) wire.version_format = task.version_format;
  if (task.version_id !== undefined) wire.version_id = task.version_id;
  if (state.error !== undefined) {
    wire.error_code = state.error.error_code;
    wire.error_msg = state.error.error_msg;
  }
  return { ...wire, ...task.options };
}

/**
 * How many samples an export of `dataset` covers: the labeled ones (type 0), the unlabeled ones (1), all (2 and 3),
 * then those in the sample state and matching a search condition (the modelled samples of `sample-filter.ts`);
 * `export_params.samples`, when given, narrows it to that many.
 */
export function samplesToExport(
  dataset: DatasetRecord,
  selection: SampleSelection & { samples?: readonly string[] | undefined },
): number {
  const chosen = selectSamples(dataset, selection).count;
  return selection.samples === undefined ? chosen : Math.min(chosen, selection.samples.length);
}

/** The life of a new export task: `INIT` for one sample's time, then one sample per `msPerSample`; no samples fails. */
export function newExportLife(sampleCount: number, createdAt: number, msPerSample: number): ExportLife {
  const life: ExportLife = { startAt: createdAt + msPerSample, msPerSample, sampleCount };
  if (sampleCount === 0) {
    life.failure = {
      afterSamples: 0,
      error_code: MODELARTS_ERROR.datasetEmpty,
      error_msg: "Dataset is empty: there are no samples to export.",
    };
  }
  return life;
}
