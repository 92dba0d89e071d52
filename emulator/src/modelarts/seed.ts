/**
 * The ModelArts demo data, the same on every reset: ids come from fixed seeds (derived from the project id, so no id
 * is shared between tenants) and times are relative to the reset, so that the running export tasks keep moving for a
 * few minutes after it at the default 100 ms per sample.
 *
 * modelarts_demo (token demo-iam-token): 16 datasets, one of every `dataset_type` and every `status`, with labels,
 * versions and sample counts (one normal dataset, bird-photos, has no samples); 20 export tasks on seven of them:
 * 3 INIT, 4 RUNNING, 9 SUCCESSED, 2 FAILED (an OBS path not writable; the empty dataset), 1 STOPPING, 1 STOPPED.
 * modelarts_other (token other-iam-token): 2 datasets, 2 export tasks (SUCCESSED, RUNNING).
 */
import { datasetDetails, labelAttributesOf, type DatasetCore } from "./dataset-details";
import { MODELARTS_ERROR } from "./errors";
import { samplesToExport } from "./export-lifecycle";
import { idFromSeed } from "./ids";
import { modelArtsProjectsOf } from "./projects";
import { PROJECTS_KEY, SETTINGS_KEY } from "./router";
import type { ModelArtsStore } from "./store";
import type {
  DataSource,
  DatasetRecord,
  ExportLife,
  ExportParams,
  ExportTaskRecord,
  Label,
  ModelArtsSettings,
} from "./types";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The bucket every seeded OBS path lives in. */
export const DEMO_BUCKET = "modelarts-demo-bucket";

const COLORS = ["#3399ff", "#ff6633", "#33cc66", "#cc33ff", "#ffcc00"];

interface DatasetSeed {
  name: string;
  type: number;
  status: number;
  total: number;
  annotated: number;
  unconfirmed?: number;
  versions: number;
  labels: string[];
  tags?: string[];
  ageDays: number;
  description: string;
}

/** The demo project's datasets: every type and every status appears at least once. */
const DEMO_DATASETS: readonly DatasetSeed[] = [
  {
    name: "retail-shelf-products",
    type: 1,
    status: 1,
    total: 2400,
    annotated: 2100,
    unconfirmed: 40,
    versions: 3,
    labels: ["bottle", "can", "box"],
    tags: ["retail"],
    ageDays: 40,
    description: "Shelf photos from 12 stores",
  },
  {
    name: "defect-classification",
    type: 0,
    status: 1,
    total: 1800,
    annotated: 1800,
    versions: 2,
    labels: ["scratch", "dent", "ok"],
    tags: ["factory", "qa"],
    ageDays: 35,
    description: "Metal sheet surface defects",
  },
  {
    name: "road-segmentation",
    type: 3,
    status: 1,
    total: 600,
    annotated: 420,
    unconfirmed: 12,
    versions: 1,
    labels: ["road", "sidewalk", "car"],
    ageDays: 30,
    description: "Dash-cam frames, pixel masks",
  },
  {
    name: "support-tickets-intent",
    type: 100,
    status: 1,
    total: 5000,
    annotated: 3200,
    versions: 4,
    labels: ["billing", "shipping", "returns"],
    tags: ["nlp"],
    ageDays: 28,
    description: "Customer support tickets",
  },
  {
    name: "contracts-ner",
    type: 101,
    status: 5,
    total: 900,
    annotated: 450,
    versions: 1,
    labels: ["party", "date", "amount"],
    tags: ["nlp", "legal"],
    ageDays: 25,
    description: "Named entities in contracts",
  },
  {
    name: "product-relations",
    type: 102,
    status: 1,
    total: 300,
    annotated: 120,
    versions: 1,
    labels: ["brand", "product", "made_by"],
    ageDays: 22,
    description: "Brand and product triplets",
  },
  {
    name: "machine-sounds",
    type: 200,
    status: 1,
    total: 750,
    annotated: 700,
    versions: 2,
    labels: ["normal", "bearing_fault"],
    tags: ["audio"],
    ageDays: 20,
    description: "Pump and fan recordings",
  },
  {
    name: "call-center-transcripts",
    type: 201,
    status: 8,
    total: 1200,
    annotated: 0,
    versions: 0,
    labels: [],
    tags: ["audio"],
    ageDays: 18,
    description: "Speech to be transcribed",
  },
  {
    name: "meeting-segments",
    type: 202,
    status: 4,
    total: 80,
    annotated: 10,
    versions: 1,
    labels: ["speaker_a", "speaker_b"],
    ageDays: 15,
    description: "Speaker turns in meetings",
  },
  {
    name: "churn-table",
    type: 400,
    status: 1,
    total: 10000,
    annotated: 10000,
    versions: 2,
    labels: [],
    tags: ["tabular"],
    ageDays: 12,
    description: "Customer churn, one row per account",
  },
  {
    name: "traffic-video",
    type: 600,
    status: 7,
    total: 150,
    annotated: 60,
    versions: 2,
    labels: ["truck", "bus"],
    ageDays: 10,
    description: "Intersection cameras",
  },
  {
    name: "custom-robotics",
    type: 900,
    status: 0,
    total: 0,
    annotated: 0,
    versions: 0,
    labels: [],
    ageDays: 8,
    description: "Being created",
  },
  {
    name: "bird-photos",
    type: 0,
    status: 1,
    total: 0,
    annotated: 0,
    versions: 1,
    labels: ["sparrow", "robin"],
    tags: ["wildlife"],
    ageDays: 6,
    description: "No samples imported yet",
  },
  {
    name: "archived-faces",
    type: 0,
    status: 2,
    total: 400,
    annotated: 400,
    versions: 1,
    labels: ["face"],
    ageDays: 90,
    description: "Being deleted",
  },
  {
    name: "legacy-pets",
    type: 0,
    status: 3,
    total: 220,
    annotated: 220,
    versions: 1,
    labels: ["cat", "dog"],
    ageDays: 120,
    description: "Deleted",
  },
  {
    name: "ocr-scans",
    type: 1,
    status: 6,
    total: 330,
    annotated: 300,
    versions: 3,
    labels: ["text_line"],
    ageDays: 4,
    description: "A version is being released",
  },
];

