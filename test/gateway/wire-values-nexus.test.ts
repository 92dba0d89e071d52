/**
 * Every field of a Nexus dataset, a job with an ephemeral deployment, and a webhook, read through the gateway with
 * every field selected, against the wire object the emulator answers for it: at least 95% of the wire's distinctive
 * leaf values (test/utils/wire-coverage.ts) appear in the gateway's answer, so a field the platform sends is not lost
 * on the way. The wire's `object` tag (`dataset`, `batch_job`, `webhook`) is left out: GraphQL says it as
 * `__typename`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { wireCoverage } from "../utils/wire-coverage";
import { clearUpstreamRequests, gql, gqlData, resetEmulator, upstreamGet, upstreamRequests } from "./helpers";

const DATASET_FIELDS = `id nexusId projectId name provider createdAt updatedAt state itemCount expiresAt expired
  status { overview message updatedAt sourceKind upload { method url headers { name value } expiresAt } }`;

const WEBHOOK_FIELDS = "id nexusId projectId name endpoint retries { maxRetries maxBackoffMs } createdAt updatedAt";

const JOB_FIELDS = `id nexusId projectId name provider createdAt updatedAt state progress datasetId startAt stopAt
  status { overview message reason cancelledAt updatedAt
    items { gathered failedGather preprocessed failedProcess predicted failedPredict delivered failedDeliver } }
  destinations { kind webhookId }
  deployment { kind deploymentId template {
    deploymentId name status { overview message updatedAt } createdAt updatedAt projectId artifactId versionTag region
    historyVersions { versionTag artifactId updatedAt } options instanceId resources scaling { replicas } replicas url } }`;

/** The wire object without its `object` tag (see the module comment). */
function untagged(wire: Record<string, unknown>): Record<string, unknown> {
  const { object: _object, ...rest } = wire;
  return rest;
}

/** Asserts the coverage, showing the missing values when it falls short. */
function expectCovered(wire: Record<string, unknown>, answer: unknown): void {
  const result = wireCoverage(untagged(wire), answer);
  expect(result.ratio, `missing: ${JSON.stringify(result.missing)}`).toBeGreaterThanOrEqual(0.95);
}

const NDJSON = [
  '{"kind":"Image","url":"https://example.com/a.jpg"}',
  '{"kind":"Image","url":"https://example.com/b.jpg"}',
].join("\n");

let datasetId: string;
let webhookId: string;

beforeAll(async () => {
  await resetEmulator();
  const created = await gqlData<{ createDataset: { dataset: { nexusId: string } } }>(
    "mutation($input: CreateDatasetInput!) { createDataset(input: $input) { dataset { ... on NexusDataset { nexusId } } } }",
    { input: { name: "wire-values", ndjson: NDJSON } },
  );
  datasetId = created.createDataset.dataset.nexusId;
  const webhook = await gqlData<{ createWebhook: { webhook: { nexusId: string } } }>(
    "mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { nexusId } } }",
    {
      input: {
        name: "wire-values-hook",
        endpoint: "https://hooks.example.com/wire-values",
        retries: { maxRetries: 2, maxBackoffMs: 20_000 },
      },
    },
  );
  webhookId = webhook.createWebhook.webhook.nexusId;
});

describe("a Nexus dataset", () => {
  it("carries at least 95% of the wire dataset, upload instructions included, after the gateway's own upload", async () => {
    // The gateway uploaded with exactly the five headers the emulator issued, and the emulator accepted them.
    const puts = (await upstreamRequests()).filter(
      (request) => request.method === "PUT" && request.path.startsWith("/upload/"),
    );
    expect(puts.map((request) => request.status)).toEqual([200]);
    const data = await gqlData<{ dataset: { upload: unknown } }>(
      `query($id: ID!) { dataset(id: $id) { ... on NexusDataset { ${DATASET_FIELDS} } } }`,
      {
        id: datasetId,
      },
    );
    const wire = await upstreamGet<Record<string, unknown>>(`datasets/${datasetId}`);
    expect(wire.status).toBe(200);
    expect(wire.body).toMatchObject({ status: { overview: "Uploaded", itemCount: 2 } });
    expectCovered(wire.body, data);
  });
});

