import nodemailer, { type Transporter } from "nodemailer";
import { errorClassOf } from "~/domain/notification-retry";
import { log } from "./log.server";

/** The SMTP server as the sender last met it, for the status page; never its messages, which may name addresses. */
export type SmtpState =
  | { state: "off" }
  | { state: "unknown" }
  | { state: "ok"; since: Date }
  | { state: "failing"; since: Date; errorClass: string };

let state: SmtpState = { state: "off" };
let transporter: Transporter | undefined;

export function smtpState(): SmtpState {
  return state;
}

/** One transport per process, unpooled: each send opens its own connection, so a dead one is never reused. */
export function configureMailer(smtpUrl: string | undefined): void {
  transporter?.close();
  transporter = smtpUrl ? nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000, logger: false }) : undefined;
  state = smtpUrl ? { state: "unknown" } : { state: "off" };
}

function record(ok: boolean, error?: unknown): void {
  if (ok) {
    if (state.state !== "ok") state = { state: "ok", since: new Date() };
    return;
  }
  const { errorClass } = errorClassOf(error);
  if (state.state !== "failing" || state.errorClass !== errorClass) state = { state: "failing", since: new Date(), errorClass };
}

/**
 * Resolves once the server accepted the message (its 250 after DATA). A 4xx/5xx refusal of the recipient only is an
 * error too: a message accepted for nobody was not delivered.
 */
export async function sendMail(message: { from: string; to: string; subject: string; text: string; messageId: string }): Promise<void> {
  if (!transporter) throw Object.assign(new Error("SMTP niet ingesteld"), { code: "SMTP_OFF" });
  try {
    const info = await transporter.sendMail({ ...message, headers: { "Auto-Submitted": "auto-generated" } });
    if ((info.accepted ?? []).length === 0) throw Object.assign(new Error("geweigerd"), { responseCode: 550 });
    record(true);
  } catch (error) {
    // A refusal of this one message says the server is up; only a failing connection marks it as failing.
    const { errorClass } = errorClassOf(error);
    record(errorClass.startsWith("SMTP_"), error);
    throw error;
  }
}

/** Checks the connection and login at start, so the status page knows before the first e-mail. */
export async function verifyMailer(): Promise<void> {
  if (!transporter) return;
  try {
    await transporter.verify();
    record(true);
    log.info("Mailserver bereikbaar");
  } catch (error) {
    record(false, error);
    // The class only: the server's own text may carry the login name.
    log.warn("Mailserver niet bereikbaar", { errorClass: errorClassOf(error).errorClass });
  }
}
