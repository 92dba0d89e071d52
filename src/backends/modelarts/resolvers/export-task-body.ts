/**
 * The upstream body of `createModelArtsExportTask`: every documented create option, from the typed input. Checked
 * here where the schema cannot say it (no `UNKNOWN` as input, a new dataset needs its name and work path, a ratio
 * from 0 to 1, a version name ModelArts accepts, an `op` when a search names several labels, property maps of
 * string lists); ModelArts checks the rest. Every failure is `BAD_USER_INPUT` naming the input field.
 */
import { badUserInput } from "../../../errors";
import type {
  CreateModelArtsExportTaskInput,
  ModelArtsSearchConditionInput,
  ModelArtsSearchLabelInput,
} from "../../../generated/resolvers-types";
import { datasetTypeCode, exportFormatCode, exportTypeCode, labelTypeCode } from "../codes";
import { SOURCE_TYPE_HEADER_CODES, VERSION_FORMAT_CODES, sampleStateCode } from "../input-codes";
import type {
  ModelArtsCreateExportParams,
  ModelArtsCreateExportTaskBody,
  ModelArtsSearchCondition,
  ModelArtsSearchLabel,
} from "../types";

/** The most search conditions one export takes (the emulator's limit too). */
export const MAX_SEARCH_CONDITIONS = 100;

function nonEmpty(value: string | null | undefined, field: string): string | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") throw badUserInput(`${field} must not be empty (omit it for the default).`);
  return trimmed;
}

/** Drops the keys whose value is undefined, so the body carries only what was given. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** A JSON object of names to lists of strings (`Map<String,Array<String>>`), or a `BAD_USER_INPUT`. */
function stringListMap(value: unknown, field: string): Record<string, string[]> | undefined {
  if (value == null) return undefined;
  const ok =
    typeof value === "object" &&
    !Array.isArray(value) &&
    Object.values(value).every((list) => Array.isArray(list) && list.every((item) => typeof item === "string"));
  if (!ok) throw badUserInput(`${field} must be an object of names to lists of strings, such as {"color": ["red"]}.`);
  return value as Record<string, string[]>;
}

function searchLabel(label: ModelArtsSearchLabelInput, field: string): ModelArtsSearchLabel {
  let type: number | undefined;
  if (label.type != null) {
    type = labelTypeCode(label.type);
    if (type === undefined) throw badUserInput(`${field}.type: UNKNOWN is not a label type.`);
  }
  return defined({
    name: nonEmpty(label.name, `${field}.name`),
    type,
    op: label.op ?? undefined,
    property: stringListMap(label.property, `${field}.property`),
  });
}

function searchCondition(condition: ModelArtsSearchConditionInput, field: string): ModelArtsSearchCondition {
  let labelList: ModelArtsSearchCondition["label_list"];
  if (condition.labelList != null) {
    const { labels, op } = condition.labelList;
    if (labels.length === 0) throw badUserInput(`${field}.labelList.labels must name at least one label.`);
    if (labels.length > 1 && op == null)
      throw badUserInput(`${field}.labelList.op is required with more than one label (AND or OR).`);
    labelList = defined({
      labels: labels.map((label, i) => searchLabel(label, `${field}.labelList.labels[${i}]`)),
      op: op ?? undefined,
    });
  }
  if (condition.frameInVideo != null && condition.frameInVideo < 0)
    throw badUserInput(`${field}.frameInVideo must be 0 or more.`);
  const text = (value: string | null | undefined, name: string) => nonEmpty(value, `${field}.${name}`);
  const built = defined({
    coefficient: text(condition.coefficient, "coefficient"),
    frame_in_video: condition.frameInVideo ?? undefined,
    hard: condition.hard == null ? undefined : condition.hard ? "1" : "0",
    import_origin: text(condition.importOrigin, "importOrigin"),
    kvp: text(condition.kvp, "kvp"),
    label_list: labelList,
    labeler: text(condition.labeler, "labeler"),
    metadata:
      condition.metadata == null
        ? undefined
        : defined({
            op: condition.metadata.op ?? undefined,
            props: stringListMap(condition.metadata.props, `${field}.metadata.props`),
          }),
    parent_sample_id: text(condition.parentSampleId, "parentSampleId"),
    sample_dir: text(condition.sampleDir, "sampleDir"),
    sample_name: text(condition.sampleName, "sampleName"),
    sample_time: text(condition.sampleTime, "sampleTime"),
    score: text(condition.score, "score"),
    slice_thickness: text(condition.sliceThickness, "sliceThickness"),
    study_date: text(condition.studyDate, "studyDate"),
    time_in_video: text(condition.timeInVideo, "timeInVideo"),
  });
  if (Object.keys(built).length === 0) throw badUserInput(`${field} must give at least one criterion.`);
  return built;
}

