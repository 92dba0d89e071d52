/**
 * The ModelArts backend's pure parts: every documented integer code to its enum and an unknown one to `UNKNOWN`
 * (never an error), task statuses to normalised states, progress from the percentage, the id grammar of datasets
 * and of export tasks (dataset AND task), the `{error_code, error_msg}` reasons, the wire checks (only load-bearing
 * fields), the credential pair rules and the settings.
 */
import { describe, expect, it } from "vitest";
import {
  datasetFormatOf,
  datasetStateOfModelArts,
  datasetStatusOf,
  datasetTypeOf,
  exportDestinationOf,
  exportFormatCode,
  exportFormatOf,
  exportTaskProgress,
  exportTaskStatusOf,
  exportTypeCode,
  exportTypeOf,
  jobStateOfExportTask,
  dataSourceTypeOf,
  labelTypeCode,
  labelTypeOf,
  runningTaskTypeCode,
  versionStatusOf,
  workerRoleOf,
  workerStatusOf,
  workPathTypeOf,
} from "../../src/backends/modelarts/codes";
import { sampleStateCode } from "../../src/backends/modelarts/input-codes";
import { createExportTaskBody } from "../../src/backends/modelarts/resolvers/export-task-body";
import { modelArtsCredentials } from "../../src/backends/modelarts/credentials";

const {
  credentialsFromHeaders: modelArtsCredentialsFromHeaders,
  credentialsFromPayload: modelArtsCredentialsFromPayload,
} = modelArtsCredentials;
import { exportTaskRef, isModelArtsId, parseExportTaskRef } from "../../src/backends/modelarts/ids";
import {
  DEFAULT_JOBS_MAX_DATASETS,
  DEFAULT_MODELARTS_API_URL,
  jobsMaxDatasetsFromEnv,
  modelArtsApiUrlFromEnv,
} from "../../src/backends/modelarts/settings";
import { exportTaskFromModelArts } from "../../src/backends/modelarts/to-model";
import { reasonOfModelArtsError } from "../../src/backends/modelarts/transport";
import type { ModelArtsExportTask } from "../../src/backends/modelarts/types";
import { checkDataset, checkExportTask, checkExportTaskPage } from "../../src/backends/modelarts/wire-checks";

const task = (fields: Partial<ModelArtsExportTask>): ModelArtsExportTask => ({
  task_id: "t1",
  status: "RUNNING",
  create_time: 1,
  ...fields,
});
const ENV: Record<string, string> = { NEXUS_API_URL: "http://nexus" };

describe("integer codes", () => {
  it("maps every documented code, and anything else to UNKNOWN without throwing", () => {
    expect([0, 1, 3, 100, 101, 102, 200, 201, 202, 400, 600, 900].map(datasetTypeOf)).not.toContain("UNKNOWN");
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map(datasetStatusOf)).toEqual([
      "CREATING",
      "NORMAL",
      "DELETING",
      "DELETED",
      "ABNORMAL",
      "SYNCHRONIZING",
      "RELEASING",
      "SWITCHING_VERSION",
      "IMPORTING",
    ]);
    for (const odd of [2, 7, 999, -1, 1.5, "1", null, undefined, {}]) expect(datasetTypeOf(odd)).toBe("UNKNOWN");
    expect(datasetStatusOf(9)).toBe("UNKNOWN");
    expect([0, 1, 2].map(datasetFormatOf)).toEqual(["FILE", "TABLE", "UNKNOWN"]);
    expect([0, 1, 2, 3, 4].map(exportTypeOf)).toEqual(["LABELED", "UNLABELED", "ALL", "CONDITIONAL_SEARCH", "UNKNOWN"]);
    expect([0, 1, 2].map(exportFormatOf)).toEqual(["UNKNOWN", "TREE", "TILE"]);
    expect([undefined, "DIR", "NEW_DATASET", "S3"].map(exportDestinationOf)).toEqual([
      "DIR",
      "DIR",
      "NEW_DATASET",
      "UNKNOWN",
    ]);
    expect(datasetStateOfModelArts(42)).toBe("PROCESSING");
  });

  it("turns input enums back into codes, and UNKNOWN into none", () => {
    expect(exportTypeCode("CONDITIONAL_SEARCH")).toBe(3);
    expect(exportTypeCode("UNKNOWN")).toBeUndefined();
    expect(exportFormatCode("TILE")).toBe(2);
    expect(exportFormatCode("UNKNOWN")).toBeUndefined();
  });

  it("maps the detail codes: label types with 102 and 103 apart, sources, work paths, versions, team members", () => {
    expect([102, 103, 400, 900].map(labelTypeOf)).toEqual([
      "TEXT_TRIPLET_RELATIONSHIP",
      "TEXT_TRIPLET_ENTITY",
      "UNKNOWN",
      "UNKNOWN",
    ]);
    expect(labelTypeCode("TEXT_TRIPLET_ENTITY")).toBe(103);
    expect(labelTypeCode("UNKNOWN")).toBeUndefined();
    expect([0, 2, 6, 7].map(dataSourceTypeOf)).toEqual(["OBS", "DLI", "INFERENCE_SERVICE", "UNKNOWN"]);
    expect([0, 1, "0"].map(workPathTypeOf)).toEqual(["OBS", "UNKNOWN", "UNKNOWN"]);
    expect([1, 4, 5].map(versionStatusOf)).toEqual(["NORMAL", "ABNORMAL", "UNKNOWN"]);
    expect([0, 3, 4].map(workerRoleOf)).toEqual(["LABELER", "DATASET_OWNER", "UNKNOWN"]);
    expect([2, 3, null].map(workerStatusOf)).toEqual(["LOGGED_IN", "DELETED", "UNKNOWN"]);
    expect(runningTaskTypeCode("AUTO_GROUPING")).toBe(7);
    expect(sampleStateCode("WORKFORCE_SAMPLED_ACCEPTED")).toBe("__WORKFORCE_SAMPLED_ACCEPTED__");
    expect(sampleStateCode("UNKNOWN")).toBeUndefined();
  });
});

