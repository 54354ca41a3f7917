import Database from "better-sqlite3";

/**
 * Another process held the write lock longer than busy_timeout (a large import publishing, say). Nothing was
 * written; the request may be tried again. Apart from the connection (db.server.ts), so a route can tell the
 * reporter to try again without reaching for the database itself.
 */
export function isDatabaseBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY");
}
