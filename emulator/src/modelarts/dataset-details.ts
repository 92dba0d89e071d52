/**
 * The documented fields of a dataset detail beyond its name, type, counts and labels: internal paths, statistics,
 * versions, table schema, team labelling and the rest, made from the dataset's own facts so that every value is
 * realistic and stable across resets (ids from seeds, times relative to the dataset's creation).
 */
import { idFromSeed } from "./ids";
import type { DatasetRecord, DatasetVersion, Label, SchemaField, WorkforceDescriptor } from "./types";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The facts of a dataset the details are made from (the core fields of its record). */
export type DatasetCore = Pick<
  DatasetRecord,
  | "dataset_id"
  | "dataset_name"
  | "dataset_type"
  | "status"
  | "create_time"
  | "update_time"
  | "total_sample_count"
  | "annotated_sample_count"
  | "dataset_version_count"
  | "work_path"
  | "labels"
  | "dataset_tags"
>;

/** The fields {@link datasetDetails} adds. */
export type DatasetDetails = Omit<
  DatasetRecord,
  | keyof DatasetCore
  | "data_format"
  | "dataset_format"
  | "description"
  | "unconfirmed_sample_count"
  | "current_version_id"
  | "current_version_name"
  | "data_sources"
  | "workspace_id"
>;

/** Video datasets are labelled frame by frame: each sample has this many subsamples (emulator convention). */
const FRAMES_PER_VIDEO = 24;

function subSamples(dataset: DatasetCore, count: number): number {
  return dataset.dataset_type === 600 ? count * FRAMES_PER_VIDEO : 0;
}

/** Samples deleted since import: one in fifty, split between two reasons. */
function deletions(dataset: DatasetCore): { count: number; stats: Record<string, number> } {
  const count = Math.floor(dataset.total_sample_count / 50);
  const duplicate = Math.ceil(count / 2);
  return { count, stats: count === 0 ? {} : { duplicate, blurred: count - duplicate } };
}

function statistics(dataset: DatasetCore): Record<string, number> {
  return {
    sample_count: dataset.total_sample_count,
    annotated_count: dataset.annotated_sample_count,
    label_count: dataset.labels.length,
    file_size_bytes: dataset.total_sample_count * 183_517,
  };
}

/** The table dataset's columns. */
const CHURN_SCHEMA: readonly SchemaField[] = [
  { schema_id: 1, name: "account_id", type: "STRING", description: "Customer account" },
  { schema_id: 2, name: "tenure_months", type: "INT", description: "Months since sign-up" },
  { schema_id: 3, name: "monthly_spend", type: "DOUBLE", description: "Average monthly bill" },
  { schema_id: 4, name: "churned", type: "BOOLEAN", description: "Left within the quarter" },
];

/** The released versions V001…Vn; the last is current. Sample counts grow towards the dataset's. */
function versionsOf(dataset: DatasetCore): DatasetVersion[] {
  const n = dataset.dataset_version_count;
  const versions: DatasetVersion[] = [];
  let previous: DatasetVersion | undefined;
  for (let v = 1; v <= n; v++) {
    const total = Math.floor((dataset.total_sample_count * v) / n);
    const annotated = Math.floor((dataset.annotated_sample_count * v) / n);
    const created = dataset.create_time + v * DAY;
    const name = `V${String(v).padStart(3, "0")}`;
    const deleted = Math.floor(total / 100);
    const version: DatasetVersion = {
      version_id: idFromSeed(`${dataset.dataset_id}:version:${v}`),
      version_name: name,
      version_format: dataset.dataset_type === 400 ? "CSV" : "Default",
      description: `Release ${name} of ${dataset.dataset_name}`,
      status: 1,
      create_time: created,
      update_time: created + HOUR,
      is_current: v === n,
      previous_version_id: previous?.version_id ?? "",
      total_sample_count: total,
      annotated_sample_count: annotated,
      add_sample_count: total - (previous?.total_sample_count ?? 0),
      modified_sample_count: Math.floor(annotated / 10),
      deleted_sample_count: deleted,
      previous_total_sample_count: previous?.total_sample_count ?? 0,
      previous_annotated_sample_count: previous?.annotated_sample_count ?? 0,
      total_sub_sample_count: subSamples(dataset, total),
      annotated_sub_sample_count: subSamples(dataset, annotated),
      train_evaluate_sample_ratio: "0.80",
      manifest_path: `${dataset.work_path}${dataset.dataset_name}-${name}/annotation/${name}.manifest`,
      data_path: `${dataset.work_path}${dataset.dataset_name}-${name}/data/`,
      label_type: dataset.dataset_type === 1 || dataset.dataset_type === 101 ? "multi" : "single",
      task_type: dataset.dataset_type,
      tags: [...dataset.dataset_tags],
      label_stats: dataset.labels.map((label, i) => ({
        name: label.name,
        type: label.type,
        property: { ...label.property },
        count: Math.floor(annotated / dataset.labels.length) + (i < annotated % dataset.labels.length ? 1 : 0),
        sample_count: Math.floor(annotated / dataset.labels.length) + (i < annotated % dataset.labels.length ? 1 : 0),
      })),
      data_statistics: { sample_count: total, annotated_count: annotated },
      deletion_stats: deleted === 0 ? {} : { duplicate: deleted },
      clear_hard_property: true,
      remove_sample_usage: true,
      export_images: false,
      with_column_header: dataset.dataset_type === 400,
      crop: false,
      rotate: false,
      data_validate: false,
      extract_serial_number: false,
      include_dataset_data: false,
    };
    versions.push(version);
    previous = version;
  }
  return versions;
}

