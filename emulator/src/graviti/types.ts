/**
 * Internal records of the Graviti emulator and the wire shapes it answers (graviti.md, field by field: snake_case,
 * ISO-8601 times). Records keep what the API never returns (the access key, a dataset's branches and drafts).
 */

/** A storage config of a workspace: datasets created with it report its name and backend type. */
export interface StorageConfig {
  name: string;
  /** e.g. `OSS`, `S3`, `AZURE`. */
  backendType: string;
}

/** A workspace as stored: what `GET /v2/current-workspace` answers, plus its one access key and configs. */
export interface WorkspaceRecord {
  type: "TEAM" | "USER";
  /** 32 lowercase hex digits. */
  id: string;
  name: string;
  alias: string;
  description: string;
  email: string;
  location: string;
  /** The `X-Token` that acts as this workspace (never returned). */
  accessKey: string;
  /** The user name that datasets created with the key report as `creator`. */
  user: string;
  /** The first one is the default (`GRAVITI`). */
  storageConfigs: StorageConfig[];
}

/** The wire workspace of `GET /v2/current-workspace`. */
export interface WorkspaceWire {
  type: "TEAM" | "USER";
  id: string;
  name: string;
  alias: string;
  description: string;
  email: string;
  location: string;
}

/** The wire dataset (graviti.md: Dataset). */
export interface DatasetWire {
  /** 32 lowercase hex digits; never changes, even when the dataset is renamed. */
  id: string;
  name: string;
  alias: string;
  /** The workspace's name. */
  workspace: string;
  default_branch: string;
  /** The head commit of the default branch; null while the dataset has no commit. */
  commit_id: string | null;
  cover_url: string;
  creator: string;
  /** ISO-8601, seconds, UTC (`2021-03-03T18:58:10Z`). */
  created_at: string;
  updated_at: string;
  is_public: boolean;
  storage_config: string;
  backend_type: string;
}

/** A stored dataset: the wire fields plus what only the emulator sees. */
export interface DatasetRecord extends DatasetWire {
  /** Branch names; `default_branch` must be one of them. */
  branches: string[];
  /** How many open drafts the dataset has (`with_draft: true` opens one); not on the wire. */
  drafts: number;
}

/** The list envelope of `GET /v2/datasets`. */
export interface DatasetPage {
  datasets: DatasetWire[];
  offset: number;
  /** Items in this page. */
  record_size: number;
  /** Items in the whole list. */
  total_count: number;
}

/**
 * The wire form of a stored dataset: the internal fields dropped, and `with_draft` (emulator convention: the create
 * body's name for it, true while the dataset has an open draft) added.
 */
export function datasetToWire(record: DatasetRecord): DatasetWire & { with_draft: boolean } {
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
