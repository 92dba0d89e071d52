/**
 * The `GravitiDataset` type (the shared dataset fields, and what only Graviti datasets have) and the
 * `gravitiDataset(workspace, name)` query, which also reads public datasets of other workspaces.
 */
import { UpstreamError } from "../../../errors";
import type { Resolvers } from "../../../generated/resolvers-types";
import { datasetModelFields } from "../../model-fields";
import { gravitiSession } from "../session";
import { datasetFromGraviti, type GravitiDatasetModel } from "../to-model";

/**
 * True for Graviti's answer to a dataset that does not exist, or that the key may not see: `ResourceNotExist`, or
 * the `AccessDenied` another workspace's private (or absent) dataset gets.
 */
function isAbsent(error: unknown): boolean {
  return error instanceof UpstreamError && (error.reason === "not-found" || error.upstreamCode === "AccessDenied");
}

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
    withDraft: (dataset) => (typeof dataset.wire.with_draft === "boolean" ? dataset.wire.with_draft : null),
    coverUrl: (dataset) =>
      typeof dataset.wire.cover_url === "string" && dataset.wire.cover_url !== "" ? dataset.wire.cover_url : null,
  },
  Query: {
    gravitiDataset: async (_root, { workspace, name }, context): Promise<GravitiDatasetModel | null> => {
      const session = gravitiSession(context);
      try {
        const dataset = datasetFromGraviti(await session.client.getDataset(workspace, name), session.tenant);
        session.prime(dataset);
        return dataset;
      } catch (error) {
        if (isAbsent(error)) return null;
        throw error;
      }
    },
  },
};
