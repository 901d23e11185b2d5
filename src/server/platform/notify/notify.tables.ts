/**
 * The transactional outbox and in-app notifications. A change writes its outbound
 * messages into `outbox` in its own transaction; a delivery job sends each once
 * (claimed with SKIP LOCKED, retried with backoff) through the channel's adapter.
 */
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from '../auth/auth.tables.js';

export const outboxChannels = ['in_app', 'email', 'sms', 'wechat'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];
export const outboxStatuses = ['pending', 'sent', 'failed'] as const;

export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    channel: text('channel', { enum: outboxChannels }).notNull(),
    /** A user id for in-app, an address or phone number for the others. */
    recipient: text('recipient').notNull(),
    /** Message key and parameters; rendered per recipient's language at delivery. */
    template: text('template').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    /** Optional: the same key is enqueued once (e.g. `case:12:remind:feedback:…`). */
    dedupeKey: text('dedupe_key'),
    status: text('status', { enum: outboxStatuses }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    uniqueIndex('outbox_dedupe_key').on(t.dedupeKey, t.channel, t.recipient).where(sql`${t.dedupeKey} IS NOT NULL`),
  ],
);

/** What the in-app channel delivers: a user's notification list. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: bigint('user_id', { mode: 'number' })
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The outbox row it came from: delivering twice cannot add it twice. */
    outboxId: bigint('outbox_id', { mode: 'number' }).notNull(),
    template: text('template').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    link: text('link'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('notifications_outbox_key').on(t.outboxId), index('notifications_user_idx').on(t.userId, t.id)],
);