/** The other project's datasets. */
const OTHER_DATASETS: readonly DatasetSeed[] = [
  {
    name: "other-cats-dogs",
    type: 0,
    status: 1,
    total: 120,
    annotated: 120,
    versions: 1,
    labels: ["cat", "dog"],
    ageDays: 9,
    description: "The other project's images",
  },
  {
    name: "other-empty",
    type: 1,
    status: 1,
    total: 0,
    annotated: 0,
    versions: 0,
    labels: [],
    ageDays: 2,
    description: "Nothing yet",
  },
];

type TaskKind = "INIT" | "RUNNING" | "SUCCESSED" | "FAILED_OBS" | "FAILED_EMPTY" | "STOPPING" | "STOPPED";

interface TaskSeed {
  /** Index into the project's dataset seeds. */
  dataset: number;
  kind: TaskKind;
  exportType: number;
  /** How long before the reset it was created. */
  age: number;
  params?: ExportParams;
}

/** The demo project's export tasks: every status. */
const DEMO_TASKS: readonly TaskSeed[] = [
  { dataset: 0, kind: "SUCCESSED", exportType: 0, age: 20 * DAY },
  { dataset: 0, kind: "SUCCESSED", exportType: 2, age: 10 * DAY },
  { dataset: 0, kind: "SUCCESSED", exportType: 1, age: 5 * DAY },
  { dataset: 0, kind: "FAILED_OBS", exportType: 0, age: 1 * DAY },
  { dataset: 0, kind: "STOPPED", exportType: 2, age: 2 * DAY },
  { dataset: 0, kind: "RUNNING", exportType: 0, age: 2 * MINUTE },
  { dataset: 0, kind: "INIT", exportType: 2, age: 30 * SECOND },
  { dataset: 1, kind: "SUCCESSED", exportType: 2, age: 15 * DAY },
  {
    dataset: 1,
    kind: "SUCCESSED",
    exportType: 0,
    age: 3 * DAY,
    params: {
      export_dest: "NEW_DATASET",
      export_new_dataset_name: "defect-labeled-copy",
      export_new_dataset_work_path: `/${DEMO_BUCKET}/defect-labeled-copy/`,
    },
  },
  { dataset: 1, kind: "STOPPING", exportType: 2, age: 10 * MINUTE },
  { dataset: 1, kind: "RUNNING", exportType: 2, age: 1 * MINUTE },
  { dataset: 3, kind: "SUCCESSED", exportType: 0, age: 7 * DAY },
  {
    dataset: 3,
    kind: "RUNNING",
    exportType: 3,
    age: 3 * MINUTE,
    params: { export_dest: "DIR", search_conditions: [{ label_list: { labels: [{ name: "billing" }] } }] },
  },
  { dataset: 3, kind: "INIT", exportType: 1, age: 20 * SECOND },
  { dataset: 9, kind: "SUCCESSED", exportType: 2, age: 2 * DAY },
  { dataset: 6, kind: "SUCCESSED", exportType: 2, age: 6 * DAY },
  { dataset: 6, kind: "RUNNING", exportType: 0, age: 4 * MINUTE },
  { dataset: 6, kind: "INIT", exportType: 0, age: 10 * SECOND },
  { dataset: 2, kind: "SUCCESSED", exportType: 2, age: 8 * DAY },
  { dataset: 12, kind: "FAILED_EMPTY", exportType: 2, age: 3 * HOUR },
];

