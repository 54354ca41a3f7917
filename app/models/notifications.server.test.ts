import { afterAll, beforeAll, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { smtpCapture } from "../../test/unit/smtp-capture";
import { CONFIDENTIAL, CONFIDENTIAL_STRINGS } from "../../test/security/confidential-strings";
import { notificationPreferences } from "../../db/schema";
import { prepareDatabase } from "~/boot.server";
import { addDays, todayInTheNetherlands } from "~/domain/dates";
import type { NotificationKind } from "~/domain/notification-kinds";
import type { Role } from "~/domain/roles";
import { db } from "~/utils/db.server";
import { configureMailer, smtpState } from "~/utils/mailer.server";
import { createStaffUser } from "./account.server";
import { createReview } from "./contract-review.server";
import { deliverDue } from "./notification-delivery.server";
import { outboxStatus, pruneOutbox } from "./notification-outbox.server";
import { notifyMilestoneDigest, setPreferences } from "./notifications.server";
import { addReporterMessage, replyToReporter, submitPortalSignal } from "./portal.server";
import { saveMilestone } from "./procurement.server";
import { listCriteria } from "./review-criteria.server";
import { createTrajectory, setAdvisers } from "./trajectory.server";

/**
 * Every kind through the real path: the change enqueues in its transaction, the sender delivers to a real SMTP
 * server on 127.0.0.1, and what arrives is read raw, headers and body, as a mailbox would hold it.
 */
const smtp = smtpCapture();
const system = { userId: null, clientAddress: "system" };
const ORIGIN = "https://rode-draad.example";
const REPORTER_WHO_ASKED = "melder-met-vinkje@example.org";
const ALL: NotificationKind[] = ["portal_signal", "portal_message", "adviser_assigned", "reanalysis", "review_reassessment", "milestone_digest"];
const staff: Record<string, { id: number; email: string }> = {};
const later = (minutes: number) => () => new Date(Date.now() + minutes * 60_000);

async function person(key: string, roles: Role[], kinds: NotificationKind[]) {
  const email = `${key}@example.org`;
  const id = await createStaffUser({ email, name: `Medewerker ${key}`, roles, temporaryPassword: "tijdelijk wachtwoord voor de test 2026" }, system);
  setPreferences({ id, roles }, kinds);
  staff[key] = { id, email };
}

function kindsReceivedBy(email: string): string[] {
  return smtp
    .to(email)
    .map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1] ?? "")
    .sort();
}

function portalReport(overrides: Record<string, string> = {}) {
  return submitPortalSignal({
    requesterType: "provider",
    regionCode: "JZ38",
    topic: "gdpr",
    procurementPhase: "none",
    message: `${CONFIDENTIAL.signalSummary}\n${CONFIDENTIAL.signalDetails}`,
    contact: "confidential",
    reporterName: CONFIDENTIAL.reporterName,
    reporterOrganisation: CONFIDENTIAL.reporterOrganisation,
    reporterEmail: CONFIDENTIAL.reporterEmail,
    ...overrides,
  });
}

let trajectoryId: number;
let reviewId: number;

beforeAll(async () => {
  await smtp.start();
  useTempDatabase({ SMTP_URL: smtp.url, APP_ORIGIN: ORIGIN, SMTP_FROM: "Rode Draad <noreply@rode-draad.example>" });
  prepareDatabase();
  configureMailer(smtp.url);
  await person("ilse", ["intermediary"], ALL);
  await person("stil", ["intermediary"], []);
  await person("adviseur-a", ["adviser"], ALL);
  await person("adviseur-b", ["adviser"], ALL);
  await person("lezer", ["reader"], []);
  // Stored behind the form's back: the permission table still keeps signals and digests from these roles.
  db().insert(notificationPreferences).values([
    { userId: staff.lezer!.id, kind: "portal_signal" },
    { userId: staff["adviseur-a"]!.id, kind: "portal_signal" },
    { userId: staff["adviseur-a"]!.id, kind: "milestone_digest" },
  ]).run();
  trajectoryId = createTrajectory(
    { regionCode: "JZ38", municipalities: [], associations: [], providersInvolved: 2, strategicGoal: CONFIDENTIAL.trajectoryGoal, startedOn: todayInTheNetherlands() },
    system,
  );
  const ratings = listCriteria("active").map((c) => ({ code: c.code, rating: "partly" as const, note: CONFIDENTIAL.signalNote, source: "" }));
  reviewId = createReview({ regionCode: "JZ38", title: CONFIDENTIAL.signalSummary, reason: "eerste toets", ratings }, { userId: staff.ilse!.id, clientAddress: "test", roles: ["intermediary"] });
});

afterAll(() => smtp.stop());

