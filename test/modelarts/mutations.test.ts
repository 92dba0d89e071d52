/**
 * `createModelArtsExportTask` through the front door: the documented body reaches the emulator (checked by reading
 * the new task back from it), the payload carries the new task, input the schema cannot refuse is refused on the
 * gateway before any call, and what ModelArts refuses comes back with its code and message.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { MA, dataAs, datasetIdByName, globalId, gqlAs, modelArts, modelArtsApi } from "./helpers";

const CREATE = /* GraphQL */ `
  mutation ($input: CreateModelArtsExportTaskInput!) {
    createModelArtsExportTask(input: $input) {
      task { id modelArtsId state progress exportStatus datasetId path exportType exportFormat versionId
        exportParams { destination newDatasetName newDatasetWorkPath samples } dataset { name } }
    }
  }
`;

interface Created {
  createModelArtsExportTask: {
    task: {
      id: string;
      modelArtsId: string;
      state: string;
      exportStatus: string;
      datasetId: string;
      path: string;
      exportType: string;
      exportFormat: string;
      versionId: string | null;
      exportParams: {
        destination: string;
        newDatasetName: string | null;
        newDatasetWorkPath: string | null;
        samples: string[] | null;
      };
      dataset: { name: string } | null;
    };
  };
}

let datasetId: string;

beforeAll(async () => {
  await modelArts.reset({ msPerSample: 60_000 });
  datasetId = await datasetIdByName("defect-classification");
});

