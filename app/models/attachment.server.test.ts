import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { prepareDatabase } from "~/boot.server";
import { PermissionError } from "~/domain/permissions";
import { db } from "~/utils/db.server";
import { addAttachment, attachmentsOf, attachToSignal, downloadAttachment, type AttachmentOwner } from "./attachment.server";
import { writeMilestone } from "./procurement.server";
import { createTrajectory, setAdvisers } from "./trajectory.server";
import { insertUser } from "./user.server";
import { anonymiseSignals, removeSignals } from "./signal-erasure.server";
import { createSignal } from "./signal.server";

const intermediary = { userId: null, clientAddress: "test", roles: ["intermediary" as const] };
const MAIL = new TextEncoder().encode("From: Petra <petra@example.org>\r\nSubject: Geheim-bijlage-tekst\r\n\r\nVertrouwelijk verhaal");

function signalWithMail(): number {
  return createSignal(
    {
      receivedOn: "2025-03-04", channel: "email", requesterType: "provider", referredBy: "direct", regionCode: "JZ14", topic: "other",
      procurementPhase: "none", triggers: [], procedure: "unknown", funding: "unknown", summary: "Een vraag per e-mail",
    },
    intermediary,
    (tx, id) => attachToSignal(tx, id, { name: "e-mail van Petra.eml", contentType: "message/rfc822", bytes: MAIL }, intermediary),
  );
}

const signal = (id: number): AttachmentOwner => ({ kind: "signal", id });
const rowsOf = (signalId: number) => db().$client.prepare("select count(*) from attachments where signal_id = ?").pluck().get(signalId);

beforeAll(() => {
  useTempDatabase();
  prepareDatabase();
});

describe("attachments of a signal", () => {
  it("are stored sealed: neither the name nor the bytes appear in the database file's rows", () => {
    const id = signalWithMail();
    const raw = JSON.stringify(db().$client.prepare("select * from attachments where signal_id = ?").all(id));
    expect(raw).not.toContain("Petra");
    expect(raw).not.toContain(Buffer.from(MAIL).toString("base64").slice(0, 24));
    expect(attachmentsOf(signal(id), intermediary)).toMatchObject([{ name: "e-mail van Petra.eml", contentType: "message/rfc822", size: MAIL.byteLength }]);
  });

  it("open as they came, for whoever may read the reporter's identity, and each download is audited", () => {
    const id = signalWithMail();
    const [file] = attachmentsOf(signal(id), intermediary);
    expect(Buffer.compare(Buffer.from(downloadAttachment(signal(id), file!.id, intermediary).bytes), Buffer.from(MAIL))).toBe(0);
    expect(db().$client.prepare("select count(*) from audit_log where action = 'signal.attachment_downloaded' and entity_id = ?").pluck().get(String(id))).toBe(1);
    for (const roles of [["adviser"], ["reader"], ["admin"], []] as const) {
      expect(() => downloadAttachment(signal(id), file!.id, { ...intermediary, roles: [...roles] })).toThrow(PermissionError);
      expect(() => attachmentsOf(signal(id), { ...intermediary, roles: [...roles] })).toThrow(PermissionError);
    }
    // Another signal's number does not open it.
    expect(() => downloadAttachment(signal(id + 1000), file!.id, intermediary)).toThrow(/bestaat niet/);
  });

  it("go with the signal's text when it is anonymised (retention, erasure on request) and with the signal when it is deleted", () => {
    const anonymised = signalWithMail();
    const removed = signalWithMail();
    anonymiseSignals([anonymised], new Date().toISOString(), () => {});
    removeSignals([removed], () => {});
    expect(rowsOf(anonymised)).toBe(0);
    expect(rowsOf(removed)).toBe(0);
  });

  it("leave no bytes behind in the database file once erased (secure_delete)", () => {
    const id = signalWithMail();
    const sealed = db().$client.prepare("select content_sealed from attachments where signal_id = ?").pluck().get(id) as string;
    const file = db().$client.name;
    db().$client.pragma("wal_checkpoint(TRUNCATE)");
    expect(fs.readFileSync(file).includes(sealed.slice(-48))).toBe(true);
    anonymiseSignals([id], new Date().toISOString(), () => {});
    db().$client.pragma("wal_checkpoint(TRUNCATE)");
    expect(fs.readFileSync(file).includes(sealed.slice(-48))).toBe(false);
  });
});

