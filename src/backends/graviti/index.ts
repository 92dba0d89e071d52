/**
 * Graviti behind the backend interface: its credentials, sessions, node type and resolvers.
 */
import type { Backend } from "../backend";
import type { GravitiCredentials } from "./client";
import { gravitiCredentials } from "./credentials";
import { isGravitiRef } from "./ids";
import { tenantOfAccessKey } from "./key-tenant";
import { gravitiResolvers } from "./resolvers";
import typeDefs from "./schema.graphql";
import { GravitiSession } from "./session";
import { GRAVITI_SETTINGS, gravitiEmulatorSettings } from "./settings";

/** The Graviti backend. */
export const gravitiBackend: Backend<GravitiCredentials, GravitiSession> = {
  provider: "GRAVITI",
  name: "graviti",
  // Datasets only, by the gateway's global id: a bare 32-hex Graviti id names no workspace or name to ask by, so
  // it is not accepted in place of a global id (`isRawId` is absent).
  nodeTypes: [{ typename: "GravitiDataset", kind: "dataset", isRef: isGravitiRef }],
  // Graviti's API (graviti.md) has datasets and nothing else: no jobs to list, no job logs, no webhooks, and its
  // content arrives in commits, not in an upload the gateway could make or follow.
  capabilities: { webhooks: false, logs: false, uploads: false, listAllJobs: false },
  ...gravitiCredentials,
  settings: GRAVITI_SETTINGS,
  emulatorSettings: gravitiEmulatorSettings,
  tenantOf: (credentials) => tenantOfAccessKey(credentials.accessKey),
  createSession(credentials, env, options) {
    return new GravitiSession(gravitiBackend, credentials, env, options);
  },
  resolvers: gravitiResolvers,
  typeDefs,
};
