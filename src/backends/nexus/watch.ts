/**
 * What a watch object reads from Nexus: a job (with its dataset, for progress), a dataset, and the new entries of a
 * job's log. The same reads check a new subscriber with its own credentials, so both see the same shapes. Every
 * failure is the client's `UpstreamError`.
 */
import { isNotFound } from "../../errors";
import type { DatasetModel, LogEntryModel } from "../../model";
import type { JobSnapshot, WatchReader } from "../backend";
import { afterTimeForCursor, type LogCursor } from "../../subscriptions/log-tail";
import type { NexusClient } from "./client";
import { isTerminalDatasetOverview } from "./job-state";
import { datasetFromNexus, jobFromNexus, logEntryFromNexus, type NexusDatasetModel } from "./to-model";
import type { NexusDataset, NexusLogEntry } from "./types";

/** The most entries the upstream returns per log call (nexus.md: 1000 at most). */
export const LOG_PAGE_SIZE = 1000;
/** Log pages read per poll at most; a tail that falls further behind catches up on the next poll. */
const MAX_LOG_PAGES_PER_POLL = 5;

async function datasetOrNull(client: NexusClient, datasetId: string | null): Promise<NexusDatasetModel | null> {
  if (datasetId === null) return null;
  try {
    return datasetFromNexus(await client.getDataset(datasetId), client.projectId);
  } catch (error) {
    // A deleted dataset does not end a job's stream: progress is then 0, as in queries.
    if (isNotFound(error)) return null;
    throw error;
  }
}

function settledDataset(known: DatasetModel | null | undefined, datasetRef: string | null): DatasetModel | null {
  if (known == null || known.ref !== datasetRef) return null;
  const wire = known.wire as NexusDataset;
  // Once its upload is over, a dataset's item count no longer changes: no need to read it again.
  return isTerminalDatasetOverview(wire.status?.overview ?? "") ? known : null;
}

/**
 * Reads the entries of a job's log from the cursor on (all levels; listeners filter their own). Entries come newest
 * first, at most {@link LOG_PAGE_SIZE} per call, so a full page is followed by an older page (`beforeTime` just
 * past the oldest entry seen) until a page is short, adds nothing, or {@link MAX_LOG_PAGES_PER_POLL} is reached.
 */
async function logEntriesSince(client: NexusClient, jobId: string, cursor: LogCursor): Promise<LogEntryModel[]> {
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
  return [...collected.values()].map((entry) => logEntryFromNexus(entry, jobId, client.projectId));
}

/** The watch reads over one client. */
export function createNexusWatchReader(client: () => NexusClient): WatchReader {
  return {
    async job(ref: string, known: JobSnapshot | null): Promise<JobSnapshot> {
      const job = jobFromNexus(await client().getJob(ref), client().projectId);
      const dataset = settledDataset(known?.dataset, job.datasetRef) ?? (await datasetOrNull(client(), job.datasetRef));
      return { job, dataset, progressInput: (dataset?.wire as NexusDataset | undefined)?.status?.itemCount ?? null };
    },
    async dataset(ref: string): Promise<DatasetModel> {
      return datasetFromNexus(await client().getDataset(ref), client().projectId);
    },
    logsSince: (jobRef, cursor) => logEntriesSince(client(), jobRef, cursor),
  };
}
