/**
 * Dataset mutations: `createDataset` (create, then upload the content to the signed URL itself; or hand the upload
 * instructions to the client) and `deleteDataset`.
 */
import type { GatewayContext } from "../../gateway-context";
import { badUserInput, UpstreamError, upstreamErrorInContext } from "../../../errors";
import type {
  CreateDatasetInput,
  CreateDatasetPayload,
  Resolvers,
  ResolversTypes,
} from "../../../generated/resolvers-types";
import { toGlobalId } from "../../../global-id";
import { nexusSession } from "../session";
import { datasetFromNexus, type NexusDatasetModel } from "../to-model";
import type { NexusDataset } from "../types";
import { fileText, prepareNdjson } from "./ndjson";

const SOURCE_KIND = "UploadedNewlineDelimitedJsonFile";
const CRC32C_BASE64 = /^[A-Za-z0-9+/]{6}==$/;

type CreateDatasetResult = ResolversTypes["CreateDatasetPayload"] & Omit<CreateDatasetPayload, "dataset" | "upload">;

async function createDataset(input: CreateDatasetInput, context: GatewayContext): Promise<CreateDatasetResult> {
  const name = input.name.trim();
  if (name === "") throw badUserInput(`input.name must not be empty.`);
  if (input.ndjson != null && input.file != null) {
    throw badUserInput("Give the content once: input.ndjson or input.file, not both.");
  }
  const session = nexusSession(context);
  const { client } = session;
  const primed = (wire: NexusDataset): NexusDatasetModel => {
    const dataset = datasetFromNexus(wire, session.tenant);
    session.loaders.datasetById.clear(dataset.ref).prime(dataset.ref, dataset);
    return dataset;
  };

  let text: string | null = null;
  if (input.ndjson != null) text = input.ndjson;
  else if (input.file != null) text = await fileText(input.file, "input.file");

  if (text === null) {
    // The client uploads itself: it must announce what it will send.
    const upload = input.upload;
    if (upload == null) {
      throw badUserInput(
        "Give the content (input.ndjson or input.file), or input.upload {sizeBytes, crc32c} to upload it yourself.",
      );
    }
    if (!Number.isInteger(upload.sizeBytes) || upload.sizeBytes < 1) {
      throw badUserInput(`input.upload.sizeBytes must be a positive integer, got ${upload.sizeBytes}.`);
    }
    if (!CRC32C_BASE64.test(upload.crc32c)) {
      throw badUserInput(
        `input.upload.crc32c must be the base64 of 4 bytes (8 characters ending in "=="), got "${upload.crc32c.slice(0, 20)}".`,
      );
    }
    const dataset = await client.createDataset({
      name,
      spec: { source: { kind: SOURCE_KIND, sizeBytes: upload.sizeBytes, crc32c: upload.crc32c } },
    });
    return { dataset: primed(dataset), uploaded: false, upload: dataset.status.source?.uploadUrl ?? null };
  }

  if (input.upload != null)
    throw badUserInput("input.upload is only for uploading yourself; the gateway measures ndjson and file itself.");
  const prepared = prepareNdjson(text, input.ndjson != null ? "input.ndjson" : "input.file");
  const created = await client.createDataset({
    name,
    spec: { source: { kind: SOURCE_KIND, sizeBytes: prepared.sizeBytes, crc32c: prepared.crc32c } },
  });
  const uploadUrl = created.status.source?.uploadUrl;
  if (uploadUrl === undefined) {
    throw new UpstreamError(
      `nexus datasets.create: the upstream created dataset ${created.id} but gave no upload URL; nothing was uploaded`,
      {
        backend: "nexus",
        operation: "datasets.create",
        reason: "unavailable",
        kind: "invalid-body",
        method: "POST",
        path: `/projects/${session.tenant}/batch/datasets`,
        status: 200,
      },
    );
  }
  try {
    await client.uploadDatasetBytes(uploadUrl, prepared.bytes);
  } catch (error) {
    if (!(error instanceof UpstreamError)) throw error;
    // The signed URL is the upload's credential, not the caller's key: a refusal there is not FORBIDDEN.
    throw upstreamErrorInContext(
      error,
      `Created dataset ${created.id} (${toGlobalId("NexusDataset", created.id)}), but its upload failed: ${error.message}. ` +
        "Delete it or upload again with its upload instructions.",
      error.reason === "timeout" ? "timeout" : "unavailable",
    );
  }
  // Read it back: the status after the upload is what the client wants to see.
  return { dataset: primed(await client.getDataset(created.id)), uploaded: true, upload: null };
}

/** `createDataset` and `deleteDataset`. */
export const datasetMutationResolvers: Resolvers = {
  Mutation: {
    createDataset: (_root, { input }, context) => createDataset(input, context),
    deleteDataset: async (_root, { id }, context) => {
      const rawId = context.ids.resolveOf(id, { typename: "NexusDataset" }).ref;
      const result = await nexusSession(context).client.deleteDataset(rawId);
      return { id: toGlobalId("NexusDataset", rawId), deleted: result.deleted };
    },
  },
};
