import { afterEach, describe, expect, it } from "vitest";
import { closeDb, db } from "~/utils/db.server";
import { useTempDatabase } from "./temp-database";

afterEach(() => closeDb());

describe("the app's database connection", () => {
  it("runs in WAL mode with synchronous=FULL, foreign keys, secure_delete and a busy timeout of at least 5 s", () => {
    useTempDatabase();
    const sqlite = db().$client;
    const pragma = (name: string) => sqlite.pragma(name, { simple: true });
    expect(pragma("journal_mode")).toBe("wal");
    // better-sqlite3 leaves NORMAL (1), which can lose an acknowledged write on power loss in WAL mode.
    expect(pragma("synchronous")).toBe(2);
    expect(pragma("foreign_keys")).toBe(1);
    expect(pragma("secure_delete")).toBe(1);
    expect(pragma("busy_timeout")).toBeGreaterThanOrEqual(5000);
  });
});
