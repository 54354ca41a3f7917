import path from "node:path";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const optionalText = z
  .string()
  .optional()
  .transform((v) => v || undefined);

const DEFAULT_DATABASE_PATH = "data/rode-draad.db";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("production"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: positiveInt(3000),
  /** Resolved once, so every module (and the secrets.json beside it) names the same file. */
  DATABASE_PATH: z
    .string()
    .optional()
    .transform((v) => path.resolve(v || DEFAULT_DATABASE_PATH)),
  // The keys (secrets.server.ts); an empty variable, common in env files, counts as not set.
  SESSION_SECRET: optionalText,
  DATA_KEY: optionalText,
  DATA_KEY_PREVIOUS: optionalText,
  RECEIPT_KEY: optionalText,
  /** Only for `npm run rotate-key`: the data key to rotate to. */
  NEW_DATA_KEY: optionalText,
  COOKIE_SECURE: booleanFlag,
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_MAX_HOURS: positiveInt(12),
  /** Only behind a reverse proxy: the header (e.g. x-forwarded-for) whose last value is the client address. */
  TRUSTED_PROXY_HEADER: z
    .string()
    .optional()
    .transform((v) => v?.trim().toLowerCase() || undefined),
  LOGIN_MAX_FAILURES: positiveInt(5),
  LOGIN_LOCK_MINUTES: positiveInt(15),
  PORTAL_SUBMISSIONS_PER_HOUR: positiveInt(10),
  PORTAL_MESSAGES_PER_HOUR: positiveInt(10),
  /** Every post to the portal's forms counts, checked before the body is read: floods cost almost nothing. */
  PORTAL_POSTS_PER_HOUR: positiveInt(60),
  RECEIPT_MAX_FAILURES: positiveInt(5),
  RECEIPT_LOCK_MINUTES: positiveInt(15),
  RETENTION_MONTHS: positiveInt(24),
  /** The largest file kept (attachments, a saved e-mail, each file of the public form). */
  FILE_MAX_MB: z.coerce.number().int().min(1).max(50).default(10),
  /** How many files the public form takes (0: none). */
  PORTAL_MAX_FILES: z.coerce.number().int().min(0).max(10).default(3),
  /** The Chromium that makes the report PDF ("Download PDF"); missing there, the download explains it. */
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  /** E-mail notifications (smtp://user:pass@host:587, smtps:// for TLS from the start); unset, none are made or sent. */
  SMTP_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^smtps?:\/\/[^\s]+$/.test(v), "gebruik smtp://gebruiker:wachtwoord@host:587 of smtps://…"),
  /** The sender of those e-mails. */
  SMTP_FROM: z.string().min(3).default("Rode Draad <noreply@localhost>"),
  /** The address users reach Rode Draad at, for the links in e-mails; without it http://HOST:PORT. */
  APP_ORIGIN: z
    .string()
    .regex(/^https?:\/\/[^/\s]+$/, "gebruik https://host (zonder pad)")
    .optional(),
  /**
   * Base of TenderNed's publication interface (production: TenderNed's papi/tenderned-rs-tns/v2). Unset, the
   * procurement monitor is off and the app makes no outbound request at all.
   */
  TENDERNED_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, "gebruik een http- of https-adres")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /**
   * The mailbox whose new messages become signals to classify (imaps://host:993, imap://host:143 with STARTTLS when
   * offered). Unset, the app never connects; user and password are then ignored.
   */
  IMAP_URL: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^imaps?:\/\/[^\s/@]+(:\d+)?\/?$/.test(v), "gebruik imaps://host:993 of imap://host:143 (zonder naam of wachtwoord)"),
  IMAP_USER: optionalText,
  IMAP_PASSWORD: optionalText,
  /** The folder a message is moved to once its signal is committed; created when missing. */
  IMAP_FOLDER: z.string().trim().min(1).default("Rode Draad/verwerkt"),
  IMAP_POLL_MINUTES: positiveInt(5),
  /** Where to report a vulnerability (mailto: or https: URL), published in /.well-known/security.txt. */
  SECURITY_CONTACT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/, "gebruik mailto:adres of een https-adres")
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

/** A configuration value the operator must fix; the message names the variable. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

let cached: Env | undefined;

/**
 * Validates a configuration and makes it the process's: the server and the commands read process.env (the default);
 * a test or benchmark that points the app at a temporary database passes its own object instead of writing
 * process.env. A bad value stops the start with the variable's name, never a silent default.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`Ongeldige configuratie: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** The configuration, read from the environment once; everything else asks this or is handed its values. */
export function env(): Env {
  return cached ?? loadEnv();
}
