import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { isDatabaseBusy } from "./database-busy.server";

export class InstanceLockedError extends Error {
  override name = "InstanceLockedError";
}

/**
 * Who works on a database file holds `<database>.lock`: the server for as long as it runs, restore and key rotation
 * for as long as they replace or re-encrypt. The lock is SQLite's own exclusive file lock on that small file, and the
 * operating system drops it when the process ends however it ends (also kill -9), so no stale lock ever needs
 * clearing and no process id can be mistaken for another. Unlike probing HOST:PORT, it does not matter where (or
 * whether) the holder listens.
 */
export function takeInstanceLock(databaseFile: string): { release: () => void } {
  const file = `${databaseFile}.lock`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const lock = new Database(file, { timeout: 0 });
  try {
    // In exclusive locking mode the lock BEGIN EXCLUSIVE takes is kept until the connection closes; the journal of
    // this empty file stays in memory, so the folder holds no lock journal.
    lock.pragma("locking_mode = EXCLUSIVE");
    lock.pragma("journal_mode = MEMORY");
    lock.exec("begin exclusive; create table if not exists holder (since text); commit;");
  } catch (error) {
    lock.close();
    if (isDatabaseBusy(error)) {
      throw new InstanceLockedError(
        "Rode Draad gebruikt deze database nog: er draait een server op (op welk adres dan ook), of een herstel of sleutelrotatie is bezig. Stop die eerst.",
      );
    }
    throw error;
  }
  return { release: () => lock.close() };
}
