/** The `GravitiDataset` type: the shared dataset fields, and what only Graviti datasets have. */
import type { Resolvers } from "../../../generated/resolvers-types";
import { datasetModelFields } from "../../model-fields";

/** The Graviti dataset type. */
export const gravitiDatasetResolvers: Resolvers = {
  GravitiDataset: {
    ...datasetModelFields,
    gravitiId: (dataset) => dataset.wire.id,
    workspace: (dataset) => dataset.wire.workspace,
    alias: (dataset) => (typeof dataset.wire.alias === "string" ? dataset.wire.alias : ""),
    defaultBranch: (dataset) => String(dataset.wire.default_branch ?? ""),
    commitId: (dataset) => (dataset.wire.commit_id === "" ? null : dataset.wire.commit_id),
    creator: (dataset) => String(dataset.wire.creator ?? ""),
    isPublic: (dataset) => dataset.wire.is_public === true,
    storageConfig: (dataset) => String(dataset.wire.storage_config ?? ""),
    backendType: (dataset) => String(dataset.wire.backend_type ?? ""),
    coverUrl: (dataset) => (typeof dataset.wire.cover_url === "string" && dataset.wire.cover_url !== "" ? dataset.wire.cover_url : null),
  },
};