describe("a Nexus job with an ephemeral deployment", () => {
  it("reads back every template field with no error, and carries at least 95% of the wire job", async () => {
    // Starts in an hour, so the wire read below sees the same status as the gateway's.
    const startAt = new Date(Date.now() + 3_600_000).toISOString();
    const ephemeralDeployment = {
      artifactId: "artifact_wire",
      instanceId: "instance_t4-standard-1g",
      replicas: 2,
      name: "wire-deployment",
      region: "eu-west-1",
      versionTag: "v1.2.3",
      options: { batchSize: 16, precision: "fp16" },
    };
    const created = await gqlData<{ createJob: { job: { nexusId: string } } }>(
      "mutation($input: CreateJobInput!) { createJob(input: $input) { job { nexusId } } }",
      { input: { name: "wire-values-job", datasetId, webhookIds: [webhookId], ephemeralDeployment, startAt } },
    );
    const jobId = created.createJob.job.nexusId;
    const data = await gqlData<{ job: { deployment: { template: Record<string, unknown> } } }>(
      `query($id: ID!) { job(id: $id) { ... on NexusJob { ${JOB_FIELDS} } } }`,
      { id: jobId },
    );
    const uuid = jobId.slice("batchjob_".length);
    expect(data.job.deployment.template).toEqual({
      deploymentId: `deploy_${uuid}`,
      name: "wire-deployment",
      status: { overview: "Creating", message: "Waiting for the job to start", updatedAt: expect.any(String) },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      projectId: expect.stringMatching(/^proj_/),
      artifactId: "artifact_wire",
      versionTag: "v1.2.3",
      region: "eu-west-1",
      historyVersions: [{ versionTag: "v1.2.3", artifactId: "artifact_wire", updatedAt: expect.any(String) }],
      options: { batchSize: 16, precision: "fp16" },
      instanceId: "instance_t4-standard-1g",
      resources: null,
      scaling: { replicas: 2 },
      replicas: 2,
      url: `https://deploy-${uuid}.nexus.datature.io`,
    });
    const wire = await upstreamGet<Record<string, unknown>>(`jobs/${jobId}`);
    expect(wire.status).toBe(200);
    expectCovered(wire.body, data);
  });

  it("creates a template with resources instead of instanceId, and reads it back with instanceId null", async () => {
    const created = await gqlData<{
      createJob: { job: { nexusId: string; deployment: { template: Record<string, unknown> } } };
    }>(
      `mutation($input: CreateJobInput!) { createJob(input: $input) { job { ... on NexusJob { nexusId
        deployment { template { instanceId resources replicas scaling { replicas } } } } } } }`,
      {
        input: {
          name: "wire-values-resources",
          datasetId,
          webhookIds: [],
          ephemeralDeployment: { artifactId: "artifact_res", resources: { GPU_T4: 1 }, replicas: 1 },
        },
      },
    );
    expect(created.createJob.job.deployment.template).toEqual({
      instanceId: null,
      resources: { GPU_T4: 1 },
      replicas: 1,
      scaling: { replicas: 1 },
    });
    const requests = await upstreamRequests();
    expect(
      requests
        .filter((request) => request.method === "POST" && request.path.endsWith("/jobs"))
        .map((request) => request.status),
    ).toContain(201);
  });
});

describe("createJob's ephemeral deployment", () => {
  it("refuses a template with neither instanceId nor resources before any call, naming both", async () => {
    await clearUpstreamRequests();
    const result = await gql("mutation($input: CreateJobInput!) { createJob(input: $input) { job { id } } }", {
      input: {
        name: "no-instance",
        datasetId,
        webhookIds: [],
        ephemeralDeployment: { artifactId: "artifact_x", replicas: 1 },
      },
    });
    expect(result.body.errors?.map((error) => [error.extensions?.["code"], error.message])).toEqual([
      ["BAD_USER_INPUT", "Give input.ephemeralDeployment.instanceId, or input.ephemeralDeployment.resources instead."],
    ]);
    expect(await upstreamRequests()).toEqual([]);
  });
});

describe("a Nexus webhook", () => {
  it("carries at least 95% of the wire webhook", async () => {
    const data = await gqlData(`query($id: ID!) { webhook(id: $id) { ${WEBHOOK_FIELDS} } }`, { id: webhookId });
    const wire = await upstreamGet<Record<string, unknown>>(`webhooks/${webhookId}`);
    expect(wire.status).toBe(200);
    expect(wire.body).toMatchObject({ retries: { maxRetries: 2, maxBackoffMs: 20_000 } });
    expectCovered(wire.body, data);
  });
});
