/**
 * The request's DataLoaders and list pages over one ModelArts client. Within one request no page and no object is
 * fetched twice: each list's reads go through `offset-pages.ts` (a range an earlier read holds, or one past the
 * list's end, costs no call; reads from the start asked for together are one read), every listed item primes its
 * `…ById` loader, and a connection's `totalCount` reads the total from the page its edges came from. A "does not
 * exist" answer (`ModelArts.4352`, `ModelArts.4359`) becomes `null`.
 *
 * Related reads by cost (issue 22), by the thresholds of `../by-id-walk.ts` that Nexus and Graviti follow: a batch of ids first takes what the request's list
 * reads found (waiting for those in flight: a `jobs` page's dataset list serves every task's `dataset`). Of the ids
 * left, at most {@link GET_PER_ID_THRESHOLD} are fetched with one GET each; more read the list once from its start
 * (the datasets, or that dataset's export tasks), sized to the batch ({@link walkLimitOf}), then GET only what it
 * did not hold, unless that read reached the list's end (an id not in a whole list does not exist: `null`).
 */
import DataLoader from "dataloader";
import { asError, isNotFound, nullWhenNotFound } from "../../errors";
import { GET_PER_ID_THRESHOLD, walkLimitOf } from "../by-id-walk";
import { offsetChunkReader, offsetPageSource, type OffsetPage, type PageSource } from "../../pagination/sources";
import { MODELARTS_MAX_LIMIT, type ModelArtsClient } from "./client";
import { parseExportTaskRef } from "./ids";
import { createOffsetPages, type OffsetPages } from "./offset-pages";
import {
  datasetFromModelArts,
  exportTaskFromModelArts,
  type ModelArtsDatasetModel,
  type ModelArtsExportTaskModel,
} from "./to-model";

/** The per-request loaders and list pages. */
export interface ModelArtsLoaders {
  /** A dataset by id; null when it does not exist. */
  datasetById: DataLoader<string, ModelArtsDatasetModel | null>;
  /** An export task by its reference `<datasetId>:<taskId>`; null when it (or its dataset) does not exist. */
  exportTaskByRef: DataLoader<string, ModelArtsExportTaskModel | null>;
  /** One page of the project's datasets, newest first (cached per offset and limit). */
  datasetsPage(offset: number, limit: number): Promise<OffsetPage<ModelArtsDatasetModel>>;
  /** One page of a dataset's export tasks, newest first (cached per dataset, offset and limit). */
  exportTasksPage(datasetId: string, offset: number, limit: number): Promise<OffsetPage<ModelArtsExportTaskModel>>;
  /** The project's datasets, walked 100 at a time. */
  datasets: PageSource<ModelArtsDatasetModel>;
  /** A dataset's export tasks, walked 100 at a time; none (not an error) when the dataset does not exist. */
  exportTasksOf(datasetId: string): PageSource<ModelArtsExportTaskModel>;
  /**
   * A dataset's running tasks of one kind (a `running_task_type` code) or of every kind (undefined): one read per
   * dataset and kind per request. Null when the dataset does not exist.
   */
  runningTasksOf(datasetId: string, runningTaskType: number | undefined): Promise<ModelArtsRunningTasks | null>;
}

/** What a running-task check found. */
export interface ModelArtsRunningTasks {
  exists: boolean;
  taskIds: string[];
}

/**
 * The objects of `keys` by cost (see the module comment): what `listed` holds after `list`'s reads in flight have
 * settled; for more than {@link GET_PER_ID_THRESHOLD} keys left, one read of the list's start and what it found;
 * `null` for a key a whole list lacks; `get` for the rest. In key order; a key's failure is its own `Error`.
 */
async function byCost<T>(
  keys: readonly string[],
  list: OffsetPages<unknown>,
  listed: ReadonlyMap<string, T>,
  get: (key: string) => Promise<T | null>,
): Promise<(T | null | Error)[]> {
  await list.settle();
  const missing = keys.filter((key) => !listed.has(key)).length;
  if (missing > GET_PER_ID_THRESHOLD && !list.complete()) {
    // A failed list read leaves the GETs to find each object (and to fail each on its own).
    await list.read(0, walkLimitOf(missing, MODELARTS_MAX_LIMIT)).catch(() => undefined);
  }
  const whole = list.complete();
  return Promise.all(
    keys.map(async (key) => {
      const found = listed.get(key);
      if (found !== undefined) return found;
      return whole ? null : get(key).catch(asError);
    }),
  );
}

/** A cache of promises by key: the first caller's call is every caller's answer. */
function memo<T>(): (key: string, make: () => Promise<T>) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key, make) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make();
      cache.set(key, value);
    }
    return value;
  };
}

/**
 * Creates the loaders of one request over `client`. They cache for the whole request; make a new set per request.
 * Loads reject with the client's `UpstreamError` for anything but "does not exist".
 */
