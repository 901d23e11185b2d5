/**
 * What comes in and goes out of the notifications and outbox API.
 */
import { z } from 'zod';
import { outboxChannels, outboxStatuses } from './notify.tables.js';

export const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const IdParams = z.object({ id: Id });

const Paging = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
};

export const NotificationsQuery = z.object({
  ...Paging,
  unreadOnly: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const NotificationOut = z.object({
  id: z.number(),
  template: z.string(),
  /** Rendered in the reader's language (Accept-Language). */
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  params: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const NotificationsPage = z.object({ items: z.array(NotificationOut), total: z.number(), unread: z.number() });

export const ReadAllOut = z.object({ updated: z.number(), unread: z.number() });

export const OutboxQuery = z.object({
  ...Paging,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  status: z.enum(outboxStatuses).optional(),
  channel: z.enum(outboxChannels).optional(),
  template: z.string().trim().min(1).max(100).optional(),
});

export const OutboxOut = z.object({
  id: z.number(),
  channel: z.enum(outboxChannels),
  /** Masked for phones and email addresses; a user id for in-app. */
  recipient: z.string(),
  template: z.string(),
  params: z.record(z.string(), z.unknown()),
  dedupeKey: z.string().nullable(),
  status: z.enum(outboxStatuses),
  attempts: z.number(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

export const OutboxPage = z.object({ items: z.array(OutboxOut), total: z.number() });
