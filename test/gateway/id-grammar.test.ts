/**
 * Ids cannot steer upstream paths: a global id whose reference is outside its backend's id grammar (`.`, `..`,
 * a slash, another type's prefix) is not an id. It is refused with BAD_USER_INPUT before any upstream call.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { clearUpstreamRequests, gql, resetEmulator, upstreamRequests } from "./helpers";

const globalId = (text: string): string => Buffer.from(text).toString("base64url");

beforeAll(async () => {
  await resetEmulator();
});

describe("ids outside the id grammar", () => {
  it.each([
    [
      "deleteWebhook of NexusWebhook:..",
      `mutation($id: ID!) { deleteWebhook(id: $id) { id } }`,
      globalId("NexusWebhook:.."),
      "deleteWebhook",
    ],
    ["job of NexusJob:.", `query($id: ID!) { job(id: $id) { id } }`, globalId("NexusJob:."), "job"],
    [
      "node of NexusJob:batchjob_1/../x",
      `query($id: ID!) { node(id: $id) { id } }`,
      globalId("NexusJob:batchjob_1/../x"),
      "node",
    ],
    [
      "dataset of NexusDataset:dataset_a%2F..",
      `query($id: ID!) { dataset(id: $id) { id } }`,
      globalId("NexusDataset:dataset_a%2F.."),
      "dataset",
    ],
    [
      "cancelJob of a raw ../",
      `mutation($id: ID!) { cancelJob(id: $id) { job { id } } }`,
      "batchjob_../../webhooks",
      "cancelJob",
    ],
  ])("refuses %s with BAD_USER_INPUT and no upstream call", async (_name, query, id, field) => {
    await clearUpstreamRequests();
    const result = await gql(query, { id });
    expect(result.status).toBe(200);
    expect(result.body.errors?.[0]).toMatchObject({
      message: `Argument "id": "${id}" is not a valid id.`,
      path: [field],
      extensions: { code: "BAD_USER_INPUT" },
    });
    expect(await upstreamRequests()).toEqual([]);
  });
});
