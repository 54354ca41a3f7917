import { and, asc, eq } from "drizzle-orm";
import { attachments, signals, trajectories } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import { megabytes } from "~/domain/file-limits";
import { KEPT_FILE_LABELS, keptFileTypeOf } from "~/domain/file-type";
import { assertCan, PermissionError, type Capability } from "~/domain/permissions";
import { db, type Tx } from "~/utils/db.server";
import { fileLimits } from "~/utils/file-limits.server";
import { audit, type Actor } from "./audit.server";
import { regionOfMilestone } from "./procurement.server";
import { mayOpenRegion } from "./region-overview.server";
import { sealRequired, unsealRequired } from "./sealed.server";
import { canSee, type Viewer } from "./trajectory.server";

export type NewAttachment = { name: string; contentType: string; bytes: Uint8Array };
export type AttachmentInfo = { id: number; name: string; contentType: string; size: number; addedAt: string };

/** What a file is kept with: a signal, a trajectory or a region's procurement milestone (one owner per file). */
export type AttachmentOwner = { kind: "signal" | "trajectory" | "milestone"; id: number };

const OWNER_COLUMN = { signal: attachments.signalId, trajectory: attachments.trajectoryId, milestone: attachments.milestoneId } as const;
const OWNER_KEY = { signal: "signalId", trajectory: "trajectoryId", milestone: "milestoneId" } as const;

/**
 * Who adds and who reads the files of each owner (permissions.ts), and which of the owner's records the reader may open:
 * a saved e-mail names who sent it, so a signal's files are for signal.readIdentity like the reporter's identity; a
 * trajectory's for whoever may open that trajectory (the intermediary, its advisers); a milestone's for whoever may
 * open its region's page (the intermediary, an adviser with a trajectory there), where the milestones are listed.
 */
const OWNER_RULES: Record<AttachmentOwner["kind"], { add: Capability; read: Capability; exists: (id: number) => boolean; inScope: (id: number, actor: Actor) => boolean }> = {
  signal: {
    add: "signal.record",
    read: "signal.readIdentity",
    exists: (id) => Boolean(db().select({ id: signals.id }).from(signals).where(eq(signals.id, id)).get()),
    inScope: () => true,
  },
  trajectory: {
    add: "trajectory.manage",
    read: "trajectory.readAssigned",
    exists: (id) => Boolean(db().select({ id: trajectories.id }).from(trajectories).where(eq(trajectories.id, id)).get()),
    inScope: (id, actor) => canSee(id, viewerOf(actor)),
  },
  milestone: {
    add: "region.editMilestones",
    read: "region.readOwn",
    exists: (id) => regionOfMilestone(id) !== undefined,
    inScope: (id, actor) => {
      const region = regionOfMilestone(id);
      return region !== undefined && mayOpenRegion(region, viewerOf(actor));
    },
  },
};

/** An actor without an account (a test, the system) is assigned to nothing: only a read-any capability opens for it. */
function viewerOf(actor: Actor): Viewer {
  return { id: actor.userId ?? 0, roles: actor.roles ?? [] };
}

const AUDIT_TARGET = { signal: "signal", trajectory: "trajectory", milestone: "milestone" } as const;

/** Inside the transaction that creates or changes the owner, so it never exists half with its file. */
export function attachTo(tx: Tx, owner: AttachmentOwner, file: NewAttachment, actor: Actor): void {
  const row = tx
    .insert(attachments)
    .values({
      [OWNER_KEY[owner.kind]]: owner.id,
      nameSealed: sealRequired(file.name, "attachmentName"),
      contentType: file.contentType,
      size: file.bytes.byteLength,
      contentSealed: sealRequired(Buffer.from(file.bytes).toString("base64"), "attachmentContent"),
      addedAt: new Date().toISOString(),
      addedBy: actor.userId,
    })
    .returning({ id: attachments.id })
    .get();
  audit(actor, `${owner.kind}.attachment_added`, { type: AUDIT_TARGET[owner.kind], id: owner.id }, { attachment: row.id, size: file.bytes.byteLength }, tx);
}