/** The labelling team of a dataset whose work is shared (the retail one in the demo data). */
function workforceOf(dataset: DatasetCore): WorkforceDescriptor {
  const workforceId = idFromSeed(`${dataset.dataset_id}:workforce`);
  const worker = (i: number, email: string, role: number) => ({
    worker_id: idFromSeed(`${workforceId}:worker:${i}`),
    workforce_id: workforceId,
    email,
    description: role === 1 ? "Reviews the shelf labels" : "Labels shelf photos",
    role,
    status: 2,
    create_time: dataset.create_time + HOUR * (i + 1),
    update_time: dataset.create_time + DAY + HOUR * (i + 1),
  });
  return {
    current_task_id: idFromSeed(`${dataset.dataset_id}:team-task`),
    current_task_name: `${dataset.dataset_name}-team-labeling`,
    reject_num: 17,
    repetition: 1,
    is_synchronize_auto_labeling_data: false,
    is_synchronize_data: true,
    workers: [worker(0, "labeler.one@example.com", 0), worker(1, "reviewer.two@example.com", 1)],
    workforce_id: workforceId,
    workforce_name: "shelf-labelers",
  };
}

/** The datasets whose labelling is shared with a team (by name; emulator convention). */
const TEAM_LABELLED: ReadonlySet<string> = new Set(["retail-shelf-products"]);

/** Attributes of the labels of the datasets that have them (traffic-video's vehicles have a colour). */
export function labelAttributesOf(datasetName: string, labels: Label[], datasetId: string): Label[] {
  if (datasetName !== "traffic-video") return labels;
  return labels.map((label) => ({
    ...label,
    attributes: [
      {
        id: idFromSeed(`${datasetId}:${label.name}:attr:colour`),
        name: "colour",
        type: "select",
        default_value: "white",
        values: ["white", "yellow", "silver"].map((value) => ({
          id: idFromSeed(`${datasetId}:${label.name}:${value}`),
          value,
        })),
      },
    ],
  }));
}

/**
 * Every documented detail field of `dataset` that its core does not hold. A table dataset (type 400) gets a schema
 * and a DLI source with column mappings; a video dataset (600) has subsamples; the importing one (status 8) is
 * still loading samples.
 */
export function datasetDetails(dataset: DatasetCore): DatasetDetails {
  const inner = `${dataset.work_path}data-set-${dataset.dataset_id}/`;
  const deleted = deletions(dataset);
  const team = TEAM_LABELLED.has(dataset.dataset_name);
  const details: DatasetDetails = {
    enterprise_project_id: "0",
    data_update_time: dataset.update_time - 2 * HOUR,
    data_statistics: statistics(dataset),
    deleted_sample_count: deleted.count,
    deletion_stats: deleted.stats,
    loading_sample_count: dataset.status === 8 ? Math.floor(dataset.total_sample_count / 4) : 0,
    total_sub_sample_count: subSamples(dataset, dataset.total_sample_count),
    annotated_sub_sample_count: subSamples(dataset, dataset.annotated_sample_count),
    import_data: dataset.total_sample_count > 0,
    import_task_id: dataset.total_sample_count > 0 ? idFromSeed(`${dataset.dataset_id}:import`) : "",
    inner_work_path: inner,
    inner_annotation_path: `${inner}annotation/`,
    inner_data_path: `${inner}data/`,
    inner_log_path: `${inner}logs/`,
    inner_task_path: `${inner}task/`,
    inner_temp_path: `${inner}temp/`,
    label_task_count: dataset.labels.length > 0 ? 1 : 0,
    managed: false,
    next_version_num: dataset.dataset_version_count + 1,
    schema: dataset.dataset_type === 400 ? CHURN_SCHEMA.map((field) => ({ ...field })) : [],
    third_path: "",
    work_path_type: 0,
    feature_supports: dataset.dataset_type === 400 ? ["0", "1"] : ["0"],
    content_labeling: dataset.dataset_type === 202,
    exist_workforce_task: team,
    workforce_task_count: team ? 1 : 0,
    versions: versionsOf(dataset),
  };
  return team ? { ...details, workforce_descriptor: workforceOf(dataset) } : details;
}
