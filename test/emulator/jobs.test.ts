/**
 * Jobs: the seeded set in every state, creation and validation, a job's life by the clock to each end state
 * (finished, cancelled by PATCH, stopped by its stop time, failed), and delete.
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  batch,
  call,
  createDataset,
  DEMO,
  jobBody,
  listAll,
  ndjson,
  pollUntil,
  reset,
  uploadedDataset,
  type ApiErrorBody,
  type ItemCounters,
  type Job,
  type Webhook,
} from "./helpers";

const stateOf = (job: Job): string => `${job.status.overview}/${job.status.message}`;

async function getJob(id: string): Promise<Job> {
  const response = await call<Job>("GET", batch(`jobs/${id}`));
  expect(response.status).toBe(200);
  return response.body;
}

async function createJob(body: unknown): Promise<Job> {
  const response = await call<Job>("POST", batch("jobs"), { body });
  expect(response.status).toBe(201);
  return response.body;
}

/** Every stage's passed + failed count equals the item count (failures carry forward to later stages). */
function expectAllHandled(items: ItemCounters, itemCount: number): void {
  expect(items.Gathered + items.FailedGather).toBe(itemCount);
  expect(items.Preprocessed + items.FailedProcess).toBe(itemCount);
  expect(items.Predicted + items.FailedPredict).toBe(itemCount);
  expect(items.Delivered + items.FailedDeliver).toBe(itemCount);
}

describe("seeded jobs", () => {
  beforeEach(async () => {
    await reset();
  });

  it("holds 40 jobs in every state: running, waiting, finished, cancelled, failed", async () => {
    const jobs = await listAll<Job>("jobs");
    expect(jobs).toHaveLength(40);
    const counts: Record<string, number> = {};
    for (const job of jobs) counts[stateOf(job)] = (counts[stateOf(job)] ?? 0) + 1;
    expect(counts).toEqual({
      "Waiting/Running": 4,
      "Waiting/Waiting": 5,
      "Reached/Finished": 20,
      "Reached/Cancelled": 6,
      "Failed/Failed": 5,
    });
    for (const job of jobs.filter((j) => j.status.message === "Cancelled"))
      expect(job.status.cancelledAt).toEqual(expect.any(Number));
    for (const job of jobs.filter((j) => j.status.overview === "Failed"))
      expect(job.status.reason).toEqual(expect.any(String));
  });

  it("has several jobs sharing a dataset and a webhook", async () => {
    const jobs = await listAll<Job>("jobs");
    const perDataset = new Map<string, number>();
    for (const job of jobs) perDataset.set(job.spec.datasetId, (perDataset.get(job.spec.datasetId) ?? 0) + 1);
    expect(Math.max(...perDataset.values())).toBeGreaterThan(3);
    const webhooks = await listAll<Webhook>("webhooks");
    expect(webhooks).toHaveLength(3);
    for (const webhook of webhooks) {
      expect(
        jobs.filter((job) => job.spec.resultDelivery.destinations.some((d) => d.webhookId === webhook.id)).length,
      ).toBeGreaterThan(3);
    }
  });

  it("keeps the running jobs moving after a reset", async () => {
    const running = (await listAll<Job>("jobs")).filter((job) => job.status.message === "Running");
    expect(running.length).toBeGreaterThanOrEqual(2);
    for (const job of running.slice(0, 2)) {
      const later = await pollUntil(
        () => getJob(job.id),
        (now) => now.status.items.Gathered > job.status.items.Gathered,
      );
      expect(stateOf(later)).toBe("Waiting/Running");
      expect(later.status.updateDate).toBeGreaterThan(job.status.updateDate);
    }
  });
});

