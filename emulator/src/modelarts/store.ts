/**
 * All ModelArts state of one tenant in its Durable Object's SQLite database: `meta` (settings, projects, faults),
 * `datasets`, `export_tasks` (JSON records with the columns that filters and paging need) and the shared request
 * log (../request-log.ts), and `api_keys`, the tokens added and revoked through the control API (../key-ring.ts). Plain TypeScript over `SqlStorage`; every method is synchronous and throws only on SQL
 * faults.
 */
import { KeyRing } from "../key-ring";
import { RequestLog } from "../request-log";
import type { RequestLogEntry } from "../types";
import type { DatasetRecord, ExportTaskRecord } from "./types";

/** What a dataset list asks for (already validated). */
export interface DatasetQuery {
  offset: number;
  limit: number;
  /** Substring of `dataset_name`, case-insensitive. */
  searchContent?: string;
  sortBy: "create_time" | "dataset_name";
  order: "asc" | "desc";
  datasetType?: number;
}

/** What an export task list asks for (already validated). */
export interface ExportTaskQuery {
  offset: number;
  limit: number;
  exportType?: number;
}

/** One page and the number of rows matching the query in all. */
export interface OffsetPage<T> {
  rows: T[];
  total: number;
}

/** The ModelArts storage of one tenant. */
export class ModelArtsStore {
  private readonly log: RequestLog;
  /** The tokens added and revoked since the last seed; the seeded ones are the projects' `token`. */
  readonly keys: KeyRing;

  constructor(private readonly sql: SqlStorage) {
    this.log = new RequestLog(sql);
    this.keys = new KeyRing(sql, "api_keys");
  }

  /** Creates the tables when they do not exist yet. */
  migrate(): void {
    this.sql.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS datasets (
      dataset_id TEXT PRIMARY KEY, project_id TEXT NOT NULL, create_time INTEGER NOT NULL,
      dataset_name TEXT NOT NULL, dataset_type INTEGER NOT NULL, body TEXT NOT NULL)`);
    this.sql.exec(`CREATE TABLE IF NOT EXISTS export_tasks (
      task_id TEXT PRIMARY KEY, project_id TEXT NOT NULL, dataset_id TEXT NOT NULL, create_time INTEGER NOT NULL,
      export_type INTEGER NOT NULL, body TEXT NOT NULL)`);
    this.sql.exec(
      `CREATE INDEX IF NOT EXISTS tasks_by_dataset ON export_tasks (dataset_id, create_time DESC, task_id DESC)`,
    );
    this.log.migrate();
    this.keys.migrate();
  }

  /** Deletes every dataset, task, meta value and token change (the request log is kept: reset clears it separately). */
  clearAll(): void {
    this.sql.exec(`DELETE FROM datasets`);
    this.sql.exec(`DELETE FROM export_tasks`);
    this.sql.exec(`DELETE FROM meta`);
    this.keys.clear();
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

  /** Inserts or replaces a dataset of a project. */
  putDataset(projectId: string, dataset: DatasetRecord): void {
    this.sql.exec(
      `INSERT OR REPLACE INTO datasets (dataset_id, project_id, create_time, dataset_name, dataset_type, body)
       VALUES (?, ?, ?, ?, ?, ?)`,
      dataset.dataset_id,
      projectId,
      dataset.create_time,
      dataset.dataset_name,
      dataset.dataset_type,
      JSON.stringify(dataset),
    );
  }

  /** A dataset of a project, or undefined (also when it belongs to another project). */
  dataset(projectId: string, datasetId: string): DatasetRecord | undefined {
    const row = this.sql
      .exec<{ body: string }>(`SELECT body FROM datasets WHERE dataset_id = ? AND project_id = ?`, datasetId, projectId)
      .toArray()[0];
    return row === undefined ? undefined : (JSON.parse(row.body) as DatasetRecord);
  }

  /** One page of a project's datasets, filtered and sorted as asked (ties by `dataset_id` in the same order). */
  datasets(projectId: string, query: DatasetQuery): OffsetPage<DatasetRecord> {
    const where: string[] = ["project_id = ?"];
    const bindings: (string | number)[] = [projectId];
    if (query.searchContent !== undefined) {
      where.push("instr(lower(dataset_name), lower(?)) > 0");
      bindings.push(query.searchContent);
    }
    if (query.datasetType !== undefined) {
      where.push("dataset_type = ?");
      bindings.push(query.datasetType);
    }
    const condition = where.join(" AND ");
    // Both identifiers come from closed unions checked by validation, never from the raw query.
    const column = query.sortBy === "dataset_name" ? "dataset_name" : "create_time";
    const direction = query.order === "asc" ? "ASC" : "DESC";
    const rows = this.sql
      .exec<{ body: string }>(
        `SELECT body FROM datasets WHERE ${condition} ORDER BY ${column} ${direction}, dataset_id ${direction} LIMIT ? OFFSET ?`,
        ...bindings,
        query.limit,
        query.offset,
      )
      .toArray()
      .map((row) => JSON.parse(row.body) as DatasetRecord);
    const total = this.sql
      .exec<{ n: number }>(`SELECT COUNT(*) AS n FROM datasets WHERE ${condition}`, ...bindings)
      .one().n;
    return { rows, total };
  }

  /** Inserts or replaces an export task of a project. */
  putExportTask(projectId: string, task: ExportTaskRecord): void {
    this.sql.exec(
      `INSERT OR REPLACE INTO export_tasks (task_id, project_id, dataset_id, create_time, export_type, body)
       VALUES (?, ?, ?, ?, ?, ?)`,
      task.task_id,
      projectId,
      task.dataset_id,
      task.create_time,
      task.export_type,
      JSON.stringify(task),
    );
  }

  /** An export task of a dataset, or undefined (also when it belongs to another dataset). */
  exportTask(datasetId: string, taskId: string): ExportTaskRecord | undefined {
    const row = this.sql
      .exec<{ body: string }>(`SELECT body FROM export_tasks WHERE task_id = ? AND dataset_id = ?`, taskId, datasetId)
      .toArray()[0];
    return row === undefined ? undefined : (JSON.parse(row.body) as ExportTaskRecord);
  }

  /** One page of a dataset's export tasks, newest first (ties by `task_id`, descending). */
  exportTasks(datasetId: string, query: ExportTaskQuery): OffsetPage<ExportTaskRecord> {
    const typed = query.exportType !== undefined;
    const condition = typed ? "dataset_id = ? AND export_type = ?" : "dataset_id = ?";
    const bindings: (string | number)[] = typed ? [datasetId, query.exportType ?? 0] : [datasetId];
    const rows = this.sql
      .exec<{ body: string }>(
        `SELECT body FROM export_tasks WHERE ${condition} ORDER BY create_time DESC, task_id DESC LIMIT ? OFFSET ?`,
        ...bindings,
        query.limit,
        query.offset,
      )
      .toArray()
      .map((row) => JSON.parse(row.body) as ExportTaskRecord);
    const total = this.sql
      .exec<{ n: number }>(`SELECT COUNT(*) AS n FROM export_tasks WHERE ${condition}`, ...bindings)
      .one().n;
    return { rows, total };
  }

  /** Every export task of a dataset (no order promised). */
  allExportTasks(datasetId: string): ExportTaskRecord[] {
    return this.sql
      .exec<{ body: string }>(`SELECT body FROM export_tasks WHERE dataset_id = ?`, datasetId)
      .toArray()
      .map((row) => JSON.parse(row.body) as ExportTaskRecord);
  }

  /** Appends a request log entry. */
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
