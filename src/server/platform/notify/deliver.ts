/**
 * Delivering the outbox. Each run claims due pending rows with `SELECT … FOR UPDATE SKIP
 * LOCKED` in a short transaction, so deliverers on any number of app servers never take the
 * same row. Inside that transaction it renders every row (an unknown template fails the row),
 * delivers in-app rows (their `notifications` insert commits together with the "sent" mark)
 * and puts a lease on the others: their `next_attempt_at` moves `leaseMs` ahead, which hides
 * them from other deliverers while they are sent after the commit. Sending outside the
 * transaction keeps a slow SMTP server or SMS gateway from holding locks (on PGlite, from
 * blocking the whole database). A failed send is retried with exponential backoff and jitter;
 * after `maxAttempts` tries, or at once for a permanent error, the row is marked failed.
 *
 * The guarantee: no row is sent twice by concurrent deliverers. A process that dies between
 * an external send and its "sent" mark resends the message after the lease (at least once,
 * as with any external system).
 */
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Db, Executor } from '../db/database.js';
import { PermanentDeliveryError, maskPhonesIn, maskRecipient, type Adapters, type Delivery, type NotifyLog } from './adapters.js';
import { outbox } from './notify.tables.js';
import { TemplateError, renderTemplate } from './templates.js';

export const DEFAULT_MAX_ATTEMPTS = 8;
export const DEFAULT_BATCH = 50;
/** How long a claimed external message stays hidden from other deliverers while it is sent. */
export const DEFAULT_LEASE_MS = 10 * 60_000;
const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 6 * 3_600_000;

export interface DeliverOptions {
  /** Rows claimed per run (default 50). */
  batch?: number;
  /** Tries before a row is marked failed (default 8; config GONGZHI_OUTBOX_MAX_ATTEMPTS). */
  maxAttempts?: number;
  leaseMs?: number;
  /** Source of jitter in [0, 1) (tests fix it). */
  random?: () => number;
  log?: NotifyLog;
}

export interface DeliverResult {
  claimed: number;
  sent: number;
  /** Failed this time and scheduled again. */
  retried: number;
  /** Failed for good. */
  failed: number;
}

type OutboxRow = typeof outbox.$inferSelect;

/**
 * The wait before the next try after `failures` failed tries (1 for the first):
 * 30 s × 2^(failures−1), capped at 6 h, then scaled by a jitter factor in [0.75, 1.25)
 * so that messages failing together do not retry together.
 */
export function backoffMs(failures: number, random: () => number = Math.random): number {
  const raw = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), BACKOFF_CAP_MS);
  return Math.round(raw * (0.75 + random() * 0.5));
}

function errorText(err: unknown): string {
  const text = err instanceof Error ? `${err.name === 'Error' ? '' : `${err.name}: `}${err.message}` : String(err);
  return maskPhonesIn(text).slice(0, 1000);
}

function isPermanent(err: unknown): boolean {
  return err instanceof PermanentDeliveryError || err instanceof TemplateError;
}

/**
 * Runs one delivery pass over the rows due at `now` and returns what happened. Safe to run
 * concurrently (in one process or many).
 */
export async function deliverDue(db: Db, adapters: Adapters, now: Date, opts: DeliverOptions = {}): Promise<DeliverResult> {
  const batch = opts.batch ?? DEFAULT_BATCH;
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const leaseUntil = new Date(now.getTime() + (opts.leaseMs ?? DEFAULT_LEASE_MS));
  const random = opts.random ?? Math.random;
  const result: DeliverResult = { claimed: 0, sent: 0, retried: 0, failed: 0 };

  const markSent = async (ex: Executor, row: OutboxRow, leased: boolean) => {
    const updated = await ex
      .update(outbox)
      .set({ status: 'sent', sentAt: now, attempts: row.attempts + 1, lastError: null })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending'), leased ? eq(outbox.nextAttemptAt, leaseUntil) : undefined))
      .returning({ id: outbox.id });
    if (updated.length > 0) result.sent++;
  };

  const markFailure = async (ex: Executor, row: OutboxRow, err: unknown, leased: boolean) => {
    const attempts = row.attempts + 1;
    const final = isPermanent(err) || attempts >= maxAttempts;
    const lastError = errorText(err);
    const updated = await ex
      .update(outbox)
      .set(final ? { status: 'failed', attempts, lastError } : { attempts, lastError, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts, random)) })
      .where(and(eq(outbox.id, row.id), eq(outbox.status, 'pending'), leased ? eq(outbox.nextAttemptAt, leaseUntil) : undefined))
      .returning({ id: outbox.id });
    if (updated.length === 0) return;
    if (final) result.failed++;
    else result.retried++;
    opts.log?.warn({ outboxId: row.id, channel: row.channel, to: maskRecipient(row.channel, row.recipient), template: row.template, attempts, final, error: lastError }, 'notification delivery failed');
  };

  // Phase 1: claim, render, deliver in-app, lease the rest — one short transaction.
  const external = await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(batch)
      .for('update', { skipLocked: true });
    result.claimed = rows.length;
    const later: Array<{ row: OutboxRow; delivery: Delivery }> = [];
    for (const row of rows) {
      let delivery: Delivery;
      try {
        const adapter = adapters[row.channel];
        if (!adapter) throw new PermanentDeliveryError(`no adapter for channel ${row.channel}`);
        delivery = { id: row.id, channel: row.channel, recipient: row.recipient, template: row.template, params: row.params, attempt: row.attempts + 1, ...renderTemplate(row.template, row.params) };
        if (!adapter.transactional) {
          later.push({ row, delivery });
          continue;
        }
        // A savepoint: a failing insert must not abort the claiming transaction.
        await tx.transaction((sp) => adapter.send(delivery, { ex: sp, now }));
      } catch (err) {
        await markFailure(tx, row, err, false);
        continue;
      }
      await markSent(tx, row, false);
    }
    if (later.length > 0) {
      await tx
        .update(outbox)
        .set({ nextAttemptAt: leaseUntil })
        .where(inArray(outbox.id, later.map((l) => l.row.id)));
    }
    return later;
  });

  // Phase 2: external channels, after the commit; each row is marked only if its lease still holds.
  for (const { row, delivery } of external) {
    try {
      await adapters[row.channel].send(delivery, { ex: db, now });
    } catch (err) {
      await markFailure(db, row, err, true);
      continue;
    }
    await markSent(db, row, true);
  }
  return result;
}
