import type { OutboxKind } from "./notification-kinds";

/**
 * The whole text of every e-mail Rode Draad sends. It says that something happened and where to look, behind the
 * login: by construction it takes no signal, message, name, region or receipt code, only the kind and a link, so no
 * confidential text can reach a mailbox (README, "Security model").
 */
const CONTENT: Record<OutboxKind, { subject: string; body: string }> = {
  portal_signal: { subject: "Nieuw signaal via het meldformulier", body: "Er is een nieuw signaal binnengekomen via het meldformulier." },
  portal_message: { subject: "Nieuw bericht van een melder", body: "Een melder heeft een nieuw bericht gestuurd bij een signaal." },
  mailbox_signal: { subject: "Nieuw signaal om te classificeren", body: "Er is een nieuw signaal uit het postvak binnengekomen dat nog geclassificeerd moet worden." },
  adviser_assigned: { subject: "U bent aan een traject toegevoegd", body: "U bent als adviseur aan een traject toegevoegd." },
  reanalysis: { subject: "Herbeoordeling nodig", body: "Een traject heeft herbeoordeling nodig: er is een aanbestedingsstuk bijgekomen of gewijzigd." },
  review_reassessment: { subject: "Contracttoets: herbeoordeling nodig", body: "Een contracttoets heeft herbeoordeling nodig: er is een aanbestedingsstuk bijgekomen of gewijzigd." },
  milestone_digest: { subject: "Mijlpalen in de komende 7 dagen", body: "Er staan mijlpalen van aanbestedingen in de komende 7 dagen." },
  reporter_answer: { subject: "Er is nieuws over uw melding", body: "Er is nieuws over uw melding bij Rode Draad. Lees het met uw ontvangstcode op" },
};

export type NotificationMail = { subject: string; text: string };

/** The link must be a path of this app: an absolute or protocol-relative one would let a caller point elsewhere. */
function isAppPath(path: string): boolean {
  return /^\/[A-Za-z0-9/_-]*$/.test(path) && !path.startsWith("//");
}

export function notificationMail(kind: OutboxKind, linkPath: string, origin: string): NotificationMail {
  if (!isAppPath(linkPath)) throw new Error("Ongeldige link voor een e-mailmelding.");
  const { subject, body } = CONTENT[kind];
  const url = `${origin.replace(/\/+$/, "")}${linkPath}`;
  const text =
    kind === "reporter_answer"
      ? `${body}\n${url}\n\nDeze e-mail bevat bewust geen inhoud. U vroeg om dit bericht bij uw melding.\n`
      : `${body}\n\nBekijk het na inloggen:\n${url}\n\nDeze e-mail bevat bewust geen inhoud. Welke e-mails u krijgt, kiest u in Rode Draad onder Mijn account.\n`;
  return { subject: `Rode Draad: ${subject}`, text };
}
