import crypto from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import { rateEvents } from "../../db/schema";
import { db, type Db, type Tx } from "~/utils/db.server";
import { secrets } from "~/utils/keys.server";

/**
 * Counters for public limits. Addresses are kept only as a keyed hash and only for a day: enough to slow abuse,
 * useless for tracing a reporter.
 */
function addressKey(clientAddress: string): string {
  return crypto.createHmac("sha256", secrets().sessionSecret).update(`rate:${clientAddress}`).digest("hex");
}

export function isLimited(bucket: string, clientAddress: string, max: number, windowMinutes: number): boolean {
  const since = new Date(Date.now() - windowMinutes * 60_000);
  const rows = db()
    .select({ id: rateEvents.id })
    .from(rateEvents)
    .where(and(eq(rateEvents.bucket, bucket), eq(rateEvents.key, addressKey(clientAddress)), gt(rateEvents.at, since)))
    .limit(max)
    .all();
  return rows.length >= max;
}

export function recordHit(bucket: string, clientAddress: string, tx: Tx | Db = db()): void {
  tx.insert(rateEvents).values({ bucket, key: addressKey(clientAddress), at: new Date() }).run();
}

/** Run at start: no counter needs to outlive a day. */
export function purgeOldRateEvents(): void {
  db()
    .delete(rateEvents)
    .where(lt(rateEvents.at, new Date(Date.now() - 24 * 60 * 60_000)))
    .run();
}
