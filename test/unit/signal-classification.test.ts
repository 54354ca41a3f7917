import fc from "fast-check";
import { getTableColumns } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { signals } from "../../db/schema";
import { SEALED_COLUMNS } from "../../db/sealed-columns";
import { CLASSIFICATION_FIELDS, classificationOf, columnNameOf } from "~/domain/signal-classification";
import { TRIGGERS } from "~/domain/signal-codes";

/**
 * Columns that are neither classification nor sealed text: who handles the signal and its bookkeeping
 * (notifyReporter: the reporter's wish for an e-mail, useless without the sealed address it goes to;
 * awaitingClassification: a mailbox signal whose codes are placeholders until the intermediary classifies it).
 */
const BOOKKEEPING = ["id", "assignedTo", "importBatchId", "receiptHash", "anonymisedAt", "hasNews", "notifyReporter", "awaitingClassification", "createdBy", "createdAt", "updatedAt"];

describe("the classification of a signal, mapped in one place", () => {
  it("names every column of the signals table once: classification, sealed text or bookkeeping", () => {
    const sealed = Object.values(SEALED_COLUMNS)
      .filter((c) => c.table === signals)
      .map((c) => c.property as string);
    const named = [...CLASSIFICATION_FIELDS, ...sealed, ...BOOKKEEPING].sort();
    expect(named).toEqual(Object.keys(getTableColumns(signals)).sort());
  });

  it("knows each field's column name as the schema has it", () => {
    for (const field of CLASSIFICATION_FIELDS) expect(columnNameOf(field)).toBe(signals[field].name);
  });

  it("keeps only the classification of a row, and its triggers once each in the order of the codes", () => {
    const row = {
      receivedOn: "2025-03-01", channel: "email", requesterType: "provider", referredBy: "direct", regionCode: "JZ14",
      municipalityCode: null, association: null, topic: "other", procurementPhase: "none", procedure: "unknown",
      funding: "unknown", segment: null, status: "new", summarySealed: "geheim", reporterNameSealed: "geheim",
    } as const;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRIGGERS), { maxLength: 12 }), (triggers) => {
        const classification = classificationOf(row, triggers);
        expect(Object.keys(classification).sort()).toEqual([...CLASSIFICATION_FIELDS, "triggers"].sort());
        expect(classification.triggers).toEqual(TRIGGERS.filter((t) => triggers.includes(t)));
      }),
    );
  });
});
