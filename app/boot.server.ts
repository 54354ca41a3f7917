import { issueSetupToken, needsSetup } from "~/models/setup.server";
import { loadShippedReferenceData } from "~/models/reference.server";
import { purgeOldLoginAttempts } from "~/models/login-throttle.server";
import { pruneSearchChanges, warmSearchIndex } from "~/models/search-index.server";
import { anonymiseDue } from "~/models/retention.server";
import { discardStaleUploads } from "~/models/staged-upload.server";
import { refreshAuditAnchor } from "~/models/audit-anchor.server";
import { closeInterruptedRuns, lastFetchStartedAt, monitorBusy, runMonitor } from "~/models/tenderned-run.server";
import { dailyRunDue } from "~/domain/tenderned-days";
import { secrets } from "~/models/keys.server";
import { purgeExpiredSessions } from "~/models/session.server";
import { deliverDue } from "~/models/notification-delivery.server";
import { pruneOutbox } from "~/models/notification-outbox.server";
import { notifyMilestoneDigest } from "~/models/notifications.server";
import { todayInTheNetherlands } from "~/domain/dates";
import { configureMailer, verifyMailer } from "~/utils/mailer.server";
import { migrate, untilWritable } from "~/utils/db.server";
import { sweepRateLimits } from "~/utils/rate-limit.server";
import { env } from "~/utils/env.server";
import { takeInstanceLock } from "~/utils/instance-lock.server";
import { describeError, exitOnStrayErrors, log } from "~/utils/log.server";
import { mailboxBusy, mailboxConfigured, runMailbox } from "~/models/mailbox.server";
import { configuredTenderNed } from "~/utils/tenderned.server";

/** Brings the database up to date; also what `npm run db:migrate` does. */
export function prepareDatabase(): void {
  migrate();
  loadShippedReferenceData();
}

/** Kept referenced for the life of the process (a collected connection would drop the lock): restore and key rotation refuse while it is held. */
let serverLock: ReturnType<typeof takeInstanceLock> | undefined;

function applyRetention(): void {
  const count = anonymiseDue({ userId: null, clientAddress: "system" });
  if (count > 0) log.info("Bewaartermijn: signalen geanonimiseerd", { count });
  const stale = discardStaleUploads();
  if (stale > 0) log.info("Bewaartermijn: achtergelaten uploads verwijderd", { count: stale });
  pruneSearchChanges();
}

/**
 * Upkeep in a timer meets the database like a request does: it waits off the event loop while another process holds
 * the write lock, and a failure is logged and tried again next time. Thrown from a timer it would stop the server.
 */
function inBackground(task: string, work: () => unknown): void {
  void untilWritable()
    .then(work)
    .catch((error: unknown) => log.error("achtergrondtaak mislukt", { task, error: describeError(error) }));
}

/**
 * E-mail notifications (README, "Decisions: the outbox"): the sender polls the outbox every few seconds; the digest
 * is enqueued by the first hourly check of each Dutch day (the start included), once per user and day by its key.
 */
function startNotifications(smtpUrl: string | undefined): void {
  configureMailer(smtpUrl);
  if (!smtpUrl) return;
  void verifyMailer();
  const digest = () => {
    const count = notifyMilestoneDigest(todayInTheNetherlands());
    if (count > 0) log.info("Dagoverzicht mijlpalen in de wachtrij", { count });
    pruneOutbox(new Date());
  };
  inBackground("dagoverzicht", digest);
  setInterval(() => inBackground("dagoverzicht", digest), 60 * 60_000).unref();
  setInterval(() => inBackground("e-mailmeldingen", () => deliverDue()), 5_000).unref();
}

/**
 * The procurement monitor, daily from 06:00 Dutch time: it looks every hour whether today's run is still to do, so a
 * server restarted every night still runs once a day. Off (no timer at all) while TENDERNED_URL is unset.
 */
function scheduleTenderNed(): void {
  closeInterruptedRuns();
  if (!configuredTenderNed()) return;
  setInterval(() => {
    if (monitorBusy() || !dailyRunDue(lastFetchStartedAt(), new Date())) return;
    const client = configuredTenderNed();
    if (client) inBackground("tenderned", () => runMonitor({ client, trigger: "schedule", actor: { userId: null, clientAddress: "system" } }));
  }, 60 * 60_000).unref();
}

/** The mailbox, every IMAP_POLL_MINUTES and once shortly after the start; no timer at all while IMAP_URL is unset. */
function scheduleMailbox(minutes: number): void {
  if (!mailboxConfigured()) return;
  const poll = () => {
    if (!mailboxBusy()) inBackground("postvak", () => runMailbox({ trigger: "schedule" }));
  };
  setTimeout(poll, 5_000).unref();
  setInterval(poll, minutes * 60_000).unref();
}

/**
 * Runs before the server accepts requests: configuration and keys are checked first, so a wrong key stops the start
 * instead of surfacing on the first confidential page.
 */
export function boot(): { host: string; port: number } {
  exitOnStrayErrors();
  const config = env();
  serverLock ??= takeInstanceLock(config.DATABASE_PATH);
  prepareDatabase();
  secrets();
  refreshAuditAnchor({ atStart: true });
  purgeExpiredSessions();
  purgeOldLoginAttempts();
  log.info("Database gereed", { path: config.DATABASE_PATH });
  // A second after the start, so the first requests are not shared with opening every summary.
  setTimeout(
    () =>
      inBackground("zoekindex", async () => {
        log.info("Zoekindex in geheugen gereed", await warmSearchIndex());
        pruneSearchChanges();
      }),
    1000,
  ).unref();
  applyRetention();
  // Daily; unref so a stopping server does not wait for it.
  setInterval(() => inBackground("bewaartermijn", applyRetention), 24 * 60 * 60_000).unref();
  setInterval(sweepRateLimits, 10 * 60_000).unref();
  startNotifications(config.SMTP_URL);
  scheduleTenderNed();
  scheduleMailbox(config.IMAP_POLL_MINUTES);
  if (needsSetup()) {
    const token = issueSetupToken();
    log.info(
      `Nog geen account. Maak het eerste account aan via http://${config.HOST}:${config.PORT}/setup?token=${token} (eenmalige link, geldig tot de volgende herstart).`,
    );
  }
  return { host: config.HOST, port: config.PORT };
}