describe("the create-export-task body", () => {
  it("sends every option in its documented place and wire form", () => {
    const body = createExportTaskBody({
      datasetId: "x",
      sampleState: "ALL",
      sourceTypeHeader: "S3",
      annotationFormat: "COCO",
      versionFormat: "CARBON_DATA",
      datasetType: "TABLE",
      withColumnHeader: true,
      trainSampleRatio: 0.8,
      newVersionName: "v_2",
      newVersionFormat: "CSV",
      searchConditions: [
        { hard: false, labelList: { labels: [{ name: "a", type: "TEXT_TRIPLET_ENTITY", property: { k: ["v"] } }] } },
      ],
    });
    expect(body).toEqual({
      sample_state: "__ALL__",
      source_type_header: "s3://",
      annotation_format: "COCO",
      version_format: "CarbonData",
      dataset_type: 400,
      with_column_header: true,
      export_params: {
        sample_state: "__ALL__",
        train_sample_ratio: "0.80",
        export_dataset_version_name: "v_2",
        export_dataset_version_format: "CSV",
        search_conditions: [{ hard: "0", label_list: { labels: [{ name: "a", type: 103, property: { k: ["v"] } }] } }],
      },
    });
    expect(createExportTaskBody({ datasetId: "x" })).toEqual({});
  });
});

describe("export task states and progress", () => {
  it("normalises STOPPING to RUNNING, STOPPED to CANCELLED, and an unknown status to a state that is not terminal", () => {
    const states = ["INIT", "RUNNING", "SUCCESSED", "FAILED", "STOPPING", "STOPPED"].map((status) =>
      jobStateOfExportTask(task({ status })),
    );
    expect(states).toEqual(["WAITING", "RUNNING", "FINISHED", "FAILED", "RUNNING", "CANCELLED"]);
    expect(jobStateOfExportTask(task({ status: "PAUSED", progress: 0 }))).toBe("WAITING");
    expect(jobStateOfExportTask(task({ status: "PAUSED", progress: 12.5 }))).toBe("RUNNING");
    expect(exportTaskStatusOf("PAUSED")).toBe("UNKNOWN");
  });

  it("takes progress from the percentage, clamped to 0..1, and 1 once SUCCESSED", () => {
    expect(exportTaskProgress(task({ progress: 33.3 }))).toBeCloseTo(0.333);
    expect(exportTaskProgress(task({ progress: 250 }))).toBe(1);
    expect(exportTaskProgress(task({ progress: -5 }))).toBe(0);
    expect(exportTaskProgress(task({}))).toBe(0);
    expect(exportTaskProgress(task({ status: "SUCCESSED", progress: 99.9 }))).toBe(1);
  });
});

describe("ids", () => {
  it("addresses an export task by dataset and task, in a strict grammar", () => {
    expect(exportTaskRef("ds1", "t1")).toBe("ds1:t1");
    expect(parseExportTaskRef("ds1:t1")).toEqual({ datasetId: "ds1", taskId: "t1" });
    for (const bad of ["ds1", "ds1:", ":t1", "ds1:t1:x", "../x:t1", "ds1:t/1", "ds 1:t1", `${"a".repeat(65)}:t1`]) {
      expect(parseExportTaskRef(bad)).toBeNull();
    }
    expect(isModelArtsId("gfghHSokody6AJigS5A")).toBe(true);
    for (const bad of ["", ".", "..", "a/b", "a-b", "a:b"]) expect(isModelArtsId(bad)).toBe(false);
    expect(exportTaskFromModelArts(task({}), "ds1", "p").ref).toBe("ds1:t1");
  });
});

