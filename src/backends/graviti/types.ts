/**
 * Wire shapes of Graviti's OpenAPI v2 datasets, exactly as `shared/backends/graviti.md` describes them: snake_case
 * JSON, ISO-8601 times, names (not ids) in paths. Written once: the gateway reads them, and the Graviti emulator
 * (emulator/src/graviti/types.ts) answers with them, importing these types only (type-only imports: no gateway code
 * reaches the emulator's Worker).
 *
 * Open vocabularies are `string`, because an unknown value from the upstream must never break a response. A
 * `…Fields` shape is graviti.md's field list alone; the gateway's type beside it adds what it reads beyond the list
 * (optional). The emulator narrows these shapes to what it always sends and adds what only it stores.
 */

/** The documented fields of a dataset (graviti.md's Dataset): `GET /v2/datasets/{workspace}/{dataset}`. */
export interface GravitiDatasetFields {
  /** 32 hex digits; it never changes, even when the dataset is renamed. */
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
  /** ISO-8601 (`2021-03-03T18:58:10Z`). */
  created_at: string;
  updated_at: string;
  is_public: boolean;
  storage_config: string;
  /** The storage backend of `storage_config` (`OSS`, `S3`, `AZURE`, …). */
  backend_type: string;
}

/** A dataset as the gateway reads it: the documented fields, and `with_draft` beyond them. */
export interface GravitiDataset extends GravitiDatasetFields {
  /** Whether the dataset has an open draft; not in graviti.md's field list, so optional (the emulator sends it). */
  with_draft?: boolean;
}

/** One page of `GET /v2/datasets?offset&limit`. */
export interface GravitiDatasetPage {
  datasets: GravitiDataset[];
  /** The offset asked for. */
  offset: number;
  /** Items in this page. */
  record_size: number;
  /** Items in the whole list. */
  total_count: number;
}

/** The body of `POST /v2/datasets`. */
export interface GravitiCreateDatasetBody {
  name: string;
  alias?: string;
  storage_config?: string;
  with_draft?: boolean;
}

/** The workspace an access key acts as: `GET /v2/current-workspace`. */
export interface GravitiWorkspace {
  /** Open: graviti.md names the field, not its values. */
  type: string;
  /** 32 hex digits. */
  id: string;
  name: string;
  alias: string;
  description: string;
  email: string;
  location: string;
}

/** The body of `PATCH /v2/datasets/{workspace}/{dataset}`: any of the three. */
export interface GravitiUpdateDatasetBody {
  name?: string;
  alias?: string;
  default_branch?: string;
}
