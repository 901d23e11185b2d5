/**
 * Retention of archived reports (issue #5 point 5), run by the daily clean-up:
 * - `GONGZHI_SUPERVISION_RECEIPT_DAYS` after archiving, the receipt stops opening the
 *   report: its hash and the key locked under it are deleted;
 * - `GONGZHI_SUPERVISION_RETENTION_DAYS` after archiving, the report is shredded: every sealed
 *   copy of its key, its identity records and requests, messages and attachments are deleted
 *   and its content emptied. Without a key the sealed bytes could not be read anyway
 *   (crypto-shredding: backups of the database are as unreadable as the live rows); deleting
 *   them as well frees the space. Number, place, state and dates stay, for the counts.
 */
import { and, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.js';
import type { CommandContext } from '../../platform/context.js';
import { supervisionAttachments, supervisionIdentities, supervisionIdentityRequests, supervisionMessages, supervisionReportKeys, supervisionReports } from './supervision.tables.js';

const DAY_MS = 86_400_000;
/** Reports shredded per run at most (one transaction; the next day takes the rest). */
const BATCH = 500;

const archivedBefore = (now: Date, days: number) => and(sql`${supervisionReports.state} = 'archived'`, lt(supervisionReports.archivedAt, new Date(now.getTime() - days * DAY_MS)));

/** Deletes the receipts of reports archived more than `days` ago; returns how many. */
export async function expireReceipts(ctx: CommandContext, days: number): Promise<number> {
  const expired = await ctx.tx
    .update(supervisionReports)
    .set({ receiptHash: null, receiptKey: null })
    .where(and(archivedBefore(ctx.now, days), isNotNull(supervisionReports.receiptKey)))
    .returning({ id: supervisionReports.id });
  if (expired.length > 0) await audit(ctx, { action: 'supervision.receipts.expire', subjectType: 'supervision_report', changes: { reports: expired.map((r) => r.id), days } });
  return expired.length;
}

/** Shreds the reports archived more than `days` ago; returns how many. */
export async function shredReports(ctx: CommandContext, days: number): Promise<number> {
  const due = await ctx.tx
    .select({ id: supervisionReports.id })
    .from(supervisionReports)
    .where(and(archivedBefore(ctx.now, days), isNull(supervisionReports.shreddedAt)))
    .limit(BATCH);
  const ids = due.map((r) => r.id);
  if (ids.length === 0) return 0;
  await ctx.tx.delete(supervisionReportKeys).where(inArray(supervisionReportKeys.reportId, ids));
  await ctx.tx.delete(supervisionIdentities).where(inArray(supervisionIdentities.reportId, ids));
  await ctx.tx.delete(supervisionIdentityRequests).where(inArray(supervisionIdentityRequests.reportId, ids));
  await ctx.tx.delete(supervisionAttachments).where(inArray(supervisionAttachments.reportId, ids));
  await ctx.tx.delete(supervisionMessages).where(inArray(supervisionMessages.reportId, ids));
  await ctx.tx
    .update(supervisionReports)
    .set({ content: new Uint8Array(0), receiptHash: null, receiptKey: null, shreddedAt: ctx.now })
    .where(inArray(supervisionReports.id, ids));
  await audit(ctx, { action: 'supervision.reports.shred', subjectType: 'supervision_report', changes: { reports: ids, days } });
  return ids.length;
}
