/**
 * The upload flow: a PUT to the dataset's upload URL with exactly its headers, the announced size and CRC32C.
 * Good files become Uploaded with their item count; a bad line gives FailedProcessing naming it; a wrong size,
 * CRC, header or an expired URL is rejected and leaves the dataset as it was.
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  batch,
  call,
  clearRequestLog,
  crc32cBase64,
  createDataset,
  emulatorUrl,
  listAll,
  ndjson,
  pollUntil,
  requestLog,
  reset,
  upload,
  type ApiErrorBody,
  type Dataset,
} from "./helpers";

const encode = (text: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(text);

async function read(dataset: Dataset): Promise<Dataset> {
  return (await call<Dataset>("GET", batch(`datasets/${dataset.id}`))).body;
}

async function expectUnchanged(dataset: Dataset): Promise<void> {
  const now = await read(dataset);
  expect(now.status.overview).toBe("Uploading");
  expect(now.status.itemCount).toBe(0);
  expect(now.updateDate).toBe(dataset.updateDate);
}

/** The announced headers without `content-length`, so that the client sends the true length of what it sends. */
function withTrueLength(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name !== "content-length"));
}

beforeEach(async () => {
  await reset();
});

describe("a good file", () => {
  it("moves the dataset to Uploaded with the number of lines as itemCount", async () => {
    const bytes = ndjson(20);
    const dataset = await createDataset(bytes);
    const result = await upload(dataset, bytes);
    expect(result).toEqual({ status: 200, text: "" });
    const after = await read(dataset);
    expect(after.status).toMatchObject({ overview: "Uploaded", itemCount: 20 });
    expect(after.status.updateTime).toBeGreaterThanOrEqual(dataset.status.updateTime);
  });

  it("accepts a file without a final newline and CRLF line ends", async () => {
    const bytes = encode('{"kind":"Image","url":"https://x/1.jpg"}\r\n{"kind":"Image","url":"https://x/2.jpg"}');
    const dataset = await createDataset(bytes);
    expect((await upload(dataset, bytes)).status).toBe(200);
    expect((await read(dataset)).status).toMatchObject({ overview: "Uploaded", itemCount: 2 });
  });

  it("completes the seeded Uploading dataset with the documented 3-line sample file", async () => {
    const sample = [1, 2, 3]
      .map((n) => `{"kind":"Image","url":"https://images.example.com/incoming/${n}.jpg"}\n`)
      .join("");
    const seeded = (await listAll<Dataset>("datasets")).find((dataset) => dataset.name === "incoming-batch-17");
    expect(seeded?.status.overview).toBe("Uploading");
    expect((await upload(seeded as Dataset, encode(sample))).status).toBe(200);
    expect((await read(seeded as Dataset)).status).toMatchObject({ overview: "Uploaded", itemCount: 3 });
  });

  it("is recorded in the request log without a Secret-Key being needed", async () => {
    const bytes = ndjson(2);
    const dataset = await createDataset(bytes);
    await clearRequestLog();
    await upload(dataset, bytes);
    const path = new URL(dataset.status.source.uploadUrl.url).pathname;
    expect(await requestLog()).toEqual([
      {
        method: "PUT",
        path,
        query: "",
        status: 200,
        durationMs: expect.any(Number),
        bytes: expect.any(Number),
        keyId: null,
        traceparent: null,
      },
    ]);
  });
});

