import { databasePath, migrateDatabase, openDatabase, type Db } from "../../db/client";

export type { Db };
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

let instance: Db | undefined;

export function db(): Db {
  instance ??= openDatabase(databasePath());
  return instance;
}

export function migrate(): void {
  migrateDatabase(db());
}

export function closeDb(): void {
  instance?.$client.close();
  instance = undefined;
}
