import { notificationMail } from "~/domain/notification-content";
import { errorClassOf } from "~/domain/notification-retry";
import { env } from "~/utils/env.server";
import { log } from "~/utils/log.server";
import { sendMail } from "~/utils/mailer.server";
import { dueNotifications, markFailed, markSent, markUndeliverable } from "./notification-outbox.server";

/** Where the links in e-mails point: APP_ORIGIN, or the address the server listens on. */
export function publicOrigin(): string {
  const config = env();
  return config.APP_ORIGIN ?? `http://${config.HOST}:${config.PORT}`;
}

let running: Promise<number> | undefined;

/**
 * Sends what is due, one at a time, and records each outcome before the next. Single-flight: a call while a round
 * runs joins it, so two rounds never send the same row. Returns how many were sent.
 */
export function deliverDue(now: () => Date = () => new Date()): Promise<number> {
  running ??= deliverRound(now).finally(() => {
    running = undefined;
  });
  return running;
}

async function deliverRound(now: () => Date): Promise<number> {
  const config = env();
  if (!config.SMTP_URL) return 0;
  const origin = publicOrigin();
  const host = new URL(origin).hostname;
  let sent = 0;
  for (const row of dueNotifications(now())) {
    if (!row.address) {
      markUndeliverable(row.id, now());
      continue;
    }
    const mail = notificationMail(row.kind, row.linkPath, origin);
    try {
      // The same Message-ID on every attempt: a resend after the crash window can be recognised as one message.
      await sendMail({ from: config.SMTP_FROM, to: row.address, ...mail, messageId: `<melding-${row.id}@${host}>` });
    } catch (error) {
      const { errorClass, permanent } = errorClassOf(error);
      markFailed(row.id, row.attempts + 1, errorClass, permanent, now());
      log.warn("E-mailmelding niet verstuurd", { outbox: row.id, kind: row.kind, attempt: row.attempts + 1, errorClass });
      // The server is down or refusing: the rest waits for its own retry time rather than failing in a row now.
      if (!errorClass.startsWith("SMTP_5")) break;
      continue;
    }
    markSent(row.id, now());
    sent += 1;
  }
  return sent;
}
