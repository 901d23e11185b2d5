/**
 * An administrator sends a failed message again: failed → pending, due now, with a fresh
 * count of attempts. Audited; only failed rows (a pending one is already queued, a sent one
 * was delivered).
 */
import type { CommandContext } from '../context.js';
import { audit } from '../audit/audit.js';
import { Conflict, NotFound } from '../http/errors.js';
import { findOutboxForUpdate, requeueOutbox, type OutboxRow } from './notify.repo.js';

export interface OutboxRetrierProps {
  /** The outbox row to send again. */
  id: number;
}

export async function outboxRetrier(ctx: CommandContext, props: OutboxRetrierProps): Promise<OutboxRow> {
  const row = await findOutboxForUpdate(ctx.tx, props.id);
  if (!row) throw new NotFound();
  if (row.status !== 'failed') throw new Conflict('outbox_not_failed');
  const updated = await requeueOutbox(ctx.tx, row.id, ctx.now);
  await audit(ctx, {
    action: 'notify.outbox.retry',
    subjectType: 'outbox',
    subjectId: row.id,
    changes: { channel: row.channel, template: row.template, attempts: row.attempts, lastError: row.lastError },
  });
  return updated;
}
