/**
 * The makers of seeded records, shared by the demo world (seed.ts) and the large project (large-project.ts): ids
 * from fixed seeds, times relative to the reset, jobs resolved as they would be when they start.
 */
import type { Settings } from "./context";
import { hash32, ID_PREFIX, uuidFromSeed } from "./ids";
import { finishTime, jobStartTime } from "./job-lifecycle";
import { resolveJob } from "./resources/jobs";
import type { Store } from "./store";
import type { DatasetOverview, DatasetRecord, Deployment, JobRecord, ProjectRecord, WebhookRecord } from "./types";
import { uploadTokenOf } from "./tenants";
import { crc32cBase64 } from "./upload";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** An id of `prefix` fixed by `seed`. */
export const seededId = (prefix: string, seed: string): string => `${prefix}${uuidFromSeed(seed)}`;

/**
 * The file the seeded `Uploading` datasets wait for (their sizeBytes and crc32c are this file's), so that a
 * newcomer can try the upload flow by hand with `printf '%s' "$SAMPLE" | curl -T - <uploadUrl> -H …`.
 */
export const SAMPLE_UPLOAD = [1, 2, 3]
  .map((n) => `{"kind":"Image","url":"https://images.example.com/incoming/${n}.jpg"}\n`)
  .join("");

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

export function makeWebhook(
  projectId: string,
  index: number,
  name: string,
  endpoint: string,
  resetAt: number,
): WebhookRecord {
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
        artifactId: `artifact_${uuidFromSeed(`artifact:${index % 2}`)
          .replace(/-/g, "")
          .slice(0, 24)}`,
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

export function makeJob(
  store: Pick<Store, "get">,
  project: ProjectRecord,
  index: number,
  seed: JobSeed,
  resetAt: number,
  settings: Settings,
): JobRecord {
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
