/**
 * Where a request's Nexus credentials come from: the caller's `x-nexus-project-id` and `x-nexus-secret-key` (HTTP
 * headers, or the graphql-ws `connection_init` payload under the same names), else the gateway's server-held
 * `NEXUS_PROJECT_ID`/`NEXUS_SECRET_KEY`; a pair or nothing (`../credential-set.ts`). The one home of those names.
 */
import { credentialSet } from "../credential-set";
import type { NexusCredentials } from "./transport";

/** A project id as it may go into the API's paths: letters, digits, `_` and `-` (never `..` or a slash). */
const PROJECT_ID_GRAMMAR = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** Header (and graphql-ws `connection_init` payload key) that carries the project id. */
export const PROJECT_ID_HEADER = "x-nexus-project-id";
/** Header (and graphql-ws `connection_init` payload key) that carries the secret key. */
export const SECRET_KEY_HEADER = "x-nexus-secret-key";

/** How the Nexus backend reads its credentials. */
export const nexusCredentials = credentialSet<keyof NexusCredentials>({
  projectId: { header: PROJECT_ID_HEADER, setting: "NEXUS_PROJECT_ID", pattern: PROJECT_ID_GRAMMAR },
  secretKey: { header: SECRET_KEY_HEADER, setting: "NEXUS_SECRET_KEY" },
});
