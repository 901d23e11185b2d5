/**
 * Accounts: lookup by login name or phone, creation and password changes.
 * Hash passwords (password.ts) before opening a transaction: Argon2 is deliberately slow.
 */
import { eq, or } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { Conflict } from '../http/errors.js';
import { users } from './auth.tables.js';

export type UserRow = typeof users.$inferSelect;

const PHONE = /^1\d{10}$/;

export function isPhone(login: string): boolean {
  return PHONE.test(login);
}

/** Canonical form of a login: trimmed, lower-cased (phones are digits anyway). */
export function normalizeLogin(login: string): string {
  return login.trim().toLowerCase();
}

export async function findUserByLogin(ex: Executor, login: string): Promise<UserRow | undefined> {
  const key = normalizeLogin(login);
  const [row] = await ex
    .select()
    .from(users)
    .where(isPhone(key) ? or(eq(users.phone, key), eq(users.username, key)) : eq(users.username, key))
    .limit(1);
  return row;
}

export async function findUserById(ex: Executor, id: number): Promise<UserRow | undefined> {
  const [row] = await ex.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export interface NewUser {
  username?: string | null;
  phone?: string | null;
  displayName: string;
  passwordHash: string;
  kind: 'resident' | 'staff';
  mustChangePassword?: boolean;
}

/** Creates an account; a taken username or phone is a Conflict naming the field. */
export async function insertUser(ex: Executor, u: NewUser): Promise<UserRow> {
  const username = u.username ? normalizeLogin(u.username) : null;
  const phone = u.phone ? normalizeLogin(u.phone) : null;
  if (username) {
    const [taken] = await ex.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
    if (taken) throw new Conflict('username_taken');
  }
  if (phone) {
    const [taken] = await ex.select({ id: users.id }).from(users).where(eq(users.phone, phone)).limit(1);
    if (taken) throw new Conflict('phone_taken');
  }
  const [row] = await ex
    .insert(users)
    .values({ username, phone, displayName: u.displayName, passwordHash: u.passwordHash, kind: u.kind, mustChangePassword: u.mustChangePassword ?? false })
    .returning();
  return row!;
}

export async function updatePasswordHash(ex: Executor, userId: number, passwordHash: string, now: Date): Promise<void> {
  await ex.update(users).set({ passwordHash, mustChangePassword: false, updatedAt: now }).where(eq(users.id, userId));
}
