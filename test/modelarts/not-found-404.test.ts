/**
 * A 404 from ModelArts means "not found", as a 400 with `ModelArts.4352`/`ModelArts.4359` does: a read is `null`
 * without an error, and the mutation is `NOT_FOUND` (not `BAD_USER_INPUT`). The emulator's fault setting makes
 * the 404s (`APIGW.0101`, as Huawei's API gateway answers them) on the paths of one dataset only.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { datasetIdByName, globalId, gqlAs, modelArts, taskGlobalId } from "./helpers";

let datasetId: string;

beforeAll(async () => {
  await modelArts.reset();
  datasetId = await datasetIdByName("defect-classification");
});

afterEach(async () => {
  await modelArts.clearFaults();
});

describe("a 404 from ModelArts", () => {
  it("reads as null without an error, for a dataset and for an export task", async () => {
    await modelArts.setFaults({ errorRate: 1, errorStatus: 404, path: `/datasets/${datasetId}` });
    await modelArts.clearRequests();
    const result = await gqlAs<Record<string, unknown>>(
      /* GraphQL */ `query ($a: ID!, $b: ID!) { a: dataset(id: $a) { id } b: job(id: $b) { id } }`,
      { a: globalId("ModelArtsDataset", datasetId), b: taskGlobalId(datasetId, "someTask00000000000") },
    );
    expect(result.body.errors, result.text).toBeUndefined();
    expect(result.body.data).toEqual({ a: null, b: null });
    expect((await modelArts.requests()).map((request) => request.status)).toEqual([404, 404]);
  });

  it("is NOT_FOUND for createModelArtsExportTask, with the upstream status in the message", async () => {
    await modelArts.setFaults({ errorRate: 1, errorStatus: 404, path: `/datasets/${datasetId}/export-tasks` });
    const result = await gqlAs(
      /* GraphQL */ `mutation ($input: CreateModelArtsExportTaskInput!) { createModelArtsExportTask(input: $input) { task { id } } }`,
      { input: { datasetId: globalId("ModelArtsDataset", datasetId) } },
    );
    expect(result.body.errors?.map((error) => error.extensions?.code)).toEqual(["NOT_FOUND"]);
    expect(result.body.errors?.[0]?.message).toMatch(
      /^modelarts exportTasks\.create: expected 2xx, got 404 APIGW\.0101 from /,
    );
  });
});
