/**
 * Ids and deterministic hashing. Seeded data and derived log entries need the same ids on every reset and every
 * request, so they come from a seed string through a fast non-cryptographic hash; new objects get random uuids.
 */

/** The id prefixes of nexus.md. */
export const ID_PREFIX = {
  dataset: "dataset_",
  job: "batchjob_",
  webhook: "webhook_",
  jobLog: "batchjoblog_",
  deployment: "deploy_",
} as const;

/** 32-bit FNV-1a hash of a string, mixed with `seed` so that several independent hashes can be drawn. */
export function hash32(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // Final avalanche (from murmur3's fmix32) so that near-identical inputs spread over the whole range.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** A value in [0, 1) fixed by `text`: the same text always gives the same fraction. */
export function fractionOf(text: string): number {
  return hash32(text, 0x9e3779b9) / 0x1_0000_0000;
}

/** A version-4-shaped uuid fixed by `seed` (same seed, same uuid). Not random: do not use it for secrets. */
export function uuidFromSeed(seed: string): string {
  const hex = [1, 2, 3, 4]
    .map((n) =>
      hash32(seed, n * 0x27d4eb2d)
        .toString(16)
        .padStart(8, "0"),
    )
    .join("");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A new random id with the given prefix, e.g. `newId("dataset_")`. */
export function newId(prefix: string): string {
  return `${prefix}${crypto.randomUUID()}`;
}
