import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Points the app at a fresh SQLite file in a temp folder (its secrets.json lands beside it). Call before the first
 * database access of a test file; vitest gives every test file its own module registry, so files never share one.
 */
export function useTempDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rode-draad-test-"));
  const file = path.join(dir, "test.db");
  process.env.DATABASE_PATH = file;
  delete process.env.SESSION_SECRET;
  delete process.env.DATA_KEY;
  return file;
}