it("delivers each kind to the users who chose it and may see it, and to no one else", async () => {
  const { code } = portalReport();
  addReporterMessage(code, CONFIDENTIAL.portalFollowUp);
  setAdvisers(trajectoryId, [staff["adviseur-a"]!.id], system);
  saveMilestone({ regionCode: "JZ38", kind: "tender_published", dueOn: addDays(todayInTheNetherlands(), 3), title: CONFIDENTIAL.signalSummary }, system);
  // A second document before the first e-mail went out: still one "herbeoordeling nodig" per person.
  saveMilestone({ regionCode: "JZ38", kind: "award", dueOn: addDays(todayInTheNetherlands(), 20), title: CONFIDENTIAL.planText }, system);
  notifyMilestoneDigest(todayInTheNetherlands());
  // Asked twice on one day (a restart, the hourly check): one digest.
  notifyMilestoneDigest(todayInTheNetherlands());
  expect(await deliverDue()).toBe(7);

  expect(kindsReceivedBy(staff.ilse!.email)).toEqual([
    "Rode Draad: Contracttoets: herbeoordeling nodig",
    "Rode Draad: Herbeoordeling nodig",
    "Rode Draad: Mijlpalen in de komende 7 dagen",
    "Rode Draad: Nieuw bericht van een melder",
    "Rode Draad: Nieuw signaal via het meldformulier",
  ]);
  expect(kindsReceivedBy(staff["adviseur-a"]!.email)).toEqual(["Rode Draad: Herbeoordeling nodig", "Rode Draad: U bent aan een traject toegevoegd"]);
  expect(kindsReceivedBy(staff["adviseur-b"]!.email)).toEqual([]);
  expect(kindsReceivedBy(staff.stil!.email)).toEqual([]);
  expect(kindsReceivedBy(staff.lezer!.email)).toEqual([]);
  // The reporter did not tick the box: an answer tells them nothing by e-mail.
  expect(smtp.to(CONFIDENTIAL.reporterEmail)).toEqual([]);
  expect(smtp.messages.find((m) => m.raw.includes("Nieuw signaal"))?.raw).toContain(`${ORIGIN}/signalen/`);
  // Advisers read reviews but do not write them: the review's e-mail is for the intermediary alone.
  const reviewMail = smtp.messages.find((m) => m.raw.includes("Subject: Rode Draad: Contracttoets:"))!.raw;
  expect(reviewMail.replace(/=\r\n/g, "")).toContain(`${ORIGIN}/contracttoetsen/${reviewId}`);
});

it("tells a reporter who asked for it that there is news, at /melden/volgen and nothing more", async () => {
  const { code } = portalReport({ reporterEmail: REPORTER_WHO_ASKED, notifyOnAnswer: "yes" });
  await deliverDue();
  // The intermediary's e-mail links to the new signal: the one to answer.
  const signal = Number(/\/signalen\/(\d+)/.exec(smtp.to(staff.ilse!.email).at(-1)!.raw)![1]);
  replyToReporter(signal, CONFIDENTIAL.signalNote, system);
  await deliverDue();
  const [mail, ...more] = smtp.to(REPORTER_WHO_ASKED);
  expect(more).toEqual([]);
  expect(mail!.raw).toContain("Subject: Rode Draad: Er is nieuws over uw melding");
  expect(mail!.raw).toContain(`${ORIGIN}/melden/volgen`);
  expect(mail!.raw).not.toContain(code);
  expect(mail!.raw).not.toContain("/signalen/");
});

it("puts no confidential text in any e-mail, headers or body", () => {
  expect(smtp.messages.length).toBe(9);
  for (const mail of smtp.messages) {
    for (const secret of CONFIDENTIAL_STRINGS) expect(mail.raw, secret).not.toContain(secret);
    expect(mail.raw).not.toMatch(/JZ38|Zeeland/);
  }
});

it("keeps what an SMTP outage held back and delivers each of it once after recovery", async () => {
  const before = smtp.messages.length;
  await smtp.stop();
  portalReport();
  portalReport();
  expect(await deliverDue()).toBe(0);
  expect(smtpState()).toMatchObject({ state: "failing", errorClass: "ESOCKET" });
  const waiting = outboxStatus();
  expect(waiting.queued).toBe(2);
  expect(waiting.pending.find((p) => p.attempts === 1)?.lastErrorClass).toBe("ESOCKET");
  // Still down at the first retry time.
  expect(await deliverDue(later(5))).toBe(0);

  await smtp.start();
  expect(await deliverDue(later(60))).toBe(2);
  expect(await deliverDue(later(24 * 60))).toBe(0);
  const arrived = smtp.messages.slice(before);
  expect(arrived.map((m) => m.to)).toEqual([[staff.ilse!.email], [staff.ilse!.email]]);
  expect(new Set(arrived.map((m) => /^Message-ID: (.*)$/im.exec(m.raw)?.[1])).size).toBe(2);
  expect(smtpState().state).toBe("ok");
  expect(outboxStatus()).toMatchObject({ queued: 0, failed: 0 });
});

it("forgets sent e-mails after a month", () => {
  expect(outboxStatus().sent).toBe(11);
  pruneOutbox(later(29 * 24 * 60)());
  expect(outboxStatus().sent).toBe(11);
  pruneOutbox(later(31 * 24 * 60)());
  expect(outboxStatus()).toEqual({ queued: 0, sent: 0, failed: 0, pending: [] });
});
