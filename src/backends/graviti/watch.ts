/**
 * What a watch object reads from Graviti: a dataset, through the same loader as queries (so a renamed dataset is
 * still found by its `id`). Graviti has no jobs: a job read rejects with a not-found `UpstreamError` (no Graviti job
 * id exists, so `jobUpdated` refuses one before it would get here). Every failure is an `UpstreamError`.
 */
import { UpstreamError } from "../../errors";
import type { DatasetModel } from "../../model";
import type { JobSnapshot, WatchReader } from "../backend";
import type { GravitiLoaders } from "./loaders";

function noJobs(ref: string): UpstreamError {
  return new UpstreamError(`graviti jobs.get: Graviti has no jobs (asked for ${ref.slice(0, 100)})`, {
    backend: "graviti",
    operation: "jobs.get",
    reason: "not-found",
    kind: "http",
    method: "GET",
    path: "",
    status: 404,
  });
}

/** The watch reads over one session's loaders (a poll makes a fresh session, so nothing stale is reused). */
export function createGravitiWatchReader(loaders: () => GravitiLoaders): WatchReader {
  return {
    job(ref: string, _known: JobSnapshot | null): Promise<JobSnapshot> {
      return Promise.reject(noJobs(ref));
    },
    async dataset(ref: string): Promise<DatasetModel> {
      const dataset = await loaders().datasetByRef.load(ref);
      if (dataset === null) {
        throw new UpstreamError(
          `graviti datasets.get: dataset ${ref.slice(0, 200)} does not exist (neither by name nor by id)`,
          {
            backend: "graviti",
            operation: "datasets.get",
            reason: "not-found",
            kind: "http",
            method: "GET",
            path: "/v2/datasets",
            status: 404,
          },
        );
      }
      return dataset;
    },
  };
}
