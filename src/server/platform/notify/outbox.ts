/**
 * The transactional outbox: a change writes the messages it causes into `outbox` in its own
 * transaction, so a rolled-back change sends nothing and a committed one is always sent
 * (by the delivery job, deliver.ts). Only the template key and parameters are stored; the
 * text is rendered at delivery.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/database.js';
import { outbox, outboxChannels, type OutboxChannel } from './notify.tables.js';

export type { OutboxChannel };

export interface OutboxMessage {
  channel: OutboxChannel;
  /** A user id (as text) for `in_app`; an email address, a phone number or a WeChat openid for the others. */
  recipient: string;
  /** A key registered with `registerTemplates` (e.g. `case.dispatched`). */
  template: string;
  params?: Record<string, unknown>;
  /** When set, the same (key, channel, recipient) is enqueued once; later enqueues do nothing. */
  dedupeKey?: string;
  /** The command's clock: created and first due at this time. */
  now: Date;
}

const USER_ID = /^[1-9][0-9]{0,15}$/;

function check(m: OutboxMessage): void {
  if (!(outboxChannels as readonly string[]).includes(m.channel)) throw new Error(`outbox: unknown channel ${String(m.channel)}`);
  if (!m.recipient.trim()) throw new Error(`outbox: empty recipient for ${m.template}`);
  if (m.channel === 'in_app' && !USER_ID.test(m.recipient)) throw new Error(`outbox: in_app recipient must be a user id, got ${m.recipient}`);
  if (!m.template) throw new Error('outbox: empty template');
}

/**
 * The row a message becomes, checked. For a database function that queues a message with
 * its own change (e.g. `case_intake`), which inserts this row itself.
 */
export function outboxRow(m: OutboxMessage): typeof outbox.$inferInsert {
  check(m);
  return { channel: m.channel, recipient: m.recipient.trim(), template: m.template, params: m.params ?? {}, dedupeKey: m.dedupeKey || null, nextAttemptAt: m.now, createdAt: m.now };
}

/**
 * Queues one or several messages inside the caller's transaction `tx` (one multi-row
 * INSERT). A message whose dedupe key was already queued for the same channel and recipient
 * is skipped (ON CONFLICT DO NOTHING). Returns the ids of the rows actually inserted.
 */
export async function enqueue(tx: Executor, messages: OutboxMessage | readonly OutboxMessage[]): Promise<number[]> {
  const list = Array.isArray(messages) ? (messages as readonly OutboxMessage[]) : [messages as OutboxMessage];
  if (list.length === 0) return [];
  const rows = await tx
    .insert(outbox)
    .values(list.map(outboxRow))
    .onConflictDoNothing({ target: [outbox.dedupeKey, outbox.channel, outbox.recipient], where: sql`${outbox.dedupeKey} IS NOT NULL` })
    .returning({ id: outbox.id });
  return rows.map((r) => r.id);
}

/**
 * Queues one in-app message to each of `userIds` but the acting account itself (nobody is
 * told of their own act), in the command's transaction; deduplicated when `dedupeKey` is given.
 */
export async function notifyAccounts(
  ctx: { tx: Executor; now: Date; actor: { userId: number } | null },
  userIds: readonly number[],
  template: string,
  params: Record<string, unknown>,
  dedupeKey?: string,
): Promise<void> {
  const recipients = [...new Set(userIds)].filter((id) => id !== ctx.actor?.userId);
  if (recipients.length === 0) return;
  await enqueue(
    ctx.tx,
    recipients.map((id) => ({ channel: 'in_app' as const, recipient: String(id), template, params, ...(dedupeKey ? { dedupeKey } : {}), now: ctx.now })),
  );
}