describe("a bad file", () => {
  it.each([
    ['{"kind":"Image"}\n{"kind":"Image"}\n{"kind":"Image",\n', 'line 3: not valid JSON: {"kind":"Image",'],
    ['{"kind":"Image"}\n\n{"kind":"Image"}\n', "line 2: expected a JSON object, got an empty line"],
    ['{"kind":"Image"}\n[1,2]\n', "line 2: expected a JSON object, got [1,2]"],
    ['{"url":"https://x/1.jpg"}\n', 'line 1: expected a string "kind", for example {"kind":"Image","url":"https://…"}'],
    ["\n", "line 1: expected a JSON object, got an empty line"],
  ])("gives FailedProcessing with a message naming the line (%#)", async (text, message) => {
    const bytes = encode(text);
    const dataset = await createDataset(bytes);
    expect((await upload(dataset, bytes)).status).toBe(200);
    const after = await read(dataset);
    expect(after.status).toMatchObject({ overview: "FailedProcessing", message, itemCount: 0 });
  });

  it("answers 412 to a second upload once the dataset has its file (x-goog-if-generation-match: 0)", async () => {
    const bytes = ndjson(1);
    const dataset = await createDataset(bytes);
    expect(dataset.status.source.uploadUrl.headers["x-goog-if-generation-match"]).toBe("0");
    await upload(dataset, bytes);
    const again = await upload(dataset, bytes);
    expect(again.status).toBe(412);
    expect(JSON.parse(again.text)).toEqual({
      code: "PreconditionFailedError",
      message: `dataset ${dataset.id} already has its file (status Uploaded): x-goog-if-generation-match 0 does not hold`,
    });
  });
});

describe("rejected uploads leave the dataset unchanged", () => {
  it("rejects a size other than sizeBytes with 400 naming content-length", async () => {
    const bytes = ndjson(3);
    const dataset = await createDataset(bytes);
    expect(dataset.status.source.uploadUrl.headers["content-length"]).toBe(String(bytes.byteLength));
    const result = await upload(
      dataset,
      bytes.subarray(0, bytes.byteLength - 1),
      withTrueLength(dataset.status.source.uploadUrl.headers),
    );
    expect(result.status).toBe(400);
    expect(JSON.parse(result.text)).toEqual({
      code: "BadRequestError",
      message: `header content-length: expected "${bytes.byteLength}", got "${bytes.byteLength - 1}"`,
    });
    await expectUnchanged(dataset);
  });

  it("rejects a dataset link other than the dataset's with 400 naming the header", async () => {
    const bytes = ndjson(3);
    const dataset = await createDataset(bytes);
    const headers = dataset.status.source.uploadUrl.headers;
    const link = `projects/${dataset.projectId}/batch/datasets/${dataset.id}`;
    expect(headers["x-goog-meta-datature-dataset-link"]).toBe(link);
    const result = await upload(dataset, bytes, { ...headers, "x-goog-meta-datature-dataset-link": `${link}x` });
    expect(result.status).toBe(400);
    expect(JSON.parse(result.text)).toEqual({
      code: "BadRequestError",
      message: `header x-goog-meta-datature-dataset-link: expected "${link}", got "${link}x"`,
    });
    await expectUnchanged(dataset);
  });

  it("rejects bytes whose CRC32C differs from the announced one with 400", async () => {
    const bytes = ndjson(3);
    const tampered = ndjson(3);
    tampered[10] = (tampered[10] ?? 0) ^ 1;
    const dataset = await createDataset(bytes);
    const result = await upload(dataset, tampered);
    expect(result.status).toBe(400);
    expect(JSON.parse(result.text)).toEqual({
      code: "BadRequestError",
      message: `body: expected CRC32C ${crc32cBase64(bytes)} (the dataset's crc32c), got ${crc32cBase64(tampered)}`,
    });
    await expectUnchanged(dataset);
  });

  it("rejects a missing x-goog-hash header with 400 naming it", async () => {
    const bytes = ndjson(3);
    const dataset = await createDataset(bytes);
    const result = await upload(dataset, bytes, { "Content-Type": "application/x-ndjson" });
    expect(result.status).toBe(400);
    expect(JSON.parse(result.text)).toEqual({
      code: "BadRequestError",
      message: `header x-goog-hash: expected "crc32c=${crc32cBase64(bytes)}", got nothing`,
    });
    await expectUnchanged(dataset);
  });

  it("rejects an expired upload URL with 403, and the dataset reads FailedUpload from the expiry on", async () => {
    await reset({ uploadUrlTtlMs: 1 });
    const bytes = ndjson(3);
    const dataset = await createDataset(bytes);
    // Wait (bounded) until the emulator's own clock is past the expiry: its dataset reads carry its time.
    await pollUntil(
      async () =>
        (
          await call<Dataset>("POST", batch("datasets"), {
            body: {
              name: "clock",
              spec: { source: { kind: "UploadedNewlineDelimitedJsonFile", sizeBytes: 1, crc32c: "AAAAAA==" } },
            },
          })
        ).body.createDate,
      (now) => now > dataset.status.source.uploadUrl.expiresAtTime,
    );
    const result = await upload(dataset, bytes);
    expect(result.status).toBe(403);
    expect(JSON.parse(result.text)).toEqual({
      code: "ForbiddenError",
      message: `upload URL expired at ${dataset.status.source.uploadUrl.expiresAtTime}`,
    });
    const after = await read(dataset);
    const expiresAt = dataset.status.source.uploadUrl.expiresAtTime;
    expect(after.status).toMatchObject({
      overview: "FailedUpload",
      message: `The upload URL expired at ${new Date(expiresAt).toISOString()} before a file arrived`,
      updateTime: expiresAt,
      itemCount: 0,
    });
    expect(after.updateDate).toBe(expiresAt);
  });

  it("answers 404 for an unknown upload token and 405 for another method", async () => {
    const unknown = await fetch(`${emulatorUrl()}/upload/0123456789abcdef`, { method: "PUT", body: "x" });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()) as ApiErrorBody).toEqual({
      code: "ResourceNotFoundError",
      message: "upload URL /upload/0123456789abcdef not found",
    });
    const wrongMethod = await fetch(`${emulatorUrl()}/upload/0123456789abcdef`);
    expect(wrongMethod.status).toBe(405);
    await wrongMethod.text();
  });
});

