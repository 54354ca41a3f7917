import { eq } from "drizzle-orm";
import { escalations, importBatches, trajectories, trajectoryEvents, trajectoryMunicipalities, trajectorySteps } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import { readUpload, sheetOfUploadText, type UploadSheet } from "~/utils/upload-sheet.server";
import { STEPS } from "~/domain/trajectory-codes";
import { parseTrajectorySheet, type TrajectoryRecord } from "~/domain/trajectory-csv";
import type { CsvIssue } from "~/domain/import-sheet";
import { db } from "~/utils/db.server";
import { recentMemo } from "~/utils/recent-memo.server";
import { audit, type Actor } from "./audit.server";
import { referenceLookup } from "./signal-import.server";

export type TrajectoryImportCheck = { ok: false; issues: CsvIssue[] } | { ok: true; records: TrajectoryRecord[] };

/** Refs are unique: importing the same file twice is refused row by row, so no separate duplicate check is needed. */
export function checkTrajectoryImport(source: string | UploadSheet): TrajectoryImportCheck {
  const upload = typeof source === "string" ? sheetOfUploadText(source) : source;
  if ("issues" in upload) return { ok: false, issues: upload.issues };
  const refExists = (ref: string) => db().select({ id: trajectories.id }).from(trajectories).where(eq(trajectories.ref, ref)).get() !== undefined;
  const parsed = parseTrajectorySheet(upload.sheet, referenceLookup(), { refExists });
  if ("issues" in parsed) return { ok: false, issues: parsed.issues };
  return { ok: true, records: parsed.records };
}

const previews = recentMemo<number, Promise<TrajectoryImportCheck>>({ size: 4, ttlMs: 10 * 60_000 });

/** As for signals: the preview of a staged upload is checked once while it is paged through; the import checks again. */
export function previewTrajectoryCheck(uploadId: number, bytes: Uint8Array): Promise<TrajectoryImportCheck> {
  return previews(uploadId, async () => checkTrajectoryImport(await readUpload(bytes)));
}

/**
 * Brings in trajectories already running or done, all rows or none. Steps start "open" (the file does not say more);
 * escalation types become one escalation dated on the closing day, or the start while the trajectory runs.
 */
export function importTrajectories(source: string | UploadSheet, fileName: string, actor: Actor): { batchId: number; count: number } {
  const upload = typeof source === "string" ? sheetOfUploadText(source) : source;
  const check = checkTrajectoryImport(upload);
  if (!check.ok || "issues" in upload) throw new DomainError("IMPORT.INVALID", `Het bestand bevat ${check.ok ? 0 : check.issues.length} fouten; er is niets geïmporteerd.`);
  const at = new Date().toISOString();
  return db().transaction((tx) => {
    // Checked again under the write lock: the same file imported twice at once would otherwise meet the unique index.
    const taken = check.records.find((r) => tx.select({ id: trajectories.id }).from(trajectories).where(eq(trajectories.ref, r.ref)).get());
    if (taken) throw new DomainError("IMPORT.REF_EXISTS", `Traject '${taken.ref}' bestaat al in Rode Draad; er is niets geïmporteerd.`);
    const batch = tx
      .insert(importBatches)
      .values({ kind: "trajectories", fileName: fileName.slice(0, 200), fileHash: upload.hash, rowCount: check.records.length, importedAt: at, importedBy: actor.userId })
      .returning({ id: importBatches.id })
      .get();
    for (const r of check.records) {
      const { id } = tx
        .insert(trajectories)
        .values({
          ref: r.ref,
          regionCode: r.regionCode,
          strategicGoal: r.strategicGoal,
          providersInvolved: r.providersInvolved,
          startedOn: r.startedOn,
          closedOn: r.closedOn,
          status: r.status,
          forcesBundled: r.outcomes.includes("forces_bundled"),
          jointVision: r.outcomes.includes("joint_vision"),
          cooperativeFormed: r.outcomes.includes("cooperative_formed"),
          visionAdapted: r.outcomes.includes("vision_adapted"),
          contractWon: r.contractWon,
          contractsAwardedTotal: r.contractsAwardedTotal,
          importBatchId: batch.id,
          createdBy: actor.userId,
          createdAt: at,
        })
        .returning({ id: trajectories.id })
        .get();
      tx.insert(trajectorySteps).values(STEPS.map((step) => ({ trajectoryId: id, step, state: "open" as const, updatedAt: at }))).run();
      if (r.municipalitiesConsulted.length) {
        tx.insert(trajectoryMunicipalities).values(r.municipalitiesConsulted.map((municipalityCode) => ({ trajectoryId: id, municipalityCode, role: "consulted" as const }))).run();
      }
      if (r.escalationTypes.length) {
        tx.insert(escalations)
          .values({
            trajectoryId: id,
            happenedOn: r.closedOn ?? r.startedOn,
            legal: r.escalationTypes.includes("legal"),
            council: r.escalationTypes.includes("council"),
            publicity: r.escalationTypes.includes("publicity"),
            authorId: actor.userId,
          })
          .run();
      }
      tx.insert(trajectoryEvents).values({ trajectoryId: id, at, userId: actor.userId, kind: "imported", detail: JSON.stringify({ batch: batch.id }) }).run();
    }
    audit(actor, "trajectory.imported", { type: "import_batch", id: batch.id }, { count: check.records.length }, tx);
    return { batchId: batch.id, count: check.records.length };
  });
}
