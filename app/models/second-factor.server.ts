import crypto from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { Secret } from "otpauth";
import { recoveryCodes, users } from "../../db/schema";
import { DomainError } from "~/domain/errors";
import {
  acceptTotp,
  formatRecoveryCode,
  normaliseRecoveryCode,
  normaliseTotpCode,
  RECOVERY_ALPHABET,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
} from "~/domain/totp";
import { db } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { endSessionsOfUser } from "./session.server";
import { audit, type Actor } from "./audit.server";
import { sealRequired, unsealRequired } from "./sealed.server";

/** RFC 4226 asks for at least 128 bits and recommends 160: the length of an HMAC-SHA1 key. */
const SECRET_BYTES = 20;

function totpState(userId: number) {
  return db()
    .select({ secret: users.totpSecret, confirmedAt: users.totpConfirmedAt, lastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId))
    .get();
}

function openSecret(sealed: string): string {
  return unsealRequired(sealed, "totpSecret");
}

/**
 * The key being set up, made on first visit and kept (sealed, unconfirmed) until a code confirms it, so reloading the
 * enrolment page does not invalidate a QR code the user already scanned.
 */
export function enrolmentKey(userId: number): string {
  const state = totpState(userId);
  if (!state) throw new DomainError("ACCOUNT.NOT_FOUND", "Dit account bestaat niet.");
  if (state.confirmedAt) throw new DomainError("SECOND_FACTOR.ALREADY_SET", "Tweestapsverificatie is al ingesteld.");
  if (state.secret) return openSecret(state.secret);
  const key = new Secret({ size: SECRET_BYTES }).base32;
  db()
    .update(users)
    .set({ totpSecret: sealRequired(key, "totpSecret"), totpLastStep: null, updatedAt: new Date().toISOString() })
    .where(eq(users.id, userId))
    .run();
  return key;
}

function newRecoveryCode(): string {
  let symbols = "";
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i += 1) symbols += RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)];
  return formatRecoveryCode(symbols);
}

/**
 * Recovery codes are hashed with argon2id, like passwords: at ~50 bits a plain SHA-256 of a code could be brute-forced
 * from a stolen database in days, and an HMAC would tie the codes to a key that rotation replaces. The cost (tens of
 * milliseconds per code) is paid only when someone types a recovery code, which is rare and throttled.
 */
export async function confirmEnrolment(userId: number, input: string, actor: Actor, nowMs = Date.now()): Promise<string[]> {
  const state = totpState(userId);
  if (!state?.secret || state.confirmedAt) {
    throw new DomainError("SECOND_FACTOR.NOT_STARTED", "Deze instelling is verlopen. Laad de pagina opnieuw en scan de nieuwe QR-code.");
  }
  const code = normaliseTotpCode(input);
  const step = code ? acceptTotp({ secretBase32: openSecret(state.secret), code, nowMs, lastStep: null }) : undefined;
  if (step === undefined) {
    throw new DomainError(
      "SECOND_FACTOR.WRONG_CODE",
      "Deze code klopt niet. Typ de zes cijfers die de app nu toont; staat de tijd op uw telefoon goed?",
      "code",
    );
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((c) => hashPassword(c)));
  db().transaction((tx) => {
    const confirmed = tx
      .update(users)
      .set({ totpConfirmedAt: new Date(nowMs).toISOString(), totpLastStep: step, updatedAt: new Date().toISOString() })
      .where(and(eq(users.id, userId), isNull(users.totpConfirmedAt), eq(users.totpSecret, state.secret ?? "")))
      .run();
    if (confirmed.changes !== 1) {
      throw new DomainError("SECOND_FACTOR.NOT_STARTED", "Deze instelling is verlopen. Laad de pagina opnieuw en scan de nieuwe QR-code.");
    }
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
    tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash }))).run();
    audit(actor, "auth.second_factor_enrolled", { type: "user", id: userId }, { recoveryCodes: codes.length }, tx);
  });
  return codes;
}

export function unusedRecoveryCodes(userId: number): number {
  return (
    db()
      .select({ n: sql<number>`count(*)` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
      .get()?.n ?? 0
  );
}

async function useRecoveryCode(userId: number, code: string, actor: Actor): Promise<boolean> {
  const unused = db()
    .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .all();
  for (const candidate of unused) {
    if (!(await verifyPassword(candidate.codeHash, code))) continue;
    return db().transaction((tx) => {
      // Guarded on used_at: of two requests racing with the same code, only one gets in.
      const used = tx
        .update(recoveryCodes)
        .set({ usedAt: new Date().toISOString() })
        .where(and(eq(recoveryCodes.id, candidate.id), isNull(recoveryCodes.usedAt)))
        .run();
      if (used.changes !== 1) return false;
      audit(actor, "auth.recovery_code_used", { type: "user", id: userId }, { remaining: unused.length - 1 }, tx);
      return true;
    });
  }
  return false;
}

/**
 * Checks the second factor at login: a TOTP code of a step newer than the last accepted one, or an unused recovery
 * code. Either is spent on success. Returns how the user passed, or undefined.
 */
export async function verifySecondFactor(
  userId: number,
  input: string,
  actor: Actor,
  nowMs = Date.now(),
): Promise<"totp" | "recovery" | undefined> {
  const state = totpState(userId);
  if (!state?.secret || !state.confirmedAt) return undefined;
  const totp = normaliseTotpCode(input);
  if (totp) {
    const step = acceptTotp({ secretBase32: openSecret(state.secret), code: totp, nowMs, lastStep: state.lastStep });
    if (step === undefined) return undefined;
    // Guarded on the step: of two requests racing with the same code, only the one that moves it on gets in.
    const moved = db()
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .run();
    return moved.changes === 1 ? "totp" : undefined;
  }
  const recovery = normaliseRecoveryCode(input);
  return recovery && (await useRecoveryCode(userId, recovery, actor)) ? "recovery" : undefined;
}

/** For a lost phone: the user sets up a new second factor at the next login; every session of theirs ends now. */
export function resetSecondFactor(userId: number, actor: Actor): void {
  db().transaction((tx) => {
    tx.update(users)
      .set({ totpSecret: null, totpConfirmedAt: null, totpLastStep: null, updatedAt: new Date().toISOString() })
      .where(eq(users.id, userId))
      .run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
    audit(actor, "user.second_factor_reset", { type: "user", id: userId }, undefined, tx);
  });
  endSessionsOfUser(userId);
}
