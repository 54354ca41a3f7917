import { afterAll, beforeAll, expect, it } from "vitest";
import MailComposer from "nodemailer/lib/mail-composer";
import { eq } from "drizzle-orm";
import { useTempDatabase } from "../../test/unit/temp-database";
import { freePort, startDovecot, type Dovecot } from "../../test/unit/dovecot";
import { mailboxMessages, signals } from "../../db/schema";
import { prepareDatabase } from "~/boot.server";
import { yearInTheNetherlands } from "~/domain/dates";
import { classificationOf } from "~/domain/signal-classification";
import { db } from "~/utils/db.server";
import { openMailbox, type MailboxClient } from "~/utils/imap.server";
import { createStaffUser } from "./account.server";
import { attachmentsOf } from "./attachment.server";
import { awaitingInYear } from "./counted-signals.server";
import { mailboxStatus, runMailbox } from "./mailbox.server";
import { yearReport } from "./report.server";
import { openSignal, updateClassification } from "./signal.server";

/** Against a real Dovecot on 127.0.0.1 (test/unit/dovecot.ts): messages go in by IMAP APPEND, as a mail server delivers them. */
let dovecot: Dovecot;
let reader: { userId: number; clientAddress: string; roles: ["intermediary"] };
const FOLDER = "Rode Draad/verwerkt";
const year = yearInTheNetherlands();

beforeAll(async () => {
  dovecot = await startDovecot(await freePort(), "vitest");
  useTempDatabase({ IMAP_URL: dovecot.url, IMAP_USER: dovecot.user, IMAP_PASSWORD: dovecot.password, IMAP_FOLDER: FOLDER });
  prepareDatabase();
  const system = { userId: null, clientAddress: "system" };
  const id = await createStaffUser({ email: "ilse@example.org", name: "Ilse", roles: ["intermediary"], temporaryPassword: "tijdelijk wachtwoord voor de test 2026" }, system);
  reader = { userId: id, clientAddress: "test", roles: ["intermediary"] };
}, 60_000);

afterAll(() => dovecot?.stop());

async function deliver(fields: { subject: string; messageId: string; attachments?: { filename: string; content: Buffer }[] }) {
  const raw = await new MailComposer({
    from: "Petra de Vries <petra@praktijk-voorbeeld.nl>",
    to: "signalen@rode-draad.example",
    date: new Date(),
    text: `Beste intermediair,\n\nOver ${fields.subject.toLowerCase()}.\n`,
    ...fields,
  })
    .compile()
    .build();
  await dovecot.deliver(raw);
}

const countIn = (folder: string) => dovecot.count(folder);

const signalCount = () => db().select().from(signals).all().length;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const PROGRAM = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 0x90)]);

it("makes one signal 'te classificeren' per message, with the message and its allowed attachments, and moves it", async () => {
  await deliver({ subject: "Aanbesteding Twente", messageId: "<een@praktijk-voorbeeld.nl>", attachments: [{ filename: "brief.pdf", content: PDF }, { filename: "factuur.pdf.exe", content: PROGRAM }] });
  await deliver({ subject: "Vraag over de AVG", messageId: "<twee@praktijk-voorbeeld.nl>" });
  const run = await runMailbox({ trigger: "manual" });
  expect(run).toMatchObject({ ok: true, read: 2, created: 2, moved: 2, known: 0 });
  expect(await countIn("INBOX")).toBe(0);
  expect(await countIn(FOLDER)).toBe(2);

  const rows = db().select().from(signals).all();
  expect(rows.map((r) => [r.channel, r.awaitingClassification, r.receivedOn])).toEqual([["email", true, expect.any(String)], ["email", true, expect.any(String)]]);
  const first = openSignal(rows[0]!.id, reader);
  expect(first.confidential.summary).toBe("Aanbesteding Twente");
  expect(first.confidential.reporterEmail).toBe("petra@praktijk-voorbeeld.nl");
  expect(first.confidential.reporterName).toBe("Petra de Vries");
  expect(first.confidential.details).toContain("Over aanbesteding twente.");
  // The program is refused by the allow-list and named in the sealed details, not stored.
  expect(first.confidential.details).toContain("factuur.pdf.exe");
  const files = attachmentsOf({ kind: "signal", id: rows[0]!.id }, reader);
  expect(files.map((f) => [f.name, f.contentType])).toEqual([
    [`e-mail ${rows[0]!.receivedOn}.eml`, "message/rfc822"],
    ["brief.pdf", "application/pdf"],
  ]);
  // The Message-ID is kept only as a keyed hash.
  const keys = db().select().from(mailboxMessages).all();
  expect(keys).toHaveLength(2);
  expect(JSON.stringify(keys)).not.toContain("praktijk-voorbeeld");
  expect(mailboxStatus()).toMatchObject({ waiting: 2, lastRun: { ok: true, created: 2 } });
}, 60_000);

