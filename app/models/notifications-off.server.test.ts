import { beforeAll, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { notificationOutbox } from "../../db/schema";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";
import { createStaffUser } from "./account.server";
import { notifyMilestoneDigest, setPreferences } from "./notifications.server";
import { addReporterMessage, submitPortalSignal } from "./portal.server";

/** Without SMTP_URL nothing is enqueued (README, "Decisions"): no backlog waits for the day mail is configured. */
beforeAll(async () => {
  useTempDatabase({ SMTP_URL: "" });
  prepareDatabase();
  const roles = ["intermediary" as const];
  const id = await createStaffUser({ email: "ilse@example.org", name: "Ilse", roles, temporaryPassword: "tijdelijk wachtwoord voor de test 2026" }, { userId: null, clientAddress: "system" });
  setPreferences({ id, roles }, ["portal_signal", "portal_message", "milestone_digest"]);
});

it("writes no outbox row for a portal signal, a reporter's message or the digest", () => {
  const { code } = submitPortalSignal({
    requesterType: "provider",
    regionCode: "JZ38",
    topic: "gdpr",
    procurementPhase: "none",
    message: "Een melding zonder mailserver.",
    contact: "confidential",
    reporterEmail: "melder@example.org",
    notifyOnAnswer: "yes",
  });
  addReporterMessage(code, "Nog iets.");
  expect(notifyMilestoneDigest("2026-01-01")).toBe(0);
  expect(db().select().from(notificationOutbox).all()).toEqual([]);
});
