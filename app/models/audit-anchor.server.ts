import crypto from "node:crypto";
import fs from "node:fs";
import { and, desc, eq, gt, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "../../db/schema";
import { db, onCloseDb } from "~/utils/db.server";
import { replaceFileDurably } from "~/utils/durable-file.server";
import { secrets } from "./keys.server";
import { describeError, log } from "~/utils/log.server";
import { env } from "~/utils/env.server";

/**
 * The hash chain shows an entry changed, inserted or removed in the middle, but not the newest entries removed: what
 * is left is still a valid chain. So the head of the log (its number of entries, last id and hash) is also kept outside
 * the table, in `<database>.audit-anchor` beside secrets.json, signed with a key derived from the session secret, and
 * moved on within about a second of every append and when the process closes the database. `npm run audit:verify`
 * then requires the anchored entry, with that hash and that many entries up to it.
 */
const anchorSchema = z.object({
  entries: z.number().int().positive(),
  lastId: z.number().int().positive(),
  lastHash: z.string(),
  at: z.string(),
  mac: z.string(),
});
export type AuditAnchor = z.infer<typeof anchorSchema>;
export type AnchorState = { state: "missing" } | { state: "invalid" } | { state: "valid"; anchor: AuditAnchor };

function anchorFile(): string {
  return `${env().DATABASE_PATH}.audit-anchor`;
}

function macOf(anchor: Omit<AuditAnchor, "mac">): string {
  const key = crypto.createHmac("sha256", secrets().sessionSecret).update("rode-draad/audit-anchor/v1").digest();
  return crypto.createHmac("sha256", key).update(JSON.stringify([anchor.entries, anchor.lastId, anchor.lastHash, anchor.at])).digest("hex");
}

export function readAuditAnchor(): AnchorState {
  if (!fs.existsSync(anchorFile())) return { state: "missing" };
  let parsed: z.SafeParseReturnType<unknown, AuditAnchor>;
  try {
    parsed = anchorSchema.safeParse(JSON.parse(fs.readFileSync(anchorFile(), "utf8")));
  } catch {
    return { state: "invalid" };
  }
  if (!parsed.success) return { state: "invalid" };
  const expected = Buffer.from(macOf(parsed.data));
  const given = Buffer.from(parsed.data.mac);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? { state: "valid", anchor: parsed.data } : { state: "invalid" };
}

function writeAnchor(entries: number, last: { id: number; hash: string }): void {
  const unsigned = { entries, lastId: last.id, lastHash: last.hash, at: new Date().toISOString() };
  replaceFileDurably(anchorFile(), JSON.stringify({ ...unsigned, mac: macOf(unsigned) }, null, 2) + "\n");
}

function countEntries(where?: ReturnType<typeof and>): number {
  return db().select({ n: sql<number>`count(*)` }).from(auditLog).where(where).get()?.n ?? 0;
}

/**
 * Moves the anchor to the newest entry. It only ever extends a valid anchor whose entry is still in the log with the
 * same hash; otherwise it leaves the evidence alone and logs an error (audit:verify reports it). `atStart`: the
 * server's start, where a missing anchor over an existing log is worth a warning (after an upgrade, or it was removed).
 */
export function refreshAuditAnchor(options: { atStart?: boolean } = {}): void {
  const last = db().select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  if (!last) return;
  const current = readAuditAnchor();
  if (current.state === "invalid") {
    log.error("Auditanker ongeldig; niet bijgewerkt. Voer npm run audit:verify uit.");
    return;
  }
  if (current.state === "missing") {
    const entries = countEntries();
    if (options.atStart) log.warn("Auditanker ontbrak en is opnieuw gezet; eerder verwijderde regels zijn zo niet meer aan te tonen", { entries });
    writeAnchor(entries, last);
    return;
  }
  const { anchor } = current;
  if (last.id === anchor.lastId && last.hash === anchor.lastHash) return;
  const anchored = db().select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.id, anchor.lastId)).get();
  if (anchored?.hash !== anchor.lastHash || last.id < anchor.lastId) {
    log.error("Auditlog past niet bij het anker; niet bijgewerkt. Voer npm run audit:verify uit.");
    return;
  }
  writeAnchor(anchor.entries + countEntries(and(gt(auditLog.id, anchor.lastId), lte(auditLog.id, last.id))), last);
}

/** After a restore the log is the copy's: the anchor starts over at its head, on purpose. */
export function resetAuditAnchor(): void {
  fs.rmSync(anchorFile(), { force: true });
  refreshAuditAnchor();
}

let pending: NodeJS.Timeout | undefined;
let hooked = false;

function flush(): void {
  if (pending) clearTimeout(pending);
  pending = undefined;
  try {
    refreshAuditAnchor();
  } catch (error) {
    log.error("Auditanker niet bijgewerkt", { error: describeError(error) });
  }
}

/** Called by `audit()` for every entry: the anchor follows within a second, and at the latest when the database closes. */
export function noteAuditAppend(): void {
  if (!hooked) {
    onCloseDb(() => {
      if (pending) flush();
    });
    hooked = true;
  }
  pending ??= setTimeout(flush, 1_000).unref();
}
