/**
 * Datasets: the seeded set, create/get/delete with the wire shape of nexus.md, paging (newest first, opaque
 * tokens both ways, bad tokens and limits), and validation messages naming the field.
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  batch,
  call,
  createDataset,
  DEMO,
  emulatorUrl,
  listAll,
  ndjson,
  reset,
  type ApiErrorBody,
  type Dataset,
  type Page,
} from "./helpers";
import { useTenant } from "../utils/tenant";

beforeEach(async () => {
  await reset();
});

describe("seeded datasets", () => {
  it("holds 8 datasets in several statuses, one of them expired", async () => {
    const datasets = await listAll<Dataset>("datasets");
    expect(datasets).toHaveLength(8);
    const overviews = datasets.map((dataset) => dataset.status.overview).sort();
    expect(overviews).toEqual([
      "FailedProcessing",
      "FailedUpload",
      "Uploaded",
      "Uploaded",
      "Uploaded",
      "Uploaded",
      "Uploaded",
      "Uploading",
    ]);
    expect(datasets.filter((dataset) => dataset.expiryTime <= Date.now())).toHaveLength(1);
    for (const dataset of datasets)
      expect(dataset.id).toMatch(/^dataset_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("has the same ids after every reset", async () => {
    const before = (await listAll<Dataset>("datasets")).map((dataset) => dataset.id);
    await reset();
    const after = (await listAll<Dataset>("datasets")).map((dataset) => dataset.id);
    expect(after).toEqual(before);
  });
});

describe("create, get, delete", () => {
  it("creates an Uploading dataset whose upload URL points back at the emulator", async () => {
    const bytes = ndjson(3);
    const dataset = await createDataset(bytes, "street-photos");
    expect(dataset).toMatchObject({
      object: "dataset",
      name: "street-photos",
      projectId: DEMO.project,
      status: {
        overview: "Uploading",
        itemCount: 0,
        source: {
          kind: "UploadedNewlineDelimitedJsonFile",
          uploadUrl: { method: "PUT" },
        },
      },
    });
    // The five headers of a Cloud Storage signed URL, as the SDK's example lists them.
    expect(dataset.status.source.uploadUrl.headers).toEqual({
      "content-length": String(bytes.byteLength),
      "x-goog-hash": expect.stringMatching(/^crc32c=.{6}==$/),
      "x-goog-meta-datature-dataset-link": `projects/${DEMO.project}/batch/datasets/${dataset.id}`,
      "x-goog-if-generation-match": "0",
      "content-type": "application/x-ndjson",
    });
    const uploadUrl = new URL(dataset.status.source.uploadUrl.url);
    expect(uploadUrl.origin).toBe(new URL(emulatorUrl()).origin);
    // The token starts with the tenant, which routes the upload to it (emulator/src/tenants.ts).
    expect(uploadUrl.pathname).toMatch(new RegExp(`^/upload/${useTenant().name}\\.[0-9a-f]+$`));
    // The documented lifetimes: the upload URL 12 hours, the dataset 10 days (reset options can shorten both).
    expect(dataset.status.source.uploadUrl.expiresAtTime).toBe(dataset.createDate + 12 * 3_600_000);
    expect(dataset.expiryTime).toBe(dataset.createDate + 10 * 24 * 3_600_000);
    expect(dataset.status.updateTime).toBe(dataset.createDate);
    const read = await call<Dataset>("GET", batch(`datasets/${dataset.id}`));
    expect(read.status).toBe(200);
    expect(read.body).toEqual(dataset);
  });

  it("deletes a dataset, answers {id, deleted:true}, then 404 for it", async () => {
    const dataset = await createDataset(ndjson(1));
    const deletion = await call("DELETE", batch(`datasets/${dataset.id}`));
    expect(deletion.status).toBe(200);
    expect(deletion.body).toEqual({ id: dataset.id, deleted: true });
    expect((await call("GET", batch(`datasets/${dataset.id}`))).status).toBe(404);
    expect((await call("DELETE", batch(`datasets/${dataset.id}`))).status).toBe(404);
  });

  it.each([
    [
      { spec: { source: { kind: "UploadedNewlineDelimitedJsonFile", sizeBytes: 1, crc32c: "AAAAAA==" } } },
      "name: expected a non-empty string of at most 256 characters, got nothing",
    ],
    [
      { name: "", spec: { source: { kind: "UploadedNewlineDelimitedJsonFile", sizeBytes: 1, crc32c: "AAAAAA==" } } },
      'name: expected a non-empty string of at most 256 characters, got ""',
    ],
    [{ name: "x" }, "spec: expected an object {source}, got nothing"],
    [
      { name: "x", spec: { source: { kind: "Csv", sizeBytes: 1, crc32c: "AAAAAA==" } } },
      'spec.source.kind: expected "UploadedNewlineDelimitedJsonFile", got "Csv"',
    ],
    [
      {
        name: "x",
        spec: { source: { kind: "UploadedNewlineDelimitedJsonFile", sizeBytes: "12", crc32c: "AAAAAA==" } },
      },
      'spec.source.sizeBytes: expected an integer from 1 to 104857600, got "12"',
    ],
    [
      { name: "x", spec: { source: { kind: "UploadedNewlineDelimitedJsonFile", sizeBytes: 0, crc32c: "AAAAAA==" } } },
      "spec.source.sizeBytes: expected an integer from 1 to 104857600, got 0",
    ],
    [
      { name: "x", spec: { source: { kind: "UploadedNewlineDelimitedJsonFile", sizeBytes: 5, crc32c: "abc" } } },
      'spec.source.crc32c: expected the base64 of a 4-byte big-endian CRC32C, got "abc"',
    ],
  ])("rejects a bad create body with a 400 naming the field (%#)", async (body, message) => {
    const response = await call<ApiErrorBody>("POST", batch("datasets"), { body });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: "BadRequestError", message });
  });
});

describe("paging", () => {
  it("lists newest first by createDate, ties by id, with no prevPage on the first page", async () => {
    const first = await call<Page<Dataset>>("GET", batch("datasets?limit=3"));
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(3);
    expect(first.body.prevPage).toBeNull();
    expect(first.body.nextPage).toEqual(expect.any(String));
    const all = await listAll<Dataset>("datasets", undefined, undefined, 3);
    const sorted = [...all].sort((a, b) => b.createDate - a.createDate || (a.id < b.id ? 1 : -1));
    expect(all.map((d) => d.id)).toEqual(sorted.map((d) => d.id));
  });

  it("walks forward with nextPage and back with prevPage to the same rows", async () => {
    const first = await call<Page<Dataset>>("GET", batch("datasets?limit=3"));
    const second = await call<Page<Dataset>>("GET", batch(`datasets?limit=3&page=${first.body.nextPage}`));
    expect(second.body.data.map((d) => d.id)).not.toContain(first.body.data[0]?.id);
    expect(second.body.prevPage).toEqual(expect.any(String));
    const back = await call<Page<Dataset>>("GET", batch(`datasets?limit=3&page=${second.body.prevPage}`));
    expect(back.body.data.map((d) => d.id)).toEqual(first.body.data.map((d) => d.id));
    expect(back.body.prevPage).toBeNull();
  });

  it("ends with nextPage null on the last page", async () => {
    const page = await call<Page<Dataset>>("GET", batch("datasets?limit=1000"));
    expect(page.body.data).toHaveLength(8);
    expect(page.body.nextPage).toBeNull();
    expect(page.body.prevPage).toBeNull();
  });

  it("defaults limit to 100", async () => {
    for (let i = 0; i < 95; i++) await createDataset(ndjson(1), `bulk-${i}`);
    const page = await call<Page<Dataset>>("GET", batch("datasets"));
    expect(page.body.data).toHaveLength(100);
    expect(page.body.nextPage).toEqual(expect.any(String));
  });

  it.each(["0", "1001", "abc", "1.5", "-1", ""])("answers 400 naming limit for limit=%j", async (limit) => {
    const response = await call<ApiErrorBody>("GET", batch(`datasets?limit=${limit}`));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: "BadRequestError",
      message: `limit: expected an integer from 1 to 1000, got ${JSON.stringify(limit)}`,
    });
  });

  it.each(["not-a-token", "eyJ4IjoxfQ", "%%%", ""])("answers 400 naming page for page=%j", async (page) => {
    const response = await call<ApiErrorBody>("GET", batch(`datasets?page=${encodeURIComponent(page)}`));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: "BadRequestError",
      message: `page: expected a page token from nextPage or prevPage, got ${JSON.stringify(page)}`,
    });
  });
});