export function createModelArtsLoaders(client: ModelArtsClient): ModelArtsLoaders {
  const project = client.projectId;
  const runningChecks = memo<ModelArtsRunningTasks | null>();
  // What the request's list reads found, by reference: related reads take from them before any call.
  const listedDatasets = new Map<string, ModelArtsDatasetModel>();
  const listedTasks = new Map<string, ModelArtsExportTaskModel>();
  const datasetList = createOffsetPages(async (offset, limit) => {
    const page = await client.listDatasets({ offset, limit });
    const items = page.datasets.map((wire) => datasetFromModelArts(wire, project));
    for (const item of items) {
      listedDatasets.set(item.ref, item);
      datasetById.prime(item.ref, item);
    }
    return { items, total: page.total_number };
  });
  const taskLists = new Map<string, OffsetPages<ModelArtsExportTaskModel>>();
  const taskListOf = (datasetId: string): OffsetPages<ModelArtsExportTaskModel> => {
    let list = taskLists.get(datasetId);
    if (list === undefined) {
      list = createOffsetPages(async (offset, limit) => {
        const page = await client.listExportTasks(datasetId, { offset, limit });
        const items = page.export_tasks.map((wire) => exportTaskFromModelArts(wire, datasetId, project));
        for (const item of items) {
          listedTasks.set(item.ref, item);
          exportTaskByRef.prime(item.ref, item);
        }
        return { items, total: page.total_count };
      });
      taskLists.set(datasetId, list);
    }
    return list;
  };
  const getDataset = (id: string) =>
    nullWhenNotFound(async () => datasetFromModelArts(await client.getDataset(id), project));
  const datasetById: DataLoader<string, ModelArtsDatasetModel | null> = new DataLoader((ids) =>
    byCost(ids, datasetList, listedDatasets, getDataset),
  );
  const getTask = (datasetId: string, taskId: string) =>
    nullWhenNotFound(async () =>
      exportTaskFromModelArts(await client.getExportTask(datasetId, taskId), datasetId, project),
    );
  const exportTaskByRef: DataLoader<string, ModelArtsExportTaskModel | null> = new DataLoader(async (refs) => {
    // By cost per dataset: a task is listed only with its dataset's other tasks.
    const byDataset = new Map<string, { ref: string; taskId: string }[]>();
    for (const ref of refs) {
      const parsed = parseExportTaskRef(ref);
      if (parsed === null) continue;
      const group = byDataset.get(parsed.datasetId) ?? [];
      group.push({ ref, taskId: parsed.taskId });
      byDataset.set(parsed.datasetId, group);
    }
    const found = new Map<string, ModelArtsExportTaskModel | null | Error>();
    await Promise.all(
      [...byDataset].map(async ([datasetId, group]) => {
        const taskIdOf = new Map(group.map((each) => [each.ref, each.taskId]));
        const answers = await byCost(
          group.map((each) => each.ref),
          taskListOf(datasetId),
          listedTasks,
          (ref) => getTask(datasetId, taskIdOf.get(ref) ?? ""),
        );
        group.forEach((each, index) => found.set(each.ref, answers[index] ?? null));
      }),
    );
    // A reference of another grammar names nothing: null.
    return refs.map((ref) => found.get(ref) ?? null);
  });
  const datasetsPage = (offset: number, limit: number) => datasetList.read(offset, limit);
  const exportTasksPage = (datasetId: string, offset: number, limit: number) =>
    taskListOf(datasetId).read(offset, limit);
  const runningTasksOf = (datasetId: string, runningTaskType: number | undefined) =>
    runningChecks(`${datasetId}:${runningTaskType ?? "all"}`, () =>
      nullWhenNotFound(async () => {
        const wire = await client.getDatasetWithRunningTasks(datasetId, runningTaskType);
        const ids = Array.isArray(wire.running_tasks_id)
          ? wire.running_tasks_id.filter((id): id is string => typeof id === "string")
          : [];
        // A backend that omits the flag but lists ids still has running tasks.
        return { exists: wire.exist_running_task === true || ids.length > 0, taskIds: ids };
      }),
    );
  return {
    datasetById,
    exportTaskByRef,
    runningTasksOf,
    datasetsPage,
    exportTasksPage,
    // Newest first upstream (`create_time desc`): a page of datasets reads what it needs, from its cursor's offset.
    datasets: {
      ...offsetPageSource(datasetsPage, MODELARTS_MAX_LIMIT),
      positioned: {
        provider: "MODELARTS",
        reader: offsetChunkReader(datasetsPage, MODELARTS_MAX_LIMIT),
        include: () => true,
      },
    },
    exportTasksOf: (datasetId) =>
      offsetPageSource(
        // A dataset that does not exist (or was deleted since it was listed) has no tasks: an empty page.
        (offset, limit) =>
          exportTasksPage(datasetId, offset, limit).catch((error: unknown) => {
            if (isNotFound(error)) return { items: [], total: 0 };
            throw error;
          }),
        MODELARTS_MAX_LIMIT,
      ),
  };
}
