/**
 * All emulator state in one SQLite database (the Durable Object's storage): a `meta` key-value table for settings,
 * projects and faults; one `resources` table for datasets, jobs and webhooks (stored as JSON records, with the
 * columns paging needs); the `request_log`; and `api_keys`, the keys added and revoked through the control API
 * (key-ring.ts). Plain TypeScript over the `SqlStorage` interface.
 */
import { KeyRing, type SeededKeys } from "./key-ring";
import type { PageCursor, PageSlice } from "./paging";
import { RequestLog } from "./request-log";
import type { DatasetRecord, JobRecord, ProjectRecord, RequestLogEntry, WebhookRecord } from "./types";

/** The record type stored for each resource kind. */
export interface RecordByKind {
  dataset: DatasetRecord;
  job: JobRecord;
  webhook: WebhookRecord;
}

/** A resource kind stored in the `resources` table. */
export type ResourceKind = keyof RecordByKind;

/** The paging key of a row. */
type KeyOf = { createDate: number; id: string };

/** The emulator's storage. Every method is synchronous (Durable Object SQLite is) and throws only on SQL faults. */
export class Store {
  private readonly log: RequestLog;
  /** The keys added and revoked since the last seed; the seeded ones are the projects' `secretKey`. */
  readonly keys: KeyRing;

  constructor(private readonly sql: SqlStorage) {
    this.log = new RequestLog(sql);
    this.keys = new KeyRing(sql, "api_keys");
  }