describe("a staged e-mail or import that is never confirmed", () => {
  it("is discarded after a day by the daily upkeep", async () => {
    const { discardStaleUploads, stageUpload, stagedUpload } = await import("./staged-upload.server");
    const userId = Number(db().$client.prepare("insert into users (email, name, password_hash) values ('s@example.org', 'S', 'x') returning id").pluck().get());
    const id = stageUpload("mail", "e-mail.eml", MAIL, { ...intermediary, userId });
    expect(discardStaleUploads(new Date(Date.now() + 23 * 3_600_000))).toBe(0);
    expect(stagedUpload("mail", id, userId)).toBeDefined();
    expect(discardStaleUploads(new Date(Date.now() + 25 * 3_600_000))).toBe(1);
    expect(stagedUpload("mail", id, userId)).toBeUndefined();
  });
});

describe("a file the intermediary adds to a signal", () => {
  it("is kept with the type its bytes say and its own name; anything else is refused at the file field, and nothing is kept", async () => {
    const id = signalWithMail();
    addAttachment(signal(id), { name: "C:\\Users\\ilse\\Brief\u0007 gemeente.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%%EOF") }, intermediary);
    expect(attachmentsOf(signal(id), intermediary).at(-1)).toMatchObject({ name: "Brief gemeente.pdf", contentType: "application/pdf" });
    const program = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3]);
    expect(() => addAttachment(signal(id), { name: "brief.pdf", bytes: program }, intermediary)).toThrow(expect.objectContaining({ code: "ATTACHMENT.TYPE_REFUSED", field: "file" }));
    expect(() => addAttachment(signal(id), { name: "groot.txt", bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41) }, intermediary)).toThrow(expect.objectContaining({ code: "ATTACHMENT.TOO_LARGE" }));
    expect(() => addAttachment(signal(id), { name: "x.txt", bytes: new TextEncoder().encode("tekst") }, { ...intermediary, roles: ["adviser"] })).toThrow(PermissionError);
    expect(rowsOf(id)).toBe(2);
  });
});

