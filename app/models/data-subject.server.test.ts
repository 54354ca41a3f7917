import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { auditLog, signalMessages, signalNotes, signals } from "../../db/schema";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";
import { PermissionError } from "~/domain/permissions";
import { eraseDataSubject, exportDataSubject, findDataSubject } from "./data-subject.server";
import { addReporterMessage, replyToReporter, submitPortalSignal } from "./portal.server";
import { yearReport } from "./report.server";
import { addNote, changeStatus, createSignal } from "./signal.server";
import { addAttachment } from "./attachment.server";
import { setPreferences } from "./notifications.server";
import { insertUser } from "./user.server";

const actor = { userId: null, clientAddress: "test", roles: ["intermediary"] as const };
const thisYear = new Date().getFullYear();
let zoeIntake: number;
let zoePortal: number;
let zoeCode: string;
let otherId: number;
let staffId: number;

function intake(reporter: { reporterName?: string; reporterEmail?: string; reporterOrganisation?: string }, receivedOn: string) {
  return createSignal(
    {
      receivedOn,
      channel: "email",
      requesterType: "provider",
      referredBy: "direct",
      regionCode: "JZ14",
      topic: "strategy_advice",
      procurementPhase: "running_tender",
      triggers: ["provider_reduction"],
      procedure: "unknown",
      funding: "unknown",
      summary: "Vraag over de aanbesteding ambulant",
      details: "Vertrouwelijke toelichting over gemeente X",
      ...reporter,
    },
    actor,
  );
}

function lastPortalId(): number {
  return db().select({ id: signals.id }).from(signals).where(eq(signals.channel, "portal")).all().at(-1)?.id ?? 0;
}

beforeAll(() => {
  useTempDatabase();
  prepareDatabase();
  zoeIntake = intake({ reporterName: "Zoë Özdemir", reporterEmail: "Zoe.Ozdemir@Example.org", reporterOrganisation: "Praktijk De Linde" }, "2021-04-01");
  otherId = intake({ reporterName: "Jan de Vries", reporterEmail: "jan@example.org" }, "2021-05-01");
  addNote(zoeIntake, "Teruggebeld, wil anoniem blijven", actor);
  addAttachment({ kind: "signal", id: zoeIntake }, { name: "brief-gemeente.pdf", bytes: new TextEncoder().encode("%PDF-1.4\n1 0 obj\n") }, actor);
  changeStatus(zoeIntake, "in_progress", actor);
  zoeCode = submitPortalSignal(
    {
      requesterType: "provider",
      regionCode: "JZ14",
      topic: "contract_change",
      procurementPhase: "running_contract",
      message: "Ons budgetplafond is halverwege het jaar bereikt.",
      contact: "confidential",
      reporterName: "Z. Ozdemir",
      reporterEmail: "zoe.ozdemir@example.org",
      notifyOnAnswer: "yes",
    },
  ).code;
  zoePortal = lastPortalId();
  addReporterMessage(zoeCode, "Aanvulling van de melder");
  replyToReporter(zoePortal, "Antwoord van de intermediair", actor);
  staffId = db().transaction((tx) =>
    insertUser(tx, { email: "zoe.ozdemir@example.org", name: "Zoë Özdemir", roles: ["adviser"], passwordHash: "x", mustChangePassword: false }),
  );
  setPreferences({ id: staffId, roles: ["adviser"] }, ["adviser_assigned"]);
});

function auditDetailsSince(id: number): string {
  return db()
    .select()
    .from(auditLog)
    .all()
    .filter((row) => row.id > id)
    .map((row) => JSON.stringify(row))
    .join("\n");
}

function lastAuditId(): number {
  return db().select({ id: auditLog.id }).from(auditLog).all().at(-1)?.id ?? 0;
}

describe("findDataSubject", () => {
  it("finds by e-mail address, whatever the case, and not someone else", async () => {
    const result = await findDataSubject({ email: "  ZOE.ozdemir@example.ORG " }, actor);
    expect(result.signals.map((s) => s.id)).toEqual([zoeIntake, zoePortal]);
    expect(result.signals.every((s) => s.matched.includes("reporterEmail"))).toBe(true);
    expect(result.staff).toMatchObject([{ id: staffId, roles: ["adviser"], matched: ["email"] }]);
    expect((await findDataSubject({ email: "ozdemir@example.org" }, actor)).signals).toEqual([]);
  });

  it("finds by part of a name without case or accents, in the name and the organisation", async () => {
    expect((await findDataSubject({ name: "ozdemir" }, actor)).signals.map((s) => s.id)).toEqual([zoeIntake, zoePortal]);
    expect((await findDataSubject({ name: "ZOË  özdemir" }, actor)).signals).toMatchObject([{ id: zoeIntake, matched: ["reporterName"] }]);
    expect((await findDataSubject({ name: "de linde" }, actor)).signals).toMatchObject([{ id: zoeIntake, matched: ["reporterOrganisation"] }]);
    expect((await findDataSubject({ name: "Jan de Vries" }, actor)).signals.map((s) => s.id)).toEqual([otherId]);
  });

  it("refuses an empty request", async () => {
    await expect(findDataSubject({}, actor)).rejects.toThrow("Vul een e-mailadres of een naam in.");
  });

  it("audits the search with counts, never the e-mail address or name", async () => {
    const before = lastAuditId();
    await findDataSubject({ email: "zoe.ozdemir@example.org", name: "Özdemir" }, actor);
    const written = auditDetailsSince(before);
    expect(written).toContain("data_subject.searched");
    expect(written).toContain('\\"signals\\":2');
    expect(written.toLowerCase()).not.toContain("ozdemir");
    expect(written).not.toContain("Özdemir");
  });
});

