/**
 * `createModelArtsExportTask`: the documented create body (export type and format, export params for a directory
 * or a new dataset, version), checked on the gateway where the schema cannot say it (no `UNKNOWN` as input, a new
 * dataset needs its name and work path), then one create call and one read of the new task for the payload.
 * ModelArts checks the rest (OBS paths, …); what it refuses is `BAD_USER_INPUT` with its message.
 */
import { badUserInput } from "../../../errors";
import type { CreateModelArtsExportTaskInput, Resolvers } from "../../../generated/resolvers-types";
import { exportFormatCode, exportTypeCode } from "../codes";
import { modelArtsSession } from "../session";
import { exportTaskFromModelArts } from "../to-model";
import type { ModelArtsCreateExportTaskBody, ModelArtsExportParams } from "../types";

function nonEmpty(value: string | null | undefined, field: string): string | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") throw badUserInput(`${field} must not be empty (omit it for the default).`);
  return trimmed;
}

function exportParamsFromInput(input: CreateModelArtsExportTaskInput): ModelArtsExportParams | undefined {
  const destination = input.destination ?? null;
  if (destination === "UNKNOWN") throw badUserInput("input.destination: UNKNOWN is not a destination; use DIR or NEW_DATASET.");
  const newDatasetName = nonEmpty(input.newDatasetName, "input.newDatasetName");
  const newDatasetWorkPath = nonEmpty(input.newDatasetWorkPath, "input.newDatasetWorkPath");
  if (destination === "NEW_DATASET") {
    if (newDatasetName === undefined) throw badUserInput("input.newDatasetName is required with destination NEW_DATASET.");
    if (newDatasetWorkPath === undefined) throw badUserInput("input.newDatasetWorkPath is required with destination NEW_DATASET.");
  } else if (newDatasetName !== undefined || newDatasetWorkPath !== undefined) {
    throw badUserInput("input.newDatasetName and input.newDatasetWorkPath are only for destination NEW_DATASET.");
  }
  const sampleState = nonEmpty(input.sampleState, "input.sampleState");
  const params: ModelArtsExportParams = {
    ...(destination === null ? {} : { export_dest: destination }),
    ...(newDatasetName === undefined ? {} : { export_new_dataset_name: newDatasetName }),
    ...(newDatasetWorkPath === undefined ? {} : { export_new_dataset_work_path: newDatasetWorkPath }),
    ...(sampleState === undefined ? {} : { sample_state: sampleState }),
    ...(input.samples == null ? {} : { samples: [...input.samples] }),
  };
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
  const path = nonEmpty(input.path, "input.path");
  const versionId = nonEmpty(input.versionId, "input.versionId");
  const versionFormat = nonEmpty(input.versionFormat, "input.versionFormat");
  const params = exportParamsFromInput(input);
  return {
    ...(path === undefined ? {} : { path }),
    ...(exportType === undefined ? {} : { export_type: exportType }),
    ...(exportFormat === undefined ? {} : { export_format: exportFormat }),
    ...(params === undefined ? {} : { export_params: params }),
    ...(versionId === undefined ? {} : { version_id: versionId }),
    ...(versionFormat === undefined ? {} : { version_format: versionFormat }),
  };
}

/** The ModelArts mutations. */
export const modelArtsMutationResolvers: Resolvers = {
  Mutation: {
    createModelArtsExportTask: async (_root, { input }, context) => {
      const datasetId = context.ids.resolveOf(input.datasetId, { typename: "ModelArtsDataset" }, "input.datasetId").ref;
      const body = createExportTaskBody(input);
      const session = modelArtsSession(context);
      const { task_id: taskId } = await session.client.createExportTask(datasetId, body);
      const task = exportTaskFromModelArts(await session.client.getExportTask(datasetId, taskId), datasetId, session.tenant);
      session.prime(task);
      return { task };
    },
  },
};
