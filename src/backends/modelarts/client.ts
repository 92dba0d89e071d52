/**
 * The one REST client of the ModelArts dataset and export-task APIs (modelarts.md, v2): one typed method per
 * endpoint. Every call goes through {@link ModelArtsTransport} (`transport.ts`), which adds the token, applies
 * timeouts and retries, checks status and body shape, and throws one `UpstreamError` for every failure.
 */
import { badUserInput } from "../../errors";
import { isSettledExportTask } from "./codes";
import { isModelArtsId } from "./ids";
import { ModelArtsTransport, type ModelArtsClientOptions } from "./transport";
import type {
  ModelArtsCreateExportTaskBody,
  ModelArtsCreatedTask,
  ModelArtsDataset,
  ModelArtsDatasetPage,
  ModelArtsExportTask,
  ModelArtsExportTaskPage,
} from "./types";
import { checkCreatedTask, checkDataset, checkDatasetPage, checkExportTask, checkExportTaskPage } from "./wire-checks";

export { DEFAULT_TIMEOUT_MS, type ModelArtsClientOptions, type ModelArtsCredentials } from "./transport";

/** The largest `limit` of both lists (modelarts.md: 1 to 100). */
export const MODELARTS_MAX_LIMIT = 100;

/**
 * One path segment: an upstream id, checked against the ModelArts id grammar (`ids.ts`) and encoded. Anything else
 * would steer the request to another path; it is refused with `BAD_USER_INPUT` before any call.
 */
function segment(id: string): string {
  if (!isModelArtsId(id)) throw badUserInput(`"${id.slice(0, 100)}" is not a ModelArts id.`);
  return encodeURIComponent(id);
}

/** Paging query of a list call (`offset` is a record offset, as the emulator reads it). */
export interface ModelArtsListQuery {
  offset: number;
  /** 1 to 100. */
  limit: number;
}

/**
 * Typed calls to the ModelArts API of one project. Construct one per request (it carries the credentials and the
 * retry budget). Every method resolves with the checked wire body or rejects with an `UpstreamError`.
 */
export class ModelArtsClient {
  readonly #transport: ModelArtsTransport;
  readonly #projectId: string;

  constructor(options: ModelArtsClientOptions) {
    this.#transport = new ModelArtsTransport(options);
    this.#projectId = options.credentials.projectId;
  }

  /** The project this client acts on. */
  get projectId(): string {
    return this.#projectId;
  }

  /** `GET datasets?offset&limit&sort_by=create_time&order=desc`: one page of datasets, newest first. */
  listDatasets(query: ModelArtsListQuery): Promise<ModelArtsDatasetPage> {
    return this.#transport.request({
      operation: "datasets.list",
      method: "GET",
      resource: "datasets",
      query: { offset: query.offset, limit: query.limit, sort_by: "create_time", order: "desc" },
      check: checkDatasetPage,
    });
  }

  /** `GET datasets/{dataset_id}`. */
  getDataset(datasetId: string): Promise<ModelArtsDataset> {
    return this.#transport.request({
      operation: "datasets.get",
      method: "GET",
      resource: `datasets/${segment(datasetId)}`,
      check: checkDataset,
    });
  }

  /**
   * `GET datasets/{dataset_id}?check_running_task=true[&running_task_type=N]`: the dataset with its running-task
   * check (`exist_running_task`, `running_tasks_id`), of one kind of task or, without `runningTaskType`, of all.
   */
  getDatasetWithRunningTasks(datasetId: string, runningTaskType?: number): Promise<ModelArtsDataset> {
    return this.#transport.request({
      operation: "datasets.get",
      method: "GET",
      resource: `datasets/${segment(datasetId)}`,
      query:
        runningTaskType === undefined
          ? { check_running_task: "true" }
          : { check_running_task: "true", running_task_type: runningTaskType },
      check: checkDataset,
    });
  }

  /** `GET datasets/{dataset_id}/export-tasks?offset&limit`: one page of a dataset's export tasks, newest first. */
  listExportTasks(datasetId: string, query: ModelArtsListQuery): Promise<ModelArtsExportTaskPage> {
    return this.#transport.request({
      operation: "exportTasks.list",
      method: "GET",
      resource: `datasets/${segment(datasetId)}/export-tasks`,
      query: { offset: query.offset, limit: query.limit },
      check: checkExportTaskPage,
    });
  }

  /** `GET datasets/{dataset_id}/export-tasks/{task_id}`; an ended task is kept in the terminal cache (when the client has one). */
  getExportTask(datasetId: string, taskId: string): Promise<ModelArtsExportTask> {
    return this.#transport.request({
      operation: "exportTasks.get",
      method: "GET",
      resource: `datasets/${segment(datasetId)}/export-tasks/${segment(taskId)}`,
      check: checkExportTask,
      settled: isSettledExportTask,
    });
  }

  /** `POST datasets/{dataset_id}/export-tasks`: starts an export; answers its `task_id`. */
  createExportTask(datasetId: string, body: ModelArtsCreateExportTaskBody): Promise<ModelArtsCreatedTask> {
    return this.#transport.request({
      operation: "exportTasks.create",
      method: "POST",
      resource: `datasets/${segment(datasetId)}/export-tasks`,
      body,
      check: checkCreatedTask,
    });
  }
}
