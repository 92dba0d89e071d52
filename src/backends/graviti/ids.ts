/**
 * The reference of a Graviti dataset inside its global id: `<id>:<workspace>:<name>`, the 32-hex `id` first, then
 * the workspace and dataset names, each percent-encoded (`encodeURIComponent`, so a `:` in a name is `%3A`).
 *
 * Graviti addresses a dataset by workspace and name, which is why both are there; a rename changes the name, which
 * is why the `id` is there too: when the name no longer finds the dataset, the session finds it by `id`
 * (`loaders.ts`). The `id` comes first so that the list's tie-break (`sort-key.ts` compares refs) does not move
 * when a dataset is renamed.
 *
 * The grammar is strict: one spelling per dataset (the canonical encoding), and no part that would make a bad path
 * (`.`, `..`, a slash or backslash, control characters), so such a text is not an id and never reaches a path.
 */

/** A dataset's address and identity. */
export interface GravitiDatasetRef {
  /** 32 hex digits, lower case. */
  id: string;
  workspace: string;
  name: string;
}

/** Longest workspace or dataset name accepted in a ref (Graviti's own limit is 64; room for a longer one). */
const MAX_NAME_LENGTH = 128;
const ID = /^[0-9a-f]{32}$/;
const ENCODED = /^(?:[A-Za-z0-9\-_.!~*'()]|%[0-9A-F]{2})+$/;
// Decoded: no slash or backslash (a path separator to some server), no control characters.
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const SAFE_NAME = /^[^/\\\u0000-\u001f\u007f]+$/;

/** True when `name` can go into a Graviti path as one segment. */
export function isSafeGravitiName(name: string): boolean {
  return name.length >= 1 && name.length <= MAX_NAME_LENGTH && name !== "." && name !== ".." && SAFE_NAME.test(name);
}

function decodePart(part: string): string | null {
  if (!ENCODED.test(part)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(part);
  } catch {
    return null;
  }
  // Canonical only: `%41` and `A` would be two refs of one dataset.
  if (encodeURIComponent(decoded) !== part || !isSafeGravitiName(decoded)) return null;
  return decoded;
}

/** The ref of a dataset. Throws a plain error for names that cannot be a path segment (the wire check let through). */
export function gravitiRefOf(dataset: GravitiDatasetRef): string {
  return `${dataset.id.toLowerCase()}:${encodeURIComponent(dataset.workspace)}:${encodeURIComponent(dataset.name)}`;
}

/** A ref taken apart, or null when it is not one (see the module comment). Never throws. */
export function parseGravitiRef(ref: string): GravitiDatasetRef | null {
  const parts = ref.split(":");
  if (parts.length !== 3) return null;
  const [id = "", workspacePart = "", namePart = ""] = parts;
  if (!ID.test(id)) return null;
  const workspace = decodePart(workspacePart);
  const name = decodePart(namePart);
  return workspace === null || name === null ? null : { id, workspace, name };
}

/** True when `ref` is a Graviti dataset ref. */
export function isGravitiRef(ref: string): boolean {
  return parseGravitiRef(ref) !== null;
}
