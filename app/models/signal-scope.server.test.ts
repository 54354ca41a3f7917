import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { useTempDatabase } from "../../test/unit/temp-database";
import { auditLog } from "../../db/schema";
import { PermissionError } from "~/domain/permissions";
import { ROLES } from "~/domain/roles";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";
import { createSignal, openSignal } from "./signal.server";

const system = { userId: null, clientAddress: "test" };
let signalId: number;

beforeAll(() => {
  useTempDatabase();
  prepareDatabase();
  signalId = createSignal(
    {
      receivedOn: "2024-04-01",
      channel: "email",
      requesterType: "provider",
      referredBy: "direct",
      regionCode: "JZ14",
      topic: "strategy_advice",
      procurementPhase: "running_tender",
      triggers: [],
      procedure: "unknown",
      funding: "unknown",
      summary: "Vertrouwelijke samenvatting",
      reporterName: "Mila Melder",
      reporterEmail: "mila@example.org",
    },
    system,
  );
});

const views = () => db().select().from(auditLog).where(eq(auditLog.action, "signal.viewed")).all().length;

describe("openSignal is scoped by the permission table", () => {
  it("opens the signal with the reporter's identity for the intermediary", () => {
    const signal = openSignal(signalId, { ...system, roles: ["intermediary"] });
    expect(signal.confidential).toMatchObject({ summary: "Vertrouwelijke samenvatting", reporterName: "Mila Melder", reporterEmail: "mila@example.org" });
  });

  it("refuses every other role, and an actor without roles, before anything is read or audited", () => {
    const before = views();
    for (const roles of [[], ...ROLES.filter((role) => role !== "intermediary").map((role) => [role])]) {
      expect(() => openSignal(signalId, { ...system, roles }), roles.join() || "no roles").toThrow(PermissionError);
    }
    expect(() => openSignal(signalId, system)).toThrow(PermissionError);
    expect(views()).toBe(before);
  });
});
