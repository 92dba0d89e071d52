/**
 * The demo data, the same on every reset: ids come from fixed seeds and times are relative to the reset, so that
 * the running jobs keep moving for a few minutes after it (at the default 1000 ms per item and stage).
 *
 * proj_demo (key demo-secret-key): 2 deployments, 3 webhooks, 8 datasets (5 Uploaded of which 1 expired, 1
 * Uploading, 1 FailedProcessing, 1 FailedUpload), 40 jobs: 4 running, 5 waiting, 20 finished, 6 cancelled, 5 failed.
 * proj_other (key other-secret-key): 1 deployment, 1 webhook, 2 datasets, 3 jobs.
 * Another tenant gets the same world under its own project ids and keys (tenants.ts); ids derive from the project
 * id, so no id is shared between tenants.
 */
import type { Settings } from "./context";
import { hash32, ID_PREFIX, uuidFromSeed } from "./ids";
import { finishTime, jobStartTime } from "./job-lifecycle";
import { seedLargeProject, type LargeProjectSize, type LargeProjectSummary } from "./large-project";
import { resolveJob } from "./resources/jobs";
import type { Store } from "./store";
import type { DatasetOverview, DatasetRecord, Deployment, JobRecord, ProjectRecord, WebhookRecord } from "./types";
import { demoProjectsOf, uploadTokenOf } from "./tenants";
import { crc32cBase64 } from "./upload";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const seededId = (prefix: string, seed: string): string => `${prefix}${uuidFromSeed(seed)}`;

/**
 * The file the seeded `Uploading` datasets wait for (their sizeBytes and crc32c are this file's), so that a
 * newcomer can try the upload flow by hand with `printf '%s' "$SAMPLE" | curl -T - <uploadUrl> -H …`.
 */
export const SAMPLE_UPLOAD = [1, 2, 3].map((n) => `{"kind":"Image","url":"https://images.example.com/incoming/${n}.jpg"}\n`).join("");

/** 32 deterministic bytes in base64, standing in for a random webhook secret. */
function seededSecret(seed: string): string {
  const bytes = Array.from({ length: 32 }, (_, i) => hash32(seed, i) & 0xff);
  return btoa(String.fromCharCode(...bytes));
}

function seededCrc(seed: string): string {
  const value = hash32(seed);
  return btoa(String.fromCharCode(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff));
}

export interface DatasetSeed {
  name: string;
  overview: DatasetOverview;
  itemCount: number;
  age: number;
  message?: string;
  expiresIn?: number;
}

export function makeDataset(
  tenant: string,
  projectId: string,
  index: number,
  seed: DatasetSeed,
  resetAt: number,
  settings: Settings,
): DatasetRecord {
  const createDate = resetAt - seed.age;
  const id = seededId(ID_PREFIX.dataset, `${projectId}:dataset:${index}`);
  const waiting = seed.overview === "Uploading";
  const sample = new TextEncoder().encode(SAMPLE_UPLOAD);
  return {
    id,
    projectId,
    name: seed.name,
    createDate,
    updateDate: waiting ? createDate : createDate + 2 * MINUTE,
    expiryTime: resetAt + (seed.expiresIn ?? 30 * DAY - seed.age),
    overview: seed.overview,
    message: seed.message ?? seed.overview,
    statusUpdateTime: waiting ? createDate : createDate + 2 * MINUTE,
    itemCount: seed.itemCount,
    sizeBytes: waiting ? sample.byteLength : Math.max(1, seed.itemCount) * 64,
    crc32c: waiting ? crc32cBase64(sample) : seededCrc(id),
    uploadToken: uploadTokenOf(tenant, uuidFromSeed(`${id}:upload`).replace(/-/g, "")),
    uploadExpiresAt: waiting ? resetAt + settings.uploadUrlTtlMs : createDate + HOUR,
  };
}

export function makeWebhook(projectId: string, index: number, name: string, endpoint: string, resetAt: number): WebhookRecord {
  const id = seededId(ID_PREFIX.webhook, `${projectId}:webhook:${index}`);
  const createDate = resetAt - (60 - index) * DAY;
  return {
    id,
    projectId,
    name,
    endpoint,
    secret: seededSecret(id),
    retries: { maxRetries: 3, maxBackoffMs: 15_000 },
    createDate,
    updateDate: createDate,
  };
}