/** The signal's file of the intake (portal, saved e-mail), inside the transaction that creates the signal. */
export function attachToSignal(tx: Tx, signalId: number, file: NewAttachment, actor: Actor): void {
  attachTo(tx, { kind: "signal", id: signalId }, file, actor);
}

/** A file's own name without folders or control characters, as the browser sent it (old browsers on Windows send the whole path). */
export function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200) || "bijlage";
}

const NOT_FOUND = {
  signal: ["SIGNAL.NOT_FOUND", "Dit signaal bestaat niet."],
  trajectory: ["TRAJECTORY.NOT_FOUND", "Dit traject bestaat niet."],
  milestone: ["PROCUREMENT.NOT_FOUND", "Dit document bestaat niet (meer)."],
} as const;

/**
 * A file someone adds by hand (a tender document, a letter from the municipality). Kept only when its bytes say it is
 * one of the kinds Rode Draad keeps; the type stored is the one found, never the one claimed.
 */
export function addAttachment(owner: AttachmentOwner, file: { name: string; bytes: Uint8Array }, actor: Actor): void {
  assertCan(actor, OWNER_RULES[owner.kind].add);
  // The setting the pages' body limit is made from too (body-limit.server.ts).
  const { maxBytes } = fileLimits();
  if (file.bytes.byteLength > maxBytes) throw new DomainError("ATTACHMENT.TOO_LARGE", `Het bestand is groter dan ${megabytes(maxBytes)}.`, "file");
  const type = keptFileTypeOf(file.bytes);
  if (!type) throw new DomainError("ATTACHMENT.TYPE_REFUSED", `Dit soort bestand bewaart Rode Draad niet. Wel: ${KEPT_FILE_LABELS}.`, "file");
  if (!OWNER_RULES[owner.kind].exists(owner.id)) throw new DomainError(NOT_FOUND[owner.kind][0], NOT_FOUND[owner.kind][1]);
  db().transaction((tx) => attachTo(tx, owner, { name: cleanName(file.name), contentType: type.contentType, bytes: file.bytes }, actor));
}

/** The capability, then the owner's scope: an adviser reads only the files of what they may open. */
function assertMayRead(owner: AttachmentOwner, actor: Actor): void {
  const rule = OWNER_RULES[owner.kind];
  assertCan(actor, rule.read);
  if (!rule.inScope(owner.id, actor)) throw new PermissionError(rule.read);
}

/** The files of an owner without their bytes, for its page. */
export function attachmentsOf(owner: AttachmentOwner, actor: Actor): AttachmentInfo[] {
  assertMayRead(owner, actor);
  return db()
    .select({ id: attachments.id, nameSealed: attachments.nameSealed, contentType: attachments.contentType, size: attachments.size, addedAt: attachments.addedAt })
    .from(attachments)
    .where(eq(OWNER_COLUMN[owner.kind], owner.id))
    .orderBy(asc(attachments.id))
    .all()
    .map(({ nameSealed, ...info }) => ({ ...info, name: unsealRequired(nameSealed, "attachmentName") }));
}

/** One file of an owner with its bytes, for a download; every download is audited. */
export function downloadAttachment(owner: AttachmentOwner, attachmentId: number, actor: Actor): NewAttachment {
  assertMayRead(owner, actor);
  const row = db()
    .select()
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(OWNER_COLUMN[owner.kind], owner.id)))
    .get();
  if (!row) throw new DomainError("ATTACHMENT.NOT_FOUND", "Deze bijlage bestaat niet (meer).");
  audit(actor, `${owner.kind}.attachment_downloaded`, { type: AUDIT_TARGET[owner.kind], id: owner.id }, { attachment: row.id });
  return {
    name: unsealRequired(row.nameSealed, "attachmentName"),
    contentType: row.contentType,
    bytes: new Uint8Array(Buffer.from(unsealRequired(row.contentSealed, "attachmentContent"), "base64")),
  };
}
