/**
 * The shared `Job` fields a dashboard needs, on every platform with jobs, through the front door: `failureReason`
 * (null unless FAILED; the platform's reason on one line, cut to 500 characters) and the item counts `itemsTotal`,
 * `itemsDone`, `itemsFailed`, checked against what the emulators hold for the same jobs: the seeded Nexus and
 * ModelArts worlds (failed, running, waiting and finished ones) and Nexus jobs made here to fail with a reason that
 * carries a stack under its first line, or runs past the length cap.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { useTenant } from "../utils/tenant";
import { MA, NEXUS, dataAs, modelArts, modelArtsApi, type Callers } from "../modelarts/helpers";
import { upstreamGet } from "./helpers";
import type { ModelArtsExportTask as ModelArtsWireTask } from "../../src/backends/modelarts/types";
import type { NexusItemCounters, NexusJob as NexusWireJob } from "../../src/backends/nexus/types";

/** A job as this file selects it: the shared fields, and the platform's own id to find its wire object. */
interface JobFields {
  id: string;
  provider: string;
  state: string;
  progress: number;
  failureReason: string | null;
  itemsTotal: number | null;
  itemsDone: number | null;
  itemsFailed: number | null;
  nexusId?: string;
  datasetId?: string | null;
  modelArtsId?: string;
}

const FIELDS = `id provider state progress failureReason itemsTotal itemsDone itemsFailed
  ... on NexusJob { nexusId datasetId }
  ... on ModelArtsExportTask { modelArtsId datasetId }`;

const JOBS = /* GraphQL */ `
  query ($provider: Provider) { jobs(first: 100, provider: $provider) { edges { node { ${FIELDS} } } } }
`;

async function jobsOf(provider: string, callers: Callers): Promise<JobFields[]> {
  const data = await dataAs<{ jobs: { edges: { node: JobFields }[] } }>(JOBS, { provider }, callers);
  return data.jobs.edges.map((edge) => edge.node);
}

/** Every job of the file's Nexus demo project, as the emulator holds it now, by id. */
async function nexusWireJobs(): Promise<Map<string, NexusWireJob>> {
  const { status, body } = await upstreamGet<{ data: NexusWireJob[] }>("jobs?limit=1000", NEXUS);
  expect(status).toBe(200);
  return new Map(body.data.map((job) => [job.id, job]));
}

/** A wire counter; a missing one counts as 0 (nexus.md). */
function counter(job: NexusWireJob | undefined, name: keyof NexusItemCounters): number {
  return job?.status.items?.[name] ?? 0;
}