function deploymentFor(project: ProjectRecord, index: number): Deployment {
  const existing = project.deploymentIds[index % project.deploymentIds.length];
  if (index % 3 === 2 || existing === undefined) {
    return {
      kind: "NewEphemeralDeployment",
      template: {
        artifactId: `artifact_${uuidFromSeed(`artifact:${index % 2}`).replace(/-/g, "").slice(0, 24)}`,
        instanceId: "instance_t4-standard-1g",
        replicas: 1,
      },
    };
  }
  return { kind: "ExistingDeployment", deploymentId: existing };
}

export type JobState = "running" | "waiting" | "finished" | "cancelled" | "failed";

export interface JobSeed {
  state: JobState;
  dataset: DatasetRecord | { id: string; itemCount: number };
  /** How long before the reset the job was created. */
  age: number;
  webhooks: WebhookRecord[];
  deployment?: Deployment;
}

export function makeJob(store: Pick<Store, "get">, project: ProjectRecord, index: number, seed: JobSeed, resetAt: number, settings: Settings): JobRecord {
  const createDate = resetAt - seed.age;
  const job: JobRecord = {
    id: seededId(ID_PREFIX.job, `${project.id}:job:${index}`),
    projectId: project.id,
    name: `${"name" in seed.dataset ? seed.dataset.name : "missing-dataset"}-run-${String(index + 1).padStart(2, "0")}`,
    createDate,
    updateDate: createDate,
    spec: {
      datasetId: seed.dataset.id,
      deployment: seed.deployment ?? deploymentFor(project, index),
      resultDelivery: { destinations: seed.webhooks.map((webhook) => ({ kind: "Webhook", webhookId: webhook.id })) },
    },
    msPerItem: settings.msPerItem,
  };
  if (seed.state === "waiting") job.spec.startAtTime = resetAt + (index + 1) * HOUR;
  if (seed.state === "cancelled") {
    const start = jobStartTime(job);
    const stop = start + Math.floor(seed.dataset.itemCount * 0.4 + 2) * job.msPerItem;
    job.spec.stopAtTime = Math.min(stop, finishTime(start, job.msPerItem, seed.dataset.itemCount) - 1);
    job.updateDate = job.spec.stopAtTime;
  }
  if (seed.state !== "waiting") job.resolution = resolveJob(store, job, project.deploymentIds, jobStartTime(job));
  return job;
}

