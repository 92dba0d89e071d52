/**
 * Every documented field of a ModelArts dataset detail and of an export task reaches the gateway: each object is read
 * through the front door with every field selected and compared with the emulator's wire object (read directly),
 * and at least 95% of the wire's distinctive leaf values (test/utils/wire-coverage.ts) must appear in the answer.
 * The datasets chosen between them hold every documented part: team labelling and versions (retail), a table
 * schema and a DLI source (churn), label attributes and subsamples (traffic video), triplet entity labels (103).
 * Plus the running-task check as a field argument, and the export options the emulator applies.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { wireCoverage } from "../utils/wire-coverage";
import { dataAs, datasetIdByName, globalId, gqlAs, modelArts, modelArtsApi, taskGlobalId } from "./helpers";
import type { ModelArtsExportTask as WireTask } from "../../src/backends/modelarts/types";

const LABEL_ATTRIBUTES = "attributes { id name type defaultValue values { id value } }";

const DATASET = /* GraphQL */ `
  query ($id: ID!) {
    node(id: $id) {
      ... on ModelArtsDataset {
        id modelArtsId projectId name provider createdAt updatedAt state
        datasetType datasetTypeCode dataFormat datasetFormat datasetFormatCode datasetStatus datasetStatusCode description
        samples { total annotated unconfirmed totalSub annotatedSub deleted loading }
        currentVersionId currentVersionName versionCount workPath
        dataSources {
          dataType sourceType path withColumnHeader schemaMaps { sourceName destinationName }
          sourceInfo { clusterId clusterMode clusterName databaseName input ip port queueName subnetId tableName userName vpcId }
        }
        labels { name type typeCode property ${LABEL_ATTRIBUTES} }
        tags
        versions {
          versionId name description versionFormat status statusCode createdAt updatedAt isCurrent previousVersionId
          totalSampleCount annotatedSampleCount addedSampleCount modifiedSampleCount deletedSampleCount
          previousTotalSampleCount previousAnnotatedSampleCount totalSubSampleCount annotatedSubSampleCount
          trainEvaluateSampleRatio manifestPath dataPath labelType taskType taskTypeCode tags
          labelStats { name type typeCode property count sampleCount ${LABEL_ATTRIBUTES} }
          dataStatistics deletionStats clearHardProperty removeSampleUsage exportImages withColumnHeader crop cropPath
          rotate rotatePath cropRotateCachePath dataValidate extractSerialNumber includeDatasetData
          manifestCacheInputPath message processorTaskId processorTaskStatus code sampleState
        }
        dataUpdatedAt dataStatistics deletionStats importData importTaskId
        innerWorkPath innerAnnotationPath innerDataPath innerLogPath innerTaskPath innerTempPath
        labelTaskCount managed nextVersionNumber schema { schemaId name type description } thirdPath
        workPathType workPathTypeCode workspaceId enterpriseProjectId featureSupports contentLabeling
        hasTeamLabelingTask teamLabelingTaskCount
        teamLabeling {
          currentTaskId currentTaskName rejectedCount repetition synchronizesAutoLabelingData synchronizesData
          workforceId workforceName
          workers { workerId workforceId email description role roleCode status statusCode createdAt updatedAt }
        }
        runningTasks { exists taskIds }
      }
    }
  }
`;

const SEARCH_CONDITION = /* GraphQL */ `
  coefficient frameInVideo hard importOrigin kvp labeler parentSampleId sampleDir sampleName sampleTime score
  sliceThickness studyDate timeInVideo
  labelList { op labels { name type typeCode op property } }
  metadata { op props }
`;

const TASK_FIELDS = /* GraphQL */ `
  id modelArtsId name provider createdAt updatedAt state progress exportStatus rawStatus progressPercent datasetId
  path exportType exportTypeCode exportFormat exportFormatCode versionId versionFormat totalSampleCount
  finishedSampleCount errorCode errorMessage annotationFormat sourceTypeHeader withColumnHeader datasetTypeCode
  sampleState
  exportParams {
    destination rawDestination newDatasetName newDatasetWorkPath sampleState samples clearHardProperty clearDifficult
    versionName versionFormat ratioSampleUsage trainSampleRatio
    searchConditions { ${SEARCH_CONDITION} }
  }
`;

