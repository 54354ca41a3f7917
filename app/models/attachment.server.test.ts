import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { prepareDatabase } from "~/boot.server";
import { PermissionError } from "~/domain/permissions";
import { db } from "~/utils/db.server";
import { attachmentsOf, attachToSignal, downloadAttachment } from "./attachment.server";
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
    expect(attachmentsOf(id, intermediary)).toMatchObject([{ name: "e-mail van Petra.eml", contentType: "message/rfc822", size: MAIL.byteLength }]);
  });

  it("open as they came, for whoever may read the reporter's identity, and each download is audited", () => {
    const id = signalWithMail();
    const [file] = attachmentsOf(id, intermediary);
    expect(Buffer.compare(Buffer.from(downloadAttachment(id, file!.id, intermediary).bytes), Buffer.from(MAIL))).toBe(0);
    expect(db().$client.prepare("select count(*) from audit_log where action = 'signal.attachment_downloaded' and entity_id = ?").pluck().get(String(id))).toBe(1);
    for (const roles of [["adviser"], ["reader"], ["admin"], []] as const) {
      expect(() => downloadAttachment(id, file!.id, { ...intermediary, roles: [...roles] })).toThrow(PermissionError);
      expect(() => attachmentsOf(id, { ...intermediary, roles: [...roles] })).toThrow(PermissionError);
    }
    // Another signal's number does not open it.
    expect(() => downloadAttachment(id + 1000, file!.id, intermediary)).toThrow(/bestaat niet/);
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
    const { addAttachment } = await import("./attachment.server");
    const id = signalWithMail();
    addAttachment(id, { name: "C:\\Users\\ilse\\Brief\u0007 gemeente.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n%%EOF") }, intermediary);
    expect(attachmentsOf(id, intermediary).at(-1)).toMatchObject({ name: "Brief gemeente.pdf", contentType: "application/pdf" });
    const program = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3]);
    expect(() => addAttachment(id, { name: "brief.pdf", bytes: program }, intermediary)).toThrow(expect.objectContaining({ code: "ATTACHMENT.TYPE_REFUSED", field: "file" }));
    expect(() => addAttachment(id, { name: "groot.txt", bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41) }, intermediary)).toThrow(expect.objectContaining({ code: "ATTACHMENT.TOO_LARGE" }));
    expect(() => addAttachment(id, { name: "x.txt", bytes: new TextEncoder().encode("tekst") }, { ...intermediary, roles: ["adviser"] })).toThrow(PermissionError);
    expect(rowsOf(id)).toBe(2);
  });
});
