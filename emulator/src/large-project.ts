/**
 * The large project: a third project that a reset seeds only when asked (`{"largeProject": {"jobs": 10000,
 * "datasets": 2000}}`), so that the cost of a gateway page can be measured and tested at scale. `proj_large` (key
 * `large-secret-key`), `proj_large_t` (`large-secret-key_t`) in tenant t (tenants.ts).
 *
 * What it holds, the same on every reset of the same size (ids from fixed seeds, times relative to the reset):
 * - datasets: `Uploaded`, 20 to 200 items each, but every 100th (the 51st, 151st, …) `FailedProcessing`; the first
 *   five have {@link LONG_LOG_ITEMS} items each, for the jobs with long logs;
 * - jobs: 3 running (created seconds ago), 3 waiting (start hours from now), then the rest from an hour back:
 *   every 10th cancelled part way, every 40th failed (its dataset is one of the `FailedProcessing` ones, when the
 *   project has any), the others finished. Five finished jobs, spread over the list, run on the long-log datasets:
 *   their logs have thousands of entries (about four per item, logs.ts). Every job's dataset is one of the
 *   project's; jobs deliver to one of its 2 webhooks, or to none;
 * - createDates one a minute going back, but every 50th minute holds {@link TIE_SIZE} items at the same time, so
 *   that paging meets ties (broken by id) across page boundaries.
 * Speed: the reset writes everything in one transaction (index.ts), and jobs are resolved in memory; 10,000 jobs
 * and 2,000 datasets take about 0.3 s. One INSERT per row is as fast as batching rows into a JSON array for
 * `json_each` (measured within noise in workerd: SQLite runs in-process), so the rows go in one by one.
 */
import type { Settings } from "./context";
import { hash32, ID_PREFIX } from "./ids";
import { HOUR, makeDataset, makeJob, makeWebhook, MINUTE, seededId, type JobState } from "./seed-records";
import type { RecordByKind, ResourceKind, Store } from "./store";
import { largeProjectOf } from "./tenants";
import type { DatasetRecord, JobRecord, ProjectRecord, WebhookRecord } from "./types";

const SECOND = 1000;

/** The sizes a reset asks for; a field left out takes its default ({@link LARGE_PROJECT_DEFAULTS}). */
export interface LargeProjectSize {
  jobs?: number | undefined;
  datasets?: number | undefined;
}

/** The size the issue asks to measure at: 10,000 jobs over 2,000 datasets. */
export const LARGE_PROJECT_DEFAULTS = { jobs: 10_000, datasets: 2_000 } as const;

/** Items of each long-log dataset: a finished job on one writes about 4 log entries per item. */
export const LONG_LOG_ITEMS = 1500;

/** How many jobs have long logs (fewer when the project has fewer datasets or jobs). */
const LONG_LOG_JOBS = 5;

/** Every TIE_EVERY-th minute of the timeline holds TIE_SIZE items sharing one createDate. */
const TIE_EVERY = 50;
const TIE_SIZE = 5;

/** What the reset answer says about the large project (`largeProject` in the answer). */
export interface LargeProjectSummary {
  projectId: string;
  jobs: number;
  datasets: number;
  webhooks: number;
  /** The jobs whose logs run to thousands of entries. */
  longLogJobIds: string[];
}

/** `count` createDates, newest first: one a minute going back from `newest`, with a tie group every 50th minute. */
export function spreadTimes(count: number, newest: number): number[] {
  const times: number[] = [];
  for (let minute = 0; times.length < count; minute++) {
    const size = minute % TIE_EVERY === TIE_EVERY - 1 ? TIE_SIZE : 1;
    for (let k = 0; k < size && times.length < count; k++) times.push(newest - minute * MINUTE);
  }
  return times;
}

/** Positions among `count` items at 10%, 30%, 50%, 70% and 90% of the way (fewer when `count` is small). */
function spreadPositions(count: number, howMany: number): Set<number> {
  return new Set(Array.from({ length: howMany }, (_, k) => Math.floor((count * (2 * k + 1)) / (2 * howMany))));
}

/**
 * Lookups by id over records still in memory, for resolving the jobs: a store query per job and webhook took about
 * 40% of a 10,000-job reset.
 */
function memoryLookup(datasets: readonly DatasetRecord[], webhooks: readonly WebhookRecord[]): Pick<Store, "get"> {
  const byKey = new Map<string, DatasetRecord | WebhookRecord>();
  for (const dataset of datasets) byKey.set(`dataset:${dataset.id}`, dataset);
  for (const webhook of webhooks) byKey.set(`webhook:${webhook.id}`, webhook);
  return {
    get: <K extends ResourceKind>(kind: K, projectId: string, id: string): RecordByKind[K] | undefined => {
      const record = byKey.get(`${kind}:${id}`);
      return record?.projectId === projectId ? (record as RecordByKind[K]) : undefined;
    },
  };
}

