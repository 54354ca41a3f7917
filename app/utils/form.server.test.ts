import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { parseWithZod } from "@conform-to/zod";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { DATABASE_BUSY, replyWithError } from "./form.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rd-form-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The error better-sqlite3 really throws when another connection holds the write lock past busy_timeout. */
function busyError(): unknown {
  const file = path.join(dir, "busy.sqlite");
  const holder = new Database(file);
  holder.pragma("journal_mode = WAL");
  holder.exec("CREATE TABLE IF NOT EXISTS t (x TEXT)");
  const writer = new Database(file);
  writer.pragma("busy_timeout = 0");
  holder.exec("BEGIN IMMEDIATE");
  try {
    writer.prepare("INSERT INTO t VALUES ('x')").run();
    throw new Error("the write went through");
  } catch (error) {
    return error;
  } finally {
    holder.exec("ROLLBACK");
    holder.close();
    writer.close();
  }
}

describe("replyWithError", () => {
  const formData = new FormData();
  formData.set("body", "Een notitie van twintig minuten typen");
  formData.set("password", "geheim wachtwoord");
  const submission = parseWithZod(formData, { schema: z.object({ body: z.string(), password: z.string() }) });

  it("answers a busy database with the message above the form and keeps what was typed, never the password", () => {
    const reply = replyWithError(submission, busyError());
    expect(reply.error?.[""]).toEqual([DATABASE_BUSY]);
    expect(reply.initialValue).toMatchObject({ body: "Een notitie van twintig minuten typen" });
    expect(JSON.stringify(reply)).not.toContain("geheim wachtwoord");
  });

  it("lets an unexpected error through to the error page", () => {
    const unexpected = new TypeError("stuk");
    expect(() => replyWithError(submission, unexpected)).toThrow(unexpected);
  });
});
