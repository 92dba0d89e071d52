/** What every ModelArts handler gets: the store, the authenticated project, the clock reading and the settings. */
import type { ModelArtsStore } from "./store";
import { datasetNotFound } from "./errors";
import type { DatasetRecord, ModelArtsSettings } from "./types";

/** Per-request context of a ModelArts handler. */
export interface ModelArtsContext {
  store: ModelArtsStore;
  /** The project of the path, already authenticated. */
  projectId: string;
  /** The time of the request (ms); one reading per request so that one response is consistent. */
  now: number;
  settings: ModelArtsSettings;
}

/** The dataset of the request's project, or a 400 `ModelArts.4352` (another project's dataset is not found either). */
export function requireDataset(ctx: ModelArtsContext, datasetId: string): DatasetRecord {
  const dataset = ctx.store.dataset(ctx.projectId, datasetId);
  if (dataset === undefined) throw datasetNotFound(datasetId);
  return dataset;
}
