/**
 * Which samples an export covers. The emulator keeps no samples, only counts, so it models them (emulator
 * convention): sample `i` of a dataset (0-based, `i < total_sample_count`) is labelled when `i < annotated`, waits for
 * its auto-labelling to be confirmed when `annotated <= i < annotated + unconfirmed`, carries label `labels[i % n]`
 * when labelled, is a hard example when `i % 10 == 0`, is named `<dataset>-<i, 5 digits>.<ext>` and lies in the first
 * data source's directory. On a team-labelled dataset the labelled samples are accepted (`i % 4 == 0`), rejected
 * (1), waiting for acceptance (2) or reviewed (3); other datasets have no team states. An export then keeps the
 * samples that match its export type, its sample state and its search conditions, in that order.
 */
import type { DatasetRecord, SearchCondition, SearchLabel } from "./types";

/** The documented `sample_state` values (an empty string means no filter). */
export const SAMPLE_STATES = [
  "__ALL__",
  "__NONE__",
  "__UNCHECK__",
  "__ACCEPTED__",
  "__REJECTED__",
  "__UNREVIEWED__",
  "__REVIEWED__",
  "__WORKFORCE_SAMPLED__",
  "__WORKFORCE_SAMPLED_UNCHECK__",
  "__WORKFORCE_SAMPLED_CHECKED__",
  "__WORKFORCE_SAMPLED_ACCEPTED__",
  "__WORKFORCE_SAMPLED_REJECTED__",
  "__AUTO_ANNOTATION__",
] as const;

/** One modelled sample. */
interface Sample {
  index: number;
  labelled: boolean;
  unconfirmed: boolean;
  label?: string;
  labelType?: number;
  hard: boolean;
  name: string;
  dir: string;
}

const EXTENSIONS: Readonly<Record<number, string>> = {
  100: "txt",
  101: "txt",
  102: "txt",
  200: "wav",
  201: "wav",
  202: "wav",
  400: "csv",
  600: "mp4",
};

function sampleAt(dataset: DatasetRecord, index: number): Sample {
  const labelled = index < dataset.annotated_sample_count;
  const label = labelled && dataset.labels.length > 0 ? dataset.labels[index % dataset.labels.length] : undefined;
  const ext = EXTENSIONS[dataset.dataset_type] ?? "jpg";
  return {
    index,
    labelled,
    unconfirmed: !labelled && index < dataset.annotated_sample_count + dataset.unconfirmed_sample_count,
    ...(label === undefined ? {} : { label: label.name, labelType: label.type }),
    hard: index % 10 === 0,
    name: `${dataset.dataset_name}-${String(index).padStart(5, "0")}.${ext}`,
    dir: dataset.data_sources[0]?.data_path ?? dataset.work_path,
  };
}

function matchesType(sample: Sample, exportType: number): boolean {
  if (exportType === 0) return sample.labelled;
  if (exportType === 1) return !sample.labelled;
  return true;
}

/** The team state of a labelled sample of a team-labelled dataset. */
function teamState(sample: Sample): string {
  return ["__ACCEPTED__", "__REJECTED__", "__UNCHECK__", "__REVIEWED__"][sample.index % 4] ?? "__UNCHECK__";
}

function matchesState(sample: Sample, state: string | undefined, team: boolean): boolean {
  switch (state) {
    case undefined:
    case "":
      return true;
    case "__ALL__":
      return sample.labelled;
    case "__NONE__":
      return !sample.labelled;
    case "__AUTO_ANNOTATION__":
      return sample.unconfirmed;
    case "__UNREVIEWED__":
      return team && !sample.labelled;
    default:
      // The sampled (`__WORKFORCE_SAMPLED…`) states: the emulator samples nothing.
      return team && sample.labelled && teamState(sample) === state;
  }
}

function matchesLabel(sample: Sample, label: SearchLabel): boolean {
  if (sample.label === undefined) return false;
  if (label.name !== undefined && label.name !== sample.label) return false;
  return label.type === undefined || label.type === sample.labelType;
}

/**
 * One condition: every field it gives must match (fields the emulator does not model, such as `coefficient`,
 * `score`, `metadata` or the DICOM and video ones, match every sample). Labels combine by `op` (`OR` by default).
 */
function matchesCondition(sample: Sample, condition: SearchCondition): boolean {
  const labels = condition.label_list?.labels ?? [];
  if (labels.length > 0) {
    const hits = labels.map((label) => matchesLabel(sample, label));
    const ok = condition.label_list?.op === "AND" ? hits.every(Boolean) : hits.some(Boolean);
    if (!ok) return false;
  }
  if (condition.sample_name !== undefined && !sample.name.includes(condition.sample_name)) return false;
  if (condition.sample_dir !== undefined && !sample.dir.startsWith(condition.sample_dir)) return false;
  if (condition.hard !== undefined && (condition.hard === "1") !== sample.hard) return false;
  // No modelled sample has a parent.
  return condition.parent_sample_id === undefined;
}

/** What an export selects: its export type, sample state and search conditions (any one of them may match). */
export interface SampleSelection {
  exportType: number;
  sampleState?: string;
  searchConditions?: readonly SearchCondition[];
}

/** The modelled samples of `dataset` that `selection` keeps: how many, and how many of them are labelled. */
export function selectSamples(dataset: DatasetRecord, selection: SampleSelection): { count: number; labelled: number } {
  const team = dataset.exist_workforce_task;
  const conditions = selection.searchConditions ?? [];
  let count = 0;
  let labelled = 0;
  for (let i = 0; i < dataset.total_sample_count; i++) {
    const sample = sampleAt(dataset, i);
    if (!matchesType(sample, selection.exportType)) continue;
    if (!matchesState(sample, selection.sampleState, team)) continue;
    if (conditions.length > 0 && !conditions.some((condition) => matchesCondition(sample, condition))) continue;
    count++;
    if (sample.labelled) labelled++;
  }
  return { count, labelled };
}
