/**
 * ModelArts export tasks: create (`{task_id}`) with defaults and a validated body, the life that follows the clock
 * (`INIT` → `RUNNING` → `SUCCESSED`, counts rising, a dataset without samples `FAILED` with a reason), the list with
 * its `{total_count, export_tasks}` envelope, `export_type` filter and limits, the seeded tasks in every status, and
 * HTTP 400 `ModelArts.4359` for a task that does not exist.
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  allExportTasks,
  datasetNamed,
  expectStatus,
  OTHER,
  pollUntil,
  reset,
  v2,
  type Dataset,
  type ExportTask,
  type ExportTaskList,
  type ModelArtsErrorBody,
} from "./modelarts-helpers";

/** Fast enough for a test to watch a task end, slow enough to see it run (the defect dataset has 1800 samples). */
const MS_PER_SAMPLE = 2;

beforeEach(async () => {
  await reset({ msPerSample: MS_PER_SAMPLE });
});

async function createTask(dataset: Dataset, body: unknown = {}): Promise<string> {
  const created = await expectStatus<{ task_id: string }>(
    200,
    "POST",
    v2(`datasets/${dataset.dataset_id}/export-tasks`),
    { body },
  );
  expect(Object.keys(created.body)).toEqual(["task_id"]);
  return created.body.task_id;
}

async function getTask(dataset: Dataset, taskId: string): Promise<ExportTask> {
  return (await expectStatus<ExportTask>(200, "GET", v2(`datasets/${dataset.dataset_id}/export-tasks/${taskId}`))).body;
}

describe("create", () => {
  it("answers {task_id} and fills in the defaults: all samples, tree format, the current version, to the work path", async () => {
    const dataset = await datasetNamed("defect-classification");
    const taskId = await createTask(dataset);
    expect(taskId).toMatch(/^[A-Za-z0-9]{20}$/);
    const task = await getTask(dataset, taskId);
    expect(task).toMatchObject({
      task_id: taskId,
      export_type: 2,
      export_format: 1,
      version_id: dataset.current_version_id,
      path: `${dataset.work_path}export/`,
      export_params: { export_dest: "DIR" },
    });
    expect(task.create_time).toBeLessThanOrEqual(Date.now());
  });

  it("keeps what the body gives: path, type, format, version format and export params", async () => {
    const dataset = await datasetNamed("retail-shelf-products");
    const body = {
      path: "/my-bucket/exports/retail/",
      export_type: 0,
      export_format: 2,
      version_format: "Default",
      export_params: {
        export_dest: "NEW_DATASET",
        export_new_dataset_name: "retail-labeled",
        export_new_dataset_work_path: "/my-bucket/retail-labeled/",
      },
    };
    const task = await getTask(dataset, await createTask(dataset, body));
    expect(task).toMatchObject(body);
  });

  it("refuses a bad body with ModelArts.0104 naming the field", async () => {
    const dataset = await datasetNamed("retail-shelf-products");
    const path = v2(`datasets/${dataset.dataset_id}/export-tasks`);
    const cases: Array<[unknown, string]> = [
      [{ export_type: 7 }, "export_type: expected one of 0, 1, 2, 3, got 7"],
      [{ export_format: 0 }, "export_format: expected one of 1, 2, got 0"],
      [
        { path: "bucket/no-leading-slash/" },
        'path: expected an OBS path such as /bucket/dir/, got "bucket/no-leading-slash/"',
      ],
      [
        { export_params: { export_dest: "S3" } },
        'export_params.export_dest: expected "DIR" or "NEW_DATASET", got "S3"',
      ],
      [
        { export_params: { export_dest: "NEW_DATASET", export_new_dataset_work_path: "/bkt/dir/" } },
        'export_params.export_new_dataset_name: expected it when export_dest is "NEW_DATASET", got nothing',
      ],
      [[1, 2], "body: expected a JSON object, got [1,2]"],
    ];
    for (const [body, message] of cases) {
      const response = await expectStatus<ModelArtsErrorBody>(400, "POST", path, { body });
      expect(response.body).toEqual({ error_code: "ModelArts.0104", error_msg: message });
    }
    const broken = await expectStatus<ModelArtsErrorBody>(400, "POST", path, { raw: "{not json" });
    expect(broken.body).toEqual({ error_code: "ModelArts.0104", error_msg: "body: expected valid JSON" });
    expect(await allExportTasks(dataset.dataset_id)).toHaveLength(7);
  });

  it("answers HTTP 400 ModelArts.4352 for a dataset that does not exist", async () => {
    const response = await expectStatus<ModelArtsErrorBody>(
      400,
      "POST",
      v2("datasets/NoSuchDataset0000000/export-tasks"),
      { body: {} },
    );
    expect(response.body).toEqual({
      error_code: "ModelArts.4352",
      error_msg: "The dataset NoSuchDataset0000000 does not exist.",
    });
  });
});

