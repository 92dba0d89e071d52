/**
 * What a watch object reads from ModelArts: an export task and a dataset, one GET each. The same reads check a new
 * subscriber with its own credentials, so both see the same shapes. An export task's progress needs nothing but
 * the task, so a snapshot carries no dataset. Every failure is the client's `UpstreamError` ("does not exist" is
 * `not-found`, which ends the stream with `NOT_FOUND`).
 */
import { badUserInput } from "../../errors";
import type { DatasetModel } from "../../model";
import type { JobSnapshot, WatchReader } from "../backend";
import type { ModelArtsClient } from "./client";
import { parseExportTaskRef } from "./ids";
import { datasetFromModelArts, exportTaskFromModelArts } from "./to-model";

/** The watch reads over one client. ModelArts has no task log, so there is no `logsSince`. */
export function createModelArtsWatchReader(client: () => ModelArtsClient): WatchReader {
  return {
    async job(ref: string): Promise<JobSnapshot> {
      const parsed = parseExportTaskRef(ref);
      if (parsed === null) throw badUserInput("Not a valid ModelArts export task reference.");
      const wire = await client().getExportTask(parsed.datasetId, parsed.taskId);
      return {
        job: exportTaskFromModelArts(wire, parsed.datasetId, client().projectId),
        dataset: null,
        progressInput: null,
      };
    },
    async dataset(ref: string): Promise<DatasetModel> {
      return datasetFromModelArts(await client().getDataset(ref), client().projectId);
    },
  };
}
