/**
 * An upload URL that expires before a file arrives fails the dataset (`FailedUpload`, as the platform does), so a
 * `datasetUpdated` subscription on it ends on `FAILED` and completes instead of waiting for ever. The emulator's
 * upload URLs last 12 hours by default; this file's reset shortens them to a few seconds.
 */
import { afterAll, describe, expect, it } from "vitest";
import { createDatasetFor, DEMO, nexus, resetEmulator, sseClient, watch, type Result } from "./helpers";

const DATASET_UPDATED = /* GraphQL */ `
  subscription DatasetUpdated($id: ID!) {
    datasetUpdated(id: $id) { id state ... on NexusDataset { status { overview message } itemCount } }
  }
`;

const client = sseClient(DEMO);

afterAll(async () => {
  client.dispose();
});

interface DatasetView {
  state: string;
  status: { overview: string; message: string | null };
}

function views(results: Result[]): DatasetView[] {
  return results.map((result) => (result.data as { datasetUpdated: DatasetView }).datasetUpdated);
}

describe("an upload URL that expires unused", () => {
  it("fails the dataset (FailedUpload), and its datasetUpdated subscription ends on FAILED and completes", async () => {
    await resetEmulator({ uploadUrlTtlMs: 3000 });
    const dataset = await createDatasetFor(DEMO, '{"kind":"Image","url":"https://example.com/1.jpg"}\n');
    const stream = watch(client, DATASET_UPDATED, { id: dataset.id });
    expect(await stream.done).toEqual({ error: null });
    const seen = views(stream.results);
    expect(seen[0]?.state).toBe("UPLOADING");
    expect(seen.at(-1)).toMatchObject({
      state: "FAILED",
      status: { overview: "FailedUpload", message: expect.stringMatching(/^The upload URL expired at /) },
    });
    const wire = await nexus<{ status: { overview: string } }>(DEMO, "GET", `datasets/${dataset.id}`);
    expect(wire.status.overview).toBe("FailedUpload");
    await resetEmulator();
  });
});
