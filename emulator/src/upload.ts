/**
 * The upload URL of a dataset: `PUT /upload/<token>` with the raw NDJSON bytes and exactly the headers the dataset
 * announced, no `Secret-Key` (it stands in for a Google Cloud Storage signed URL).
 *
 * Rejected with the dataset unchanged: unknown token (404), URL expired (403; the dataset reads `FailedUpload`), a
 * missing or different announced header (400: `content-length`, `x-goog-hash`, `x-goog-meta-datature-dataset-link`,
 * `x-goog-if-generation-match`, `content-type`), a file already uploaded to the URL (412, as Cloud Storage answers
 * `x-goog-if-generation-match: 0` when the object exists), a body other than `sizeBytes` long (400), a CRC32C other
 * than the announced one (400). Accepted (200, empty body): the dataset becomes `Uploaded` with `itemCount`, or
 * `FailedProcessing` with a message naming the first bad line.
 */
import { crc32c } from "@aws-crypto/crc32c";
import { ApiError, badRequest, forbidden, notFound } from "./errors";
import { datasetAt, uploadHeaders } from "./resources/datasets";
import type { Store } from "./store";
import type { DatasetRecord } from "./types";

/** The base64 of the 4-byte big-endian CRC32C of `bytes`, as in `x-goog-hash: crc32c=…`. */
export function crc32cBase64(bytes: Uint8Array): string {
  const value = crc32c(bytes);
  return btoa(String.fromCharCode((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff));
}

/** The outcome of parsing an NDJSON file: its item count, or a message naming the first bad line. */
export type NdjsonResult = { itemCount: number } | { error: string };

/** Parses NDJSON: one JSON object with a string `kind` per line; one final newline is allowed. */
export function parseNdjson(bytes: Uint8Array): NdjsonResult {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { error: "The file is not valid UTF-8" };
  }
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0) return { error: "The file holds no items: expected one JSON object per line" };
  for (const [index, rawLine] of lines.entries()) {
    const line = rawLine.endsWith("\r") ? rawLine.slice(0, -1) : rawLine;
    const where = `line ${index + 1}`;
    if (line.trim() === "") return { error: `${where}: expected a JSON object, got an empty line` };
    let item: unknown;
    try {
      item = JSON.parse(line);
    } catch {
      return { error: `${where}: not valid JSON: ${line.length > 60 ? `${line.slice(0, 57)}...` : line}` };
    }
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      return { error: `${where}: expected a JSON object, got ${JSON.stringify(item).slice(0, 60)}` };
    }
    if (typeof (item as Record<string, unknown>).kind !== "string") {
      return { error: `${where}: expected a string "kind", for example {"kind":"Image","url":"https://…"}` };
    }
  }
  return { itemCount: lines.length };
}

/** Checks the PUT against the dataset; throws the rejection (dataset unchanged) or returns the body bytes. */
async function acceptedBytes(dataset: DatasetRecord, request: Request, now: number): Promise<Uint8Array> {
  if (dataset.overview === "FailedUpload" || (dataset.overview === "Uploading" && now > dataset.uploadExpiresAt)) {
    throw forbidden(`upload URL expired at ${dataset.uploadExpiresAt}`);
  }
  for (const [name, expected] of Object.entries(uploadHeaders(dataset))) {
    const actual = request.headers.get(name);
    if (actual !== expected) {
      const got = actual === null ? "nothing" : JSON.stringify(actual);
      throw badRequest(`header ${name}: expected ${JSON.stringify(expected)}, got ${got}`);
    }
  }
  // Any status past Uploading means a file has arrived: the object exists, so generation 0 no longer matches.
  if (dataset.overview !== "Uploading") {
    throw new ApiError(
      412,
      "PreconditionFailedError",
      `dataset ${dataset.id} already has its file (status ${dataset.overview}): x-goog-if-generation-match 0 does not hold`,
    );
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength !== dataset.sizeBytes) {
    throw badRequest(`body: expected ${dataset.sizeBytes} bytes (the dataset's sizeBytes), got ${bytes.byteLength}`);
  }
  const actualCrc = crc32cBase64(bytes);
  if (actualCrc !== dataset.crc32c) {
    throw badRequest(`body: expected CRC32C ${dataset.crc32c} (the dataset's crc32c), got ${actualCrc}`);
  }
  return bytes;
}

/** Handles `PUT /upload/<token>` (see the module comment). */
export async function handleUpload(store: Store, request: Request, token: string, now: number): Promise<Response> {
  const stored = store.datasetByUploadToken(token);
  if (stored === undefined) throw notFound(`upload URL /upload/${token} not found`);
  const dataset = datasetAt(stored, now);
  const bytes = await acceptedBytes(dataset, request, now);
  const parsed = parseNdjson(bytes);
  const updated: DatasetRecord =
    "itemCount" in parsed
      ? { ...dataset, overview: "Uploaded", message: "Uploaded", itemCount: parsed.itemCount }
      : { ...dataset, overview: "FailedProcessing", message: parsed.error, itemCount: 0 };
  updated.statusUpdateTime = now;
  updated.updateDate = now;
  store.put("dataset", updated);
  return new Response(null, { status: 200 });
}
