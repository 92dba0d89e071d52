/**
 * An unknown code never breaks a response: a ModelArts that answers codes and fields the docs do not list (a new
 * `dataset_type`, a `status` past 8, a task status the SDKs do not know, an unknown `export_type`) still gives
 * every field, with `UNKNOWN` and the raw value beside it. The emulator only speaks the documented codes, so this
 * one file stands a tiny ModelArts of its own (a plain HTTP server in the test process: nothing real can answer
 * such codes) behind a gateway of its own, and asserts what that upstream received.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphQLTestClient } from "../utils/graphql-client";
import { startTestGateway, type TestGateway } from "../utils/test-gateway";
import { globalId, gqlAs, taskGlobalId } from "./helpers";

const PROJECT = "stub_project";
const TOKEN = "stub-token-0000";

const DATASET = {
  dataset_id: "futureDataset000001",
  dataset_name: "from-the-future",
  dataset_type: 12345,
  dataset_format: 7,
  status: 99,
  create_time: 1_700_000_000_000,
  labels: [{ name: "x", type: 777, property: { "@modelarts:color": "#000" } }, { type: 0 }],
  dataset_tags: ["ok", 5],
  a_field_added_next_year: { nested: true },
};

const TASK = {
  task_id: "futureTask000000001",
  status: "PAUSED",
  progress: 42.5,
  export_type: 9,
  export_format: 3,
  export_params: { export_dest: "S3_BUCKET" },
  create_time: 1_700_000_000_500,
  another_new_field: [1, 2, 3],
};

let server: Server;
let gateway: TestGateway | undefined;
const received: { method: string; path: string; token: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://stub").pathname;
    received.push({ method: request.method ?? "", path, token: request.headers["x-auth-token"] as string | undefined });
    const base = `/v2/${PROJECT}/datasets`;
    const answers: Record<string, unknown> = {
      [base]: { datasets: [DATASET], total_number: 1 },
      [`${base}/${DATASET.dataset_id}`]: DATASET,
      [`${base}/${DATASET.dataset_id}/export-tasks`]: { export_tasks: [TASK], total_count: 1 },
      [`${base}/${DATASET.dataset_id}/export-tasks/${TASK.task_id}`]: TASK,
    };
    const body = answers[path];
    response.writeHead(body === undefined ? 400 : 200, { "content-type": "application/json" });
    response.end(JSON.stringify(body ?? { error_code: "ModelArts.4352", error_msg: "no such thing" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  gateway = await startTestGateway({
    NEXUS_API_URL: "http://127.0.0.1:9",
    MODELARTS_API_URL: `http://127.0.0.1:${port}`,
  });
}, 60_000);

/** This file's gateway's client (`beforeAll` has started it by the time a test asks). */
function ownGraphQL(): GraphQLTestClient {
  if (gateway === undefined) throw new Error("this file's gateway did not start");
  return gateway.graphql;
}

afterAll(async () => {
  await gateway?.dispose();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("codes the docs do not list", () => {
  it("give UNKNOWN with the raw value beside it, and every other field still resolves", async () => {
    const result = await gqlAs<Record<string, unknown>>(
      /* GraphQL */ `query ($d: ID!, $t: ID!) {
        dataset(id: $d) { ... on ModelArtsDataset { name state datasetType datasetTypeCode datasetFormat datasetFormatCode datasetStatus datasetStatusCode
          labels { name type typeCode } tags samples { total } versionCount } }
        job(id: $t) { state progress ... on ModelArtsExportTask { exportStatus rawStatus exportType exportTypeCode exportFormat exportFormatCode
          exportParams { destination rawDestination } totalSampleCount } }
        jobs(first: 5) { totalCount edges { node { id state } } }
      }`,
      { d: globalId("ModelArtsDataset", DATASET.dataset_id), t: taskGlobalId(DATASET.dataset_id, TASK.task_id) },
      { modelarts: { project: PROJECT, token: TOKEN } },
      ownGraphQL(),
    );
    expect(result.body.errors, result.text).toBeUndefined();
    expect(result.body.data).toEqual({
      dataset: {
        name: "from-the-future",
        state: "PROCESSING",
        datasetType: "UNKNOWN",
        datasetTypeCode: 12345,
        datasetFormat: "UNKNOWN",
        datasetFormatCode: 7,
        datasetStatus: "UNKNOWN",
        datasetStatusCode: 99,
        labels: [{ name: "x", type: "UNKNOWN", typeCode: 777 }],
        tags: ["ok"],
        samples: { total: 0 },
        versionCount: 0,
      },
      job: {
        state: "RUNNING",
        progress: 0.425,
        exportStatus: "UNKNOWN",
        rawStatus: "PAUSED",
        exportType: "UNKNOWN",
        exportTypeCode: 9,
        exportFormat: "UNKNOWN",
        exportFormatCode: 3,
        exportParams: { destination: "UNKNOWN", rawDestination: "S3_BUCKET" },
        totalSampleCount: null,
      },
      jobs: {
        totalCount: 1,
        edges: [{ node: { id: taskGlobalId(DATASET.dataset_id, TASK.task_id), state: "RUNNING" } }],
      },
    });
    expect(received.every((request) => request.token === TOKEN && request.method === "GET")).toBe(true);
    expect(received.map((request) => request.path)).toContain(
      `/v2/${PROJECT}/datasets/${DATASET.dataset_id}/export-tasks`,
    );
  });
});