describe("a job's life", () => {
  beforeEach(async () => {
    await reset({ msPerItem: 20 });
  });

  it("runs a 20-item job to Reached/Finished with every item handled", async () => {
    const dataset = await uploadedDataset(20);
    const job = await createJob(jobBody(dataset.id));
    expect(job).toMatchObject({
      object: "batch_job",
      name: "test-job",
      projectId: DEMO.project,
      spec: { datasetId: dataset.id },
    });
    expect(job.id).toMatch(/^batchjob_[0-9a-f-]{36}$/);
    expect(job.status.overview).toBe("Waiting");
    expect(job.status.items.Delivered).toBe(0);
    const done = await pollUntil(
      () => getJob(job.id),
      (now) => now.status.overview !== "Waiting",
    );
    expect(stateOf(done)).toBe("Reached/Finished");
    expect(done.status.cancelledAt).toBeUndefined();
    expectAllHandled(done.status.items, 20);
    expect(done.status.updateDate).toBeGreaterThan(job.createDate);
    expect(done.updateDate).toBe(done.status.updateDate);
    // A finished job no longer changes.
    expect((await getJob(job.id)).status).toEqual(done.status);
  });

  it("cancels a running job with a PATCH of spec.stopAtTime: Reached/Cancelled, frozen where it was", async () => {
    await reset({ msPerItem: 1000 });
    const dataset = await uploadedDataset(20);
    const job = await createJob(jobBody(dataset.id));
    const patched = await call<Job>("PATCH", batch(`jobs/${job.id}`), { body: { spec: { stopAtTime: Date.now() } } });
    expect(patched.status).toBe(200);
    expect(stateOf(patched.body)).toBe("Reached/Cancelled");
    const cancelledAt = patched.body.status.cancelledAt;
    expect(cancelledAt).toEqual(expect.any(Number));
    expect(patched.body.spec.stopAtTime).toBe(cancelledAt);
    expect(patched.body.status.items.Delivered).toBeLessThan(20);
    const later = await getJob(job.id);
    expect(later.status).toEqual(patched.body.status);
    // Cancelling again changes nothing.
    const again = await call<Job>("PATCH", batch(`jobs/${job.id}`), {
      body: { spec: { stopAtTime: Date.now() + 60_000 } },
    });
    expect(again.body.status.cancelledAt).toBe(cancelledAt);
  });

  it("stops a job where it is when its own stop time passes", async () => {
    const dataset = await uploadedDataset(200);
    const start = Date.now();
    const job = await createJob(jobBody(dataset.id, { startAtTime: start, stopAtTime: start + 300 }));
    const stopped = await pollUntil(
      () => getJob(job.id),
      (now) => now.status.overview !== "Waiting",
    );
    expect(stateOf(stopped)).toBe("Reached/Cancelled");
    expect(stopped.status.cancelledAt).toBe(start + 300);
    expect(stopped.status.items.Delivered + stopped.status.items.FailedDeliver).toBeLessThan(200);
  });

  it("waits for a start time in the future, and is cancelled before starting with zero items", async () => {
    const dataset = await uploadedDataset(5);
    const job = await createJob(jobBody(dataset.id, { startAtTime: Date.now() + 3_600_000 }));
    expect(stateOf(job)).toBe("Waiting/Waiting");
    expect(stateOf(await getJob(job.id))).toBe("Waiting/Waiting");
    const cancelled = await call<Job>("PATCH", batch(`jobs/${job.id}`), { body: { spec: { stopAtTime: Date.now() } } });
    expect(stateOf(cancelled.body)).toBe("Reached/Cancelled");
    expect(Object.values(cancelled.body.status.items).every((count) => count === 0)).toBe(true);
  });

  it("fails with a reason when its dataset does not exist", async () => {
    const job = await createJob(jobBody("dataset_00000000-0000-4000-8000-000000000000"));
    expect(job.status).toMatchObject({
      overview: "Failed",
      message: "Failed",
      reason: "Dataset dataset_00000000-0000-4000-8000-000000000000 not found",
    });
    expect(stateOf(await getJob(job.id))).toBe("Failed/Failed");
  });

  it("fails with a reason when its dataset is not Uploaded", async () => {
    const dataset = await createDataset(ndjson(3));
    const job = await createJob(jobBody(dataset.id));
    expect(job.status).toMatchObject({
      overview: "Failed",
      reason: `Dataset ${dataset.id} is not ready: its status is Uploading, expected Uploaded`,
    });
  });

  it("fails with a reason when its deployment or webhook does not exist", async () => {
    const dataset = await uploadedDataset(3);
    const noDeployment = await createJob(
      jobBody(dataset.id, { deployment: { kind: "ExistingDeployment", deploymentId: "deploy_missing" } }),
    );
    expect(noDeployment.status).toMatchObject({ overview: "Failed", reason: "Deployment deploy_missing not found" });
    const noWebhook = await createJob(
      jobBody(dataset.id, { resultDelivery: { destinations: [{ kind: "Webhook", webhookId: "webhook_missing" }] } }),
    );
    expect(noWebhook.status).toMatchObject({ overview: "Failed", reason: "Webhook webhook_missing not found" });
  });

  it("runs on an existing deployment and delivers to an existing webhook", async () => {
    const dataset = await uploadedDataset(3);
    const seeded = (await listAll<Job>("jobs")).find(
      (job) => job.spec.deployment.kind === "ExistingDeployment" && job.status.message === "Finished",
    );
    const [webhook] = await listAll<Webhook>("webhooks");
    const job = await createJob(
      jobBody(dataset.id, {
        deployment: seeded?.spec.deployment,
        resultDelivery: { destinations: [{ kind: "Webhook", webhookId: webhook?.id }] },
      }),
    );
    const done = await pollUntil(
      () => getJob(job.id),
      (now) => now.status.overview !== "Waiting",
    );
    expect(stateOf(done)).toBe("Reached/Finished");
  });

  it("keeps running when its dataset is deleted after it started", async () => {
    const dataset = await uploadedDataset(10);
    const job = await createJob(jobBody(dataset.id));
    expect((await call("DELETE", batch(`datasets/${dataset.id}`))).status).toBe(200);
    const done = await pollUntil(
      () => getJob(job.id),
      (now) => now.status.overview !== "Waiting",
    );
    expect(stateOf(done)).toBe("Reached/Finished");
    expectAllHandled(done.status.items, 10);
  });

  it("deletes a job, answers {id, deleted:true}, then 404 for it", async () => {
    const dataset = await uploadedDataset(2);
    const job = await createJob(jobBody(dataset.id));
    const deletion = await call("DELETE", batch(`jobs/${job.id}`));
    expect(deletion).toMatchObject({ status: 200, body: { id: job.id, deleted: true } });
    expect((await call("GET", batch(`jobs/${job.id}`))).status).toBe(404);
  });
});

