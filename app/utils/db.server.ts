import { BUSY_TIMEOUT_MS, migrateDatabase, openDatabase, type Db } from "../../db/client";
import { isDatabaseBusy } from "./database-busy.server";
import { env } from "./env.server";

export type { Db };
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

let instance: Db | undefined;

export function db(): Db {
  instance ??= openDatabase(env().DATABASE_PATH);
  return instance;
}

export function migrate(): void {
  migrateDatabase(db());
}

/**
 * Statements prepared once per connection instead of once per call (drizzle builds and SQLite compiles a query
 * again on every call otherwise). There is one connection for the app's writes, so a statement prepared on it also
 * runs inside a transaction on it.
 */
export function preparedOnce<T>(make: (database: Db) => T): () => T {
  const made = new WeakMap<Db, T>();
  return () => {
    const database = db();
    let statements = made.get(database);
    if (!statements) made.set(database, (statements = make(database)));
    return statements;
  };
}

const beforeClose = new Set<() => void>();

/** Work a model must finish on this connection before it closes (a process ending cleanly closes it last). */
export function onCloseDb(hook: () => void): void {
  beforeClose.add(hook);
}

export function closeDb(): void {
  if (instance) for (const hook of beforeClose) hook();
  instance?.$client.close();
  instance = undefined;
}

/** Whether another process holds the write lock at this moment; asks without waiting for it. */
function writeLockHeldElsewhere(): boolean {
  const client = db().$client;
  if (client.inTransaction) return false;
  client.pragma("busy_timeout = 0");
  try {
    client.exec("begin immediate");
    client.exec("rollback");
    return false;
  } catch (error) {
    if (isDatabaseBusy(error)) return true;
    throw error;
  } finally {
    client.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

/**
 * Waits, without blocking the event loop, while another process (a large import publishing, retention from the
 * command line) holds the write lock, for at most `maxMs`. SQLite's own busy wait would stop the whole server
 * meanwhile: no page, no health check, and renders in flight run into their time limit. After this the request's own
 * statements wait at most busy_timeout more.
 */
export async function untilWritable(maxMs = 10_000): Promise<void> {
  const started = Date.now();
  while (writeLockHeldElsewhere() && Date.now() - started < maxMs) await new Promise((resolve) => setTimeout(resolve, 20));
}
