/**
 * How `jobs` gathers export tasks: ModelArts has no endpoint that lists every export task of a project, so the
 * list is the project's datasets (ONE call, `limit=100`, newest first, read once per request, `offset-pages.ts`), then each dataset's
 * export tasks, merged newest first. Each dataset is one part of the merge (`pagination/sources.ts`), read by offset
 * in reads sized to the page (at least a default page's worth, `pagination/merged-page.ts`), and a cursor carries
 * each dataset's position at its item's time, so a page from a cursor reads each dataset from there.
 *
 * The cost, for a project of `D` datasets of which `L` still hold tasks past the cursor:
 * - a first page, a backward page, and any page from a cursor issued before these positions: `1 + D` calls (the
 *   dataset list, then one sized read per dataset, two for a dataset whose position lies between two reads). No
 *   fewer: a dataset carries no time that bounds its tasks' (modelarts.md documents no such use of `update_time`),
 *   so any dataset may hold the newest task, and any may have gained tasks since a cursor was given out;
 * - a forward page from a cursor: `L` calls, or `2L` at most, and no dataset list: a task is created with the time
 *   of its creation, so datasets with no task past the cursor, and datasets made since, hold only newer tasks;
 * - `totalCount`: the dataset list and one call per dataset (each dataset's total; a counted page reads each from
 *   its start in reads of 100, which the count shares).
 *
 * Whatever else the request asks of the same lists (`datasets`, `jobCounts`, related reads) shares these reads
 * (`offset-pages.ts`), and across requests the transport's shared reads serve them (`READ_CACHE_TTL_MS`).
 *
 * The bound: a project with more datasets than `MODELARTS_JOBS_MAX_DATASETS` is not scanned at all. The scan
 * rejects with an `UpstreamError` (`BAD_USER_INPUT`) that says so and what to do (`datasetId` lists one dataset's
 * tasks with one call), rather than a list that silently misses tasks. A cursor names at most that many datasets.
 */
import { isNotFound, UpstreamError } from "../../errors";
import {
  mergeSources,
  offsetChunkReader,
  offsetPageSource,
  type Lane,
  type PageSource,
} from "../../pagination/sources";
import { sortKeyOf } from "../../pagination/sort-key";
import { MODELARTS_MAX_LIMIT } from "./client";
import { isModelArtsId } from "./ids";
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
 * One dataset's export tasks, newest first, readable by offset from anywhere (`pagination/positioned.ts`); none (not
 * an error) when the dataset does not exist, or was deleted since a cursor named it.
 */
export function exportTasksOfDataset(
  loaders: ModelArtsLoaders,
  datasetId: string,
): PageSource<ModelArtsExportTaskModel> {
  const fetchPage = (offset: number, limit: number) =>
    loaders.exportTasksPage(datasetId, offset, limit).catch((error: unknown) => {
      if (isNotFound(error)) return { items: [], total: 0 };
      throw error;
    });
  return {
    ...offsetPageSource(fetchPage, MODELARTS_MAX_LIMIT),
    positioned: {
      provider: "MODELARTS",
      reader: offsetChunkReader(fetchPage, MODELARTS_MAX_LIMIT),
      include: () => true,
    },
  };
}

/**
 * Every export task of the project, newest first, scanning at most `maxDatasets` datasets (see the module
 * comment). `pages()`, `count()` and a page that needs every dataset reject with the bound's `UpstreamError` when
 * the project has more.
 */
export function exportTasksOfProject(
  loaders: ModelArtsLoaders,
  project: string,
  maxDatasets: number,
): PageSource<ModelArtsExportTaskModel> {
  const lanes = new Map<string, Lane<ModelArtsExportTaskModel>>();
  const laneOf = (datasetId: string): Lane<ModelArtsExportTaskModel> => {
    let lane = lanes.get(datasetId);
    if (lane === undefined) {
      lane = { id: datasetId, source: exportTasksOfDataset(loaders, datasetId) };
      lanes.set(datasetId, lane);
    }
    return lane;
  };
  let scanned: Promise<readonly Lane<ModelArtsExportTaskModel>[]> | undefined;
  // The dataset list, read once per request (the loaders cache the page too): every dataset's part.
  const everyLane = (): Promise<readonly Lane<ModelArtsExportTaskModel>[]> =>
    (scanned ??= (async () => {
      const page = await loaders.datasetsPage(0, MODELARTS_MAX_LIMIT);
      if (page.total > maxDatasets) throw tooManyDatasets(project, page.total, maxDatasets);
      return page.items.map((dataset) => laneOf(dataset.ref));
    })());
  const merged = async (): Promise<PageSource<ModelArtsExportTaskModel>> =>
    mergeSources(
      (await everyLane()).map((lane) => lane.source),
      sortKeyOf,
    );
  return {
    pages: async function* (firstSize?: number) {
      yield* (await merged()).pages(firstSize);
    },
    count: async () => (await merged()).count(),
    lanes: {
      // A cursor's ids are checked against the id grammar (they go into upstream paths) and bounded like a scan.
      lanes: async (only) =>
        only === undefined ? everyLane() : only.filter(isModelArtsId).slice(0, maxDatasets).map(laneOf),
      forwardNeedsOnlyKnown: true,
    },
  };
}