describe("Job's failure reason and item counts on Nexus", () => {
  let itemCounts: Map<string, number>;

  beforeAll(async () => {
    // The default clock: the seeded running jobs move on every second, so their counts are checked between two
    // reads of the emulator, one before the gateway's answer and one after.
    await useTenant().reset({});
    const { body } = await upstreamGet<{ data: { id: string; status: { itemCount?: number } }[] }>(
      "datasets?limit=1000",
      NEXUS,
    );
    itemCounts = new Map(
      body.data.flatMap((d) => (d.status.itemCount === undefined ? [] : [[d.id, d.status.itemCount]])),
    );
  });

  it("gives every failed job the emulator's reason, no other job a reason, and counts as the emulator's counters", async () => {
    const before = await nexusWireJobs();
    const jobs = await jobsOf("NEXUS", { nexus: NEXUS });
    const after = await nexusWireJobs();
    expect(jobs.length).toBe(after.size);

    for (const job of jobs) {
      const id = job.nexusId ?? "";
      const [was, now] = [before.get(id), after.get(id)];
      expect(now, id).toBeDefined();
      if (job.state === "FAILED") {
        expect(job.failureReason, id).toBe(now?.status.reason);
        expect(job.failureReason, id).toMatch(/\S/);
      } else {
        expect(job.failureReason, id).toBeNull();
      }
      // Counters only grow: what the gateway read lies between the two reads.
      for (const [field, name] of [
        ["itemsDone", "Delivered"],
        ["itemsFailed", "FailedDeliver"],
      ] as const) {
        expect(job[field], `${id} ${field}`).toBeGreaterThanOrEqual(counter(was, name));
        expect(job[field], `${id} ${field}`).toBeLessThanOrEqual(counter(now, name));
      }
      const datasetItems = job.datasetId == null ? undefined : itemCounts.get(job.datasetId);
      if (job.state === "FINISHED") {
        expect(job.itemsTotal, id).toBe((job.itemsDone ?? 0) + (job.itemsFailed ?? 0));
        if (datasetItems !== undefined) expect(job.itemsTotal, id).toBe(datasetItems);
      } else {
        expect(job.itemsTotal, id).toBe(datasetItems ?? null);
      }
    }

    const failed = jobs.filter((job) => job.state === "FAILED");
    const running = jobs.filter((job) => job.state === "RUNNING");
    // The seed's 5 failed jobs (dataset not ready, dataset deleted, deployment missing) and 4 running ones.
    expect(failed).toHaveLength(5);
    expect(running).toHaveLength(4);
    // A failed job over a deleted dataset: no dataset, so no total.
    expect(failed.some((job) => job.itemsTotal === null)).toBe(true);
    for (const job of running) {
      expect(job.itemsTotal, job.id).toBeGreaterThan(0);
      // The same counts as `progress` in the same answer: (done + failed) / total.
      expect(job.progress, job.id).toBe(((job.itemsDone ?? 0) + (job.itemsFailed ?? 0)) / (job.itemsTotal ?? 1));
    }
    expect(running.some((job) => (job.itemsDone ?? 0) > 0)).toBe(true);
  });

  /** Creates a job over a deployment that does not exist (so it fails at its start) and reads it back. */
  async function failedJob(deploymentId: string): Promise<{ job: JobFields; wire: NexusWireJob }> {
    const datasets = await upstreamGet<{ data: { id: string; name: string }[] }>("datasets?limit=1000", NEXUS);
    const dataset = datasets.body.data.find((entry) => entry.name === "retail-checkout");
    expect(dataset).toBeDefined();
    const created = await dataAs<{ createJob: { job: { id: string; nexusId: string } } }>(
      `mutation ($input: CreateJobInput!) { createJob(input: $input) { job { id nexusId } } }`,
      { input: { name: `job-fields-${Date.now()}`, datasetId: dataset?.id, webhookIds: [], deploymentId } },
      { nexus: NEXUS },
    );
    const data = await dataAs<{ job: JobFields }>(
      `query ($id: ID!) { job(id: $id) { ${FIELDS} } }`,
      { id: created.createJob.job.id },
      { nexus: NEXUS },
    );
    const wire = await upstreamGet<NexusWireJob>(`jobs/${created.createJob.job.nexusId}`, NEXUS);
    return { job: data.job, wire: wire.body };
  }

  it("gives a reason's first line only, so a stack under it never reaches the client", async () => {
    const stack = "\n    at runJob (worker.js:12:3)\n    at process (worker.js:40:9)";
    const { job, wire } = await failedJob(`deploy_missing_${Date.now()}${stack}`);
    expect(job.state).toBe("FAILED");
    expect(wire.status.reason).toContain("at runJob");
    expect(job.failureReason).toBe(wire.status.reason?.split("\n")[0]);
    expect(job.failureReason).toMatch(/^Deployment deploy_missing_\d+$/);
    expect(job.itemsDone).toBe(0);
    expect(job.itemsFailed).toBe(0);
  });

  it("cuts a reason longer than 500 characters, ending it with an ellipsis", async () => {
    const { job, wire } = await failedJob(`deploy_${"x".repeat(600)}`);
    expect(wire.status.reason?.length).toBeGreaterThan(600);
    expect(job.failureReason).toHaveLength(500);
    expect(job.failureReason).toBe(`${wire.status.reason?.slice(0, 499)}…`);
  });
});

describe("Job's failure reason and item counts on ModelArts", () => {
  let wire: Map<string, ModelArtsWireTask>;

  beforeAll(async () => {
    // A slow clock: no export task moves while the file compares them (running ones stay a fifth through).
    await modelArts.reset({ msPerSample: 3_600_000 });
    const page = await modelArtsApi<{ datasets: { dataset_id: string }[] }>("datasets?limit=100", MA);
    wire = new Map();
    for (const dataset of page.datasets) {
      const tasks = await modelArtsApi<{ export_tasks: ModelArtsWireTask[] }>(
        `datasets/${dataset.dataset_id}/export-tasks?limit=100`,
        MA,
      );
      for (const task of tasks.export_tasks) wire.set(task.task_id, task);
    }
  });

  it("gives a failed task its error message, and the counts the task says (null where it says none)", async () => {
    const tasks = await jobsOf("MODELARTS", { modelarts: MA });
    expect(tasks).toHaveLength(wire.size);
    for (const task of tasks) {
      const upstream = wire.get(task.modelArtsId ?? "");
      expect(upstream, task.modelArtsId).toBeDefined();
      expect(task.failureReason, task.modelArtsId).toBe(upstream?.status === "FAILED" ? upstream.error_msg : null);
      expect(task.itemsTotal, task.modelArtsId).toBe(upstream?.total_sample_count ?? null);
      expect(task.itemsDone, task.modelArtsId).toBe(upstream?.finished_sample_count ?? null);
      // ModelArts counts no failed samples.
      expect(task.itemsFailed, task.modelArtsId).toBeNull();
    }
    // The seed's 2 failed tasks (an OBS path not writable, an empty dataset), running ones part way, INIT ones
    // not counted yet.
    const failed = tasks.filter((task) => task.state === "FAILED");
    expect(failed).toHaveLength(2);
    for (const task of failed) expect(task.failureReason, task.modelArtsId).toMatch(/\S/);
    expect(failed.map((task) => task.failureReason)).toContain(
      "Failed to export labels: the OBS path /modelarts-demo-bucket/locked/ is not writable.",
    );
    const running = tasks.filter((task) => task.state === "RUNNING" && (task.itemsDone ?? 0) > 0);
    expect(running.length).toBeGreaterThan(0);
    for (const task of running) expect(task.itemsDone ?? 0).toBeLessThan(task.itemsTotal ?? 0);
    expect(tasks.some((task) => task.state === "WAITING" && task.itemsTotal === null)).toBe(true);
  });
});
