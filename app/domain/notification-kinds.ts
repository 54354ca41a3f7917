import { z } from "zod";
import type { Capability } from "./permissions";

/**
 * What a staff member can choose to be told by e-mail. A new kind (the mailbox's "te classificeren" signal with IMAP)
 * is one entry here plus the enqueue call in the model that makes the change; the form, the status page, the sender
 * and the content read this table.
 */
export const NOTIFICATION_KINDS = ["portal_signal", "portal_message", "mailbox_signal", "adviser_assigned", "reanalysis", "review_reassessment", "milestone_digest"] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Every kind the outbox holds: the staff kinds and the reporter's "er is een antwoord". */
export type OutboxKind = NotificationKind | "reporter_answer";

/** Per kind: who may receive it at all (the permission table decides, not the preference) and what the form says. */
export const NOTIFICATION_KIND_INFO: Record<NotificationKind, { capability: Capability; label: string }> = {
  portal_signal: { capability: "signal.read", label: "Een nieuw signaal via het meldformulier" },
  portal_message: { capability: "signal.read", label: "Een nieuw bericht van een melder" },
  mailbox_signal: { capability: "signal.read", label: "Een nieuw signaal uit het postvak om te classificeren" },
  adviser_assigned: { capability: "trajectory.readAssigned", label: "U bent als adviseur aan een traject toegevoegd" },
  reanalysis: { capability: "trajectory.readAssigned", label: "Een traject heeft herbeoordeling nodig" },
  review_reassessment: { capability: "review.manage", label: "Een contracttoets heeft herbeoordeling nodig" },
  milestone_digest: { capability: "region.readAny", label: "Elke ochtend: mijlpalen van aanbestedingen in de komende 7 dagen" },
};

/** The "Mijn account" form: the kinds ticked; none ticked is a choice too. */
export const preferencesSchema = z.object({
  kinds: z.array(z.enum(NOTIFICATION_KINDS, { errorMap: () => ({ message: "Kies uit de lijst." }) })).default([]),
});
