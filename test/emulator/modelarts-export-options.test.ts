/**
 * The ModelArts emulator's dataset detail and export options, as the API documents them: every documented detail
 * field comes back with a value, the create options are checked by their documented types (`source_type_header` is
 * the text `obs://` or `s3://`, the documented example with `"sample_state": ""` is accepted), and the sample state
 * and search conditions decide how many samples an export covers; an export to `NEW_DATASET` creates the dataset.
 * Every answer is checked against `emulator/modelarts-openapi.json` (modelarts-helpers.ts).
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  allDatasets,
  datasetNamed,
  expectStatus,
  pollUntil,
  reset,
  v2,
  type Dataset,
  type ExportTask,
  type ModelArtsErrorBody,
} from "./modelarts-helpers";

/** The documented fields of a dataset detail (DescDataset), besides the running-task check and team labelling. */
const DETAIL_FIELDS = [
  "annotated_sample_count",
  "annotated_sub_sample_count",
  "content_labeling",
  "create_time",
  "current_version_id",
  "current_version_name",
  "data_format",
  "data_sources",
  "data_statistics",
  "data_update_time",
  "dataset_format",
  "dataset_id",
  "dataset_name",
  "dataset_tags",
  "dataset_type",
  "dataset_version_count",
  "deleted_sample_count",
  "deletion_stats",
  "description",
  "enterprise_project_id",
  "exist_workforce_task",
  "feature_supports",
  "import_data",
  "import_task_id",
  "inner_annotation_path",
  "inner_data_path",
  "inner_log_path",
  "inner_task_path",
  "inner_temp_path",
  "inner_work_path",
  "label_task_count",
  "labels",
  "loading_sample_count",
  "managed",
  "next_version_num",
  "schema",
  "status",
  "third_path",
  "total_sample_count",
  "total_sub_sample_count",
  "unconfirmed_sample_count",
  "update_time",
  "versions",
  "work_path",
  "work_path_type",
  "workforce_task_count",
  "workspace_id",
];

async function createTask(dataset: Dataset, body: unknown): Promise<string> {
  return (
    await expectStatus<{ task_id: string }>(200, "POST", v2(`datasets/${dataset.dataset_id}/export-tasks`), { body })
  ).body.task_id;
}

/** The task once it has counted its samples (after its one `msPerSample` in `INIT`). */
async function counted(dataset: Dataset, taskId: string): Promise<ExportTask> {
  const read = async () =>
    (await expectStatus<ExportTask>(200, "GET", v2(`datasets/${dataset.dataset_id}/export-tasks/${taskId}`))).body;
  return pollUntil(read, (task) => task.total_sample_count !== undefined);
}

async function exportedCount(dataset: Dataset, body: unknown): Promise<number> {
  return (await counted(dataset, await createTask(dataset, body))).total_sample_count ?? -1;
}

beforeEach(async () => {
  await reset({ msPerSample: 5 });
});

describe("dataset detail", () => {
  it("answers every documented field on every dataset, with team labelling, versions, schema and attributes where they apply", async () => {
    for (const dataset of await allDatasets(undefined, 100)) {
      const fields = Object.keys(dataset);
      expect(fields, dataset.dataset_name).toEqual(expect.arrayContaining(DETAIL_FIELDS));
    }
    const retail = (await datasetNamed("retail-shelf-products")) as Dataset & Record<string, unknown>;
    expect(retail).toMatchObject({
      exist_workforce_task: true,
      workforce_task_count: 1,
      next_version_num: 4,
      deleted_sample_count: 48,
    });
    expect(retail.workforce_descriptor).toMatchObject({
      workforce_name: "shelf-labelers",
      workers: [{ role: 0 }, { role: 1 }],
    });
    expect(
      (retail.versions as { version_name: string; is_current: boolean; version_id: string }[]).map((v) => [
        v.version_name,
        v.is_current,
      ]),
    ).toEqual([
      ["V001", false],
      ["V002", false],
      ["V003", true],
    ]);
    expect((retail.versions as { version_id: string }[])[2]?.version_id).toBe(retail.current_version_id);
    expect(retail.inner_annotation_path).toBe(`${retail.work_path}data-set-${retail.dataset_id}/annotation/`);
    const video = (await datasetNamed("traffic-video")) as Dataset & Record<string, unknown>;
    expect(video).toMatchObject({ total_sub_sample_count: 150 * 24, annotated_sub_sample_count: 60 * 24 });
    expect(video.labels[0]).toMatchObject({ attributes: [{ name: "colour", type: "select", default_value: "white" }] });
    const triplets = await datasetNamed("product-relations");
    expect(triplets.labels.map((label) => [label.name, label.type])).toEqual([
      ["brand", 103],
      ["product", 103],
      ["made_by", 102],
    ]);
  });
});

