/**
 * Huawei Cloud ModelArts behind the backend interface: datasets and their export tasks (as jobs), with their
 * credentials, sessions, node types and resolvers. ModelArts has no webhooks, no task logs and no uploads here, and
 * no list of every export task of a project (`jobs-scan.ts` gathers them per dataset).
 */
import type { Backend } from "../backend";
import type { ModelArtsCredentials } from "./client";
import { modelArtsCredentials } from "./credentials";
import { isModelArtsId, parseExportTaskRef } from "./ids";
import { modelArtsResolvers } from "./resolvers";
import typeDefs from "./schema.graphql";
import { ModelArtsSession } from "./session";
import { MODELARTS_SETTINGS, modelArtsEmulatorSettings } from "./settings";

/** The ModelArts backend. Its objects take global ids only (their upstream ids have no prefix to route by). */
export const modelArtsBackend: Backend<ModelArtsCredentials, ModelArtsSession> = {
  provider: "MODELARTS",
  name: "modelarts",
  nodeTypes: [
    { typename: "ModelArtsDataset", kind: "dataset", isRef: isModelArtsId },
    { typename: "ModelArtsExportTask", kind: "job", isRef: (ref) => parseExportTaskRef(ref) !== null },
  ],
  capabilities: { webhooks: false, logs: false, uploads: false, listAllJobs: false },
  ...modelArtsCredentials,
  settings: MODELARTS_SETTINGS,
  emulatorSettings: modelArtsEmulatorSettings,
  tenantOf: (credentials) => credentials.projectId,
  createSession(credentials, env, options) {
    return new ModelArtsSession(modelArtsBackend, credentials, env, options);
  },
  resolvers: modelArtsResolvers,
  typeDefs,
};