function seedDemo(store: Store, tenant: string, resetAt: number, settings: Settings): ProjectRecord {
  const { id, secretKey } = demoProjectsOf(tenant).demo;
  const project: ProjectRecord = {
    id,
    secretKey,
    deploymentIds: [0, 1].map((n) => seededId(ID_PREFIX.deployment, `${id}:deployment:${n}`)),
  };
  const webhooks = [
    makeWebhook(id, 0, "ops-alerts", "https://hooks.example.com/nexus/ops-alerts", resetAt),
    makeWebhook(id, 1, "results-sink", "https://results.example.org/ingest", resetAt),
    makeWebhook(id, 2, "staging-receiver", "https://staging.example.net/webhooks/nexus", resetAt),
  ];
  const seeds: DatasetSeed[] = [
    { name: "street-scenes-2026-11", overview: "Uploaded", itemCount: 300, age: 2 * HOUR },
    { name: "warehouse-shelves", overview: "Uploaded", itemCount: 120, age: 1 * DAY },
    { name: "retail-checkout", overview: "Uploaded", itemCount: 48, age: 3 * DAY },
    { name: "drone-survey-north", overview: "Uploaded", itemCount: 500, age: 5 * DAY },
    { name: "archive-2025-q3", overview: "Uploaded", itemCount: 60, age: 40 * DAY, expiresIn: -10 * DAY },
    {
      name: "incoming-batch-17",
      overview: "Uploading",
      itemCount: 0,
      age: 10 * MINUTE,
      message: "Waiting for the file at the upload URL",
    },
    {
      name: "corrupt-export",
      overview: "FailedProcessing",
      itemCount: 0,
      age: 2 * DAY,
      message: 'line 3: not valid JSON: {"kind":"Image","url":',
    },
    {
      name: "abandoned-upload",
      overview: "FailedUpload",
      itemCount: 0,
      age: 6 * DAY,
      message: "The upload URL expired before the file arrived",
    },
  ];
  const datasets = seeds.map((seed, index) => makeDataset(tenant, id, index, seed, resetAt, settings));
  for (const webhook of webhooks) store.put("webhook", webhook);
  for (const dataset of datasets) store.put("dataset", dataset);

  const ds = (index: number): DatasetRecord => {
    const dataset = datasets[index];
    if (dataset === undefined) throw new Error(`seed: no dataset ${index}`);
    return dataset;
  };
  const hooks = (index: number): WebhookRecord[] =>
    index % 4 === 3 ? [] : index % 4 === 2 ? webhooks.slice(0, 2) : webhooks.slice(index % 3, (index % 3) + 1);
  const jobs: JobSeed[] = [];
  // 4 running: started seconds ago on the big datasets, so they keep moving for minutes.
  [0, 3, 0, 1].forEach((d, n) => jobs.push({ state: "running", dataset: ds(d), age: (n + 1) * 5_000, webhooks: hooks(n) }));
  // 5 waiting: scheduled to start hours from now.
  [2, 1, 0, 3, 2].forEach((d, n) => jobs.push({ state: "waiting", dataset: ds(d), age: (n + 1) * MINUTE, webhooks: hooks(n + 1) }));
  // 20 finished, over the last weeks; the ones on the expired dataset ran before it expired.
  for (let n = 0; n < 20; n++) {
    const d = [1, 2, 3, 2, 4][n % 5] ?? 2;
    const age = d === 4 ? (35 - n / 5) * DAY : (n + 1) * 7 * HOUR;
    jobs.push({ state: "finished", dataset: ds(d), age, webhooks: hooks(n) });
  }
  // 6 cancelled part way.
  [1, 2, 3, 1, 0, 2].forEach((d, n) =>
    jobs.push({ state: "cancelled", dataset: ds(d), age: (n + 1) * 11 * HOUR, webhooks: hooks(n + 2) }),
  );
  // 5 failed: datasets that never became ready, a dataset deleted since, a deployment that does not exist.
  jobs.push({ state: "failed", dataset: ds(6), age: 2 * DAY - HOUR, webhooks: hooks(0) });
  jobs.push({ state: "failed", dataset: ds(6), age: 1 * DAY, webhooks: hooks(1) });
  jobs.push({ state: "failed", dataset: ds(7), age: 5 * DAY, webhooks: hooks(2) });
  const deletedDataset = { id: seededId(ID_PREFIX.dataset, `${id}:dataset:deleted`), itemCount: 0 };
  jobs.push({ state: "failed", dataset: deletedDataset, age: 4 * DAY, webhooks: hooks(0) });
  jobs.push({
    state: "failed",
    dataset: ds(2),
    age: 3 * HOUR,
    webhooks: hooks(1),
    deployment: { kind: "ExistingDeployment", deploymentId: seededId(ID_PREFIX.deployment, `${id}:deployment:retired`) },
  });
  jobs.forEach((seed, index) => store.put("job", makeJob(store, project, index, seed, resetAt, settings)));
  return project;
}

function seedOther(store: Store, tenant: string, resetAt: number, settings: Settings): ProjectRecord {
  const { id, secretKey } = demoProjectsOf(tenant).other;
  const project: ProjectRecord = { id, secretKey, deploymentIds: [seededId(ID_PREFIX.deployment, `${id}:deployment:0`)] };
  const webhook = makeWebhook(id, 0, "other-results", "https://other.example.com/hooks/results", resetAt);
  const datasets = [
    makeDataset(tenant, id, 0, { name: "other-catalogue", overview: "Uploaded", itemCount: 25, age: 2 * DAY }, resetAt, settings),
    makeDataset(tenant, id, 1, { name: "other-pending", overview: "Uploading", itemCount: 0, age: 5 * MINUTE }, resetAt, settings),
  ];
  store.put("webhook", webhook);
  for (const dataset of datasets) store.put("dataset", dataset);
  const main = datasets[0];
  if (main === undefined) throw new Error("seed: no dataset");
  const states: [JobState, number][] = [["finished", DAY], ["running", 3_000], ["waiting", MINUTE]];
  states.forEach(([state, age], index) =>
    store.put("job", makeJob(store, project, index, { state, dataset: main, age, webhooks: [webhook] }, resetAt, settings)),
  );
  return project;
}

/**
 * Replaces every resource with the demo data of `tenant` (see tenants.ts), seeded at `resetAt`, and stores the
 * projects and settings. With `largeProject`, also seeds the large project (large-project.ts) and answers what it
 * holds; without, there is no large project.
 */
export function seed(store: Store, tenant: string, settings: Settings, largeProject?: LargeProjectSize): LargeProjectSummary | undefined {
  store.clearResources();
  const projects = [
    seedDemo(store, tenant, settings.resetAt, settings),
    seedOther(store, tenant, settings.resetAt, settings),
  ];
  const large = largeProject === undefined ? undefined : seedLargeProject(store, tenant, settings, largeProject);
  if (large !== undefined) projects.push(large.project);
  store.setMeta("projects", projects);
  store.setMeta("settings", settings);
  return large?.summary;
}
