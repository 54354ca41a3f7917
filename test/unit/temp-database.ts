import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadEnv } from "../../app/utils/env.server";

/**
 * Points the app at a fresh SQLite file in a temp folder (its secrets.json lands beside it), through the
 * configuration of this test file's modules, not process.env. Call before the first database access of a test file;
 * vitest gives every test file its own module registry, so files never share one. `settings` are further variables.
 */
export function useTempDatabase(settings: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-test-"));
  const file = path.join(dir, "test.db");
  loadEnv({ ...process.env, DATABASE_PATH: file, SESSION_SECRET: undefined, DATA_KEY: undefined, ...settings });
  return file;
}
