/**
 * Datature Nexus behind the backend interface: its credentials, sessions, node types and resolvers.
 */
import type { Backend } from "../backend";
import type { NexusCredentials } from "./client";
import { nexusCredentials } from "./credentials";
import { isNexusIdOf } from "./ids";
import { nexusResolvers } from "./resolvers";
import typeDefs from "./schema.graphql";
import { NexusSession } from "./session";
import { NEXUS_SETTINGS, nexusEmulatorSettings } from "./settings";

/** A log entry's reference: `<jobId>:<createTime>:<entryId>` (see `resolvers/logs.ts`). */
const LOG_ENTRY_REF = /^batchjob_[A-Za-z0-9][A-Za-z0-9_-]{0,127}:\d{1,16}:[A-Za-z0-9][A-Za-z0-9_-]{0,160}$/;

/** The Nexus backend. */
export const nexusBackend: Backend<NexusCredentials, NexusSession> = {
  provider: "NEXUS",
  name: "nexus",
  nodeTypes: [
    {
      typename: "NexusDataset",
      kind: "dataset",
      isRef: (ref) => isNexusIdOf("dataset", ref),
      isRawId: (id) => isNexusIdOf("dataset", id),
    },
    {
      typename: "NexusJob",
      kind: "job",
      isRef: (ref) => isNexusIdOf("job", ref),
      isRawId: (id) => isNexusIdOf("job", id),
    },
    {
      typename: "NexusWebhook",
      kind: "webhook",
      isRef: (ref) => isNexusIdOf("webhook", ref),
      isRawId: (id) => isNexusIdOf("webhook", id),
    },
    { typename: "NexusLogEntry", kind: "logEntry", isRef: (ref) => LOG_ENTRY_REF.test(ref) },
  ],
  capabilities: { webhooks: true, logs: true, uploads: true, listAllJobs: true },
  ...nexusCredentials,
  exampleJobFields: `... on NexusJob {
  status { overview message items { delivered failedDeliver } }
  dataset { name itemCount }
  webhooks { name endpoint }
}`,
  settings: NEXUS_SETTINGS,
  emulatorSettings: nexusEmulatorSettings,
  tenantOf: (credentials) => credentials.projectId,
  createSession(credentials, env, options) {
    return new NexusSession(nexusBackend, credentials, env, options);
  },
  resolvers: nexusResolvers,
  typeDefs,
};