describe("job validation", () => {
  beforeEach(async () => {
    await reset({ msPerItem: 20 });
  });

  it.each([
    [
      {
        name: "j",
        spec: {
          deployment: { kind: "ExistingDeployment", deploymentId: "deploy_x" },
          resultDelivery: { destinations: [] },
        },
      },
      "spec.datasetId: expected an id starting with dataset_, got nothing",
    ],
    [
      jobBody("dataset_x", { deployment: { kind: "Serverless" } }),
      'spec.deployment.kind: expected "ExistingDeployment" or "NewEphemeralDeployment", got "Serverless"',
    ],
    [
      jobBody("dataset_x", { deployment: { kind: "ExistingDeployment" } }),
      "spec.deployment.deploymentId: expected an id starting with deploy_, got nothing",
    ],
    [
      jobBody("dataset_x", {
        deployment: { kind: "NewEphemeralDeployment", template: { artifactId: "a", instanceId: "i", replicas: 0 } },
      }),
      "spec.deployment.template.replicas: expected an integer from 1 to 100, got 0",
    ],
    [
      jobBody("dataset_x", { resultDelivery: { destinations: [{ kind: "Email", webhookId: "webhook_x" }] } }),
      'spec.resultDelivery.destinations.0.kind: expected "Webhook", got "Email"',
    ],
    [
      jobBody("dataset_x", { startAtTime: "soon" }),
      'spec.startAtTime: expected an integer from 0 to 8640000000000000, got "soon"',
    ],
    [
      jobBody("dataset_x", { startAtTime: 2000, stopAtTime: 1000 }),
      "spec.stopAtTime: expected a time at or after spec.startAtTime (2000), got 1000",
    ],
  ])("rejects a bad create body with a 400 naming the field (%#)", async (body, message) => {
    const response = await call<ApiErrorBody>("POST", batch("jobs"), { body });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ code: "BadRequestError", message });
  });

  it("rejects a PATCH without spec.stopAtTime with a 400 naming it", async () => {
    const [job] = await listAll<Job>("jobs");
    const response = await call<ApiErrorBody>("PATCH", batch(`jobs/${job?.id}`), {
      body: { spec: { stopAtTime: -5 } },
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      code: "BadRequestError",
      message: "spec.stopAtTime: expected an integer from 0 to 8640000000000000, got -5",
    });
  });
});