describe("life", () => {
  it("goes INIT → RUNNING → SUCCESSED, with progress and finished_sample_count rising to the total", async () => {
    // A slower speed for this one, so that a poll catches it running even on a loaded machine (6 s in all).
    await reset({ msPerSample: 50 });
    const dataset = await datasetNamed("product-relations");
    const taskId = await createTask(dataset, { export_type: 0 });
    const first = await getTask(dataset, taskId);
    if (first.status === "INIT") {
      expect(first.progress).toBe(0);
      expect(first).not.toHaveProperty("total_sample_count");
      expect(first).not.toHaveProperty("finished_sample_count");
    }
    const running = await pollUntil(
      () => getTask(dataset, taskId),
      (task) => task.status === "RUNNING" && (task.finished_sample_count ?? 0) > 0,
    );
    expect(running.total_sample_count).toBe(120);
    expect(running.progress).toBeGreaterThan(0);
    expect(running.progress).toBeLessThan(100);
    const seen: ExportTask[] = [running];
    const done = await pollUntil(
      async () => {
        const task = await getTask(dataset, taskId);
        seen.push(task);
        return task;
      },
      (task) => task.status === "SUCCESSED",
      800,
    );
    expect(done).toMatchObject({
      status: "SUCCESSED",
      progress: 100,
      total_sample_count: 120,
      finished_sample_count: 120,
    });
    expect(done).not.toHaveProperty("error_code");
    const counts = seen.map((task) => task.finished_sample_count ?? 0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const progress = seen.map((task) => task.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(done.update_time).toBe(done.create_time + 50 + 120 * 50);
  });

  it("exports the labeled samples for type 0, the unlabeled for 1, all for 2, and as many as export_params.samples names", async () => {
    const dataset = await datasetNamed("support-tickets-intent");
    const totals: number[] = [];
    for (const body of [
      { export_type: 0 },
      { export_type: 1 },
      { export_type: 2 },
      { export_type: 2, export_params: { samples: ["a", "b", "c"] } },
    ]) {
      const taskId = await createTask(dataset, body);
      const task = await pollUntil(
        () => getTask(dataset, taskId),
        (t) => t.total_sample_count !== undefined,
      );
      totals.push(task.total_sample_count ?? -1);
    }
    expect(totals).toEqual([3200, 1800, 5000, 3]);
  });

  it("fails a task whose dataset has no samples, with error_code and error_msg", async () => {
    const dataset = await datasetNamed("bird-photos");
    const taskId = await createTask(dataset);
    const failed = await pollUntil(
      () => getTask(dataset, taskId),
      (task) => task.status !== "INIT",
    );
    expect(failed).toMatchObject({
      status: "FAILED",
      progress: 0,
      total_sample_count: 0,
      finished_sample_count: 0,
      error_code: "ModelArts.72060041",
      error_msg: "Dataset is empty: there are no samples to export.",
    });
  });

  it("spends one msPerSample in INIT and one per sample, then stays as it ended", async () => {
    // Derived from timestamps: the end is exact, whenever it is read.
    const dataset = await datasetNamed("defect-classification");
    const taskId = await createTask(dataset);
    const done = await pollUntil(
      () => getTask(dataset, taskId),
      (task) => task.status === "SUCCESSED",
      800,
    );
    expect(done.update_time - done.create_time).toBe(MS_PER_SAMPLE + 1800 * MS_PER_SAMPLE);
    expect(await getTask(dataset, taskId)).toEqual(done);
  });
});

describe("seeded tasks", () => {
  it("seed tasks in every status, FAILED ones with a reason, INIT ones without counts", async () => {
    // At the default speed the seeded running tasks run for minutes, so a slow machine still sees them running.
    await reset();
    const names = [
      "retail-shelf-products",
      "defect-classification",
      "support-tickets-intent",
      "churn-table",
      "machine-sounds",
      "road-segmentation",
      "bird-photos",
    ];
    const tasks: ExportTask[] = [];
    for (const name of names) tasks.push(...(await allExportTasks((await datasetNamed(name)).dataset_id)));
    expect(tasks).toHaveLength(20);
    const byStatus = (status: ExportTask["status"]): ExportTask[] => tasks.filter((task) => task.status === status);
    expect(byStatus("INIT")).toHaveLength(3);
    expect(byStatus("RUNNING")).toHaveLength(4);
    expect(byStatus("SUCCESSED")).toHaveLength(9);
    expect(byStatus("FAILED")).toHaveLength(2);
    expect(byStatus("STOPPING")).toHaveLength(1);
    expect(byStatus("STOPPED")).toHaveLength(1);
    for (const task of byStatus("INIT")) expect(task).not.toHaveProperty("finished_sample_count");
    for (const task of byStatus("FAILED"))
      expect(task.error_msg).toMatch(/^(Failed to export labels|Dataset is empty)/);
    for (const task of byStatus("SUCCESSED")) expect(task.finished_sample_count).toBe(task.total_sample_count);
    for (const task of [...byStatus("STOPPING"), ...byStatus("STOPPED")]) {
      expect(task.finished_sample_count).toBeGreaterThan(0);
      expect(task.finished_sample_count).toBeLessThan(task.total_sample_count ?? 0);
    }
  });

  it("keeps the seeded running tasks moving after a reset at the default speed", async () => {
    await reset();
    const dataset = await datasetNamed("retail-shelf-products");
    const running = (await allExportTasks(dataset.dataset_id)).find((task) => task.status === "RUNNING");
    if (running === undefined) throw new Error("no seeded running task on retail-shelf-products");
    const later = await pollUntil(
      () => getTask(dataset, running.task_id),
      (task) => (task.finished_sample_count ?? 0) > (running.finished_sample_count ?? 0),
    );
    expect(later.status).toBe("RUNNING");
    expect(later.progress).toBeGreaterThanOrEqual(running.progress);
  });
});

describe("list", () => {
  it("answers {total_count, export_tasks} newest first, 10 by default, with offset and limit", async () => {
    const dataset = await datasetNamed("retail-shelf-products");
    for (let i = 0; i < 5; i++) await createTask(dataset);
    const first = await expectStatus<ExportTaskList>(200, "GET", v2(`datasets/${dataset.dataset_id}/export-tasks`));
    expect(first.body.total_count).toBe(12);
    expect(first.body.export_tasks).toHaveLength(10);
    const times = first.body.export_tasks.map((task) => task.create_time);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const rest = await expectStatus<ExportTaskList>(
      200,
      "GET",
      v2(`datasets/${dataset.dataset_id}/export-tasks?offset=10&limit=5`),
    );
    expect(rest.body.total_count).toBe(12);
    expect(rest.body.export_tasks).toHaveLength(2);
    const ids = [...first.body.export_tasks, ...rest.body.export_tasks].map((task) => task.task_id);
    expect(new Set(ids).size).toBe(12);
  });

  it("filters by export_type", async () => {
    const dataset = await datasetNamed("retail-shelf-products");
    const labeled = await expectStatus<ExportTaskList>(
      200,
      "GET",
      v2(`datasets/${dataset.dataset_id}/export-tasks?export_type=0`),
    );
    expect(labeled.body.total_count).toBe(3);
    expect(labeled.body.export_tasks.every((task) => task.export_type === 0)).toBe(true);
    const bad = await expectStatus<ModelArtsErrorBody>(
      400,
      "GET",
      v2(`datasets/${dataset.dataset_id}/export-tasks?export_type=4`),
    );
    expect(bad.body).toEqual({
      error_code: "ModelArts.0104",
      error_msg: 'export_type: expected one of 0, 1, 2, 3, got "4"',
    });
  });

  it("refuses a limit outside 1 to 100", async () => {
    const dataset = await datasetNamed("retail-shelf-products");
    for (const bad of ["0", "101"]) {
      const response = await expectStatus<ModelArtsErrorBody>(
        400,
        "GET",
        v2(`datasets/${dataset.dataset_id}/export-tasks?limit=${bad}`),
      );
      expect(response.body).toEqual({
        error_code: "ModelArts.0104",
        error_msg: `limit: expected an integer from 1 to 100, got "${bad}"`,
      });
    }
  });
});

describe("not found", () => {
  it("answers HTTP 400 ModelArts.4359 for a task that does not exist, or that belongs to another dataset", async () => {
    const retail = await datasetNamed("retail-shelf-products");
    const defect = await datasetNamed("defect-classification");
    const missing = await expectStatus<ModelArtsErrorBody>(
      400,
      "GET",
      v2(`datasets/${retail.dataset_id}/export-tasks/NoSuchTask`),
    );
    expect(missing.body).toEqual({
      error_code: "ModelArts.4359",
      error_msg: `The export task NoSuchTask of dataset ${retail.dataset_id} does not exist.`,
    });
    const theirs = (await allExportTasks(defect.dataset_id))[0];
    if (theirs === undefined) throw new Error("no seeded task on defect-classification");
    const elsewhere = await expectStatus<ModelArtsErrorBody>(
      400,
      "GET",
      v2(`datasets/${retail.dataset_id}/export-tasks/${theirs.task_id}`),
    );
    expect(elsewhere.body.error_code).toBe("ModelArts.4359");
  });

  it("answers ModelArts.4352 for the tasks of a dataset that does not exist in the project", async () => {
    const theirs = await datasetNamed("other-cats-dogs", OTHER);
    const list = await expectStatus<ModelArtsErrorBody>(400, "GET", v2(`datasets/${theirs.dataset_id}/export-tasks`));
    expect(list.body).toEqual({
      error_code: "ModelArts.4352",
      error_msg: `The dataset ${theirs.dataset_id} does not exist.`,
    });
    const get = await expectStatus<ModelArtsErrorBody>(
      400,
      "GET",
      v2(`datasets/${theirs.dataset_id}/export-tasks/AnyTask`),
    );
    expect(get.body.error_code).toBe("ModelArts.4352");
  });
});
