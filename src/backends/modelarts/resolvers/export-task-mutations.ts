/**
 * `createModelArtsExportTask`: the documented create body (`export-task-body.ts`: export type and format, sample
 * state, search conditions, export params for a directory, a new dataset or a version, label format and path prefix),
 * then one create call and one read of the new task for the payload.
 * ModelArts checks the rest (OBS paths, …); what it refuses is `BAD_USER_INPUT` with its message.
 */
import type { Resolvers } from "../../../generated/resolvers-types";
import { modelArtsSession } from "../session";
import { exportTaskFromModelArts } from "../to-model";
import { createExportTaskBody } from "./export-task-body";

/** The ModelArts mutations. */
export const modelArtsMutationResolvers: Resolvers = {
  Mutation: {
    createModelArtsExportTask: async (_root, { input }, context) => {
      const datasetId = context.ids.resolveOf(input.datasetId, { typename: "ModelArtsDataset" }, "input.datasetId").ref;
      const body = createExportTaskBody(input);
      const session = modelArtsSession(context);
      const { task_id: taskId } = await session.client.createExportTask(datasetId, body);
      const task = exportTaskFromModelArts(
        await session.client.getExportTask(datasetId, taskId),
        datasetId,
        session.tenant,
      );
      session.prime(task);
      return { task };
    },
  },
};
