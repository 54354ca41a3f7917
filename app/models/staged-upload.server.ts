import { and, eq } from "drizzle-orm";
import { stagedUploads } from "../../db/schema";
import { db } from "~/utils/db.server";
import type { Actor } from "./audit.server";
import { sealRequired, unsealRequired } from "./sealed.server";

export type UploadKind = "signals" | "trajectories";


/** Keeps an uploaded file (sealed: it can hold summaries) until the intermediary confirms or leaves it. */
export function stageUpload(kind: UploadKind, fileName: string, text: string, actor: Actor & { userId: number }): number {
  return db()
    .insert(stagedUploads)
    .values({ kind, uploadedBy: actor.userId, uploadedAt: new Date().toISOString(), fileName: fileName.slice(0, 200), contentSealed: sealRequired(text, "upload") })
    .returning({ id: stagedUploads.id })
    .get().id;
}

/** Only the person who uploaded a file can preview or import it. */
export function stagedUpload(kind: UploadKind, id: number, userId: number): { id: number; fileName: string; text: string } | undefined {
  const row = db()
    .select()
    .from(stagedUploads)
    .where(and(eq(stagedUploads.id, id), eq(stagedUploads.uploadedBy, userId), eq(stagedUploads.kind, kind)))
    .get();
  return row ? { id: row.id, fileName: row.fileName, text: unsealRequired(row.contentSealed, "upload") } : undefined;
}

export function discardUpload(id: number): void {
  db().delete(stagedUploads).where(eq(stagedUploads.id, id)).run();
}
