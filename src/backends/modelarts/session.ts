/**
 * One request's (or one poll's) work with ModelArts: the client and loaders (made on first use), the page sources
 * of its lists (`offsetPageSource`s: every answer carries its total, so counting is no walk), the reads of watch
 * objects, and the lookups behind global ids. ModelArts-only resolvers reach it with {@link modelArtsSession}.
 */
import { sessionKey, type GatewayContext } from "../gateway-context";
import { UpstreamError } from "../../errors";
import type { NodeModel } from "../../model";
import { filteredSource, type PageSource } from "../../pagination/sources";
import { sortKeyOf } from "../../pagination/sort-key";
import { sessionTransportOptions } from "../session-transport";
import { createTerminalCache, terminalCacheTtlFromEnv } from "../../upstream/terminal-cache";
import type { GatewayVars } from "../../vars";
import type { Backend, BackendSession, DatasetFilter, JobFilter, SessionOptions, WatchReader } from "../backend";
import { ModelArtsClient, type ModelArtsCredentials } from "./client";
import { exportTasksOfProject } from "./jobs-scan";
import { createModelArtsLoaders, type ModelArtsLoaders } from "./loaders";
import { jobsMaxDatasetsFromEnv, modelArtsApiUrlFromEnv } from "./settings";
import type { ModelArtsDatasetModel, ModelArtsExportTaskModel } from "./to-model";
import { createModelArtsWatchReader } from "./watch";

/** Fails a session's first call with the settings problem, so a bad `MODELARTS_API_URL` is named, not hidden. */
function misconfigured(problem: string): never {
  throw new UpstreamError(`modelarts: ${problem}; the gateway cannot reach ModelArts`, {
    backend: "modelarts",
    operation: "settings",
    reason: "unavailable",
    kind: "network",
    method: "GET",
    path: "(MODELARTS_API_URL)",
    status: 0,
  });
}

/** The ModelArts session of one request. */
export class ModelArtsSession implements BackendSession {
  readonly backend: Backend;
  readonly tenant: string;
  readonly watch: WatchReader;
  readonly #credentials: ModelArtsCredentials;
  readonly #env: GatewayVars;
  readonly #options: SessionOptions;
  #client: ModelArtsClient | undefined;
  #loaders: ModelArtsLoaders | undefined;

  constructor(backend: Backend, credentials: ModelArtsCredentials, env: GatewayVars, options: SessionOptions = {}) {
    this.backend = backend;
    this.tenant = credentials.projectId;
    this.#credentials = credentials;
    this.#env = env;
    this.#options = options;
    this.watch = createModelArtsWatchReader(() => this.client);
  }

  /**
   * The request's client (made on first use): every upstream call of the session goes through it. Throws an
   * `UpstreamError` (`UPSTREAM_UNAVAILABLE`) naming the setting when `MODELARTS_API_URL` is unusable.
   */
  get client(): ModelArtsClient {
    if (this.#client !== undefined) return this.#client;
    const apiUrl = modelArtsApiUrlFromEnv(this.#env);
    if (!apiUrl.ok) return misconfigured(apiUrl.problem);
    // Ended export tasks are read through the terminal cache, scoped by the project AND its token; never in a poll.
    const { projectId, token } = this.#credentials;
    const terminalCache =
      this.#options.polling === true
        ? undefined
        : createTerminalCache({
            ttlSeconds: terminalCacheTtlFromEnv(this.#env),
            scope: ["modelarts", apiUrl.url, projectId, token],
          });
    this.#client = new ModelArtsClient({
      baseUrl: apiUrl.url,
      credentials: this.#credentials,
      ...sessionTransportOptions(this.#env, this.#options, apiUrl.url, projectId, this.#credentials),
      ...(terminalCache === undefined ? {} : { terminalCache }),
    });
    return this.#client;
  }

  /** The request's loaders (made on first use, on the same client). */
  get loaders(): ModelArtsLoaders {
    this.#loaders ??= createModelArtsLoaders(this.client);
    return this.#loaders;
  }

  /** @inheritdoc */
  async node(typename: string, ref: string): Promise<NodeModel | null> {
    switch (typename) {
      case "ModelArtsDataset":
        return this.loaders.datasetById.load(ref);
      case "ModelArtsExportTask":
        return this.loaders.exportTaskByRef.load(ref);
      default:
        return null;
    }
  }

  /** @inheritdoc */
  prime(model: NodeModel): void {
    if (model.typename === "ModelArtsDataset") {
      this.loaders.datasetById.clear(model.ref).prime(model.ref, model as ModelArtsDatasetModel);
    } else if (model.typename === "ModelArtsExportTask") {
      this.loaders.exportTaskByRef.clear(model.ref).prime(model.ref, model as ModelArtsExportTaskModel);
    }
  }

  /** Datasets, newest first, 100 per call; ModelArts datasets do not expire, so `includeExpired` changes nothing. */
  datasets(filter: DatasetFilter): PageSource<ModelArtsDatasetModel> {
    const states = filter.states ?? [];
    if (states.length === 0) return this.loaders.datasets;
    return filteredSource(this.loaders.datasets, (dataset) => states.includes(dataset.state), sortKeyOf, {
      sparse: true,
    });
  }

  /**
   * Export tasks as jobs: with `datasetRef`, that dataset's tasks (one list call per 100; a dataset that does not
   * exist has none); without it, the scan of `jobs-scan.ts` (1 + one call per dataset, bounded by
   * `MODELARTS_JOBS_MAX_DATASETS`). States are filtered on the gateway (the API filters only by export type).
   */
  jobs(filter: JobFilter): PageSource<ModelArtsExportTaskModel> {
    const { states, datasetRef } = filter;
    const source =
      datasetRef === null
        ? exportTasksOfProject(this.loaders, this.tenant, jobsMaxDatasetsFromEnv(this.#env))
        : this.loaders.exportTasksOf(datasetRef);
    return states.length === 0 ? source : filteredSource(source, (task) => states.includes(task.state), sortKeyOf);
  }
}

/** The typed handle on this backend's sessions (its provider). */
export const MODELARTS_SESSION = sessionKey<ModelArtsSession>("MODELARTS");

/** The request's ModelArts session, for ModelArts-only fields. Throws `UNAUTHENTICATED` without ModelArts credentials. */
export function modelArtsSession(context: GatewayContext): ModelArtsSession {
  return context.backends.sessionFor(MODELARTS_SESSION);
}
