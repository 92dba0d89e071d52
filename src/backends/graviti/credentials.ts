/**
 * Where a request's Graviti credentials come from: the caller's `x-graviti-access-key` (an HTTP header, or the
 * graphql-ws `connection_init` payload key of the same name), else the gateway's server-held `GRAVITI_ACCESS_KEY`
 * (`../credential-set.ts`). No key at all means Graviti is not asked. The one home of those names.
 */
import { credentialSet } from "../credential-set";
import type { GravitiCredentials } from "./transport";

/** Header (and graphql-ws `connection_init` payload key) that carries the access key. */
export const ACCESS_KEY_HEADER = "x-graviti-access-key";

/** How the Graviti backend reads its credentials. */
export const gravitiCredentials = credentialSet<keyof GravitiCredentials>({
  accessKey: { header: ACCESS_KEY_HEADER, setting: "GRAVITI_ACCESS_KEY" },
});