/** The other project's export tasks. */
const OTHER_TASKS: readonly TaskSeed[] = [
  { dataset: 0, kind: "SUCCESSED", exportType: 2, age: 4 * DAY },
  { dataset: 0, kind: "RUNNING", exportType: 2, age: 1 * MINUTE },
];

/** Labels of the triplet dataset that are relationships (type 102); its other labels are entities (type 103). */
const RELATIONSHIP_LABELS: ReadonlySet<string> = new Set(["made_by"]);

function labelsOf(seed: DatasetSeed): Label[] {
  return seed.labels.map((name, i) => ({
    name,
    type: seed.type === 102 && !RELATIONSHIP_LABELS.has(name) ? 103 : seed.type,
    property: { "@modelarts:color": COLORS[i % COLORS.length] ?? "#3399ff" },
  }));
}

/** Where a dataset's data comes from: its OBS input directory, or for the table dataset a DLI table with its columns. */
function dataSourcesOf(seed: DatasetSeed): DataSource[] {
  if (seed.type !== 400) return [{ data_type: 0, data_path: `/${DEMO_BUCKET}/${seed.name}/input/` }];
  return [
    {
      data_type: 2,
      data_path: `/${DEMO_BUCKET}/${seed.name}/input/`,
      source_info: { queue_name: "analytics-queue", database_name: "crm_warehouse", table_name: "customer_churn" },
      schema_maps: [
        { src_name: "acct", dest_name: "account_id" },
        { src_name: "tenure", dest_name: "tenure_months" },
        { src_name: "spend", dest_name: "monthly_spend" },
        { src_name: "left_q", dest_name: "churned" },
      ],
      with_column_header: true,
    },
  ];
}

function makeDataset(projectId: string, index: number, seed: DatasetSeed, resetAt: number): DatasetRecord {
  const datasetId = idFromSeed(`${projectId}:dataset:${index}`);
  const createTime = resetAt - seed.ageDays * DAY;
  const table = seed.type === 400;
  const core: DatasetCore = {
    dataset_id: datasetId,
    dataset_name: seed.name,
    dataset_type: seed.type,
    status: seed.status,
    create_time: createTime,
    update_time: createTime + Math.floor(seed.ageDays / 2) * DAY + HOUR,
    total_sample_count: seed.total,
    annotated_sample_count: seed.annotated,
    dataset_version_count: seed.versions,
    work_path: `/${DEMO_BUCKET}/${seed.name}/output/`,
    labels: labelAttributesOf(seed.name, labelsOf(seed), datasetId),
    dataset_tags: seed.tags ?? [],
  };
  return {
    ...core,
    data_format: table ? "Table" : "Default",
    dataset_format: table ? 1 : 0,
    description: seed.description,
    unconfirmed_sample_count: seed.unconfirmed ?? 0,
    current_version_id: seed.versions === 0 ? "" : idFromSeed(`${datasetId}:version:${seed.versions}`),
    current_version_name: seed.versions === 0 ? "" : `V${String(seed.versions).padStart(3, "0")}`,
    data_sources: dataSourcesOf(seed),
    workspace_id: "0",
    ...datasetDetails(core),
  };
}

/**
 * The life of a seeded task. Finished ones ran long ago at a fixed speed (so that they are over whatever the job
 * speed setting); running ones are a fifth through at the current setting; `INIT` ones wait a few minutes in a
 * queue; the stopping one was asked to stop 5 s before the reset and stops 10 minutes after it.
 */
