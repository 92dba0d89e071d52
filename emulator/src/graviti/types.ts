/**
 * Internal records of the Graviti emulator and the wire shapes it answers (graviti.md: snake_case, ISO-8601 times).
 * The wire shapes are the gateway's (src/backends/graviti/types.ts: one definition, imported as types only); this
 * file narrows them to what the emulator sends (a known workspace type, `with_draft` always) and adds what only it
 * has. Records keep what the API never returns (the access key, a dataset's branches and drafts).
 */
import type {
  GravitiDataset,
  GravitiDatasetFields,
  GravitiDatasetPage,
  GravitiWorkspace,
} from "../../../src/backends/graviti/types";

/** A storage config of a workspace: datasets created with it report its name and backend type. */
export interface StorageConfig {
  name: string;
  /** e.g. `OSS`, `S3`, `AZURE`. */
  backendType: string;
}

/** The wire workspace of `GET /v2/current-workspace`: a `TEAM` or a `USER` one (emulator convention). */
export interface WorkspaceWire extends GravitiWorkspace {
  type: "TEAM" | "USER";
}

/**
 * A workspace as stored: what `GET /v2/current-workspace` answers (its id 32 lowercase hex digits), plus its one
 * access key and configs.
 */
export interface WorkspaceRecord extends WorkspaceWire {
  /** The `X-Token` that acts as this workspace (never returned). */
  accessKey: string;
  /** The user name that datasets created with the key report as `creator`. */
  user: string;
  /** The first one is the default (`GRAVITI`). */
  storageConfigs: StorageConfig[];
}

/**
 * The wire dataset: graviti.md's fields (ids 32 lowercase hex digits, times ISO-8601 to the second in UTC), and
 * `with_draft` always (emulator convention: the create body's name for it, true while the dataset has an open draft).
 */
export interface DatasetWire extends GravitiDataset {
  with_draft: boolean;
}

/** A stored dataset: the documented wire fields plus what only the emulator sees. */
export interface DatasetRecord extends GravitiDatasetFields {
  /** Branch names; `default_branch` must be one of them. */
  branches: string[];
  /** How many open drafts the dataset has (`with_draft: true` opens one); not on the wire. */
  drafts: number;
}

/** The list envelope of `GET /v2/datasets`. */
export interface DatasetPage extends GravitiDatasetPage {
  datasets: DatasetWire[];
}

/** The wire form of a stored dataset: the internal fields dropped, and `with_draft` added. */
export function datasetToWire(record: DatasetRecord): DatasetWire {
  const { branches: _branches, drafts, ...wire } = record;
  return { ...wire, with_draft: drafts > 0 };
}

/** The wire form of a stored workspace (the key, user and configs dropped). */
export function workspaceToWire(record: WorkspaceRecord): WorkspaceWire {
  const { type, id, name, alias, description, email, location } = record;
  return { type, id, name, alias, description, email, location };
}

/** Times on the wire: ISO-8601 in UTC to the second, as graviti.md shows (`2021-03-03T18:58:10Z`). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A new 32-hex id (a v4 UUID without hyphens). */
export function hexId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}