describe("uploads from a browser", () => {
  it("answers a CORS preflight of the upload URL without recording it", async () => {
    const dataset = await createDataset(ndjson(1));
    await clearRequestLog();
    const preflight = await fetch(dataset.status.source.uploadUrl.url, {
      method: "OPTIONS",
      headers: {
        Origin: "https://app.example.com",
        "Access-Control-Request-Method": "PUT",
        "Access-Control-Request-Headers": "content-type,x-goog-hash",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("PUT");
    // Every header the signed URL asks for, so that a browser may send them all.
    expect(preflight.headers.get("access-control-allow-headers")).toBe(
      "content-length, x-goog-hash, x-goog-meta-datature-dataset-link, x-goog-if-generation-match, content-type",
    );
    expect(Object.keys(dataset.status.source.uploadUrl.headers).sort()).toEqual([
      "content-length",
      "content-type",
      "x-goog-hash",
      "x-goog-if-generation-match",
      "x-goog-meta-datature-dataset-link",
    ]);
    expect(await requestLog()).toEqual([]);
  });

  it("lets a browser read both an accepted and a rejected upload", async () => {
    const bytes = ndjson(2);
    const dataset = await createDataset(bytes);
    const uploadUrl = dataset.status.source.uploadUrl;
    const rejected = await fetch(uploadUrl.url, {
      method: "PUT",
      headers: withTrueLength(uploadUrl.headers),
      body: bytes.subarray(1),
    });
    expect(rejected.status).toBe(400);
    expect(rejected.headers.get("access-control-allow-origin")).toBe("*");
    await rejected.text();
    const accepted = await fetch(uploadUrl.url, { method: "PUT", headers: uploadUrl.headers, body: bytes });
    expect(accepted.status).toBe(200);
    expect(accepted.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("gives the API itself no CORS headers", async () => {
    const response = await call("GET", batch("datasets?limit=1"));
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});
