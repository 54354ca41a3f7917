import { ImapFlow } from "imapflow";

export type MailboxConfig = { url: string; user: string; password: string; folder: string };

/** One message of the inbox as the mailbox run needs it: its UID, its Message-ID (if any) and the raw message. */
export type InboxMessage = { uid: number; messageId: string | null; source: Uint8Array };

/** The mailbox as the run uses it: read the inbox, move one message to the processed folder, log out. */
export type MailboxClient = {
  inbox(): AsyncIterable<InboxMessage>;
  moveToProcessed(uid: number): Promise<void>;
  close(): Promise<void>;
};

/** "Rode Draad/verwerkt" as the path parts; imapflow joins them with the server's own hierarchy delimiter. */
function folderPath(folder: string): string[] {
  return folder.split("/").map((part) => part.trim()).filter(Boolean);
}

/**
 * Connects and logs in (imaps:// is TLS from the start; imap:// upgrades with STARTTLS when the server offers it),
 * creates the processed folder when it is missing, and opens INBOX. Nothing is logged by the library: its log lines
 * carry addresses and subjects.
 */
export async function openMailbox(config: MailboxConfig): Promise<MailboxClient> {
  const url = new URL(config.url);
  const secure = url.protocol === "imaps:";
  const client = new ImapFlow({
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 993 : 143,
    secure,
    auth: { user: config.user, pass: config.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  // An error event without a listener would end the process; the failing call itself reports the error.
  client.on("error", () => undefined);
  await client.connect();
  const folder = folderPath(config.folder);
  try {
    const existing = await client.list();
    const delimiter = existing[0]?.delimiter ?? "/";
    if (!existing.some((box) => box.path === folder.join(delimiter))) await client.mailboxCreate(folder);
    const lock = await client.getMailboxLock("INBOX");
    return {
      async *inbox() {
        // UIDs first, then each message alone: a fetch stream must not be left open while the database is written.
        const uids = (await client.search({ all: true }, { uid: true })) || [];
        for (const uid of uids) {
          const message = await client.fetchOne(String(uid), { uid: true, envelope: true, source: true }, { uid: true });
          if (!message || !message.source) continue;
          yield { uid, messageId: message.envelope?.messageId ?? null, source: new Uint8Array(message.source) };
        }
      },
      async moveToProcessed(uid) {
        const moved = await client.messageMove(String(uid), folder, { uid: true });
        if (!moved) throw Object.assign(new Error("move refused"), { code: "MOVE_FAILED" });
      },
      async close() {
        lock.release();
        await client.logout();
      },
    };
  } catch (error) {
    client.close();
    throw error;
  }
}

/**
 * What went wrong, as a class the status page and the log may show (AUTHENTICATIONFAILED, ECONNREFUSED,
 * ETIMEDOUT, MOVE_FAILED, …): never the server's text, which can repeat the account or a message's subject.
 */
export function imapErrorClass(error: unknown): string {
  if (typeof error !== "object" || error === null) return "UNKNOWN";
  const e = error as { authenticationFailed?: boolean; serverResponseCode?: unknown; code?: unknown; name?: unknown };
  if (e.authenticationFailed) return "AUTHENTICATIONFAILED";
  for (const value of [e.serverResponseCode, e.code]) if (typeof value === "string" && /^[A-Za-z0-9_-]{2,40}$/.test(value)) return value.toUpperCase();
  return typeof e.name === "string" && /^[A-Za-z]{2,40}$/.test(e.name) ? e.name : "UNKNOWN";
}
