import crypto from "node:crypto";
import { asc, count, eq } from "drizzle-orm";
import { mailboxMessages, regions, signals } from "../../db/schema";
import { intakeDraftOf } from "~/domain/mail-draft";
import { megabytes } from "~/domain/file-limits";
import { keptFileTypeOf } from "~/domain/file-type";
import type { Actor } from "~/domain/actor";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { fileLimits } from "~/utils/file-limits.server";
import { imapErrorClass, openMailbox, type InboxMessage, type MailboxClient } from "~/utils/imap.server";
import { log } from "~/utils/log.server";
import { readMailWithFiles } from "~/utils/mail-file.server";
import { receiptHash } from "~/utils/receipt.server";
import { attachToSignal, cleanName, type NewAttachment } from "./attachment.server";
import { notifySignalNews } from "./notifications.server";
import { getSetting, setSetting } from "./settings.server";
import { createSignal } from "./signal.server";

/** What the status page shows of the last run: counts and an error class, never a subject, an address or a body. */
export type MailboxRun = {
  at: string;
  trigger: "schedule" | "manual";
  ok: boolean;
  errorClass: string | null;
  /** Messages read from INBOX, signals made, messages moved, messages that already had a signal (moved again), unreadable ones left in INBOX. */
  read: number;
  created: number;
  moved: number;
  known: number;
  unreadable: number;
};

const STATUS_KEY = "mailbox.last_run";
const OK_KEY = "mailbox.last_ok_at";
const MAILBOX_ACTOR: Actor = { userId: null, clientAddress: "postvak" };

export function mailboxConfigured(): boolean {
  const config = env();
  return Boolean(config.IMAP_URL && config.IMAP_USER && config.IMAP_PASSWORD);
}

function openConfigured(): Promise<MailboxClient> {
  const config = env();
  return openMailbox({ url: config.IMAP_URL!, user: config.IMAP_USER!, password: config.IMAP_PASSWORD!, folder: config.IMAP_FOLDER });
}

/**
 * The key a message is known by: a keyed hash (receipt key, outside the database) of its Message-ID, which names the
 * sender's domain and often a machine; a message without one is known by the hash of its bytes.
 */
function messageKey(message: InboxMessage): string {
  const id = message.messageId?.trim();
  return id ? receiptHash(`mailbox:message-id:${id}`) : receiptHash(`mailbox:sha256:${crypto.createHash("sha256").update(message.source).digest("hex")}`);
}

function known(hash: string): boolean {
  return db().select({ id: mailboxMessages.id }).from(mailboxMessages).where(eq(mailboxMessages.messageIdHash, hash)).get() !== undefined;
}

/** The codes a mailbox signal carries until it is classified: the most neutral of each list, and the first region. */
function placeholderRegion(): string {
  const region = db().select({ code: regions.code }).from(regions).where(eq(regions.active, true)).orderBy(asc(regions.code)).get();
  if (!region) throw Object.assign(new Error("no regions"), { code: "NO_REGIONS" });
  return region.code;
}

/**
 * One message becomes one signal "te classificeren", with the original message and every attachment the allow-list
 * keeps as sealed attachments, and the key of its Message-ID, all in one transaction: either the message has its
 * signal and its key, or nothing of it is stored.
 */