const TASK = /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on ModelArtsExportTask { ${TASK_FIELDS} } } }`;

const CREATE = /* GraphQL */ `
  mutation ($input: CreateModelArtsExportTaskInput!) {
    createModelArtsExportTask(input: $input) { task { ${TASK_FIELDS} } }
  }
`;

interface CreatedTask {
  createModelArtsExportTask: {
    task: { modelArtsId: string; sourceTypeHeader: string | null; totalSampleCount: number | null };
  };
}

/** The gateway's answer for dataset `name` and the emulator's wire object for it. */
async function datasetBothWays(
  name: string,
): Promise<{ wire: Record<string, unknown>; answer: Record<string, unknown> }> {
  const id = await datasetIdByName(name);
  const wire = await modelArtsApi<Record<string, unknown>>(`datasets/${id}`);
  const data = await dataAs<{ node: Record<string, unknown> }>(DATASET, { id: globalId("ModelArtsDataset", id) });
  return { wire, answer: data.node };
}

/** Waits until an export task satisfies `done` (the emulator's clock moves it on), up to 10 s. */
async function taskWhen(datasetId: string, taskId: string, done: (task: WireTask) => boolean): Promise<WireTask> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const task = await modelArtsApi<WireTask>(`datasets/${datasetId}/export-tasks/${taskId}`);
    if (done(task)) return task;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`export task ${taskId} never got there`);
}

/** Waits until the emulator has counted an export's samples (it leaves `INIT` after one `msPerSample`). */
const countedTask = (datasetId: string, taskId: string): Promise<WireTask> =>
  taskWhen(datasetId, taskId, (task) => task.total_sample_count !== undefined);

beforeAll(async () => {
  await modelArts.reset({ msPerSample: 200 });
});

describe("ModelArts dataset detail", () => {
  for (const name of ["retail-shelf-products", "churn-table", "traffic-video", "product-relations"]) {
    it(`carries at least 95% of the wire's distinctive values of ${name}`, async () => {
      const { wire, answer } = await datasetBothWays(name);
      const coverage = wireCoverage(wire, answer);
      expect(coverage.total).toBeGreaterThan(40);
      expect(coverage.ratio, `missing: ${coverage.missing.join(", ")}`).toBeGreaterThanOrEqual(0.95);
    });
  }

  it("reads every part typed: versions, team labelling, table schema and source, attributes, 103 as an entity label", async () => {
    const retail = (await datasetBothWays("retail-shelf-products")).answer;
    expect(retail).toMatchObject({
      versionCount: 3,
      nextVersionNumber: 4,
      workPathType: "OBS",
      workPathTypeCode: 0,
      hasTeamLabelingTask: true,
    });
    expect(
      (retail.versions as { name: string; isCurrent: boolean; status: string }[]).map((v) => [
        v.name,
        v.isCurrent,
        v.status,
      ]),
    ).toEqual([
      ["V001", false, "NORMAL"],
      ["V002", false, "NORMAL"],
      ["V003", true, "NORMAL"],
    ]);
    expect(retail.teamLabeling).toMatchObject({
      workforceName: "shelf-labelers",
      workers: [{ role: "LABELER" }, { role: "REVIEWER", statusCode: 2, status: "LOGGED_IN" }],
    });
    const churn = (await datasetBothWays("churn-table")).answer;
    expect(churn.dataSources).toEqual([
      expect.objectContaining({
        sourceType: "DLI",
        dataType: 2,
        withColumnHeader: true,
        sourceInfo: expect.objectContaining({ tableName: "customer_churn" }),
      }),
    ]);
    expect((churn.schema as { name: string }[]).map((column) => column.name)).toEqual([
      "account_id",
      "tenure_months",
      "monthly_spend",
      "churned",
    ]);
    const relations = (await datasetBothWays("product-relations")).answer;
    expect(
      (relations.labels as { name: string; type: string; typeCode: number }[]).map((l) => [l.name, l.type, l.typeCode]),
    ).toEqual([
      ["brand", "TEXT_TRIPLET_ENTITY", 103],
      ["product", "TEXT_TRIPLET_ENTITY", 103],
      ["made_by", "TEXT_TRIPLET_RELATIONSHIP", 102],
    ]);
  });

  it("runs the running-task check as a field argument: check_running_task and running_task_type reach the upstream", async () => {
    const id = await datasetIdByName("retail-shelf-products");
    await modelArts.clearRequests();
    const query = `query ($id: ID!) { node(id: $id) { ... on ModelArtsDataset {
      all: runningTasks { exists taskIds } exports: runningTasks(type: EXPORT) { exists taskIds }
      labeling: runningTasks(type: AUTO_LABELING) { exists taskIds } } } }`;
    const data = await dataAs<{ node: Record<string, { exists: boolean; taskIds: string[] }> }>(query, {
      id: globalId("ModelArtsDataset", id),
    });
    const queries = (await modelArts.requests())
      .filter((r) => r.path.endsWith(`/datasets/${id}`))
      .map((r) => r.query)
      .sort();
    // The node itself, then one check per kind asked for.
    expect(queries).toEqual([
      "",
      "check_running_task=true",
      "check_running_task=true&running_task_type=0",
      "check_running_task=true&running_task_type=2",
    ]);
    const wire = await modelArtsApi<{ running_tasks_id: string[] }>(
      `datasets/${id}?check_running_task=true&running_task_type=2`,
    );
    expect(wire.running_tasks_id.length).toBeGreaterThan(0);
    expect(data.node.exports).toEqual({ exists: true, taskIds: wire.running_tasks_id });
    expect(data.node.all).toEqual({ exists: true, taskIds: wire.running_tasks_id });
    expect(data.node.labeling).toEqual({ exists: false, taskIds: [] });
  });
});

