import { inArray } from "drizzle-orm";
import { attachments, signalMessages, signalNotes, signals } from "../../db/schema";
import { db, type Tx } from "~/utils/db.server";
import { sealedPropertiesOf } from "../../db/sealed-columns";
import { forgetErasedText } from "./search-index.server";

/** Every sealed column of a signal emptied: a sealed column added to the registry is erased with the rest. */
const SEALED_OF_SIGNALS = Object.fromEntries(sealedPropertiesOf(signals).map((property) => [property, null]));

/**
 * The two ways confidential signal text leaves the database: anonymisation (retention and erasure on request) and
 * deletion (undoing an import). Each owns its transaction, so the search index can drop the text right after the
 * commit; `alongside` adds what belongs in the same transaction (audit entries, the batch's mark). Other processes'
 * indexes hear of it through `signal_text_changes`, which SQLite's triggers fill whoever changes the rows.
 */

/**
 * Removes the reporter's identity, summary, details (every sealed column), notes, portal messages, attachments and the receipt code; keeps the
 * classification, so every report for past years stays exactly the same.
 */
export function anonymiseSignals(ids: readonly number[], at: string, alongside: (tx: Tx) => void): void {
  db().transaction((tx) => {
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      tx.update(signals)
        .set({
          ...SEALED_OF_SIGNALS,
          receiptHash: null,
          hasNews: false,
          notifyReporter: false,
          anonymisedAt: at,
        })
        .where(inArray(signals.id, chunk))
        .run();
      tx.delete(signalNotes).where(inArray(signalNotes.signalId, chunk)).run();
      tx.delete(signalMessages).where(inArray(signalMessages.signalId, chunk)).run();
      tx.delete(attachments).where(inArray(attachments.signalId, chunk)).run();
    }
    alongside(tx);
  });
  forgetErasedText();
}

/** The one way signals are deleted; their triggers, events, notes and messages go with them (foreign-key cascade). */
export function removeSignals(ids: readonly number[], alongside: (tx: Tx) => void): void {
  db().transaction((tx) => {
    for (let i = 0; i < ids.length; i += 500) tx.delete(signals).where(inArray(signals.id, ids.slice(i, i + 500))).run();
    alongside(tx);
  });
  forgetErasedText();
}