describe("files of a trajectory and of a region's procurement milestone", () => {
  const PDF = new TextEncoder().encode("%PDF-1.4\nInkoopdocument\n%%EOF");
  const user = (email: string, roles: ("intermediary" | "adviser")[]) =>
    db().transaction((tx) => insertUser(tx, { email, name: email, roles, passwordHash: "x", mustChangePassword: false }));
  const trajectoryIn = (regionCode: string) =>
    createTrajectory({ regionCode, municipalities: [], associations: [], providersInvolved: 2, strategicGoal: "Inkoop bijsturen", startedOn: "2026-01-05" }, intermediary);
  const milestoneIn = (regionCode: string) =>
    db().transaction((tx) => writeMilestone(tx, { regionCode, kind: "tender_published", dueOn: "2026-03-01", title: "Aankondiging" }, intermediary)).id;
  const audited = (action: string, id: number) => db().$client.prepare("select count(*) from audit_log where action = ? and entity_id = ?").pluck().get(action, String(id));

  let assigned: { userId: number; clientAddress: string; roles: ["adviser"] };
  let elsewhere: { userId: number; clientAddress: string; roles: ["adviser"] };
  let owners: AttachmentOwner[];
  beforeAll(() => {
    assigned = { userId: user("adviseur-zeist@example.org", ["adviser"]), clientAddress: "test", roles: ["adviser"] };
    elsewhere = { userId: user("adviseur-elders@example.org", ["adviser"]), clientAddress: "test", roles: ["adviser"] };
    const zeist = trajectoryIn("JZ23");
    setAdvisers(zeist, [assigned.userId], intermediary);
    setAdvisers(trajectoryIn("JZ01"), [elsewhere.userId], intermediary);
    owners = [{ kind: "trajectory", id: zeist }, { kind: "milestone", id: milestoneIn("JZ23") }];
  });

  it("are added by the intermediary with the sniffed type, listed and downloaded by whoever may open the owner, each addition and download audited", () => {
    for (const owner of owners) {
      addAttachment(owner, { name: "inkoopdocument.pdf", bytes: PDF }, intermediary);
      expect(audited(`${owner.kind}.attachment_added`, owner.id)).toBe(1);
      const [file] = attachmentsOf(owner, assigned);
      expect(file).toMatchObject({ name: "inkoopdocument.pdf", contentType: "application/pdf", size: PDF.byteLength });
      for (const reader of [intermediary, assigned]) expect(Buffer.from(downloadAttachment(owner, file!.id, reader).bytes).equals(Buffer.from(PDF))).toBe(true);
      expect(audited(`${owner.kind}.attachment_downloaded`, owner.id)).toBe(2);
      // The same file number under another owner opens nothing.
      expect(() => downloadAttachment({ ...owner, id: owner.id + 1000 }, file!.id, intermediary)).toThrow();
    }
  });

  it("are refused to the adviser of another region, a reader and an admin, and only the intermediary adds them; a disguised program is refused at the file field", () => {
    for (const owner of owners) {
      const [file] = attachmentsOf(owner, intermediary);
      for (const actor of [elsewhere, { ...intermediary, roles: ["reader" as const] }, { ...intermediary, roles: ["admin" as const] }]) {
        expect(() => attachmentsOf(owner, actor)).toThrow(PermissionError);
        expect(() => downloadAttachment(owner, file!.id, actor)).toThrow(PermissionError);
      }
      expect(() => addAttachment(owner, { name: "x.pdf", bytes: PDF }, assigned)).toThrow(PermissionError);
      expect(() => addAttachment(owner, { name: "brief.pdf", bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0, 3]) }, intermediary)).toThrow(
        expect.objectContaining({ code: "ATTACHMENT.TYPE_REFUSED", field: "file" }),
      );
    }
    expect(() => addAttachment({ kind: "milestone", id: 999_999 }, { name: "x.pdf", bytes: PDF }, intermediary)).toThrow(expect.objectContaining({ code: "PROCUREMENT.NOT_FOUND" }));
  });

  it("go with their owner when it is removed, and the database allows exactly one owner per file", () => {
    const trajectory: AttachmentOwner = { kind: "trajectory", id: trajectoryIn("JZ14") };
    const milestone: AttachmentOwner = { kind: "milestone", id: milestoneIn("JZ14") };
    for (const owner of [trajectory, milestone]) addAttachment(owner, { name: "weg.pdf", bytes: PDF }, intermediary);
    const count = (column: string, id: number) => db().$client.prepare(`select count(*) from attachments where ${column} = ?`).pluck().get(id);
    db().$client.prepare("delete from procurement_milestones where id = ?").run(milestone.id);
    expect(count("milestone_id", milestone.id)).toBe(0);
    db().$client.prepare("delete from trajectories where id = ?").run(trajectory.id);
    expect(count("trajectory_id", trajectory.id)).toBe(0);
    const insert = (owners: string) =>
      db().$client.prepare(`insert into attachments (${owners}, name_sealed, content_type, size, content_sealed, added_at) values (${owners.split(",").map(() => "?").join(",")}, 'x', 'text/plain', 1, 'x', 'now')`);
    const milestoneId = milestoneIn("JZ14");
    const signalId = signalWithMail();
    expect(() => insert("signal_id, milestone_id").run(signalId, milestoneId)).toThrow(/CHECK constraint/);
    expect(() => db().$client.prepare("insert into attachments (name_sealed, content_type, size, content_sealed, added_at) values ('x', 'text/plain', 1, 'x', 'now')").run()).toThrow(/CHECK constraint/);
  });
});
