import { auditLog } from "../../db/schema";
import { db } from "~/utils/db.server";
import { readAuditAnchor } from "./audit-anchor.server";
import { chainHash, GENESIS_HASH } from "./audit.server";

export type AuditVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/**
 * Walks the audit log in order and recomputes every link of the hash chain, then holds the log against its anchor
 * (see audit-anchor.server.ts). Returns the first entry whose stored hashes do not follow from its content and its
 * predecessor (there the log was altered, or entries were removed), or where the log falls short of the anchor.
 */
export function verifyAuditChain(): AuditVerdict {
  const anchorState = readAuditAnchor();
  const anchor = anchorState.state === "valid" ? anchorState.anchor : undefined;
  let prev = GENESIS_HASH;
  let entries = 0;
  let lastId = 0;
  let anchorSeen = false;
  // Streams the rows: the log only grows, and a full copy in memory is not needed to check it.
  const rows = db().$client.prepare(
    "select id, at, actor_user_id as actorUserId, action, entity_type as entityType, entity_id as entityId, client_address as clientAddress, detail, prev_hash as prevHash, hash from audit_log order by id",
  );
  for (const row of rows.iterate() as IterableIterator<typeof auditLog.$inferSelect>) {
    entries += 1;
    lastId = row.id;
    if (row.prevHash !== prev) return { ok: false, entries, brokenAt: row.id, reason: "verwijst niet naar de vorige regel (regel verwijderd of ingevoegd)" };
    const expected = chainHash(prev, [row.at, row.actorUserId, row.action, row.entityType, row.entityId, row.clientAddress, row.detail]);
    if (row.hash !== expected) return { ok: false, entries, brokenAt: row.id, reason: "inhoud past niet bij de hash (regel gewijzigd)" };
    if (anchor && row.id === anchor.lastId) {
      if (row.hash !== anchor.lastHash || entries !== anchor.entries) return { ok: false, entries, brokenAt: row.id, reason: "past niet bij het auditanker (log herschreven)" };
      anchorSeen = true;
    }
    prev = row.hash;
  }
  if (entries === 0 && anchorState.state === "missing") return { ok: true, entries };
  if (anchorState.state === "missing") {
    return { ok: false, entries, brokenAt: lastId, reason: "het auditanker ontbreekt, dus of de laatste regels zijn verwijderd is niet na te gaan (start de app om een nieuw anker te zetten)" };
  }
  if (!anchor) return { ok: false, entries, brokenAt: lastId, reason: "het auditanker is ongeldig (gewijzigd, of een ander sessiegeheim)" };
  if (!anchorSeen) {
    return { ok: false, entries, brokenAt: lastId, reason: `de laatste regels ontbreken: het anker noemt regel ${anchor.lastId} (${anchor.entries} regels), het log houdt op bij regel ${lastId} (${entries} regels)` };
  }
  return { ok: true, entries };
}
