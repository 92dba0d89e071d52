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
import { ID_PREFIX } from "./ids";
import { seedLargeProject, type LargeProjectSize, type LargeProjectSummary } from "./large-project";
import {
  DAY,
  HOUR,
  makeDataset,
  makeJob,
  makeWebhook,
  MINUTE,
  seededId,
  type DatasetSeed,
  type JobSeed,
  type JobState,
} from "./seed-records";
import type { Store } from "./store";
import type { DatasetRecord, ProjectRecord, WebhookRecord } from "./types";
import { demoProjectsOf } from "./tenants";

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
  [0, 3, 0, 1].forEach((d, n) =>
    jobs.push({ state: "running", dataset: ds(d), age: (n + 1) * 5_000, webhooks: hooks(n) }),
  );
  // 5 waiting: scheduled to start hours from now.
  [2, 1, 0, 3, 2].forEach((d, n) =>
    jobs.push({ state: "waiting", dataset: ds(d), age: (n + 1) * MINUTE, webhooks: hooks(n + 1) }),
  );
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
    deployment: {
      kind: "ExistingDeployment",
      deploymentId: seededId(ID_PREFIX.deployment, `${id}:deployment:retired`),
    },
  });
  jobs.forEach((seed, index) => store.put("job", makeJob(store, project, index, seed, resetAt, settings)));
  return project;
}

function seedOther(store: Store, tenant: string, resetAt: number, settings: Settings): ProjectRecord {
  const { id, secretKey } = demoProjectsOf(tenant).other;
  const project: ProjectRecord = {
    id,
    secretKey,
    deploymentIds: [seededId(ID_PREFIX.deployment, `${id}:deployment:0`)],
  };
  const webhook = makeWebhook(id, 0, "other-results", "https://other.example.com/hooks/results", resetAt);
  const datasets = [
    makeDataset(
      tenant,
      id,
      0,
      { name: "other-catalogue", overview: "Uploaded", itemCount: 25, age: 2 * DAY },
      resetAt,
      settings,
    ),
    makeDataset(
      tenant,
      id,
      1,
      { name: "other-pending", overview: "Uploading", itemCount: 0, age: 5 * MINUTE },
      resetAt,
      settings,
    ),
  ];
  store.put("webhook", webhook);
  for (const dataset of datasets) store.put("dataset", dataset);
  const main = datasets[0];
  if (main === undefined) throw new Error("seed: no dataset");
  const states: [JobState, number][] = [
    ["finished", DAY],
    ["running", 3_000],
    ["waiting", MINUTE],
  ];
  states.forEach(([state, age], index) =>
    store.put(
      "job",
      makeJob(store, project, index, { state, dataset: main, age, webhooks: [webhook] }, resetAt, settings),
    ),
  );
  return project;
}

/**
 * Replaces every resource with the demo data of `tenant` (see tenants.ts), seeded at `resetAt`, and stores the
 * projects and settings. With `largeProject`, also seeds the large project (large-project.ts) and answers what it
 * holds; without, there is no large project.
 */
export function seed(
  store: Store,
  tenant: string,
  settings: Settings,
  largeProject?: LargeProjectSize,
): LargeProjectSummary | undefined {
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
