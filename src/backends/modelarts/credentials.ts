/**
 * Where a request's ModelArts credentials come from: the caller's `x-modelarts-project-id` and `x-modelarts-token`
 * (HTTP headers, or the graphql-ws `connection_init` payload under the same names), else the gateway's server-held
 * `MODELARTS_PROJECT_ID`/`MODELARTS_TOKEN`; a pair or nothing (`../credential-set.ts`). The one home of those names.
 */
import { credentialSet } from "../credential-set";
import type { ModelArtsCredentials } from "./transport";

/** A project id as it may go into the API's paths: letters, digits, `_` and `-` (never `..` or a slash). */
const PROJECT_ID_GRAMMAR = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** Header (and `connection_init` payload key) that carries the project id. */
export const PROJECT_ID_HEADER = "x-modelarts-project-id";
/** Header (and `connection_init` payload key) that carries the IAM token. */
export const TOKEN_HEADER = "x-modelarts-token";

/** How the ModelArts backend reads its credentials. */
export const modelArtsCredentials = credentialSet<keyof ModelArtsCredentials>({
  projectId: { header: PROJECT_ID_HEADER, setting: "MODELARTS_PROJECT_ID", pattern: PROJECT_ID_GRAMMAR },
  token: { header: TOKEN_HEADER, setting: "MODELARTS_TOKEN" },
});
