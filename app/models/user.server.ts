import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { userRoles, users } from "../../db/schema";
import type { Role } from "~/domain/roles";
import { db, type Tx } from "~/utils/db.server";

export type StaffUser = {
  id: number;
  email: string;
  name: string;
  roles: Role[];
  mustChangePassword: boolean;
  disabled: boolean;
  /** A confirmed TOTP second factor. */
  secondFactor: boolean;
};

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function rolesOf(userId: number, tx: Tx | ReturnType<typeof db> = db()): Role[] {
  return tx
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.role))
    .all()
    .map((r) => r.role);
}

function toStaffUser(row: typeof users.$inferSelect, roles: Role[]): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles,
    mustChangePassword: row.mustChangePassword,
    disabled: row.disabledAt !== null,
    secondFactor: row.totpConfirmedAt !== null,
  };
}

export function getUser(id: number): StaffUser | undefined {
  const row = db().select().from(users).where(eq(users.id, id)).get();
  return row ? toStaffUser(row, rolesOf(row.id)) : undefined;
}

export function findLoginCandidate(email: string) {
  const row = db().select().from(users).where(eq(users.email, normaliseEmail(email))).get();
  return row ? { user: toStaffUser(row, rolesOf(row.id)), passwordHash: row.passwordHash } : undefined;
}

export function getPasswordHash(userId: number): string | undefined {
  return db().select({ h: users.passwordHash }).from(users).where(eq(users.id, userId)).get()?.h;
}

export function listUsers(): StaffUser[] {
  const rows = db().select().from(users).orderBy(asc(users.name)).all();
  const roleRows = db().select().from(userRoles).all();
  return rows.map((row) =>
    toStaffUser(
      row,
      roleRows.filter((r) => r.userId === row.id).map((r) => r.role),
    ),
  );
}

export function countUsers(): number {
  return db().select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
}

export function emailTaken(email: string, exceptUserId?: number): boolean {
  const row = db().select({ id: users.id }).from(users).where(eq(users.email, normaliseEmail(email))).get();
  return row !== undefined && row.id !== exceptUserId;
}

/** Active admins other than `exceptUserId`: the last one may not be disabled or lose the role. */
export function countOtherActiveAdmins(exceptUserId: number, tx: Tx | ReturnType<typeof db> = db()): number {
  return (
    tx
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, "admin")))
      .where(and(isNull(users.disabledAt), sql`${users.id} <> ${exceptUserId}`))
      .get()?.n ?? 0
  );
}

export function insertUser(
  tx: Tx,
  input: { email: string; name: string; roles: Role[]; passwordHash: string; mustChangePassword: boolean },
): number {
  const row = tx
    .insert(users)
    .values({
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      passwordHash: input.passwordHash,
      mustChangePassword: input.mustChangePassword,
    })
    .returning({ id: users.id })
    .get();
  setRoles(tx, row.id, input.roles);
  return row.id;
}

export function setRoles(tx: Tx, userId: number, roles: Role[]): void {
  tx.delete(userRoles).where(eq(userRoles.userId, userId)).run();
  if (roles.length > 0) tx.insert(userRoles).values(roles.map((role) => ({ userId, role }))).run();
}

export function updateUserRow(
  tx: Tx,
  userId: number,
  changes: Partial<Pick<typeof users.$inferInsert, "name" | "email" | "passwordHash" | "mustChangePassword" | "disabledAt">>,
): void {
  tx.update(users)
    .set({ ...changes, updatedAt: new Date().toISOString() })
    .where(eq(users.id, userId))
    .run();
}
