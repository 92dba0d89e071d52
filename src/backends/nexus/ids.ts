/**
 * The Nexus id grammar (nexus.md: `dataset_<uuid>`, `batchjob_<uuid>`, `webhook_<uuid>`, `batchjoblog_<uuid>`):
 * a known prefix, then letters, digits, `-` and `_`. Nothing else may go into an upstream path, so `.`, `..`, `/`
 * and the like never reach one.
 */

/** The prefixes of the ids the gateway addresses, by the kind of object. */
export const NEXUS_ID_PREFIX = {
  dataset: "dataset_",
  job: "batchjob_",
  webhook: "webhook_",
  logEntry: "batchjoblog_",
} as const;

const BODY = "[A-Za-z0-9][A-Za-z0-9_-]{0,127}";
const ANY_ID = new RegExp(`^(?:${Object.values(NEXUS_ID_PREFIX).join("|")})${BODY}$`);
const BY_KIND = Object.fromEntries(
  Object.entries(NEXUS_ID_PREFIX).map(([kind, prefix]) => [kind, new RegExp(`^${prefix}${BODY}$`)]),
) as Record<keyof typeof NEXUS_ID_PREFIX, RegExp>;

/** True when `id` is a Nexus id of any kind. */
export function isNexusId(id: string): boolean {
  return ANY_ID.test(id);
}

/** True when `id` is a Nexus id of `kind`. */
export function isNexusIdOf(kind: keyof typeof NEXUS_ID_PREFIX, id: string): boolean {
  return BY_KIND[kind].test(id);
}