describe("export options", () => {
  it('accepts source_type_header "s3://" and "obs://" and echoes it; refuses a boolean and another prefix', async () => {
    const dataset = await datasetNamed("defect-classification");
    for (const header of ["s3://", "obs://"]) {
      const task = await counted(
        dataset,
        await createTask(dataset, { source_type_header: header, annotation_format: "VOC", with_column_header: false }),
      );
      expect(task).toMatchObject({ source_type_header: header, annotation_format: "VOC", with_column_header: false });
    }
    const path = v2(`datasets/${dataset.dataset_id}/export-tasks`);
    const cases: Array<[unknown, string]> = [
      [{ source_type_header: true }, "source_type_header: expected one of obs://, s3://, got true"],
      [{ source_type_header: "https://" }, 'source_type_header: expected one of obs://, s3://, got "https://"'],
      [{ annotation_format: "YOLO" }, 'annotation_format: expected one of VOC, COCO, got "YOLO"'],
      [{ version_format: "Parquet" }, 'version_format: expected one of Default, CarbonData, CSV, got "Parquet"'],
      [{ sample_state: "__SOME__" }, expect.stringMatching(/^sample_state: expected "" or one of __ALL__, /)],
      [
        { export_params: { train_sample_ratio: "1.5" } },
        'export_params.train_sample_ratio: expected a ratio from 0 to 1 such as "0.80", got "1.5"',
      ],
      [
        { export_params: { search_conditions: [{ label_list: { labels: [{ name: "a" }, { name: "b" }] } }] } },
        "export_params.search_conditions.0.label_list.op: expected AND or OR with more than one label, got nothing",
      ],
      [
        { export_params: { search_conditions: [{ hard: true }] } },
        "export_params.search_conditions.0.hard: expected one of 0, 1, got true",
      ],
      [
        { sample_state: "__ALL__", export_params: { sample_state: "__NONE__" } },
        'sample_state: expected the same state as export_params.sample_state ("__NONE__"), got "__ALL__"',
      ],
    ];
    for (const [body, message] of cases) {
      const response = await expectStatus<ModelArtsErrorBody>(400, "POST", path, { body });
      expect(response.body).toEqual({ error_code: "ModelArts.0104", error_msg: message });
    }
  });

  it('accepts the documented request example, with "sample_state": "" meaning no filter', async () => {
    const dataset = await datasetNamed("support-tickets-intent");
    const example = {
      path: "/test-obs/daoChu/",
      export_type: 3,
      export_params: {
        sample_state: "",
        export_dest: "DIR",
        clear_hard_property: true,
        clear_difficult: false,
        train_sample_ratio: 1.0,
        ratio_sample_usage: false,
      },
    };
    const task = await counted(dataset, await createTask(dataset, example));
    expect(task).toMatchObject({ export_type: 3, export_params: example.export_params, total_sample_count: 5000 });
  });

  it("applies the sample state and the search conditions to what it exports", async () => {
    // 5000 tickets: 3200 labelled in turn billing, shipping, returns; one in ten a hard example.
    const dataset = await datasetNamed("support-tickets-intent");
    expect(await exportedCount(dataset, { sample_state: "__ALL__" })).toBe(3200);
    expect(await exportedCount(dataset, { export_params: { sample_state: "__NONE__" } })).toBe(1800);
    expect(
      await exportedCount(dataset, {
        export_params: { search_conditions: [{ label_list: { labels: [{ name: "billing" }] } }] },
      }),
    ).toBe(1067);
    const either = { label_list: { op: "OR", labels: [{ name: "billing" }, { name: "returns" }] } };
    expect(await exportedCount(dataset, { export_params: { search_conditions: [either] } })).toBe(2133);
    expect(await exportedCount(dataset, { export_params: { search_conditions: [{ hard: "1" }] } })).toBe(500);
    // Two conditions: a sample matching either is exported.
    const twoConditions = [{ label_list: { labels: [{ name: "billing" }] } }, { hard: "1" }];
    expect(await exportedCount(dataset, { export_params: { search_conditions: twoConditions } })).toBe(
      1067 + 500 - 107,
    );
    expect(
      await exportedCount(dataset, { sample_state: "__NONE__", export_params: { search_conditions: [{ hard: "1" }] } }),
    ).toBe(180);
    // A team state on a dataset without team labelling selects nothing, so the export fails as empty.
    const none = await counted(dataset, await createTask(dataset, { sample_state: "__ACCEPTED__" }));
    expect(none).toMatchObject({ status: "FAILED", total_sample_count: 0, error_code: "ModelArts.72060041" });
  });

  it("creates the new dataset of a NEW_DATASET export, with the exported samples, and refuses a name already taken", async () => {
    const source = await datasetNamed("support-tickets-intent");
    const params = {
      export_dest: "NEW_DATASET",
      export_new_dataset_name: "billing-tickets",
      export_new_dataset_work_path: "/my-bucket/billing/",
      search_conditions: [{ label_list: { labels: [{ name: "billing" }] } }],
    };
    await createTask(source, { export_type: 3, export_params: params });
    const created = await datasetNamed("billing-tickets");
    expect(created).toMatchObject({
      dataset_type: 100,
      status: 1,
      total_sample_count: 1067,
      annotated_sample_count: 1067,
      work_path: "/my-bucket/billing/",
      dataset_version_count: 0,
    });
    expect(created.labels.map((label) => label.name)).toEqual(["billing", "shipping", "returns"]);
    const again = await expectStatus<ModelArtsErrorBody>(
      400,
      "POST",
      v2(`datasets/${source.dataset_id}/export-tasks`),
      { body: { export_params: params } },
    );
    expect(again.body.error_msg).toBe(
      'export_params.export_new_dataset_name: expected a name no dataset of the project has, got "billing-tickets"',
    );
  });
});
