/**
 * Queries of the notify tables: a user's notifications and the outbox for administrators.
 * No rules here; the routes decide who may call what.
 */
import { and, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { notifications, outbox, type OutboxChannel } from './notify.tables.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type OutboxRow = typeof outbox.$inferSelect;
export type OutboxStatus = OutboxRow['status'];

export interface Paging {
  limit: number;
  offset: number;
}

/** One user's notifications, newest first, with the total and the unread count. */
export async function listNotifications(ex: Executor, userId: number, q: Paging & { unreadOnly: boolean }): Promise<{ rows: NotificationRow[]; total: number; unread: number }> {
  const mine = eq(notifications.userId, userId);
  const where = q.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const [rows, [counts]] = await Promise.all([
    ex.select().from(notifications).where(where).orderBy(desc(notifications.id)).limit(q.limit).offset(q.offset),
    ex
      .select({ total: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`.mapWith(Number) })
      .from(notifications)
      .where(mine),
  ]);
  const total = q.unreadOnly ? (counts?.unread ?? 0) : (counts?.total ?? 0);
  return { rows, total, unread: counts?.unread ?? 0 };
}

/** Marks one of the user's notifications read; false when it is not theirs (or does not exist). */
export async function markNotificationRead(ex: Executor, userId: number, id: number, now: Date): Promise<boolean> {
  const [row] = await ex
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return !!row;
}

/** Marks every unread notification of the user read; returns how many. */
export async function markAllNotificationsRead(ex: Executor, userId: number, now: Date): Promise<number> {
  const rows = await ex
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export interface OutboxFilter extends Paging {
  status?: OutboxStatus | undefined;
  channel?: OutboxChannel | undefined;
  template?: string | undefined;
}

/** Outbox rows, newest first. */
export async function listOutbox(ex: Executor, q: OutboxFilter): Promise<{ rows: OutboxRow[]; total: number }> {
  const filters: (SQL | undefined)[] = [
    q.status ? eq(outbox.status, q.status) : undefined,
    q.channel ? eq(outbox.channel, q.channel) : undefined,
    q.template ? eq(outbox.template, q.template) : undefined,
  ];
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    ex.select().from(outbox).where(where).orderBy(desc(outbox.id)).limit(q.limit).offset(q.offset),
    ex.select({ n: count() }).from(outbox).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findOutboxForUpdate(ex: Executor, id: number): Promise<OutboxRow | undefined> {
  const [row] = await ex.select().from(outbox).where(eq(outbox.id, id)).for('update');
  return row;
}

/** Puts a failed row back in the queue, due now, with a fresh count of attempts. */
export async function requeueOutbox(ex: Executor, id: number, now: Date): Promise<OutboxRow> {
  const [row] = await ex.update(outbox).set({ status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null }).where(eq(outbox.id, id)).returning();
  return row!;
}
