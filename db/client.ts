import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** How long a statement waits for another connection's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 5000;

/** npm scripts run from the project root, in the built server and under tsx alike. */
const MIGRATIONS_FOLDER = path.resolve(process.cwd(), "db/migrations");

/**
 * Opens (and creates) the database file with the pragmas every connection needs:
 * WAL for concurrent readers, synchronous=FULL so an acknowledged write survives power loss,
 * secure_delete so erased confidential text does not linger in free pages.
 */
/** `file` comes from the configuration (env().DATABASE_PATH), read once by whoever opens the database. */
export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("secure_delete = ON");
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Temporary tables (an import's staging rows, already sealed) and sorts stay in memory, out of temp files.
  sqlite.pragma("temp_store = MEMORY");
  // 64 MB of page cache (default 2 MB): a large import's publishing transaction then writes its index pages once
  // instead of spilling them, and holds the write lock about half as long.
  sqlite.pragma("cache_size = -65536");
  const database = drizzle(sqlite, { schema }) as Db;
  // Every transaction takes the write lock at BEGIN. A deferred one that reads and then writes fails at once with
  // SQLITE_BUSY_SNAPSHOT when another process (a command-line import, retention) committed in between; an immediate
  // one waits for the lock (busy_timeout) and then reads the latest data.
  const transaction = database.transaction.bind(database);
  database.transaction = ((run, config) => transaction(run, { behavior: "immediate", ...config })) as Db["transaction"];
  return database;
}

export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
