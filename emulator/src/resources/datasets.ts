/**
 * Datasets: create (which hands out an upload URL), list, get, delete; and the wire shape of a dataset.
 */
import { json, requireRecord, type ApiContext } from "../context";
import { ID_PREFIX, newId } from "../ids";
import { uploadTokenOf } from "../tenants";
import { pageToWire, parseLimit, parsePage } from "../paging";
import type { DatasetRecord, DatasetWire } from "../types";
import { createDatasetBody, parseBody } from "../validation";

/**
 * The headers the client must send with the upload PUT, exactly: the five of a Google Cloud Storage signed URL in
 * the SDK's example. The dataset link is `projects/<project>/batch/datasets/<dataset>` (emulator convention: the
 * SDK shows the header, not its value); `x-goog-if-generation-match: 0` makes a second upload a 412.
 */
export function uploadHeaders(dataset: DatasetRecord): Record<string, string> {
  return {
    "content-length": String(dataset.sizeBytes),
    "x-goog-hash": `crc32c=${dataset.crc32c}`,
    "x-goog-meta-datature-dataset-link": `projects/${dataset.projectId}/batch/datasets/${dataset.id}`,
    "x-goog-if-generation-match": "0",
    "content-type": "application/x-ndjson",
  };
}

/**
 * The dataset as it is at `now`: one still `Uploading` after its upload URL expired has failed (`FailedUpload`, at
 * the moment of expiry), as the platform fails an upload that never came. Derived on read, so no timer is needed.
 */
export function datasetAt(dataset: DatasetRecord, now: number): DatasetRecord {
  if (dataset.overview !== "Uploading" || now <= dataset.uploadExpiresAt) return dataset;
  return {
    ...dataset,
    overview: "FailedUpload",
    message: `The upload URL expired at ${new Date(dataset.uploadExpiresAt).toISOString()} before a file arrived`,
    statusUpdateTime: dataset.uploadExpiresAt,
    updateDate: Math.max(dataset.updateDate, dataset.uploadExpiresAt),
  };
}

/** The wire dataset at `now`; the upload URL points at `origin` (the emulator as the client reached it). */
export function datasetToWire(stored: DatasetRecord, origin: string, now: number): DatasetWire {
  const dataset = datasetAt(stored, now);
  return {
    id: dataset.id,
    object: "dataset",
    name: dataset.name,
    projectId: dataset.projectId,
    expiryTime: dataset.expiryTime,
    status: {
      overview: dataset.overview,
      message: dataset.message,
      updateTime: dataset.statusUpdateTime,
      source: {
        kind: "UploadedNewlineDelimitedJsonFile",
        uploadUrl: {
          method: "PUT",
          url: `${origin}/upload/${dataset.uploadToken}`,
          headers: uploadHeaders(dataset),
          expiresAtTime: dataset.uploadExpiresAt,
        },
      },
      itemCount: dataset.itemCount,
    },
    createDate: dataset.createDate,
    updateDate: dataset.updateDate,
  };
}

/** A dataset of the project, or a 404 naming the id. */
export function requireDataset(ctx: ApiContext, id: string): DatasetRecord {
  return requireRecord(ctx, "dataset", id);
}

/** `POST …/datasets`: 201 with the new dataset, `Uploading` until its file arrives at the upload URL. */
export async function createDataset(ctx: ApiContext, request: Request): Promise<Response> {
  const body = await parseBody(request, createDatasetBody);
  const dataset: DatasetRecord = {
    id: newId(ID_PREFIX.dataset),
    projectId: ctx.project.id,
    name: body.name,
    createDate: ctx.now,
    updateDate: ctx.now,
    expiryTime: ctx.now + ctx.settings.datasetLifetimeMs,
    overview: "Uploading",
    message: "Waiting for the file at the upload URL",
    statusUpdateTime: ctx.now,
    itemCount: 0,
    sizeBytes: body.spec.source.sizeBytes,
    crc32c: body.spec.source.crc32c,
    uploadToken: uploadTokenOf(ctx.tenant, crypto.randomUUID().replace(/-/g, "")),
    uploadExpiresAt: ctx.now + ctx.settings.uploadUrlTtlMs,
  };
  ctx.store.put("dataset", dataset);
  return json(datasetToWire(dataset, ctx.origin, ctx.now), 201);
}

/** `GET …/datasets`: one page, newest first. Expired datasets are included (the SDK hides them client-side). */
export function listDatasets(ctx: ApiContext, url: URL): Response {
  const limit = parseLimit(url.searchParams.get("limit"));
  const page = ctx.store.page("dataset", ctx.project.id, parsePage(url.searchParams.get("page")), limit);
  return json(pageToWire(page, (dataset) => datasetToWire(dataset, ctx.origin, ctx.now)));
}

/** `GET …/datasets/{id}`. */
export function getDataset(ctx: ApiContext, id: string): Response {
  return json(datasetToWire(requireDataset(ctx, id), ctx.origin, ctx.now));
}

/** `DELETE …/datasets/{id}`: `{id, deleted: true}`. Jobs already running on it keep running. */
export function deleteDataset(ctx: ApiContext, id: string): Response {
  requireDataset(ctx, id);
  ctx.store.delete("dataset", ctx.project.id, id);
  return json({ id, deleted: true });
}