describe("ModelArts export task", () => {
  it("carries at least 95% of the wire's distinctive values of a task created with every documented option", async () => {
    const datasetId = await datasetIdByName("support-tickets-intent");
    const input = {
      datasetId: globalId("ModelArtsDataset", datasetId),
      path: "/exports-bucket/tickets/billing/",
      exportType: "CONDITIONAL_SEARCH",
      exportFormat: "TILE",
      sampleState: "ALL",
      // Three samples at most, so the task ends quickly and the two reads compare the same (settled) task.
      samples: ["sample-a", "sample-b", "sample-c"],
      searchConditions: [
        {
          labelList: { labels: [{ name: "billing", type: "TEXT_CLASSIFICATION" }, { name: "returns" }], op: "OR" },
          sampleDir: "/modelarts-demo-bucket/",
        },
        {
          sampleName: "support-tickets-intent-0004",
          hard: true,
          metadata: { op: "AND", props: { origin: ["email-intake"] } },
        },
      ],
      versionFormat: "DEFAULT",
      annotationFormat: "COCO",
      sourceTypeHeader: "S3",
      withColumnHeader: false,
      datasetType: "TEXT_CLASSIFICATION",
      clearHardProperty: true,
      clearDifficult: false,
      newVersionName: "billing_v7",
      newVersionFormat: "CSV",
      ratioSampleUsage: true,
      trainSampleRatio: 0.75,
    };
    const created = await dataAs<CreatedTask>(CREATE, { input });
    const taskId = created.createModelArtsExportTask.task.modelArtsId;
    expect(created.createModelArtsExportTask.task.sourceTypeHeader).toBe("s3://");
    await taskWhen(datasetId, taskId, (task) => task.status === "SUCCESSED");
    const wire = await modelArtsApi<Record<string, unknown>>(`datasets/${datasetId}/export-tasks/${taskId}`);
    const data = await dataAs<{ node: Record<string, unknown> }>(TASK, { id: taskGlobalId(datasetId, taskId) });
    const coverage = wireCoverage(wire, data.node);
    expect(coverage.total).toBeGreaterThan(15);
    expect(coverage.ratio, `missing: ${coverage.missing.join(", ")}`).toBeGreaterThanOrEqual(0.95);
    expect(data.node.exportParams).toMatchObject({
      trainSampleRatio: 0.75,
      versionName: "billing_v7",
      versionFormat: "CSV",
      sampleState: "__ALL__",
    });
  });

  it('sends source_type_header "s3://" and the search conditions, which change how many samples the emulator exports', async () => {
    const datasetId = await datasetIdByName("support-tickets-intent");
    await modelArts.clearRequests();
    const base = { datasetId: globalId("ModelArtsDataset", datasetId), exportType: "ALL" };
    const plain = await dataAs<CreatedTask>(CREATE, { input: base });
    const filtered = await dataAs<CreatedTask>(CREATE, {
      input: { ...base, sourceTypeHeader: "S3", searchConditions: [{ labelList: { labels: [{ name: "billing" }] } }] },
    });
    const posts = (await modelArts.requests()).filter((r) => r.method === "POST");
    expect(posts).toHaveLength(2);
    const all = await countedTask(datasetId, plain.createModelArtsExportTask.task.modelArtsId);
    const billing = await countedTask(datasetId, filtered.createModelArtsExportTask.task.modelArtsId);
    // 5000 samples, 3200 labelled in turn billing, shipping, returns: 1067 carry billing.
    expect(all.total_sample_count).toBe(5000);
    expect(billing.total_sample_count).toBe(1067);
    const read = await dataAs<{
      node: { totalSampleCount: number; sourceTypeHeader: string; exportParams: { searchConditions: unknown } };
    }>(
      `query ($id: ID!) { node(id: $id) { ... on ModelArtsExportTask { totalSampleCount sourceTypeHeader exportParams { searchConditions { labelList { labels { name } } } } } } }`,
      { id: taskGlobalId(datasetId, billing.task_id) },
    );
    expect(read.node).toEqual({
      totalSampleCount: 1067,
      sourceTypeHeader: "s3://",
      exportParams: { searchConditions: [{ labelList: { labels: [{ name: "billing" }] } }] },
    });
  });

  it("refuses, before any call, input the schema cannot refuse: several labels without op, a ratio past 1, UNKNOWN states", async () => {
    const datasetId = globalId("ModelArtsDataset", await datasetIdByName("support-tickets-intent"));
    await modelArts.clearRequests();
    const cases: Array<[Record<string, unknown>, string]> = [
      [
        { searchConditions: [{ labelList: { labels: [{ name: "a" }, { name: "b" }] } }] },
        "input.searchConditions[0].labelList.op is required with more than one label (AND or OR).",
      ],
      [{ trainSampleRatio: 1.5 }, "input.trainSampleRatio must be from 0 to 1, got 1.5."],
      [{ sampleState: "UNKNOWN" }, "input.sampleState: UNKNOWN is not a sample state."],
      [{ newVersionName: "no spaces" }, "input.newVersionName must be 1 to 32 letters, digits, _ or -."],
      [
        { searchConditions: [{ metadata: { props: { origin: "email" } } }] },
        'input.searchConditions[0].metadata.props must be an object of names to lists of strings, such as {"color": ["red"]}.',
      ],
      [{ searchConditions: [{}] }, "input.searchConditions[0] must give at least one criterion."],
    ];
    for (const [extra, message] of cases) {
      const result = await gqlAs(CREATE, { input: { datasetId, ...extra } });
      expect(result.body.errors?.[0]?.message, result.text).toBe(message);
      expect(result.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect((await modelArts.requests()).filter((r) => r.method === "POST")).toEqual([]);
  });
});
