/**
 * The request's DataLoaders and list pages over one ModelArts client. Within one request no page and no object is
 * fetched twice: list pages are cached by (dataset, offset, limit), every listed item primes its `…ById` loader, and
 * a connection's `totalCount` reads the total from the page its edges came from. A "does not exist" answer
 * (`ModelArts.4352`, `ModelArts.4359`) becomes `null`.
 */
import DataLoader from "dataloader";
import { asError, isNotFound, nullWhenNotFound } from "../../errors";
import { offsetChunkReader, offsetPageSource, type OffsetPage, type PageSource } from "../../pagination/sources";
import { MODELARTS_MAX_LIMIT, type ModelArtsClient } from "./client";
import { parseExportTaskRef } from "./ids";
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
  const datasetPages = memo<OffsetPage<ModelArtsDatasetModel>>();
  const taskPages = memo<OffsetPage<ModelArtsExportTaskModel>>();
  const runningChecks = memo<ModelArtsRunningTasks | null>();
  const datasetById = new DataLoader<string, ModelArtsDatasetModel | null>((ids) =>
    Promise.all(
      ids.map((id) =>
        nullWhenNotFound(async () => datasetFromModelArts(await client.getDataset(id), project)).catch(asError),
      ),
    ),
  );
  const exportTaskByRef = new DataLoader<string, ModelArtsExportTaskModel | null>((refs) =>
    Promise.all(
      refs.map((ref) => {
        const parsed = parseExportTaskRef(ref);
        if (parsed === null) return Promise.resolve(null);
        return nullWhenNotFound(async () =>
          exportTaskFromModelArts(
            await client.getExportTask(parsed.datasetId, parsed.taskId),
            parsed.datasetId,
            project,
          ),
        ).catch(asError);
      }),
    ),
  );
  const datasetsPage = (offset: number, limit: number) =>
    datasetPages(`${offset}:${limit}`, async () => {
      const page = await client.listDatasets({ offset, limit });
      const items = page.datasets.map((wire) => datasetFromModelArts(wire, project));
      for (const item of items) datasetById.prime(item.ref, item);
      return { items, total: page.total_number };
    });
  const exportTasksPage = (datasetId: string, offset: number, limit: number) =>
    taskPages(`${datasetId}:${offset}:${limit}`, async () => {
      const page = await client.listExportTasks(datasetId, { offset, limit });
      const items = page.export_tasks.map((wire) => exportTaskFromModelArts(wire, datasetId, project));
      for (const item of items) exportTaskByRef.prime(item.ref, item);
      return { items, total: page.total_count };
    });
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