async function signalFromMessage(message: InboxMessage, hash: string): Promise<boolean> {
  let parsed: Awaited<ReturnType<typeof readMailWithFiles>>;
  try {
    parsed = await readMailWithFiles(message.source);
  } catch {
    return false;
  }
  const draft = intakeDraftOf(parsed.mail);
  const files: NewAttachment[] = [];
  const refused: string[] = [];
  const { maxBytes } = fileLimits();
  if (message.source.byteLength <= maxBytes) {
    files.push({ name: `e-mail ${draft.receivedOn}.eml`, contentType: "message/rfc822", bytes: message.source });
  } else refused.push(`het oorspronkelijke bericht (groter dan ${megabytes(maxBytes)})`);
  for (const file of parsed.files) {
    const type = file.bytes.byteLength <= maxBytes ? keptFileTypeOf(file.bytes) : undefined;
    if (type) files.push({ name: cleanName(file.name), contentType: type.contentType, bytes: file.bytes });
    else refused.push(cleanName(file.name));
  }
  // Refused files are named in the (sealed) details, so the intermediary knows to ask for them another way.
  const refusal = refused.length > 0 ? `\n\n[Niet bewaard, soort bestand niet toegestaan of te groot: ${refused.join(", ")}]` : "";
  createSignal(
    {
      receivedOn: draft.receivedOn,
      channel: "email",
      requesterType: "other",
      referredBy: "direct",
      regionCode: placeholderRegion(),
      topic: "other",
      procurementPhase: "none",
      procedure: "unknown",
      funding: "unknown",
      triggers: [],
      summary: draft.summary || "E-mail zonder onderwerp",
      details: `${draft.details ?? ""}${refusal}`.trim() || undefined,
      reporterName: draft.reporterName,
      reporterEmail: draft.reporterEmail,
    },
    MAILBOX_ACTOR,
    (tx, signalId) => {
      tx.insert(mailboxMessages).values({ messageIdHash: hash, signalId, receivedAt: new Date().toISOString() }).run();
      for (const file of files) attachToSignal(tx, signalId, file, MAILBOX_ACTOR);
      notifySignalNews(tx, "mailbox_signal", signalId);
    },
    { awaitingClassification: true },
  );
  return true;
}

let running: Promise<MailboxRun> | undefined;

export function mailboxBusy(): boolean {
  return running !== undefined;
}

/**
 * Reads INBOX once (README, "Decisions: exactly one signal per message"): per message, commit its signal and key,
 * then move it to the processed folder. A message whose key is already stored (the process died, or the move
 * failed, after the commit) is only moved. A run that fails stops there and is recorded with its error class; the
 * next run starts over from what INBOX still holds. One run at a time.
 */
export function runMailbox(options: { trigger: MailboxRun["trigger"]; open?: () => Promise<MailboxClient> }): Promise<MailboxRun> {
  running ??= readInbox(options).finally(() => (running = undefined));
  return running;
}

async function readInbox({ trigger, open = openConfigured }: { trigger: MailboxRun["trigger"]; open?: () => Promise<MailboxClient> }): Promise<MailboxRun> {
  const run: MailboxRun = { at: new Date().toISOString(), trigger, ok: true, errorClass: null, read: 0, created: 0, moved: 0, known: 0, unreadable: 0 };
  let client: MailboxClient | undefined;
  try {
    client = await open();
    for await (const message of client.inbox()) {
      run.read += 1;
      const hash = messageKey(message);
      if (known(hash)) run.known += 1;
      else if (await signalFromMessage(message, hash)) run.created += 1;
      else {
        // Not a mail the parsers can read: it stays in INBOX for a person to look at, and is tried again next time.
        run.unreadable += 1;
        continue;
      }
      await client.moveToProcessed(message.uid);
      run.moved += 1;
    }
  } catch (error) {
    run.ok = false;
    run.errorClass = imapErrorClass(error);
  } finally {
    await client?.close().catch(() => undefined);
  }
  setSetting(STATUS_KEY, JSON.stringify(run));
  if (run.ok) setSetting(OK_KEY, run.at);
  const { at: _at, ok: _ok, ...counts } = run;
  if (run.ok) log.info("Postvak opgehaald", counts);
  else log.warn("Postvak ophalen mislukt", counts);
  return run;
}

/** The status page: the last run, when one last succeeded, and how many mailbox signals wait for classification. */
export function mailboxStatus(): { configured: boolean; busy: boolean; lastRun: MailboxRun | null; lastOkAt: string | null; waiting: number } {
  const stored = getSetting(STATUS_KEY);
  const waiting =
    db()
      .select({ n: count() })
      .from(signals)
      .innerJoin(mailboxMessages, eq(mailboxMessages.signalId, signals.id))
      .where(eq(signals.awaitingClassification, true))
      .get()?.n ?? 0;
  return { configured: mailboxConfigured(), busy: mailboxBusy(), lastRun: stored ? (JSON.parse(stored) as MailboxRun) : null, lastOkAt: getSetting(OK_KEY) ?? null, waiting };
}
