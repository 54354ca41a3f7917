import { auditLog } from "../../db/schema";
import { db } from "~/utils/db.server";
import { chainHash, GENESIS_HASH } from "./audit.server";

/**
 * Walks the audit log in order and recomputes every link of the hash chain. Returns the first entry whose stored
 * hashes do not follow from its content and its predecessor: there the log was altered, or entries were removed.
 */
export function verifyAuditChain(): { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string } {
  let prev = GENESIS_HASH;
  let entries = 0;
  // Streams the rows: the log only grows, and a full copy in memory is not needed to check it.
  const rows = db().$client.prepare(
    "select id, at, actor_user_id as actorUserId, action, entity_type as entityType, entity_id as entityId, client_address as clientAddress, detail, prev_hash as prevHash, hash from audit_log order by id",
  );
  for (const row of rows.iterate() as IterableIterator<typeof auditLog.$inferSelect>) {
    entries += 1;
    if (row.prevHash !== prev) return { ok: false, entries, brokenAt: row.id, reason: "verwijst niet naar de vorige regel (regel verwijderd of ingevoegd)" };
    const expected = chainHash(prev, [row.at, row.actorUserId, row.action, row.entityType, row.entityId, row.clientAddress, row.detail]);
    if (row.hash !== expected) return { ok: false, entries, brokenAt: row.id, reason: "inhoud past niet bij de hash (regel gewijzigd)" };
    prev = row.hash;
  }
  return { ok: true, entries };
}
