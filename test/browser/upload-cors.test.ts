/**
 * A browser uploads a dataset's file straight to its upload URL, as a frontend does with a Cloud Storage signed URL:
 * from another origin (the gateway's), with every header the URL asks for. The emulator's CORS preflight must allow
 * all five (`content-length` is the browser's own to set; the other four are sent as given), the PUT must be
 * accepted, and a second PUT must be refused with 412 (`x-goog-if-generation-match: 0`), readable by the page.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { BROWSER_MISSING, launchBrowser, type LaunchedBrowser } from "../utils/browser";
import { useTenant } from "../utils/tenant";
import type { NexusUploadUrl as UploadUrl } from "../../src/backends/nexus/types";

const tenant = useTenant();
const NDJSON =
  '{"kind":"Image","url":"https://example.com/a.jpg"}\n{"kind":"Image","url":"https://example.com/b.jpg"}\n';

/** Creates a dataset for `NDJSON` straight on the emulator and answers its upload URL. */
async function createDataset(): Promise<{ id: string; uploadUrl: UploadUrl }> {
  const bytes = new TextEncoder().encode(NDJSON);
  const { crc32c } = await import("@aws-crypto/crc32c");
  const value = crc32c(bytes);
  const crc = Buffer.from([(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]).toString(
    "base64",
  );
  const response = await fetch(`${inject("emulatorUrl")}/projects/${tenant.demo.project}/batch/datasets`, {
    method: "POST",
    headers: { "Secret-Key": tenant.demo.key, "content-type": "application/json" },
    body: JSON.stringify({
      name: "browser-upload",
      spec: { source: { kind: "UploadedNewlineDelimitedJsonFile", sizeBytes: bytes.byteLength, crc32c: crc } },
    }),
  });
  expect(response.status).toBe(201);
  const dataset = (await response.json()) as { id: string; status: { source: { uploadUrl: UploadUrl } } };
  return { id: dataset.id, uploadUrl: dataset.status.source.uploadUrl };
}

describe.skipIf(BROWSER_MISSING !== null)("a browser upload to the upload URL", () => {
  let launched: LaunchedBrowser;

  beforeAll(async () => {
    await tenant.reset();
    launched = await launchBrowser();
  });

  afterAll(async () => {
    await launched.close();
  });

  it("passes the preflight with all five headers, is accepted, and a second upload reads 412", async () => {
    const { id, uploadUrl } = await createDataset();
    expect(Object.keys(uploadUrl.headers).sort()).toEqual([
      "content-length",
      "content-type",
      "x-goog-hash",
      "x-goog-if-generation-match",
      "x-goog-meta-datature-dataset-link",
    ]);
    const page = await launched.browser.newPage();
    // Another origin than the emulator's: the gateway's plain-text front page.
    await page.goto(`${inject("gatewayUrl")}/`, { waitUntil: "load" });
    const statuses = await page.evaluate(
      async (upload: UploadUrl, text: string) => {
        const send = async (): Promise<string> => {
          try {
            const response = await fetch(upload.url, {
              method: upload.method,
              headers: upload.headers,
              body: new Blob([text]),
            });
            return `${response.status} ${await response.text()}`;
          } catch (error) {
            return `failed: ${String(error)}`;
          }
        };
        return [await send(), await send()];
      },
      uploadUrl,
      NDJSON,
    );
    expect(statuses[0]).toBe("200 ");
    expect(statuses[1]).toMatch(/^412 \{"code":"PreconditionFailedError"/);
    await page.close();
    const read = await fetch(`${inject("emulatorUrl")}/projects/${tenant.demo.project}/batch/datasets/${id}`, {
      headers: { "Secret-Key": tenant.demo.key },
    });
    expect(((await read.json()) as { status: { overview: string; itemCount: number } }).status).toMatchObject({
      overview: "Uploaded",
      itemCount: 2,
    });
  });
});
