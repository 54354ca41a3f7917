import { and, eq, lt } from "drizzle-orm";
import { stagedUploads } from "../../db/schema";
import { db, type Tx } from "~/utils/db.server";
import type { Actor } from "./audit.server";
import { sealRequired, unsealRequired } from "./sealed.server";

export type UploadKind = "signals" | "trajectories" | "mail";

// The file is kept as it came (an .xlsx, or a CSV in whatever encoding), base64 in the sealed text column; rows staged
// before the imports kept bytes hold the CSV text itself, without the prefix.
const BYTES = "base64:";

function encode(content: Uint8Array | string): string {
  return typeof content === "string" ? content : BYTES + Buffer.from(content).toString("base64");
}

function decode(text: string): Uint8Array {
  return text.startsWith(BYTES) ? new Uint8Array(Buffer.from(text.slice(BYTES.length), "base64")) : new TextEncoder().encode(text);
}

/** Keeps an uploaded file (sealed: it can hold summaries) until the intermediary confirms or leaves it. */
export function stageUpload(kind: UploadKind, fileName: string, content: Uint8Array | string, actor: Actor & { userId: number }): number {
  const text = encode(content);
  return db()
    .insert(stagedUploads)
    .values({ kind, uploadedBy: actor.userId, uploadedAt: new Date().toISOString(), fileName: fileName.slice(0, 200), contentSealed: sealRequired(text, "upload") })
    .returning({ id: stagedUploads.id })
    .get().id;
}

/** Only the person who uploaded a file can preview or import it. */
export function stagedUpload(kind: UploadKind, id: number, userId: number): { id: number; fileName: string; bytes: Uint8Array } | undefined {
  const row = db()
    .select()
    .from(stagedUploads)
    .where(and(eq(stagedUploads.id, id), eq(stagedUploads.uploadedBy, userId), eq(stagedUploads.kind, kind)))
    .get();
  return row ? { id: row.id, fileName: row.fileName, bytes: decode(unsealRequired(row.contentSealed, "upload")) } : undefined;
}

/** `tx`: when the upload is used up by a change, it goes in the change's transaction. */
export function discardUpload(id: number, tx: Tx | ReturnType<typeof db> = db()): void {
  tx.delete(stagedUploads).where(eq(stagedUploads.id, id)).run();
}

/** A file left in the preview (an import not confirmed, an e-mail whose signal was never saved) is kept one day. */
export const STAGED_UPLOAD_HOURS = 24;

export function discardStaleUploads(now = new Date()): number {
  const before = new Date(now.getTime() - STAGED_UPLOAD_HOURS * 3_600_000).toISOString();
  return db().delete(stagedUploads).where(lt(stagedUploads.uploadedAt, before)).run().changes;
}