describe("createModelArtsExportTask", () => {
  it("creates a task with the emulator's defaults from the dataset id alone: one create, one read of the task", async () => {
    await modelArts.clearRequests();
    const data = await dataAs<Created>(CREATE, { input: { datasetId: globalId("ModelArtsDataset", datasetId) } });
    const { task } = data.createModelArtsExportTask;
    expect(task).toMatchObject({
      state: "WAITING",
      exportStatus: "INIT",
      datasetId,
      exportType: "ALL",
      exportFormat: "TREE",
      exportParams: { destination: "DIR", newDatasetName: null, newDatasetWorkPath: null, samples: null },
      dataset: { name: "defect-classification" },
    });
    expect(task.id).toBe(globalId("ModelArtsExportTask", `${datasetId}:${task.modelArtsId}`));
    expect(task.path).toMatch(/\/defect-classification\/output\/export\/$/);
    const requests = await modelArts.requests();
    expect(requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
      `POST /modelarts/v2/${MA.project}/datasets/${datasetId}/export-tasks 200`,
      `GET /modelarts/v2/${MA.project}/datasets/${datasetId}/export-tasks/${task.modelArtsId} 200`,
      // The query selects `dataset { name }`.
      `GET /modelarts/v2/${MA.project}/datasets/${datasetId} 200`,
    ]);
    // The same task, found again by its global id.
    const again = await dataAs<{ job: { id: string } | null }>(`query ($id: ID!) { job(id: $id) { id } }`, {
      id: task.id,
    });
    expect(again.job?.id).toBe(task.id);
  });

  it("sends the documented body: export type and format, a new dataset's params, samples and version", async () => {
    const data = await dataAs<Created>(CREATE, {
      input: {
        datasetId: globalId("ModelArtsDataset", datasetId),
        path: "/demo-bucket/exports/labeled/",
        exportType: "LABELED",
        exportFormat: "TILE",
        destination: "NEW_DATASET",
        newDatasetName: "defects-labeled",
        newDatasetWorkPath: "/demo-bucket/defects-labeled/",
        samples: ["s1", "s2"],
        versionId: "someVersion01",
      },
    });
    const { task } = data.createModelArtsExportTask;
    expect(task).toMatchObject({
      path: "/demo-bucket/exports/labeled/",
      exportType: "LABELED",
      exportFormat: "TILE",
      versionId: "someVersion01",
      exportParams: {
        destination: "NEW_DATASET",
        newDatasetName: "defects-labeled",
        newDatasetWorkPath: "/demo-bucket/defects-labeled/",
        samples: ["s1", "s2"],
      },
    });
    // What the upstream holds, read straight from the emulator.
    const wire = await modelArtsApi<Record<string, unknown>>(`datasets/${datasetId}/export-tasks/${task.modelArtsId}`);
    expect(wire).toMatchObject({
      path: "/demo-bucket/exports/labeled/",
      export_type: 0,
      export_format: 2,
      version_id: "someVersion01",
      export_params: {
        export_dest: "NEW_DATASET",
        export_new_dataset_name: "defects-labeled",
        export_new_dataset_work_path: "/demo-bucket/defects-labeled/",
        samples: ["s1", "s2"],
      },
    });
  });

  it("refuses on the gateway, before any call, what the schema cannot say", async () => {
    const id = globalId("ModelArtsDataset", datasetId);
    const cases: [Record<string, unknown>, string][] = [
      [
        { destination: "NEW_DATASET", newDatasetWorkPath: "/demo-bucket/x/" },
        "input.newDatasetName is required with destination NEW_DATASET.",
      ],
      [
        { destination: "NEW_DATASET", newDatasetName: "x" },
        "input.newDatasetWorkPath is required with destination NEW_DATASET.",
      ],
      [
        { newDatasetName: "x" },
        "input.newDatasetName and input.newDatasetWorkPath are only for destination NEW_DATASET.",
      ],
      [{ exportType: "UNKNOWN" }, "input.exportType: UNKNOWN is not an export type."],
      [{ exportFormat: "UNKNOWN" }, "input.exportFormat: UNKNOWN is not an export format."],
      [{ destination: "UNKNOWN" }, "input.destination: UNKNOWN is not a destination; use DIR or NEW_DATASET."],
      [{ path: "  " }, "input.path must not be empty (omit it for the default)."],
    ];
    await modelArts.clearRequests();
    for (const [fields, message] of cases) {
      const result = await gqlAs(CREATE, { input: { datasetId: id, ...fields } });
      expect(result.body.errors?.map((error) => [error.extensions?.code, error.message])).toEqual([
        ["BAD_USER_INPUT", message],
      ]);
    }
    const notADataset = await gqlAs(CREATE, {
      input: { datasetId: globalId("ModelArtsExportTask", `${datasetId}:abc`) },
    });
    expect(notADataset.body.errors?.[0]?.message).toBe(
      'Argument "input.datasetId": expected a ModelArtsDataset id, got a ModelArtsExportTask id.',
    );
    expect(await modelArts.requests()).toEqual([]);
  });

  it("gives BAD_USER_INPUT with ModelArts's message for a path it refuses, and NOT_FOUND for a dataset that does not exist", async () => {
    const refused = await gqlAs(CREATE, {
      input: { datasetId: globalId("ModelArtsDataset", datasetId), path: "not-an-obs-path" },
    });
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors?.map((error) => error.extensions?.code)).toEqual(["BAD_USER_INPUT"]);
    expect(refused.body.errors?.[0]?.message).toBe(
      `modelarts exportTasks.create: expected 2xx, got 400 ModelArts.0104 from /v2/${MA.project}/datasets/${datasetId}/export-tasks ` +
        '(path: expected an OBS path such as /bucket/dir/, got "not-an-obs-path")',
    );
    const missing = await gqlAs(CREATE, { input: { datasetId: globalId("ModelArtsDataset", "noSuchDataset000000") } });
    expect(missing.body.errors?.map((error) => error.extensions?.code)).toEqual(["NOT_FOUND"]);
    expect(missing.body.errors?.[0]?.message).toMatch(
      /^modelarts exportTasks\.create: expected 2xx, got 400 ModelArts\.4352 from /,
    );
    expect(missing.body.errors?.[0]?.path).toEqual(["createModelArtsExportTask"]);
  });

  it("needs ModelArts credentials: a Nexus-only caller is UNAUTHENTICATED", async () => {
    const { NEXUS } = await import("./helpers");
    const result = await gqlAs(
      CREATE,
      { input: { datasetId: globalId("ModelArtsDataset", datasetId) } },
      { nexus: NEXUS },
    );
    expect(result.body.errors?.map((error) => error.extensions?.code)).toEqual(["UNAUTHENTICATED"]);
    expect(result.body.errors?.[0]?.message).toContain("x-modelarts-project-id and x-modelarts-token");
  });
});
