/**
 * Offset and limit paging of `GET /v2/datasets` with its envelope `{datasets, offset, record_size, total_count}`:
 * the defaults (offset 0, limit 128), the bounds, pages past the end, and the order (creation order, so new datasets
 * come last and earlier pages do not move).
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  createGravitiDataset,
  G,
  gcall,
  listAllDatasets,
  type GravitiErrorBody,
  type GravitiPage,
} from "./graviti-helpers";

/** The seeded 14 plus enough to pass the default page size of 128. */
const EXTRA = 120;
const TOTAL = 14 + EXTRA;

beforeAll(async () => {
  await G.reset();
  // In small parallel batches: the emulator assigns creation order per request, and the order is what is checked.
  for (let start = 0; start < EXTRA; start += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, EXTRA - start) }, (_, i) =>
        createGravitiDataset({ name: `bulk-${String(start + i).padStart(3, "0")}` }),
      ),
    );
  }
});

describe("GET /v2/datasets", () => {
  it("answers the first 128 by default, with offset 0, record_size and total_count", async () => {
    const page = await gcall<GravitiPage>("GET", "/graviti/v2/datasets");
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ offset: 0, record_size: 128, total_count: TOTAL });
    expect(page.body.datasets).toHaveLength(128);
    expect(page.body.datasets.slice(0, 3).map((dataset) => dataset.name)).toEqual([
      "MNIST",
      "CIFAR-10",
      "OxfordIIITPet",
    ]);
  });

  it("continues from offset, and record_size counts the rows of this page only", async () => {
    const rest = await gcall<GravitiPage>("GET", "/graviti/v2/datasets?offset=128");
    expect(rest.body).toMatchObject({ offset: 128, record_size: TOTAL - 128, total_count: TOTAL });
    expect(rest.body.datasets).toHaveLength(TOTAL - 128);
  });

  it("walks the whole list in pages of any limit without gaps or repeats, in the same order", async () => {
    const byOne = (await listAllDatasets(G.demo.key, 128)).map((dataset) => dataset.id);
    for (const limit of [1, 7, 50]) {
      const ids = (await listAllDatasets(G.demo.key, limit)).map((dataset) => dataset.id);
      expect(ids, `limit ${limit}`).toEqual(byOne);
    }
    expect(new Set(byOne).size).toBe(TOTAL);
  });

  it("answers an empty page past the end", async () => {
    const page = await gcall<GravitiPage>("GET", `/graviti/v2/datasets?offset=${TOTAL}&limit=5`);
    expect(page.body).toEqual({ datasets: [], offset: TOTAL, record_size: 0, total_count: TOTAL });
  });

  it("lists only the key's workspace", async () => {
    const other = await gcall<GravitiPage>("GET", "/graviti/v2/datasets", { key: G.other.key });
    expect(other.body.total_count).toBe(2);
    expect(other.body.datasets.every((dataset) => dataset.workspace === G.other.workspace)).toBe(true);
  });

  it("answers 400 InvalidParamsValue for a limit outside 1 to 128 or an offset that is not a whole number", async () => {
    const cases: Array<[string, string]> = [
      ["limit=0", 'limit: expected an integer from 1 to 128, got "0"'],
      ["limit=129", 'limit: expected an integer from 1 to 128, got "129"'],
      ["limit=-1", 'limit: expected an integer from 1 to 128, got "-1"'],
      ["limit=ten", 'limit: expected an integer from 1 to 128, got "ten"'],
      ["limit=", 'limit: expected an integer from 1 to 128, got ""'],
      ["offset=-1", 'offset: expected an integer from 0 to 1000000000, got "-1"'],
      ["offset=1.5", 'offset: expected an integer from 0 to 1000000000, got "1.5"'],
      ["offset=2000000000", 'offset: expected an integer from 0 to 1000000000, got "2000000000"'],
    ];
    for (const [query, message] of cases) {
      const response = await gcall<GravitiErrorBody>("GET", `/graviti/v2/datasets?${query}`);
      expect(response, query).toMatchObject({ status: 400, body: { code: "InvalidParamsValue", message } });
    }
  });

  it("accepts the largest limit and ignores query parameters it does not know", async () => {
    const page = await gcall<GravitiPage>("GET", "/graviti/v2/datasets?limit=128&offset=0&name=MNIST");
    expect(page.body.record_size).toBe(128);
  });
});
