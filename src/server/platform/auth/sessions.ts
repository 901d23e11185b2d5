/**
 * Database sessions. The browser holds a random token in an HttpOnly cookie; the table
 * stores its SHA-256, so a leaked table cannot be replayed as cookies.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, ne } from 'drizzle-orm';
import { callTextFunction, type Executor } from '../db/database.js';
import { sessions } from './auth.tables.js';

export interface SessionRecord {
  id: string;
  userId: number;
  csrfToken: string;
  expiresAt: Date;
  user: { id: number; displayName: string; kind: 'resident' | 'staff'; mustChangePassword: boolean; username: string | null; phone: string | null };
}

export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  ex: Executor,
  props: { userId: number; now: Date; ttlHours: number; ip: string | null; userAgent: string | null },
): Promise<{ token: string; csrfToken: string; expiresAt: Date; id: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(props.now.getTime() + props.ttlHours * 3600_000);
  const id = sessionIdOf(token);
  await ex.insert(sessions).values({
    id,
    userId: props.userId,
    csrfToken,
    createdAt: props.now,
    lastSeenAt: props.now,
    expiresAt,
    ip: props.ip,
    userAgent: props.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken, expiresAt, id };
}

interface SessionJson {
  id: string;
  userId: number;
  csrfToken: string;
  expiresAt: string;
  displayName: string;
  kind: 'resident' | 'staff';
  mustChangePassword: boolean;
  username: string | null;
  phone: string | null;
}

/**
 * The live session of id `sessionIdOf(token)`, with its (active) user; undefined otherwise.
 * Every signed-in request asks, so it is one call of `session_lookup` (migration 0009).
 */
export async function findSession(ex: Executor, id: string, now: Date): Promise<SessionRecord | undefined> {
  const row = await callTextFunction<SessionJson | null>(ex, 'session_lookup', JSON.stringify({ id, now: now.toISOString() }));
  if (!row) return undefined;
  const userId = Number(row.userId);
  return {
    id: row.id,
    userId,
    csrfToken: row.csrfToken,
    expiresAt: new Date(row.expiresAt),
    user: { id: userId, displayName: row.displayName, kind: row.kind, mustChangePassword: row.mustChangePassword, username: row.username, phone: row.phone },
  };
}

export async function deleteSession(ex: Executor, id: string): Promise<void> {
  await ex.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every other session of a user (after a password change). */
export async function deleteOtherSessions(ex: Executor, userId: number, keepId: string | null): Promise<void> {
  await ex.delete(sessions).where(keepId ? and(eq(sessions.userId, userId), ne(sessions.id, keepId)) : eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(ex: Executor, now: Date): Promise<void> {
  await ex.delete(sessions).where(lt(sessions.expiresAt, now));
}
