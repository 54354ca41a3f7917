import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { signalNotes, signals } from "../../db/schema";
import { prepareDatabase } from "~/boot.server";
import { db } from "~/utils/db.server";
import { yearReport } from "./report.server";
import { anonymiseDue, dueForAnonymisation } from "./retention.server";
import { addNote, changeStatus, createSignal } from "./signal.server";
import { listInbox } from "./signal-inbox.server";
import { parseInboxFilters } from "~/domain/inbox-filters";

const actor = { userId: null, clientAddress: "test" };
const threeYearsOn = new Date(Date.now() + 3 * 365 * 86_400_000);
let closedId: number;
let openId: number;

function intake(summary: string, receivedOn: string) {
  return createSignal(
    {
      receivedOn,
      channel: "email",
      requesterType: "provider",
      referredBy: "direct",
      regionCode: "JZ14",
      topic: "contract_change",
      procurementPhase: "running_contract",
      triggers: ["admin_burden"],
      procedure: "unknown",
      funding: "unknown",
      summary,
      reporterName: "Petra Praktijk",
      reporterEmail: "petra@example.org",
      details: "Vertrouwelijke toelichting",
    },
    actor,
  );
}

beforeAll(() => {
  useTempDatabase();
  prepareDatabase();
  closedId = intake("Afgeronde vraag over het budgetplafond", "2021-03-04");
  openId = intake("Nog lopende vraag over het budgetplafond", "2021-05-06");
  addNote(closedId, "Interne notitie", actor);
  for (const to of ["in_progress", "answered", "closed"] as const) changeStatus(closedId, to, actor);
});

describe("retention", () => {
  it("lists only closed signals past the period (dry run changes nothing)", () => {
    expect(dueForAnonymisation()).toEqual([]);
    expect(dueForAnonymisation(threeYearsOn).map((s) => s.id)).toEqual([closedId]);
    expect(db().select().from(signals).where(eq(signals.id, closedId)).get()?.summarySealed).not.toBeNull();
  });

  it("removes identity, free text, notes and the search entry, and leaves the year report exactly the same", () => {
    expect(listInbox(parseInboxFilters(new URLSearchParams("q=budgetplafond"))).total).toBe(2);
    const before = yearReport(2021);
    expect(anonymiseDue(actor, threeYearsOn)).toBe(1);
    const row = db().select().from(signals).where(eq(signals.id, closedId)).get();
    expect(row).toMatchObject({
      summarySealed: null,
      detailsSealed: null,
      reporterNameSealed: null,
      reporterEmailSealed: null,
      topic: "contract_change",
      regionCode: "JZ14",
      status: "closed",
    });
    expect(row?.anonymisedAt).not.toBeNull();
    expect(db().select().from(signalNotes).where(eq(signalNotes.signalId, closedId)).all()).toEqual([]);
    expect(db().select().from(signals).where(eq(signals.id, openId)).get()?.summarySealed).not.toBeNull();
    expect(yearReport(2021)).toEqual(before);
    expect(listInbox(parseInboxFilters(new URLSearchParams("q=budgetplafond"))).total).toBe(1);
    expect(anonymiseDue(actor, threeYearsOn)).toBe(0);
  });
});
