/**
 * From Graviti wire objects to the neutral model (`src/model.ts`): the one place that decides what a Graviti id,
 * time and state mean to the rest of the gateway. The wire object stays inside the model, unchanged.
 *
 * State: a Graviti dataset has no upload life. Its content arrives in commits, so a dataset with a commit on its
 * default branch (`commit_id` set) is `READY`, and one without (just created, or only an open draft) is `WAITING`
 * for its first commit. Nothing is ever `UPLOADING`, `PROCESSING` or `FAILED`.
 */
import type { DatasetModel, DatasetState } from "../../model";
import { gravitiRefOf } from "./ids";
import type { GravitiDataset } from "./types";

/** A Graviti dataset in the model. */
export type GravitiDatasetModel = DatasetModel<GravitiDataset>;

/** The normalised state of a dataset (see the module comment). */
export function datasetStateFromGraviti(dataset: GravitiDataset): DatasetState {
  return dataset.commit_id === null || dataset.commit_id === "" ? "WAITING" : "READY";
}

/** A dataset read with credentials of `tenant` (see `key-tenant.ts`). Times were checked by the wire check. */
export function datasetFromGraviti(dataset: GravitiDataset, tenant: string): GravitiDatasetModel {
  return {
    provider: "GRAVITI",
    typename: "GravitiDataset",
    tenant,
    ref: gravitiRefOf(dataset),
    createdAt: Date.parse(dataset.created_at),
    wire: dataset,
    kind: "dataset",
    name: dataset.name,
    updatedAt: Date.parse(dataset.updated_at),
    state: datasetStateFromGraviti(dataset),
  };
}
