/**
 * How `jobs` gathers export tasks: ModelArts has no endpoint that lists every export task of a project, so the
 * list is the project's datasets (ONE call, `limit=100`, newest first), then each dataset's export tasks (one call
 * per dataset, 100 tasks per call), merged newest first. The cost of a first page is therefore `1 + D` calls for a
 * project of `D` datasets (a dataset with more than 100 tasks costs more only when the walk reaches them), and
 * `totalCount` adds nothing: it reads the totals of the same pages.
 *
 * The bound: a project with more datasets than `MODELARTS_JOBS_MAX_DATASETS` is not scanned at all. The scan
 * rejects with an `UpstreamError` (`BAD_USER_INPUT`) that says so and what to do (`datasetId` lists one dataset's
 * tasks with one call), rather than a list that silently misses tasks.
 */
import { UpstreamError } from "../../errors";
import { mergeSources, type PageSource } from "../../pagination/sources";
import { sortKeyOf } from "../../pagination/sort-key";
import { MODELARTS_MAX_LIMIT } from "./client";
import type { ModelArtsLoaders } from "./loaders";
import type { ModelArtsExportTaskModel } from "./to-model";

/**
 * The error of a project with more datasets than the scan's bound. An `UpstreamError` (of the dataset list call
 * that found it, which answered 200) so that merged lists keep it to ModelArts's part, like any ModelArts failure.
 */
function tooManyDatasets(project: string, datasets: number, bound: number): UpstreamError {
  return new UpstreamError(
    `modelarts jobs: project ${project} has ${datasets} datasets, more than the ${bound} whose export tasks one jobs ` +
      "list scans (MODELARTS_JOBS_MAX_DATASETS); pass datasetId to list the export tasks of one dataset",
    {
      backend: "modelarts",
      operation: "jobs",
      reason: "bad-input",
      kind: "http",
      method: "GET",
      path: `/v2/${project}/datasets`,
      status: 200,
    },
  );
}

/**
 * Every export task of the project, newest first, scanning at most `maxDatasets` datasets (see the module
 * comment). Both `pages()` and `count()` reject with the bound's `UpstreamError` when the project has more.
 */
export function exportTasksOfProject(
  loaders: ModelArtsLoaders,
  project: string,
  maxDatasets: number,
): PageSource<ModelArtsExportTaskModel> {
  let merged: Promise<PageSource<ModelArtsExportTaskModel>> | undefined;
  const source = (): Promise<PageSource<ModelArtsExportTaskModel>> =>
    (merged ??= (async () => {
      const page = await loaders.datasetsPage(0, MODELARTS_MAX_LIMIT);
      if (page.total > maxDatasets) throw tooManyDatasets(project, page.total, maxDatasets);
      return mergeSources(
        page.items.map((dataset) => loaders.exportTasksOf(dataset.ref)),
        sortKeyOf,
      );
    })());
  return {
    pages: async function* () {
      yield* (await source()).pages();
    },
    count: async () => (await source()).count(),
  };
}
