/**
 * Reading the watched resources from the upstream: a job (with its dataset, for progress), a dataset, and the new
 * entries of a job's log. Used both to check a new subscriber with its own credentials and by the watch object's
 * poll, so that both see the same shapes. Every failure is the client's `UpstreamError` (or a network error).
 */
import type { NexusClient } from "../backends/nexus/client";
import { isTerminalDatasetOverview, isTerminalJobState, jobStateFromNexus } from "../backends/nexus/job-state";
import type { NexusDataset, NexusLogEntry } from "../backends/nexus/types";
import { UpstreamError } from "../errors";
import { afterTimeForCursor, type LogCursor } from "./log-tail";
import type { WatchEvent, WatchTopic } from "./topics";

/** A snapshot event of a job or a dataset. */
export type SnapshotEvent = Extract<WatchEvent, { type: "job" } | { type: "dataset" }>;

/** The most entries the upstream returns per log call (nexus.md: 1000 at most). */
export const LOG_PAGE_SIZE = 1000;
/** Log pages read per poll at most; a tail that falls further behind catches up on the next poll. */
const MAX_LOG_PAGES_PER_POLL = 5;

async function datasetOrNull(client: NexusClient, datasetId: string | undefined): Promise<NexusDataset | null> {
  if (datasetId === undefined || datasetId === "") return null;
  try {
    return await client.getDataset(datasetId);
  } catch (error) {
    // A deleted dataset does not end a job's stream: progress is then 0, as in queries.
    if (error instanceof UpstreamError && error.status === 404) return null;
    throw error;
  }
}

/**
 * Reads a job and its dataset. `knownDataset`, when it is the job's dataset and already in a terminal upload state
 * (its item count can no longer change), is reused instead of read again. Rejects with the job's read error.
 */
export async function fetchJobSnapshot(
  client: NexusClient,
  jobId: string,
  knownDataset: NexusDataset | null = null,
): Promise<Extract<WatchEvent, { type: "job" }>> {
  const job = await client.getJob(jobId);
  const datasetId = job.spec?.datasetId;
  const reusable =
    knownDataset !== null &&
    knownDataset.id === datasetId &&
    isTerminalDatasetOverview(knownDataset.status?.overview ?? "");
  const dataset = reusable ? knownDataset : await datasetOrNull(client, datasetId);
  return { type: "job", job, dataset, terminal: isTerminalJobState(jobStateFromNexus(job)) };
}

/** Reads a dataset; terminal at `Uploaded`, `FailedUpload` or `FailedProcessing`. Rejects with the read error. */
export async function fetchDatasetSnapshot(
  client: NexusClient,
  datasetId: string,
): Promise<Extract<WatchEvent, { type: "dataset" }>> {
  const dataset = await client.getDataset(datasetId);
  return { type: "dataset", dataset, terminal: isTerminalDatasetOverview(dataset.status?.overview ?? "") };
}

/**
 * Reads the snapshot a topic starts from: the dataset for dataset topics, the job for job and log topics (a log
 * tail needs the job to know when it ends). This is the check a new subscriber passes with its own credentials:
 * an unknown id rejects with a 404 `UpstreamError`, a foreign project with a 403.
 */
export async function fetchTopicSnapshot(client: NexusClient, topic: WatchTopic): Promise<SnapshotEvent> {
  return topic.kind === "dataset" ? fetchDatasetSnapshot(client, topic.id) : fetchJobSnapshot(client, topic.id);
}

/**
 * Reads the log entries of a job from the cursor on (all levels; listeners filter their own). Entries come newest
 * first, at most {@link LOG_PAGE_SIZE} per call, so a full page is followed by an older page (`beforeTime` just
 * past the oldest entry seen) until a page is short, adds nothing, or {@link MAX_LOG_PAGES_PER_POLL} is reached.
 * Returns the entries in any order, possibly with duplicates; `takeNewLogEntries` sorts them out.
 */
export async function fetchLogEntriesSince(
  client: NexusClient,
  jobId: string,
  cursor: LogCursor,
): Promise<NexusLogEntry[]> {
  const afterTime = afterTimeForCursor(cursor);
  const collected = new Map<string, NexusLogEntry>();
  let beforeTime: number | undefined;
  for (let page = 0; page < MAX_LOG_PAGES_PER_POLL; page++) {
    const logs = await client.getJobLogs(jobId, {
      afterTime,
      maxEntries: LOG_PAGE_SIZE,
      ...(beforeTime === undefined ? {} : { beforeTime }),
    });
    const entries = logs.entries ?? [];
    const before = collected.size;
    for (const entry of entries) collected.set(entry.id, entry);
    if (entries.length < LOG_PAGE_SIZE || collected.size === before) break;
    const oldest = Math.min(...entries.map((entry) => entry.createTime));
    // +1 keeps the oldest millisecond in the next page, in case `beforeTime` is exclusive; ids de-duplicate it.
    beforeTime = oldest + 1;
  }
  return [...collected.values()];
}