describe("exportDataSubject", () => {
  it("holds the decrypted fields, messages, notes and status history of the chosen signals only", () => {
    const before = lastAuditId();
    const document = exportDataSubject({ email: "zoe.ozdemir@example.org" }, [zoeIntake, zoePortal], actor);
    expect(document.signals).toHaveLength(2);
    const [first, second] = document.signals;
    expect(first).toMatchObject({
      id: zoeIntake,
      topic: "strategy_advice",
      triggers: ["provider_reduction"],
      reporter: { name: "Zoë Özdemir", organisation: "Praktijk De Linde", email: "Zoe.Ozdemir@Example.org", phone: null },
      summary: "Vraag over de aanbesteding ambulant",
      details: "Vertrouwelijke toelichting over gemeente X",
      notes: [{ body: "Teruggebeld, wil anoniem blijven" }],
      attachments: [{ name: "brief-gemeente.pdf", contentType: "application/pdf", size: 17 }],
    });
    expect(first?.reporter.notifyOnAnswer).toBe(false);
    expect(first?.statusHistory.map((e) => e.kind)).toEqual(["created", "status"]);
    expect(second).toMatchObject({
      id: zoePortal,
      fromPortal: true,
      reporter: { notifyOnAnswer: true },
      attachments: [],
      messages: [
        { from: "reporter", body: "Aanvulling van de melder" },
        { from: "intermediary", body: "Antwoord van de intermediair" },
      ],
    });
    expect(document.staffAccounts).toMatchObject([{ id: staffId, email: "zoe.ozdemir@example.org", notifications: ["adviser_assigned"] }]);
    expect(JSON.stringify(document)).not.toContain("Jan de Vries");
    const written = auditDetailsSince(before);
    expect(written).toContain("data_subject.exported");
    expect(written.toLowerCase()).not.toContain("ozdemir");
  });

  it("refuses a signal that does not match the request", () => {
    expect(() => exportDataSubject({ email: "zoe.ozdemir@example.org" }, [otherId], actor)).toThrow(/hoort niet/);
  });

  it("refuses an actor without dataSubject.handle, before anything is read or audited", () => {
    const before = lastAuditId();
    for (const roles of [[], ["admin"], ["adviser"], ["reader"]] as const) {
      expect(() => exportDataSubject({ email: "zoe.ozdemir@example.org" }, [zoeIntake], { ...actor, roles }), roles.join()).toThrow(PermissionError);
    }
    expect(auditDetailsSince(before)).not.toContain("data_subject.exported");
  });
});

describe("eraseDataSubject", () => {
  it("removes identity and free text of the chosen signals, keeps the year reports, audits without the name", async () => {
    const reports = [yearReport(2021), yearReport(thisYear)];
    const before = lastAuditId();
    expect(eraseDataSubject({ name: "ozdemir" }, [zoeIntake, zoePortal], actor)).toBe(2);
    for (const id of [zoeIntake, zoePortal]) {
      const row = db().select().from(signals).where(eq(signals.id, id)).get();
      expect(row).toMatchObject({
        summarySealed: null,
        detailsSealed: null,
        reporterNameSealed: null,
        reporterOrganisationSealed: null,
        reporterEmailSealed: null,
        reporterPhoneSealed: null,
        receiptHash: null,
        notifyReporter: false,
      });
      expect(row?.anonymisedAt).not.toBeNull();
      expect(db().select().from(signalNotes).where(eq(signalNotes.signalId, id)).all()).toEqual([]);
      expect(db().select().from(signalMessages).where(eq(signalMessages.signalId, id)).all()).toEqual([]);
    }
    expect(db().select().from(signals).where(eq(signals.id, otherId)).get()?.reporterNameSealed).not.toBeNull();
    expect([yearReport(2021), yearReport(thisYear)]).toEqual(reports);
    expect((await findDataSubject({ name: "ozdemir" }, actor)).signals).toEqual([]);

    const written = auditDetailsSince(before);
    expect(written.match(/data_subject\.erased/g)).toHaveLength(2);
    expect(written.toLowerCase()).not.toContain("ozdemir");
  });

  it("refuses without a chosen signal", () => {
    expect(() => eraseDataSubject({ name: "Jan de Vries" }, [], actor)).toThrow(/ten minste één/);
  });
});
