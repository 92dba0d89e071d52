/**
 * Huawei Cloud ModelArts behind the backend interface: datasets and their export tasks (as jobs), with their
 * credentials, sessions, node types and resolvers. ModelArts has no webhooks, no task logs and no uploads here, and
 * no list of every export task of a project (`jobs-scan.ts` gathers them per dataset).
 */
import type { Backend } from "../backend";
import type { ModelArtsCredentials } from "./client";
import {
  MODELARTS_CREDENTIALS_HINT,
  PROJECT_ID_HEADER,
  TOKEN_HEADER,
  modelArtsCredentialsFromHeaders,
  modelArtsCredentialsFromPayload,
} from "./credentials";
import { isModelArtsId, parseExportTaskRef } from "./ids";
import { modelArtsResolvers } from "./resolvers";
import typeDefs from "./schema.graphql";
import { ModelArtsSession } from "./session";

/** The ModelArts backend. Its objects take global ids only (their upstream ids have no prefix to route by). */
export const modelArtsBackend: Backend<ModelArtsCredentials, ModelArtsSession> = {
  provider: "MODELARTS",
  name: "modelarts",
  nodeTypes: [
    { typename: "ModelArtsDataset", kind: "dataset", isRef: isModelArtsId },
    { typename: "ModelArtsExportTask", kind: "job", isRef: (ref) => parseExportTaskRef(ref) !== null },
  ],
  capabilities: { webhooks: false, logs: false, uploads: false, listAllJobs: false },
  credentialsHint: MODELARTS_CREDENTIALS_HINT,
  credentialHeaders: [PROJECT_ID_HEADER, TOKEN_HEADER],
  credentialSettings: ["MODELARTS_PROJECT_ID", "MODELARTS_TOKEN"],
  credentialsFromHeaders: modelArtsCredentialsFromHeaders,
  credentialsFromPayload: modelArtsCredentialsFromPayload,
  tenantOf: (credentials) => credentials.projectId,
  createSession(credentials, env, options) {
    return new ModelArtsSession(modelArtsBackend, credentials, env, options);
  },
  resolvers: modelArtsResolvers,
  typeDefs,
};