function seedDatasets(
  tenant: string,
  projectId: string,
  count: number,
  newest: number,
  settings: Settings,
): DatasetRecord[] {
  const resetAt = settings.resetAt;
  return spreadTimes(count, newest).map((createDate, index) => {
    const name = `large-dataset-${String(index + 1).padStart(4, "0")}`;
    const age = resetAt - createDate;
    if (index % 100 === 50) {
      const message = `line ${(index % 7) + 2}: not valid JSON`;
      return makeDataset(
        tenant,
        projectId,
        index,
        { name, overview: "FailedProcessing", itemCount: 0, age, message },
        resetAt,
        settings,
      );
    }
    const itemCount =
      index < LONG_LOG_JOBS ? LONG_LOG_ITEMS : 20 + (hash32(`${projectId}:dataset:${index}:items`) % 181);
    return makeDataset(tenant, projectId, index, { name, overview: "Uploaded", itemCount, age }, resetAt, settings);
  });
}

/**
 * Seeds the large project of `tenant` (see the module comment) and returns it with what the reset answer says.
 * Jobs are resolved against its datasets and webhooks as the demo jobs are (resolveJob), but in memory.
 */
export function seedLargeProject(
  store: Store,
  tenant: string,
  settings: Settings,
  size: LargeProjectSize,
): { project: ProjectRecord; summary: LargeProjectSummary } {
  const jobCount = size.jobs ?? LARGE_PROJECT_DEFAULTS.jobs;
  const datasetCount = size.datasets ?? LARGE_PROJECT_DEFAULTS.datasets;
  const resetAt = settings.resetAt;
  const { id, secretKey } = largeProjectOf(tenant);
  const project: ProjectRecord = {
    id,
    secretKey,
    deploymentIds: [0, 1].map((n) => seededId(ID_PREFIX.deployment, `${id}:deployment:${n}`)),
  };
  const webhooks: WebhookRecord[] = [
    makeWebhook(id, 0, "large-results", "https://results.example.org/large/ingest", resetAt),
    makeWebhook(id, 1, "large-alerts", "https://hooks.example.com/nexus/large-alerts", resetAt),
  ];
  const hooks = (index: number): WebhookRecord[] => (index % 3 === 2 ? [] : webhooks.slice(index % 3, (index % 3) + 1));

  // Running and waiting jobs first (seconds old), then the terminal ones from an hour back, and the datasets older
  // than every job, so that no job is older than its dataset.
  const fresh: JobState[] = ["running", "running", "running", "waiting", "waiting", "waiting"];
  const freshCount = Math.min(fresh.length, jobCount);
  const terminalTimes = spreadTimes(jobCount - freshCount, resetAt - HOUR);
  const oldestJob = terminalTimes[terminalTimes.length - 1] ?? resetAt - HOUR;
  const datasets = seedDatasets(tenant, id, datasetCount, oldestJob - HOUR, settings);
  for (const webhook of webhooks) store.put("webhook", webhook);
  for (const dataset of datasets) store.put("dataset", dataset);
  const lookup = memoryLookup(datasets, webhooks);

  const longLog = datasets.slice(0, Math.min(LONG_LOG_JOBS, datasets.length));
  const failedDatasets = datasets.filter((dataset) => dataset.overview === "FailedProcessing");
  const ordinary = datasets.filter((dataset) => dataset.overview === "Uploaded" && !longLog.includes(dataset));
  const pick = (list: DatasetRecord[], index: number): DatasetRecord | undefined =>
    list[index % Math.max(1, list.length)];
  const longLogPositions = [...spreadPositions(terminalTimes.length, longLog.length)];

  const jobs: JobRecord[] = [];
  const longLogJobIds: string[] = [];
  for (let index = 0; index < jobCount; index++) {
    const freshState = fresh[index];
    if (index < freshCount && freshState !== undefined) {
      const dataset = pick(ordinary, index) ?? pick(datasets, index);
      if (dataset === undefined) throw new Error("large project: no dataset");
      const seed = { state: freshState, dataset, age: (index + 1) * 5 * SECOND, webhooks: hooks(index) };
      jobs.push(makeJob(lookup, project, index, seed, resetAt, settings));
      continue;
    }
    const position = index - freshCount;
    const age = resetAt - (terminalTimes[position] ?? resetAt);
    const longLogDataset = longLog[longLogPositions.indexOf(position)];
    const failedDataset = position % 40 === 17 ? pick(failedDatasets, position) : undefined;
    let state: JobState = "finished";
    const dataset = longLogDataset ?? failedDataset ?? pick(ordinary, index) ?? pick(datasets, index);
    if (longLogDataset === undefined && failedDataset !== undefined) state = "failed";
    else if (longLogDataset === undefined && position % 10 === 3) state = "cancelled";
    if (dataset === undefined) throw new Error("large project: no dataset");
    const job = makeJob(lookup, project, index, { state, dataset, age, webhooks: hooks(index) }, resetAt, settings);
    if (longLogDataset !== undefined) longLogJobIds.push(job.id);
    jobs.push(job);
  }
  for (const job of jobs) store.put("job", job);
  return {
    project,
    summary: { projectId: id, jobs: jobs.length, datasets: datasets.length, webhooks: webhooks.length, longLogJobIds },
  };
}
