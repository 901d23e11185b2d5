/**
 * Sign-in throttling with growing delays, kept in the database so every app server
 * sees the same counts. Keys are per account (`u:name`) and per address (`ip:1.2.3.4`).
 */
import { and, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { loginAttempts } from './auth.tables.js';

export interface ThrottleRule {
  /** Failures allowed before delays start. */
  free: number;
  /** First delay, seconds; doubles with each further failure. */
  baseSeconds: number;
  maxSeconds: number;
}

export const accountRule: ThrottleRule = { free: 5, baseSeconds: 15, maxSeconds: 15 * 60 };
export const addressRule: ThrottleRule = { free: 30, baseSeconds: 15, maxSeconds: 15 * 60 };

/** Pure: how long a key is locked after its `failures`-th failure (0 = not locked). */
export function lockSeconds(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxSeconds, rule.baseSeconds * 2 ** (failures - rule.free));
}

/** Seconds until the first of the keys unlocks, or 0 when none is locked. */
export async function lockedFor(ex: Executor, keys: string[], now: Date): Promise<number> {
  const rows = await ex
    .select({ lockedUntil: loginAttempts.lockedUntil })
    .from(loginAttempts)
    .where(and(inArray(loginAttempts.key, keys), gt(loginAttempts.lockedUntil, now)));
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordFailure(ex: Executor, key: string, rule: ThrottleRule, now: Date): Promise<number> {
  const [row] = await ex
    .insert(loginAttempts)
    .values({ key, failures: 1, updatedAt: now })
    .onConflictDoUpdate({ target: loginAttempts.key, set: { failures: sql`${loginAttempts.failures} + 1`, updatedAt: now } })
    .returning({ failures: loginAttempts.failures });
  const failures = row?.failures ?? 1;
  const seconds = lockSeconds(failures, rule);
  if (seconds > 0) {
    await ex.update(loginAttempts).set({ lockedUntil: new Date(now.getTime() + seconds * 1000) }).where(eq(loginAttempts.key, key));
  }
  return seconds;
}

export async function clearFailures(ex: Executor, key: string): Promise<void> {
  await ex.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

/** Forgets failure counts that have not moved for a day and are no longer locked. */
export async function purgeStaleAttempts(ex: Executor, now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86_400_000);
  await ex.delete(loginAttempts).where(and(lt(loginAttempts.updatedAt, dayAgo), or(isNull(loginAttempts.lockedUntil), lt(loginAttempts.lockedUntil, now))));
}
