/**
 * A job's ephemeral deployment as the API reads it back (a whole Deployment, `replicas` under `scaling`), a template
 * made with `resources` instead of `instanceId`, and the documented timings: a job's start and stop filled in, a
 * dataset's 10-day expiry, each shortened by a reset option.
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  batch,
  call,
  controlPath,
  createDataset,
  DEMO,
  jobBody,
  ndjson,
  pollUntil,
  reset,
  uploadedDataset,
  type ApiErrorBody,
  type Job,
} from "./helpers";

async function createJob(body: unknown): Promise<Job> {
  const response = await call<Job>("POST", batch("jobs"), { body });
  expect(response.status).toBe(201);
  return response.body;
}

beforeEach(async () => {
  await reset({ msPerItem: 20 });
});

describe("an ephemeral deployment as read back", () => {
  it("is a whole Deployment with replicas under scaling, the same on create, get and list", async () => {
    const dataset = await uploadedDataset(3);
    const template = {
      artifactId: "artifact_read",
      instanceId: "instance_t4-standard-1g",
      replicas: 2,
      region: "eu-west-1",
      options: { batchSize: 8 },
    };
    const job = await createJob(jobBody(dataset.id, { deployment: { kind: "NewEphemeralDeployment", template } }));
    const uuid = job.id.slice("batchjob_".length);
    expect(job.spec.deployment).toEqual({
      kind: "NewEphemeralDeployment",
      template: {
        id: `deploy_${uuid}`,
        name: "test-job-deployment",
        status: { overview: "Available", message: "Serving the job", updateDate: job.spec.startAtTime },
        createDate: job.createDate,
        updateDate: job.createDate,
        projectId: DEMO.project,
        artifactId: "artifact_read",
        versionTag: "latest",
        region: "eu-west-1",
        historyVersions: [{ versionTag: "latest", artifactId: "artifact_read", updateDate: job.createDate }],
        options: { batchSize: 8 },
        instanceId: "instance_t4-standard-1g",
        scaling: { replicas: 2 },
        url: `https://deploy-${uuid}.nexus.datature.io`,
      },
    });
    const done = await pollUntil(
      async () => (await call<Job>("GET", batch(`jobs/${job.id}`))).body,
      (now) => now.status.overview !== "Waiting",
    );
    expect(done.spec.deployment).toMatchObject({
      template: { status: { overview: "Deleted", message: "Job ended", updateDate: done.status.updateDate } },
    });
  });

  it("is Creating until a scheduled job starts", async () => {
    const dataset = await uploadedDataset(1);
    const job = await createJob(jobBody(dataset.id, { startAtTime: Date.now() + 3_600_000 }));
    expect(job.spec.deployment).toMatchObject({
      template: { status: { overview: "Creating", updateDate: job.createDate } },
    });
  });

  it("accepts resources instead of instanceId, and reads them back without an instanceId", async () => {
    const dataset = await uploadedDataset(2);
    const template = { artifactId: "artifact_res", resources: { GPU_T4: 1 }, replicas: 1 };
    const job = await createJob(jobBody(dataset.id, { deployment: { kind: "NewEphemeralDeployment", template } }));
    const deployment = job.spec.deployment;
    if (deployment.kind !== "NewEphemeralDeployment")
      throw new Error(`expected NewEphemeralDeployment, got ${deployment.kind}`);
    const read = deployment.template;
    expect(read.resources).toEqual({ GPU_T4: 1 });
    expect(read).not.toHaveProperty("instanceId");
    expect(read.scaling).toEqual({ replicas: 1 });
  });

  it("refuses a template with neither instanceId nor resources with a 400 naming instanceId", async () => {
    const template = { artifactId: "artifact_none", replicas: 1 };
    const response = await call<ApiErrorBody>("POST", batch("jobs"), {
      body: jobBody("dataset_x", { deployment: { kind: "NewEphemeralDeployment", template } }),
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: "BadRequestError",
      message: `spec.deployment.template.instanceId: expected instanceId or resources, got ${JSON.stringify(template)}`,
    });
  });
});

describe("timings", () => {
  it("fills in a job's start (its creation) and stop (7 days after its start)", async () => {
    const dataset = await uploadedDataset(1);
    const job = await createJob(jobBody(dataset.id));
    expect(job.spec.startAtTime).toBe(job.createDate);
    expect(job.spec.stopAtTime).toBe(job.createDate + 7 * 24 * 3_600_000);
    const scheduled = await createJob(jobBody(dataset.id, { startAtTime: job.createDate + 60_000 }));
    expect(scheduled.spec.stopAtTime).toBe(job.createDate + 60_000 + 7 * 24 * 3_600_000);
  });

  it("stops a job at the default stop time a reset shortens (jobRunMs)", async () => {
    await reset({ msPerItem: 1000, jobRunMs: 1500 });
    const dataset = await uploadedDataset(20);
    const job = await createJob(jobBody(dataset.id));
    expect(job.spec.stopAtTime).toBe((job.spec.startAtTime ?? Number.NaN) + 1500);
    const done = await pollUntil(
      async () => (await call<Job>("GET", batch(`jobs/${job.id}`))).body,
      (now) => now.status.overview !== "Waiting",
    );
    expect(done.status).toMatchObject({ overview: "Reached", message: "Cancelled", cancelledAt: job.spec.stopAtTime });
  });

  it("expires a dataset after datasetLifetimeMs, and an upload URL after uploadUrlTtlMs", async () => {
    await reset({ datasetLifetimeMs: 60_000, uploadUrlTtlMs: 30_000 });
    const dataset = await createDataset(ndjson(1));
    expect(dataset.expiryTime).toBe(dataset.createDate + 60_000);
    expect(dataset.status.source.uploadUrl.expiresAtTime).toBe(dataset.createDate + 30_000);
  });

  it("answers the settings in force on reset, defaults included", async () => {
    const response = await call<Record<string, number>>("POST", controlPath("reset"), {
      key: null,
      body: { jobRunMs: 5000 },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      msPerItem: 1000,
      uploadUrlTtlMs: 12 * 3_600_000,
      datasetLifetimeMs: 10 * 24 * 3_600_000,
      jobRunMs: 5000,
    });
  });
});
