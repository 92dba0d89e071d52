/**
 * ModelArts datasets: the seeded demo data, offset paging with its `{datasets, total_number}` envelope and limits,
 * the list filters (`search_content`, `sort_by`, `order`, `dataset_type`), and get with its running-task check.
 */
import { beforeAll, describe, expect, it } from "vitest";
import {
  allDatasets,
  datasetNamed,
  DEMO,
  expectStatus,
  OTHER,
  reset,
  v2,
  type Dataset,
  type DatasetList,
  type ModelArtsErrorBody,
} from "./modelarts-helpers";

const ALL_TYPES = [0, 1, 3, 100, 101, 102, 200, 201, 202, 400, 600, 900];

beforeAll(async () => {
  await reset();
});

describe("seeded datasets", () => {
  it("seeds 16 demo datasets with every dataset_type and every status, and 2 in the other project", async () => {
    const demo = await allDatasets();
    expect(demo).toHaveLength(16);
    expect([...new Set(demo.map((d) => d.dataset_type))].sort((a, b) => a - b)).toEqual(ALL_TYPES);
    expect([...new Set(demo.map((d) => d.status))].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const other = await allDatasets(OTHER);
    expect(other.map((d) => d.dataset_name).sort()).toEqual(["other-cats-dogs", "other-empty"]);
    expect(new Set(other.map((d) => d.dataset_id)).size).toBe(2);
    expect(demo.some((d) => other.some((o) => o.dataset_id === d.dataset_id))).toBe(false);
  });

  it("gives a dataset labels, versions and sample counts, with OBS paths and a table format for the table type", async () => {
    const retail = await datasetNamed("retail-shelf-products");
    expect(retail).toMatchObject({
      dataset_type: 1,
      status: 1,
      data_format: "Default",
      dataset_format: 0,
      total_sample_count: 2400,
      annotated_sample_count: 2100,
      unconfirmed_sample_count: 40,
      current_version_name: "V003",
      dataset_version_count: 3,
      work_path: "/modelarts-demo-bucket/retail-shelf-products/output/",
      data_sources: [{ data_type: 0, data_path: "/modelarts-demo-bucket/retail-shelf-products/input/" }],
      dataset_tags: ["retail"],
      workspace_id: "0",
    });
    expect(retail.labels.map((label) => label.name)).toEqual(["bottle", "can", "box"]);
    expect(retail.labels[0]).toEqual({ name: "bottle", type: 1, property: { "@modelarts:color": "#3399ff" } });
    expect(retail.current_version_id).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(retail.dataset_id).toMatch(/^[A-Za-z0-9]{20}$/);
    const table = await datasetNamed("churn-table");
    expect(table).toMatchObject({ dataset_type: 400, data_format: "Table", dataset_format: 1 });
    const empty = await datasetNamed("bird-photos");
    expect(empty).toMatchObject({ status: 1, total_sample_count: 0, annotated_sample_count: 0 });
  });

  it("seeds the same ids on every reset", async () => {
    const before = (await allDatasets()).map((d) => d.dataset_id);
    await reset();
    expect((await allDatasets()).map((d) => d.dataset_id)).toEqual(before);
  });
});

describe("paging", () => {
  it("answers 10 datasets by default with the total, newest first", async () => {
    const page = await expectStatus<DatasetList>(200, "GET", v2("datasets"));
    expect(page.body.total_number).toBe(16);
    expect(page.body.datasets).toHaveLength(10);
    const times = page.body.datasets.map((d) => d.create_time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("treats offset as a record offset: pages of 5 cover every dataset once", async () => {
    const whole = (await expectStatus<DatasetList>(200, "GET", v2("datasets?limit=100"))).body.datasets;
    const pages: Dataset[] = [];
    for (const offset of [0, 5, 10, 15]) {
      const page = await expectStatus<DatasetList>(200, "GET", v2(`datasets?offset=${offset}&limit=5`));
      expect(page.body.total_number).toBe(16);
      pages.push(...page.body.datasets);
    }
    expect(pages.map((d) => d.dataset_id)).toEqual(whole.map((d) => d.dataset_id));
    const beyond = await expectStatus<DatasetList>(200, "GET", v2("datasets?offset=16&limit=5"));
    expect(beyond.body).toEqual({ datasets: [], total_number: 16 });
  });

  it("accepts limit 1 and 100, and refuses 0, 101, -1, a fraction or text with ModelArts.0104 naming the parameter", async () => {
    expect((await expectStatus<DatasetList>(200, "GET", v2("datasets?limit=1"))).body.datasets).toHaveLength(1);
    expect((await expectStatus<DatasetList>(200, "GET", v2("datasets?limit=100"))).body.datasets).toHaveLength(16);
    for (const bad of ["0", "101", "-1", "2.5", "ten"]) {
      const response = await expectStatus<ModelArtsErrorBody>(400, "GET", v2(`datasets?limit=${bad}`));
      expect(response.body).toEqual({
        error_code: "ModelArts.0104",
        error_msg: `limit: expected an integer from 1 to 100, got "${bad}"`,
      });
    }
    const offset = await expectStatus<ModelArtsErrorBody>(400, "GET", v2("datasets?offset=-3"));
    expect(offset.body).toEqual({
      error_code: "ModelArts.0104",
      error_msg: 'offset: expected an integer from 0 to 1000000000, got "-3"',
    });
  });
});

describe("filters", () => {
  it("finds datasets whose name contains search_content, ignoring case, with the matching total", async () => {
    const page = await expectStatus<DatasetList>(200, "GET", v2("datasets?search_content=SEG"));
    expect(page.body.datasets.map((d) => d.dataset_name).sort()).toEqual(["meeting-segments", "road-segmentation"]);
    expect(page.body.total_number).toBe(2);
    const none = await expectStatus<DatasetList>(200, "GET", v2("datasets?search_content=no-such-name"));
    expect(none.body).toEqual({ datasets: [], total_number: 0 });
  });

  it("filters by dataset_type, and refuses a type that does not exist", async () => {
    const detection = await expectStatus<DatasetList>(200, "GET", v2("datasets?dataset_type=1&limit=100"));
    expect(detection.body.datasets.map((d) => d.dataset_name).sort()).toEqual(["ocr-scans", "retail-shelf-products"]);
    expect(detection.body.total_number).toBe(2);
    const bad = await expectStatus<ModelArtsErrorBody>(400, "GET", v2("datasets?dataset_type=2"));
    expect(bad.body).toEqual({
      error_code: "ModelArts.0104",
      error_msg: 'dataset_type: expected one of 0, 1, 3, 100, 101, 102, 200, 201, 202, 400, 600, 900, got "2"',
    });
  });

  it("sorts by dataset_name or create_time, ascending or descending", async () => {
    const names = (await allDatasets()).map((d) => d.dataset_name);
    const byName = await expectStatus<DatasetList>(200, "GET", v2("datasets?sort_by=dataset_name&order=asc&limit=100"));
    expect(byName.body.datasets.map((d) => d.dataset_name)).toEqual([...names].sort());
    const byNameDesc = await expectStatus<DatasetList>(
      200,
      "GET",
      v2("datasets?sort_by=dataset_name&order=desc&limit=100"),
    );
    expect(byNameDesc.body.datasets.map((d) => d.dataset_name)).toEqual([...names].sort().reverse());
    const oldest = await expectStatus<DatasetList>(200, "GET", v2("datasets?sort_by=create_time&order=asc&limit=3"));
    expect(oldest.body.datasets.map((d) => d.dataset_name)).toEqual([
      "legacy-pets",
      "archived-faces",
      "retail-shelf-products",
    ]);
  });

  it("combines filters with paging: the total counts what matches, not the page", async () => {
    const page = await expectStatus<DatasetList>(
      200,
      "GET",
      v2("datasets?dataset_type=0&sort_by=dataset_name&order=asc&offset=1&limit=2"),
    );
    expect(page.body.total_number).toBe(4);
    expect(page.body.datasets.map((d) => d.dataset_name)).toEqual(["bird-photos", "defect-classification"]);
  });

  it("refuses an unknown sort_by or order naming the parameter", async () => {
    const sort = await expectStatus<ModelArtsErrorBody>(400, "GET", v2("datasets?sort_by=size"));
    expect(sort.body).toEqual({
      error_code: "ModelArts.0104",
      error_msg: 'sort_by: expected one of create_time, dataset_name, got "size"',
    });
    const order = await expectStatus<ModelArtsErrorBody>(400, "GET", v2("datasets?order=up"));
    expect(order.body).toEqual({
      error_code: "ModelArts.0104",
      error_msg: 'order: expected one of asc, desc, got "up"',
    });
  });
});

describe("get", () => {
  it("answers the dataset as listed, without running-task fields unless asked", async () => {
    const listed = await datasetNamed("defect-classification");
    const got = await expectStatus<Dataset>(200, "GET", v2(`datasets/${listed.dataset_id}`));
    expect(got.body).toEqual(listed);
    expect(got.body).not.toHaveProperty("exist_running_task");
  });

  it("reports the export tasks that have not ended with check_running_task=true", async () => {
    const retail = await datasetNamed("retail-shelf-products");
    const checked = await expectStatus<Dataset>(
      200,
      "GET",
      v2(`datasets/${retail.dataset_id}?check_running_task=true`),
    );
    // Seeded on this dataset: one RUNNING and one INIT task (the others have ended).
    expect(checked.body.exist_running_task).toBe(true);
    expect(checked.body.running_tasks_id).toHaveLength(2);
    const exports = await expectStatus<Dataset>(
      200,
      "GET",
      v2(`datasets/${retail.dataset_id}?check_running_task=true&running_task_type=2`),
    );
    expect(exports.body.running_tasks_id).toEqual(checked.body.running_tasks_id);
    const labeling = await expectStatus<Dataset>(
      200,
      "GET",
      v2(`datasets/${retail.dataset_id}?check_running_task=true&running_task_type=0`),
    );
    expect(labeling.body).toMatchObject({ exist_running_task: false, running_tasks_id: [] });
    const quiet = await datasetNamed("churn-table");
    const none = await expectStatus<Dataset>(200, "GET", v2(`datasets/${quiet.dataset_id}?check_running_task=true`));
    expect(none.body).toMatchObject({ exist_running_task: false, running_tasks_id: [] });
  });

  it("refuses a check_running_task or running_task_type that is not valid", async () => {
    const retail = await datasetNamed("retail-shelf-products");
    const check = await expectStatus<ModelArtsErrorBody>(
      400,
      "GET",
      v2(`datasets/${retail.dataset_id}?check_running_task=yes`),
    );
    expect(check.body).toEqual({
      error_code: "ModelArts.0104",
      error_msg: 'check_running_task: expected one of true, false, got "yes"',
    });
    const type = await expectStatus<ModelArtsErrorBody>(
      400,
      "GET",
      v2(`datasets/${retail.dataset_id}?running_task_type=9`),
    );
    expect(type.body).toEqual({
      error_code: "ModelArts.0104",
      error_msg: 'running_task_type: expected one of 0, 1, 2, 3, 4, 5, 6, 7, 10, got "9"',
    });
  });

  it("answers HTTP 400 ModelArts.4352 for a dataset that does not exist, or that belongs to another project", async () => {
    const missing = await expectStatus<ModelArtsErrorBody>(400, "GET", v2("datasets/NoSuchDataset0000000"));
    expect(missing.body).toEqual({
      error_code: "ModelArts.4352",
      error_msg: "The dataset NoSuchDataset0000000 does not exist.",
    });
    const theirs = (await allDatasets(OTHER))[0];
    if (theirs === undefined) throw new Error("the other project has no seeded dataset");
    const foreign = await expectStatus<ModelArtsErrorBody>(400, "GET", v2(`datasets/${theirs.dataset_id}`));
    expect(foreign.body).toEqual({
      error_code: "ModelArts.4352",
      error_msg: `The dataset ${theirs.dataset_id} does not exist.`,
    });
    expect(DEMO.project).not.toBe(OTHER.project);
  });
});