describe("errors", () => {
  it("reads not found from HTTP 400 with ModelArts.4352 or ModelArts.4359 only", () => {
    expect(reasonOfModelArtsError(400, "ModelArts.4352")).toBe("not-found");
    expect(reasonOfModelArtsError(400, "ModelArts.4359")).toBe("not-found");
    expect(reasonOfModelArtsError(400, "ModelArts.0104")).toBe("bad-input");
    expect(reasonOfModelArtsError(400, undefined)).toBe("bad-input");
    expect(reasonOfModelArtsError(401, "APIGW.0301")).toBe("credentials-refused");
    expect(reasonOfModelArtsError(403, "APIGW.0302")).toBe("credentials-refused");
    // A 404 is "not found" whatever its code (issue 20): null for reads, NOT_FOUND for mutations.
    expect(reasonOfModelArtsError(404, "APIGW.0101")).toBe("not-found");
    expect(reasonOfModelArtsError(404, undefined)).toBe("not-found");
    expect(reasonOfModelArtsError(404, "ModelArts.4352")).toBe("not-found");
    expect(reasonOfModelArtsError(429, "APIGW.0308")).toBe("rate-limited");
    expect(reasonOfModelArtsError(500, "ModelArts.0000")).toBe("unavailable");
    expect(reasonOfModelArtsError(503, undefined)).toBe("unavailable");
  });
});

describe("wire checks", () => {
  it("check only the load-bearing fields: unknown fields and codes pass, a missing id or time does not", () => {
    expect(
      checkDataset({ dataset_id: "d", dataset_name: "n", create_time: 1, dataset_type: 12345, brand_new: { x: 1 } }).ok,
    ).toBe(true);
    expect(checkDataset({ dataset_name: "n", create_time: 1 })).toEqual({
      ok: false,
      problem: "dataset_id: expected string",
    });
    expect(checkExportTask({ task_id: "t", status: "WHATEVER", create_time: 1, progress: 10 }).ok).toBe(true);
    expect(checkExportTask({ task_id: "", status: "INIT", create_time: 1 })).toEqual({
      ok: false,
      problem: "task_id: expected a non-empty value",
    });
    expect(checkExportTaskPage({ export_tasks: [{ task_id: "t", status: "INIT" }], total_count: 1 })).toEqual({
      ok: false,
      problem: "export_tasks.0.create_time: expected number",
    });
  });
});

describe("credentials", () => {
  const env: Record<string, string> = { ...ENV, MODELARTS_PROJECT_ID: "p-env", MODELARTS_TOKEN: "t-env" };

  it("takes both headers, or neither (then the environment's), never half of each", () => {
    const both = new Headers({ "x-modelarts-project-id": "p", "x-modelarts-token": "t" });
    expect(modelArtsCredentialsFromHeaders(both, env)).toEqual({
      credentials: { projectId: "p", token: "t" },
      source: "request",
    });
    expect(modelArtsCredentialsFromHeaders(new Headers({ "x-modelarts-project-id": "p" }), env)).toBeNull();
    expect(modelArtsCredentialsFromHeaders(new Headers(), env)).toEqual({
      credentials: { projectId: "p-env", token: "t-env" },
      source: "environment",
    });
    expect(modelArtsCredentialsFromHeaders(new Headers(), { ...ENV, MODELARTS_PROJECT_ID: "p-env" })).toBeNull();
    expect(modelArtsCredentialsFromPayload({ "X-ModelArts-Project-Id": "p", "x-modelarts-token": "t" }, ENV)).toEqual({
      credentials: { projectId: "p", token: "t" },
      source: "request",
    });
  });
});

describe("settings", () => {
  it("reads MODELARTS_API_URL and MODELARTS_JOBS_MAX_DATASETS with their defaults", () => {
    expect(modelArtsApiUrlFromEnv({})).toEqual({ ok: true, url: DEFAULT_MODELARTS_API_URL });
    expect(modelArtsApiUrlFromEnv({ MODELARTS_API_URL: "http://127.0.0.1:8788/modelarts/" })).toEqual({
      ok: true,
      url: "http://127.0.0.1:8788/modelarts",
    });
    expect(modelArtsApiUrlFromEnv({ MODELARTS_API_URL: "modelarts.example" })).toEqual({
      ok: false,
      problem: "MODELARTS_API_URL is not an absolute URL",
    });
    expect(modelArtsApiUrlFromEnv({ MODELARTS_API_URL: "ftp://x" }).ok).toBe(false);
    expect(jobsMaxDatasetsFromEnv({})).toBe(DEFAULT_JOBS_MAX_DATASETS);
    expect(jobsMaxDatasetsFromEnv({ MODELARTS_JOBS_MAX_DATASETS: "5" })).toBe(5);
    for (const bad of ["0", "-1", "abc", "101", "2.5"])
      expect(jobsMaxDatasetsFromEnv({ MODELARTS_JOBS_MAX_DATASETS: bad })).toBe(DEFAULT_JOBS_MAX_DATASETS);
  });
});
