/**
 * Rows → API shapes: notifications rendered in the reader's language; outbox rows with
 * recipients masked (phone numbers and addresses are personal data, the list is for diagnosis).
 */
import type { Lang } from '../http/messages.js';
import { maskRecipient } from './adapters.js';
import type { NotificationRow, OutboxRow } from './notify.repo.js';
import { renderForDisplay } from './templates.js';

export function presentNotification(row: NotificationRow, lang: Lang) {
  const { title, body } = renderForDisplay(row.template, row.params, lang);
  return {
    id: row.id,
    template: row.template,
    title,
    body,
    link: row.link,
    params: row.params,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

export function presentOutbox(row: OutboxRow) {
  return {
    id: row.id,
    channel: row.channel,
    recipient: maskRecipient(row.channel, row.recipient),
    template: row.template,
    params: row.params,
    dedupeKey: row.dedupeKey,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}