it("a failure between the commit and the move does not make a second signal: the next run only moves the message", async () => {
  await deliver({ subject: "Contractwijziging", messageId: "<drie@praktijk-voorbeeld.nl>" });
  const before = signalCount();
  const config = { url: dovecot.url, user: dovecot.user, password: dovecot.password, folder: FOLDER };
  // The process "dies" right after the commit: the move never reaches the server.
  const crashingBeforeMove = async (): Promise<MailboxClient> => ({
    ...(await openMailbox(config)),
    moveToProcessed: () => Promise.reject(Object.assign(new Error("killed"), { code: "ECONNRESET" })),
  });
  const crashed = await runMailbox({ trigger: "schedule", open: crashingBeforeMove });
  expect(crashed).toMatchObject({ ok: false, errorClass: "ECONNRESET", created: 1, moved: 0 });
  expect(signalCount()).toBe(before + 1);
  expect(await countIn("INBOX")).toBe(1);

  const next = await runMailbox({ trigger: "schedule" });
  expect(next).toMatchObject({ ok: true, read: 1, created: 0, known: 1, moved: 1 });
  expect(signalCount()).toBe(before + 1);
  expect(await countIn("INBOX")).toBe(0);
  // The same message delivered again (a resend with the same Message-ID) is known too.
  await deliver({ subject: "Contractwijziging", messageId: "<drie@praktijk-voorbeeld.nl>" });
  expect(await runMailbox({ trigger: "schedule" })).toMatchObject({ created: 0, known: 1, moved: 1 });
  expect(signalCount()).toBe(before + 1);
}, 60_000);

it("bad credentials are recorded as a class on the status, with nothing stored", async () => {
  const before = signalCount();
  const run = await runMailbox({ trigger: "manual", open: () => openMailbox({ url: dovecot.url, user: dovecot.user, password: "fout", folder: FOLDER }) });
  expect(run).toMatchObject({ ok: false, errorClass: "AUTHENTICATIONFAILED", read: 0 });
  expect(mailboxStatus().lastRun).toMatchObject({ ok: false, errorClass: "AUTHENTICATIONFAILED" });
  expect(signalCount()).toBe(before);
}, 60_000);

it("unclassified signals count in no report figure until they are classified", () => {
  const waiting = db().select().from(signals).where(eq(signals.awaitingClassification, true)).all();
  expect(waiting.length).toBe(3);
  expect(yearReport(year).signals.total).toBe(0);
  expect(awaitingInYear(year)).toBe(3);
  const row = waiting[0]!;
  const { association: _none, segment: _empty, ...codes } = classificationOf(row, []);
  updateClassification(row.id, { ...codes, topic: "gdpr", regionCode: row.regionCode }, reader);
  expect(db().select().from(signals).where(eq(signals.id, row.id)).get()?.awaitingClassification).toBe(false);
  expect(yearReport(year).signals.total).toBe(1);
  expect(awaitingInYear(year)).toBe(2);
});
