/**
 * Reading a watched resource through its backend's watch reads: the snapshot event of a job or a dataset. Used
 * both to check a new subscriber with its own credentials and by the watch object's poll, so that both see the
 * same shapes. "Terminal" is decided on the neutral state, the same for every backend.
 */
import type { JobSnapshot, WatchReader } from "../backends/backend";
import { isTerminalDatasetState, isTerminalJobState } from "../model";
import type { WatchedResource, WatchEvent } from "./topics";

/** A snapshot event of a job or a dataset. */
export type SnapshotEvent = Extract<WatchEvent, { type: "job" } | { type: "dataset" }>;

/** The job snapshot event of a job read. */
export function jobEvent(snapshot: JobSnapshot): Extract<WatchEvent, { type: "job" }> {
  return { type: "job", ...snapshot, terminal: isTerminalJobState(snapshot.job.state) };
}

/**
 * Reads the snapshot of a resource: the job (with what its progress needs) or the dataset. `known` is the last
 * job event, whose settled dataset the backend may reuse. Rejects with the backend's `UpstreamError`.
 */
export async function readSnapshot(
  reader: WatchReader,
  resource: Exclude<WatchedResource, "jobList">,
  ref: string,
  known: Extract<WatchEvent, { type: "job" }> | null = null,
): Promise<SnapshotEvent> {
  if (resource === "job") return jobEvent(await reader.job(ref, known));
  const dataset = await reader.dataset(ref);
  return { type: "dataset", dataset, terminal: isTerminalDatasetState(dataset.state) };
}