function destinationParams(input: CreateModelArtsExportTaskInput): ModelArtsCreateExportParams {
  const destination = input.destination ?? null;
  if (destination === "UNKNOWN")
    throw badUserInput("input.destination: UNKNOWN is not a destination; use DIR or NEW_DATASET.");
  const newDatasetName = nonEmpty(input.newDatasetName, "input.newDatasetName");
  const newDatasetWorkPath = nonEmpty(input.newDatasetWorkPath, "input.newDatasetWorkPath");
  if (destination === "NEW_DATASET") {
    if (newDatasetName === undefined)
      throw badUserInput("input.newDatasetName is required with destination NEW_DATASET.");
    if (newDatasetWorkPath === undefined)
      throw badUserInput("input.newDatasetWorkPath is required with destination NEW_DATASET.");
  } else if (newDatasetName !== undefined || newDatasetWorkPath !== undefined) {
    throw badUserInput("input.newDatasetName and input.newDatasetWorkPath are only for destination NEW_DATASET.");
  }
  return defined({
    export_dest: destination ?? undefined,
    export_new_dataset_name: newDatasetName,
    export_new_dataset_work_path: newDatasetWorkPath,
  });
}

function sampleStateOf(input: CreateModelArtsExportTaskInput): string | undefined {
  if (input.sampleState == null) return undefined;
  const state = sampleStateCode(input.sampleState);
  if (state === undefined) throw badUserInput("input.sampleState: UNKNOWN is not a sample state.");
  return state;
}

function exportParamsFromInput(
  input: CreateModelArtsExportTaskInput,
  sampleState: string | undefined,
): ModelArtsCreateExportParams | undefined {
  const conditions = input.searchConditions;
  if (conditions != null && (conditions.length === 0 || conditions.length > MAX_SEARCH_CONDITIONS)) {
    throw badUserInput(`input.searchConditions must hold 1 to ${MAX_SEARCH_CONDITIONS} conditions (omit it for none).`);
  }
  const ratio = input.trainSampleRatio;
  if (ratio != null && !(ratio >= 0 && ratio <= 1))
    throw badUserInput(`input.trainSampleRatio must be from 0 to 1, got ${ratio}.`);
  const versionName = nonEmpty(input.newVersionName, "input.newVersionName");
  if (versionName !== undefined && !/^[A-Za-z0-9_-]{1,32}$/.test(versionName)) {
    throw badUserInput("input.newVersionName must be 1 to 32 letters, digits, _ or -.");
  }
  const params = defined({
    ...destinationParams(input),
    sample_state: sampleState,
    samples: input.samples == null ? undefined : [...input.samples],
    search_conditions: conditions?.map((condition, i) => searchCondition(condition, `input.searchConditions[${i}]`)),
    clear_hard_property: input.clearHardProperty ?? undefined,
    clear_difficult: input.clearDifficult ?? undefined,
    export_dataset_version_name: versionName,
    export_dataset_version_format:
      input.newVersionFormat == null ? undefined : VERSION_FORMAT_CODES[input.newVersionFormat],
    ratio_sample_usage: input.ratioSampleUsage ?? undefined,
    // Text with two decimals, as the API documents it ("1.00" is its default).
    train_sample_ratio: ratio == null ? undefined : ratio.toFixed(2),
  });
  return Object.keys(params).length === 0 ? undefined : params;
}

/** The upstream body of `createModelArtsExportTask`. Throws `BAD_USER_INPUT` naming the input field that is wrong. */
export function createExportTaskBody(input: CreateModelArtsExportTaskInput): ModelArtsCreateExportTaskBody {
  let exportType: number | undefined;
  if (input.exportType != null) {
    exportType = exportTypeCode(input.exportType);
    if (exportType === undefined) throw badUserInput("input.exportType: UNKNOWN is not an export type.");
  }
  let exportFormat: number | undefined;
  if (input.exportFormat != null) {
    exportFormat = exportFormatCode(input.exportFormat);
    if (exportFormat === undefined) throw badUserInput("input.exportFormat: UNKNOWN is not an export format.");
  }
  let datasetType: number | undefined;
  if (input.datasetType != null) {
    datasetType = datasetTypeCode(input.datasetType);
    if (datasetType === undefined) throw badUserInput("input.datasetType: UNKNOWN is not a dataset type.");
  }
  // The API documents `sample_state` both in the body and in `export_params`: the same state goes to both.
  const sampleState = sampleStateOf(input);
  return defined({
    path: nonEmpty(input.path, "input.path"),
    export_type: exportType,
    export_format: exportFormat,
    export_params: exportParamsFromInput(input, sampleState),
    version_id: nonEmpty(input.versionId, "input.versionId"),
    version_format: input.versionFormat == null ? undefined : VERSION_FORMAT_CODES[input.versionFormat],
    annotation_format: input.annotationFormat ?? undefined,
    source_type_header: input.sourceTypeHeader == null ? undefined : SOURCE_TYPE_HEADER_CODES[input.sourceTypeHeader],
    with_column_header: input.withColumnHeader ?? undefined,
    dataset_type: datasetType,
    sample_state: sampleState,
  });
}
