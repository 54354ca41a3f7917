import { TRIGGERS, type Trigger } from "./signal-codes";
import type { SignalRecord } from "./signal-csv";

/**
 * What a signal is, apart from its text and who reported it: the fields the report counts, the filters select on and
 * every export carries. One list, so a new field is added once and reaches the detail page, the data-subject copy, the
 * exports and the import alike.
 */
export const CLASSIFICATION_FIELDS = [
  "receivedOn",
  "channel",
  "requesterType",
  "referredBy",
  "regionCode",
  "municipalityCode",
  "association",
  "topic",
  "procurementPhase",
  "procedure",
  "funding",
  "segment",
  "status",
] as const satisfies readonly (keyof SignalRecord)[];

type ClassificationField = (typeof CLASSIFICATION_FIELDS)[number];
export type ClassificationColumns = Pick<SignalRecord, ClassificationField>;
export type SignalClassification = ClassificationColumns & { triggers: Trigger[] };

/**
 * The fields a mailbox signal cannot know from an e-mail: stored with placeholder values (the columns are required)
 * until someone classifies it, and never offered as a choice already made, so "Classificatie opslaan" cannot count a
 * placeholder region or topic by accident.
 */
export const UNKNOWN_UNTIL_CLASSIFIED = ["requesterType", "regionCode", "municipalityCode", "topic", "procurementPhase"] as const satisfies readonly ClassificationField[];

const byTriggerOrder = (a: Trigger, b: Trigger) => TRIGGERS.indexOf(a) - TRIGGERS.indexOf(b);

/** A signal's triggers once each, in the order the codes list them. */
function orderedTriggers(triggers: readonly Trigger[]): Trigger[] {
  return [...new Set(triggers)].sort(byTriggerOrder);
}

/**
 * The classification of a stored row (any row that has the columns, or the columns' values in the order of
 * CLASSIFICATION_FIELDS, as a raw cursor gives them from `offset`), its triggers in the order the codes list them.
 * A loop, not Object.fromEntries: an export calls this a million times.
 */
export function classificationOf(row: ClassificationColumns | readonly unknown[], triggers: readonly Trigger[], offset = 0): SignalClassification {
  const picked: Record<string, unknown> = {};
  const values = Array.isArray(row) ? (row as readonly unknown[]) : undefined;
  for (let i = 0; i < CLASSIFICATION_FIELDS.length; i += 1) {
    const field = CLASSIFICATION_FIELDS[i] as ClassificationField;
    picked[field] = values ? values[offset + i] : (row as ClassificationColumns)[field];
  }
  picked.triggers = triggers.length < 2 ? [...triggers] : orderedTriggers(triggers);
  return picked as SignalClassification;
}

/** The column name of a field in the signals table (received_on for receivedOn). */
export function columnNameOf(field: ClassificationField): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
