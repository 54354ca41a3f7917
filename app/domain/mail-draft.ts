import { FIRST_DATE, todayInTheNetherlands } from "./dates";
import { reporterIdentityFields } from "./signal-form";

/** What an e-mail file says, as read by utils/mail-file.server.ts (from an .eml or an Outlook .msg). */
export type MailFile = {
  sentAt: Date | null;
  fromName: string | null;
  fromAddress: string | null;
  subject: string | null;
  text: string;
  attachmentNames: string[];
};

/** The intake fields an e-mail fills in; the intermediary checks and completes them before anything is saved. */
export type IntakeDraft = {
  receivedOn: string;
  channel: "email";
  reporterName?: string;
  reporterEmail?: string;
  summary: string;
  details?: string;
};

// The intake's limits (domain/signal-form.ts): a draft must never be refused for its own length.
const SUMMARY_MAX = 2000;
const DETAILS_MAX = 10_000;
const NAME_MAX = 200;

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function oneLine(text: string | null): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/** Blank lines collapsed to one, trailing spaces gone: mail programs pad plain text generously. */
function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * The received date is the day the mail was sent, in Dutch time; a mail without a date, or dated in the future or
 * before the app's first year, is taken as received today (the intake refuses such dates).
 */
export function intakeDraftOf(mail: MailFile, now: Date = new Date()): IntakeDraft {
  const today = todayInTheNetherlands(now);
  const sentOn = mail.sentAt && !Number.isNaN(mail.sentAt.getTime()) ? todayInTheNetherlands(mail.sentAt) : today;
  const text = tidyText(mail.text);
  const subject = oneLine(mail.subject);
  const firstLine = oneLine(text.split("\n").find((line) => line.trim() !== "") ?? "");
  const name = oneLine(mail.fromName);
  const address = oneLine(mail.fromAddress).toLowerCase();
  return {
    receivedOn: sentOn > today || sentOn < FIRST_DATE ? today : sentOn,
    channel: "email",
    ...(name ? { reporterName: cut(name, NAME_MAX) } : {}),
    // Only an address the intake accepts: one it would refuse is left for the intermediary to type.
    ...(address && reporterIdentityFields.reporterEmail.safeParse(address).success ? { reporterEmail: address } : {}),
    summary: cut(subject || firstLine, SUMMARY_MAX),
    ...(text ? { details: cut(text, DETAILS_MAX) } : {}),
  };
}
