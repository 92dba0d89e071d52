/**
 * The Graviti emulator's own tables, in the SQLite storage of its Durable Object: workspaces (with their access
 * keys), the access keys added and revoked through the control API (`graviti_keys`, ../key-ring.ts) and datasets, in
 * creation order (the order of `GET /v2/datasets`). Settings, faults and the request log use
 * the shared {@link Store}'s `meta` and `request_log` tables in the same database. Plain TypeScript over `SqlStorage`.
 */
import { KeyRing, type SeededKeys } from "../key-ring";
import type { DatasetRecord, WorkspaceRecord } from "./types";

/** Workspaces and datasets. Every method is synchronous (Durable Object SQLite is) and throws only on SQL faults. */
export class GravitiStore {
  /** The access keys added and revoked since the last seed; the seeded ones are the workspaces' `accessKey`. */
  readonly keys: KeyRing;

  constructor(private readonly sql: SqlStorage) {
    this.keys = new KeyRing(sql, "graviti_keys");
  }

  /** Creates the tables when they do not exist yet. */
  migrate(): void {
    this.sql.exec(`CREATE TABLE IF NOT EXISTS graviti_workspaces (
      name TEXT PRIMARY KEY, access_key TEXT NOT NULL UNIQUE, body TEXT NOT NULL)`);
    // `seq` is the creation order, so offset paging stays stable while datasets are added at the end.
    this.sql.exec(`CREATE TABLE IF NOT EXISTS graviti_datasets (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, workspace TEXT NOT NULL, name TEXT NOT NULL,
      body TEXT NOT NULL, UNIQUE (workspace, name))`);
    this.keys.migrate();
  }

  /** Deletes every workspace, dataset and key change (only the seeded keys are valid after the next seed). */
  clear(): void {
    this.sql.exec(`DELETE FROM graviti_datasets`);
    this.sql.exec(`DELETE FROM graviti_workspaces`);
    this.keys.clear();
  }

  /** The workspaces' seeded access keys, for the key ring. */
  seededKeys(): SeededKeys {
    return {
      ownerOf: (key) =>
        this.sql.exec<{ name: string }>(`SELECT name FROM graviti_workspaces WHERE access_key = ?`, key).toArray()[0]
          ?.name,
      owners: () =>
        this.sql
          .exec<{ name: string; access_key: string }>(`SELECT name, access_key FROM graviti_workspaces ORDER BY name`)
          .toArray()
          .map((row) => ({ id: row.name, key: row.access_key })),
    };
  }

  /** Adds a workspace. */
  putWorkspace(workspace: WorkspaceRecord): void {
    this.sql.exec(
      `INSERT OR REPLACE INTO graviti_workspaces (name, access_key, body) VALUES (?, ?, ?)`,
      workspace.name,
      workspace.accessKey,
      JSON.stringify(workspace),
    );
  }

  /** The workspace this access key is valid for now (seeded or added, not revoked), or undefined. */
  workspaceByAccessKey(accessKey: string): WorkspaceRecord | undefined {
    const name = this.keys.ownerOf(accessKey, this.seededKeys());
    return name === undefined ? undefined : this.workspaceByName(name);
  }

  /** The workspace of this name, or undefined. */
  workspaceByName(name: string): WorkspaceRecord | undefined {
    return this.one<WorkspaceRecord>(`SELECT body FROM graviti_workspaces WHERE name = ?`, name);
  }

  /** A dataset by workspace and name (case-sensitive), or undefined. */
  dataset(workspace: string, name: string): DatasetRecord | undefined {
    return this.one<DatasetRecord>(
      `SELECT body FROM graviti_datasets WHERE workspace = ? AND name = ?`,
      workspace,
      name,
    );
  }

  /** Adds a new dataset at the end of its workspace's list. */
  insertDataset(dataset: DatasetRecord): void {
    this.sql.exec(
      `INSERT INTO graviti_datasets (id, workspace, name, body) VALUES (?, ?, ?, ?)`,
      dataset.id,
      dataset.workspace,
      dataset.name,
      JSON.stringify(dataset),
    );
  }

  /** Replaces a dataset found by its id (which never changes), keeping its place in the list; it may be renamed. */
  updateDataset(dataset: DatasetRecord): void {
    this.sql.exec(
      `UPDATE graviti_datasets SET name = ?, body = ? WHERE id = ?`,
      dataset.name,
      JSON.stringify(dataset),
      dataset.id,
    );
  }

  /** Deletes a dataset by id; true when it existed. */
  deleteDataset(id: string): boolean {
    return this.sql.exec(`DELETE FROM graviti_datasets WHERE id = ?`, id).rowsWritten > 0;
  }

  /** One page of a workspace's datasets in creation order, and how many it has in all. */
  datasetPage(workspace: string, offset: number, limit: number): { rows: DatasetRecord[]; total: number } {
    const rows = this.sql
      .exec<{ body: string }>(
        `SELECT body FROM graviti_datasets WHERE workspace = ? ORDER BY seq ASC LIMIT ? OFFSET ?`,
        workspace,
        limit,
        offset,
      )
      .toArray()
      .map((row) => JSON.parse(row.body) as DatasetRecord);
    const count = this.sql
      .exec<{ total: number }>(`SELECT COUNT(*) AS total FROM graviti_datasets WHERE workspace = ?`, workspace)
      .one();
    return { rows, total: count.total };
  }

  private one<T>(query: string, ...bindings: string[]): T | undefined {
    const row = this.sql.exec<{ body: string }>(query, ...bindings).toArray()[0];
    return row === undefined ? undefined : (JSON.parse(row.body) as T);
  }
}