function lifeOf(
  kind: TaskKind,
  createTime: number,
  sampleCount: number,
  resetAt: number,
  msPerSample: number,
): ExportLife {
  switch (kind) {
    case "SUCCESSED":
      return { startAt: createTime + SECOND, msPerSample: 50, sampleCount };
    case "FAILED_OBS":
      return {
        startAt: createTime + SECOND,
        msPerSample: 50,
        sampleCount,
        failure: {
          afterSamples: Math.floor(sampleCount / 3),
          error_code: MODELARTS_ERROR.exportFailed,
          error_msg: `Failed to export labels: the OBS path /${DEMO_BUCKET}/locked/ is not writable.`,
        },
      };
    case "FAILED_EMPTY":
      return {
        startAt: createTime + SECOND,
        msPerSample: 50,
        sampleCount,
        failure: {
          afterSamples: 0,
          error_code: MODELARTS_ERROR.datasetEmpty,
          error_msg: "Dataset is empty: there are no samples to export.",
        },
      };
    case "STOPPED":
      return {
        startAt: createTime + SECOND,
        msPerSample: SECOND,
        sampleCount,
        stop: { requestedAt: createTime + 200 * SECOND, stoppedAt: createTime + 205 * SECOND },
      };
    case "STOPPING":
      return {
        startAt: createTime + SECOND,
        msPerSample: SECOND,
        sampleCount,
        stop: { requestedAt: resetAt - 5 * SECOND, stoppedAt: resetAt + 10 * MINUTE },
      };
    case "RUNNING":
      // Never before its creation, whatever the speed.
      return {
        startAt: Math.max(createTime + SECOND, resetAt - Math.floor(sampleCount / 5) * msPerSample),
        msPerSample,
        sampleCount,
      };
    case "INIT":
      return { startAt: resetAt + 5 * MINUTE, msPerSample, sampleCount };
  }
}

function makeTask(
  projectId: string,
  index: number,
  seed: TaskSeed,
  dataset: DatasetRecord,
  settings: ModelArtsSettings,
): ExportTaskRecord {
  const createTime = settings.resetAt - seed.age;
  const params: ExportParams = seed.params ?? { export_dest: "DIR" };
  const locked = seed.kind === "FAILED_OBS";
  return {
    task_id: idFromSeed(`${projectId}:export-task:${index}`),
    dataset_id: dataset.dataset_id,
    create_time: createTime,
    path: locked ? `/${DEMO_BUCKET}/locked/` : `${dataset.work_path}export/${index}/`,
    export_type: seed.exportType,
    export_format: index % 2 === 0 ? 1 : 2,
    version_id: dataset.current_version_id,
    export_params: params,
    life: lifeOf(
      seed.kind,
      createTime,
      samplesToExport(dataset, {
        exportType: seed.exportType,
        ...(params.search_conditions === undefined ? {} : { searchConditions: params.search_conditions }),
      }),
      settings.resetAt,
      settings.msPerSample,
    ),
  };
}

function seedProject(
  store: ModelArtsStore,
  projectId: string,
  datasetSeeds: readonly DatasetSeed[],
  taskSeeds: readonly TaskSeed[],
  settings: ModelArtsSettings,
): void {
  const datasets = datasetSeeds.map((seed, i) => makeDataset(projectId, i, seed, settings.resetAt));
  for (const dataset of datasets) store.putDataset(projectId, dataset);
  taskSeeds.forEach((seed, i) => {
    const dataset = datasets[seed.dataset];
    if (dataset === undefined) throw new Error(`seed: task ${i} names dataset ${seed.dataset}, which is not seeded`);
    store.putExportTask(projectId, makeTask(projectId, i, seed, dataset, settings));
  });
}

/** Replaces everything of the tenant with the demo data (settings included); the request log is left alone. */
export function seedModelArts(store: ModelArtsStore, tenant: string, settings: ModelArtsSettings): void {
  const projects = modelArtsProjectsOf(tenant);
  store.clearAll();
  store.setMeta(SETTINGS_KEY, settings);
  store.setMeta(PROJECTS_KEY, [projects.demo, projects.other]);
  seedProject(store, projects.demo.id, DEMO_DATASETS, DEMO_TASKS, settings);
  seedProject(store, projects.other.id, OTHER_DATASETS, OTHER_TASKS, settings);
}