  /** Creates the tables when they do not exist yet. */
  migrate(): void {
    this.sql.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS resources (
      kind TEXT NOT NULL, id TEXT NOT NULL, project_id TEXT NOT NULL, create_date INTEGER NOT NULL,
      body TEXT NOT NULL, PRIMARY KEY (kind, id))`);
    this.sql.exec(
      `CREATE INDEX IF NOT EXISTS resources_by_project ON resources (kind, project_id, create_date DESC, id DESC)`,
    );
    this.log.migrate();
    this.keys.migrate();
  }

  /**
   * Deletes every resource, meta value and key change, so that only the seeded keys are valid again (the request log
   * is kept: reset clears it separately).
   */
  clearResources(): void {
    this.sql.exec(`DELETE FROM resources`);
    this.sql.exec(`DELETE FROM meta`);
    this.keys.clear();
  }

  /** The seeded projects (the emulator has no endpoint to create more). */
  projects(): ProjectRecord[] {
    return this.getMeta<ProjectRecord[]>("projects") ?? [];
  }

  /** The projects' seeded `Secret-Key`s, for the key ring. */
  seededKeys(): SeededKeys {
    const projects = this.projects();
    return {
      ownerOf: (key) => projects.find((project) => project.secretKey === key)?.id,
      owners: () => projects.map((project) => ({ id: project.id, key: project.secretKey })),
    };
  }

  /** The project a `Secret-Key` is valid for now (seeded or added, not revoked), or undefined. */
  projectOfKey(key: string): string | undefined {
    return this.keys.ownerOf(key, this.seededKeys());
  }

  /** Reads a JSON meta value, or undefined when unset. */
  getMeta<T>(key: string): T | undefined {
    const row = this.sql.exec<{ value: string }>(`SELECT value FROM meta WHERE key = ?`, key).toArray()[0];
    return row === undefined ? undefined : (JSON.parse(row.value) as T);
  }

  /** Writes a JSON meta value. */
  setMeta(key: string, value: unknown): void {
    this.sql.exec(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`, key, JSON.stringify(value));
  }

  /** Deletes a meta value. */
  deleteMeta(key: string): void {
    this.sql.exec(`DELETE FROM meta WHERE key = ?`, key);
  }

  /** One record of a project by id, or undefined (also when it belongs to another project). */
  get<K extends ResourceKind>(kind: K, projectId: string, id: string): RecordByKind[K] | undefined {
    const row = this.sql
      .exec<{ body: string }>(
        `SELECT body FROM resources WHERE kind = ? AND id = ? AND project_id = ?`,
        kind,
        id,
        projectId,
      )
      .toArray()[0];
    return row === undefined ? undefined : (JSON.parse(row.body) as RecordByKind[K]);
  }

  /** One record by id in any project of the tenant, or undefined (for the control API, which names no project). */
  find<K extends ResourceKind>(kind: K, id: string): RecordByKind[K] | undefined {
    const row = this.sql
      .exec<{ body: string }>(`SELECT body FROM resources WHERE kind = ? AND id = ?`, kind, id)
      .toArray()[0];
    return row === undefined ? undefined : (JSON.parse(row.body) as RecordByKind[K]);
  }

  /** Every record of a kind in a project (no order promised). */
  all<K extends ResourceKind>(kind: K, projectId: string): RecordByKind[K][] {
    return this.sql
      .exec<{ body: string }>(`SELECT body FROM resources WHERE kind = ? AND project_id = ?`, kind, projectId)
      .toArray()
      .map((row) => JSON.parse(row.body) as RecordByKind[K]);
  }

  /** Inserts or replaces a record. */
  put<K extends ResourceKind>(kind: K, record: RecordByKind[K]): void {
    this.sql.exec(
      `INSERT OR REPLACE INTO resources (kind, id, project_id, create_date, body) VALUES (?, ?, ?, ?, ?)`,
      kind,
      record.id,
      record.projectId,
      record.createDate,
      JSON.stringify(record),
    );
  }

  /** Deletes a record; true when it existed. */
  delete(kind: ResourceKind, projectId: string, id: string): boolean {
    const cursor = this.sql.exec(
      `DELETE FROM resources WHERE kind = ? AND id = ? AND project_id = ?`,
      kind,
      id,
      projectId,
    );
    return cursor.rowsWritten > 0;
  }

  /** Finds a dataset by its upload token, in any project. */
  datasetByUploadToken(token: string): DatasetRecord | undefined {
    return this.sql
      .exec<{ body: string }>(`SELECT body FROM resources WHERE kind = 'dataset'`)
      .toArray()
      .map((row) => JSON.parse(row.body) as DatasetRecord)
      .find((dataset) => dataset.uploadToken === token);
  }

  /**
   * One page of a project's records, newest first by (createDate, id). Without a cursor, the first page; with a
   * `next` cursor, the rows older than its key; with a `prev` cursor, the `limit` rows just newer than its key.
   */
  page<K extends ResourceKind>(
    kind: K,
    projectId: string,
    cursor: PageCursor | undefined,
    limit: number,
  ): PageSlice<RecordByKind[K]> {
    const base = `SELECT body FROM resources WHERE kind = ? AND project_id = ?`;
    // Row values, so that SQLite seeks the index resources_by_project straight to the key (EXPLAIN QUERY PLAN:
    // `SEARCH resources USING INDEX resources_by_project (kind=? AND project_id=? AND (create_date,id)<(?,?))`):
    // a page from the middle of 10,000 rows reads the page, not the rows before it.
    const older = `(create_date, id) < (?, ?)`;
    const newer = `(create_date, id) > (?, ?)`;
    const select = (where: string, order: "ASC" | "DESC", key: KeyOf | undefined, max: number): RecordByKind[K][] => {
      const keyBindings = key === undefined ? [] : [key.createDate, key.id];
      return this.sql
        .exec<{ body: string }>(
          `${base}${where} ORDER BY create_date ${order}, id ${order} LIMIT ?`,
          kind,
          projectId,
          ...keyBindings,
          max,
        )
        .toArray()
        .map((row) => JSON.parse(row.body) as RecordByKind[K]);
    };
    const exists = (where: string, key: KeyOf): boolean => select(` AND ${where}`, "DESC", key, 1).length > 0;

    let rows: RecordByKind[K][];
    if (cursor === undefined) rows = select("", "DESC", undefined, limit);
    else if (cursor.direction === "next") rows = select(` AND ${older}`, "DESC", cursor, limit);
    else rows = select(` AND ${newer}`, "ASC", cursor, limit).reverse();
    const first = rows[0];
    const last = rows[rows.length - 1];
    // An empty page only happens when rows were deleted after the token was issued (tokens are only issued when
    // rows lie beyond them); the client starts over from the first page.
    if (first === undefined || last === undefined) return { rows, hasNewer: false, hasOlder: false };
    return { rows, hasNewer: exists(newer, first), hasOlder: exists(older, last) };
  }

  /** Appends a request log entry (see request-log.ts). */
  appendRequest(entry: RequestLogEntry): void {
    this.log.append(entry);
  }

  /** The request log, oldest first. */
  listRequests(): RequestLogEntry[] {
    return this.log.list();
  }

  /** Empties the request log. */
  clearRequests(): void {
    this.log.clear();
  }
}
