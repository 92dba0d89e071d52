/**
 * The request log of one tenant of one platform, in that tenant's SQLite storage: every API request as
 * `{method, path, query, status, durationMs, bytes, keyId, traceparent}`, oldest first, capped so that a long benchmark cannot fill the disk.
 * Shared by the Nexus and the ModelArts state objects.
 */
import type { RequestLogEntry } from "./types";

/** The request log keeps this many entries at most (oldest dropped first). */
export const REQUEST_LOG_CAPACITY = 100_000;

/** A request log over a `request_log` table. Every method is synchronous and throws only on SQL faults. */
export class RequestLog {
  constructor(private readonly sql: SqlStorage) {}

  /** Creates the table when it does not exist yet. */
  migrate(): void {
    this.sql.exec(`CREATE TABLE IF NOT EXISTS request_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL)`);
  }

  /** Appends an entry, dropping the oldest beyond {@link REQUEST_LOG_CAPACITY}. */
  append(entry: RequestLogEntry): void {
    this.sql.exec(`INSERT INTO request_log (body) VALUES (?)`, JSON.stringify(entry));
    this.sql.exec(`DELETE FROM request_log WHERE seq <= (SELECT MAX(seq) FROM request_log) - ?`, REQUEST_LOG_CAPACITY);
  }

  /** Every entry, oldest first. */
  list(): RequestLogEntry[] {
    return this.sql
      .exec<{ body: string }>(`SELECT body FROM request_log ORDER BY seq ASC`)
      .toArray()
      .map((row) => JSON.parse(row.body) as RequestLogEntry);
  }

  /** Empties the log. */
  clear(): void {
    this.sql.exec(`DELETE FROM request_log`);
  }
}
