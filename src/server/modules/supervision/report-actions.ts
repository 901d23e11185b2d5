/**
 * What inspectors do with a report sealed to them (受理, 处置, 办结, 结案, 归档; questions and
 * answers to the reporter), and what a reporter adds with the receipt (material, answers).
 * Every message is sealed to the report's public key before it is written; inspectors' acts
 * are audited under their name, a reporter's without any.
 */
import { and, eq, sql } from 'drizzle-orm';
import { can } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { audit } from '../../platform/audit/audit.js';
import { DEFAULT_TIME_ZONE, type CommandContext } from '../../platform/context.js';
import { seal, unseal, utf8, type KeyPair } from '../../platform/crypto/sealing.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../platform/http/errors.js';
import { addWorkingDays } from '../../platform/time/working-days.js';
import { loadWorkCalendar } from '../cases/case.exports.js';
import { nodePlace } from '../org/org.exports.js';
import { readersFor } from './report-readers.js';
import { storeAttachments } from './report-attachments.js';
import type { Upload } from './report-form.js';
import { blindContext, heldReportKeys, reportGrant, reportOfReceipt } from './report-grants.js';
import { FEEDBACK_WORKING_DAYS, nextState, type ReportEvent } from './report-workflow.js';
import { arrivalClocks } from './report-clocks.js';
import { supervisionMessages, supervisionReportKeys, supervisionReports, type Disposal, type MessageKind } from './supervision.tables.js';

type ReportRow = typeof supervisionReports.$inferSelect;

/** What the reporter is told at each step (sealed like any message). */
const notices: Partial<Record<ReportEvent, string>> = {
  accept: '您的举报已受理。',
  close: '您的举报已办结，处理结果将另行告知。',
};

/** The report locked for this transaction, if the caller is one of its inspectors and may handle it. */
async function lockForInspector(ctx: CommandContext, reportId: number, version?: number): Promise<ReportRow> {
  const [row] = await ctx.tx.select().from(supervisionReports).where(eq(supervisionReports.id, reportId)).for('update');
  const userId = ctx.actor?.userId ?? -1;
  const grant = row ? await reportGrant(ctx.tx, reportId, userId, 'inspector') : undefined;
  if (!row || !grant) throw new NotFound();
  if (!can(ctx.actor, Permission.SupervisionHandle, { path: row.competentPath })) throw new Forbidden();
  if (version !== undefined && version !== row.version) throw new Conflict('supervision_version_conflict', { current: row.version });
  return row;
}

async function addMessage(ctx: CommandContext, row: ReportRow, m: { author: 'reporter' | 'inspector' | 'system'; kind: MessageKind; body: string }): Promise<number> {
  const [added] = await ctx.tx
    .insert(supervisionMessages)
    .values({ reportId: row.id, author: m.author, authorUserId: m.author === 'inspector' ? (ctx.actor?.userId ?? null) : null, kind: m.kind, body: await seal(m.body, row.publicKey), createdAt: ctx.now })
    .returning({ id: supervisionMessages.id });
  return added!.id;
}

export interface ReportActionProps {
  reportId: number;
  event: ReportEvent;
  version?: number | undefined;
  disposal?: Disposal | undefined;
  /** The conclusion (办结), or a note to the reporter: sealed. */
  text?: string | undefined;
}

/** Moves a report one step; returns the new row. */
export async function reportAction(ctx: CommandContext, p: ReportActionProps): Promise<ReportRow> {
  const row = await lockForInspector(ctx, p.reportId, p.version);
  if (p.event === 'dispose' && !p.disposal) throw new Conflict('supervision_disposal_required');
  if (p.event === 'conclude' && !p.text?.trim()) throw new Conflict('supervision_conclusion_required');
  const to = nextState(row.state, p.event, p.disposal);
  if (!to) throw new Conflict('supervision_transition_not_allowed', { state: row.state, event: p.event });
  const patch: Partial<ReportRow> = { state: to, updatedAt: ctx.now, version: row.version + 1, overdue: false };
  if (p.event === 'accept') patch.acceptedAt = ctx.now;
  if (p.event === 'dispose') Object.assign(patch, { disposal: p.disposal, disposedAt: ctx.now });
  if (p.event === 'conclude') patch.concludedAt = ctx.now;
  if (p.event === 'archive') patch.archivedAt = ctx.now;
  if (p.event === 'close') {
    patch.closedAt = ctx.now;
    // Only a real-name reporter can be reached with the result within the time limit.
    if (!row.anonymous) patch.feedbackDueAt = addWorkingDays(await loadWorkCalendar(ctx.tx, ctx.timeZone ?? DEFAULT_TIME_ZONE), ctx.now, FEEDBACK_WORKING_DAYS);
  }
  const [updated] = await ctx.tx.update(supervisionReports).set(patch).where(eq(supervisionReports.id, row.id)).returning();
  if (p.event === 'conclude') await addMessage(ctx, row, { author: 'inspector', kind: 'conclusion', body: p.text!.trim() });
  const notice = notices[p.event];
  if (notice) await addMessage(ctx, row, { author: 'system', kind: 'notice', body: p.text?.trim() ? `${notice}${p.text.trim()}` : notice });
  // A note with a step the reporter is not told of (处置, 归档) stays among the inspectors.
  else if (p.text?.trim() && p.event !== 'conclude') await addMessage(ctx, row, { author: 'inspector', kind: 'internal', body: p.text.trim() });
  await audit(ctx, { action: `supervision.report.${p.event}`, subjectType: 'supervision_report', subjectId: row.id, changes: { from: row.state, to, disposal: p.disposal ?? null }, scopePath: row.competentPath });
  return updated!;
}

/**
 * 回避: an inspector related to the matter or the person steps aside. Their copy of the
 * report's key is destroyed, so they read it no more; another inspector must still hold it
 * (otherwise transfer it first). The reason is kept as an internal note.
 */
export async function recuseFromReport(ctx: CommandContext, p: { reportId: number; reason: string }): Promise<void> {
  const row = await lockForInspector(ctx, p.reportId);
  const userId = ctx.actor!.userId;
  const [others] = await ctx.tx
    .select({ n: sql<number>`count(*)::int` })
    .from(supervisionReportKeys)
    .where(and(eq(supervisionReportKeys.reportId, row.id), eq(supervisionReportKeys.role, 'inspector'), sql`${supervisionReportKeys.userId} <> ${userId}`));
  if (Number(others?.n ?? 0) === 0) throw new Conflict('supervision_last_reader');
  await addMessage(ctx, row, { author: 'inspector', kind: 'internal', body: `回避：${p.reason}` });
  await ctx.tx.delete(supervisionReportKeys).where(and(eq(supervisionReportKeys.reportId, row.id), eq(supervisionReportKeys.userId, userId), eq(supervisionReportKeys.role, 'inspector')));
  await ctx.tx.update(supervisionReports).set({ updatedAt: ctx.now, version: row.version + 1 }).where(eq(supervisionReports.id, row.id));
  await audit(ctx, { action: 'supervision.report.recuse', subjectType: 'supervision_report', subjectId: row.id, scopePath: row.competentPath });
}

/** An inspector's question or answer to the reporter (an answer after closing is the result told: feedback given). */
export async function inspectorMessage(ctx: CommandContext, p: { reportId: number; kind: 'question' | 'answer'; body: string }): Promise<void> {
  const row = await lockForInspector(ctx, p.reportId);
  if (row.state === 'archived') throw new Conflict('supervision_transition_not_allowed', { state: row.state, event: p.kind });
  await addMessage(ctx, row, { author: 'inspector', kind: p.kind, body: p.body });
  if (p.kind === 'answer' && row.state === 'closed' && !row.feedbackAt) {
    await ctx.tx.update(supervisionReports).set({ feedbackAt: ctx.now, overdue: false, updatedAt: ctx.now }).where(eq(supervisionReports.id, row.id));
  }
  await audit(ctx, { action: `supervision.report.${p.kind}`, subjectType: 'supervision_report', subjectId: row.id, scopePath: row.competentPath });
}

/** A reporter's answer or added material (with files, if any), with the receipt; NotFound for a receipt of no report. */
export async function reporterMessage(ctx: CommandContext, p: { receipt: string; kind: 'answer' | 'material'; body: string; files?: Upload[] }): Promise<void> {
  const row = (await reportOfReceipt(ctx.tx, p.receipt, true))?.row;
  if (!row) throw new NotFound();
  if (row.state === 'archived') throw new Conflict('supervision_transition_not_allowed', { state: row.state, event: p.kind });
  const messageId = await addMessage(ctx, row, { author: 'reporter', kind: p.kind, body: p.body });
  const files = await storeAttachments(ctx, row, p.files ?? [], messageId);
  await ctx.tx.update(supervisionReports).set({ updatedAt: ctx.now }).where(eq(supervisionReports.id, row.id));
  await audit(blindContext(ctx), { action: `supervision.report.reporter_${p.kind}`, subjectType: 'supervision_report', subjectId: row.id, actorLabel: '举报人', changes: { files }, scopePath: row.competentPath });
}

/**
 * 转交: the report goes to the competent level of another place (out of this level's remit).
 * Its key is sealed to that level's inspectors — never to the person reported — and taken
 * from this level's; the custodians keep theirs. The new level starts at 已接收 with a fresh
 * acceptance clock; the reporter is told.
 */
export async function transferReport(ctx: CommandContext, p: { reportId: number; nodeId: number; reason: string; own: KeyPair | undefined; version?: number | undefined; lineSuperiors: 'exclude' | 'include' }): Promise<ReportRow> {
  const row = await lockForInspector(ctx, p.reportId, p.version);
  if (row.state !== 'received' && row.state !== 'accepted') throw new Conflict('supervision_transition_not_allowed', { state: row.state, event: 'transfer' });
  const place = await nodePlace(ctx.tx, p.nodeId);
  if (!place) throw new Invalid('ref_not_found', [{ path: 'body.nodeId', code: 'ref_not_found' }]);
  const keys = await heldReportKeys(ctx.tx, row.id, ctx.actor?.userId ?? -1, 'inspector', p.own);
  if (!keys) throw new NotFound();
  const matter = JSON.parse(utf8(await unseal(row.content, keys))) as { accusedPersonId?: number };
  const { level, inspectors: readers } = await readersFor(ctx.tx, place.path, { accusedPersonId: matter.accusedPersonId, lineSuperiors: p.lineSuperiors });
  if (!level) throw new Invalid('ref_not_found', [{ path: 'body.nodeId', code: 'ref_not_found' }]);
  if (level.nodeId === row.competentNodeId) throw new Conflict('supervision_same_level');
  await ctx.tx.delete(supervisionReportKeys).where(and(eq(supervisionReportKeys.reportId, row.id), eq(supervisionReportKeys.role, 'inspector')));
  for (const [userId, pk] of readers) await ctx.tx.insert(supervisionReportKeys).values({ reportId: row.id, userId, sealedKey: await seal(keys.privateKey, pk), role: 'inspector', grantedAt: ctx.now });
  const [updated] = await ctx.tx
    .update(supervisionReports)
    .set({ competentNodeId: level.nodeId, competentPath: level.path, state: 'received', acceptedAt: null, ...(await arrivalClocks(ctx, row.anonymous)), overdue: false, updatedAt: ctx.now, version: row.version + 1 })
    .where(eq(supervisionReports.id, row.id))
    .returning();
  await addMessage(ctx, row, { author: 'system', kind: 'notice', body: '您的举报已转交有管辖权的纪检监察机构办理。' });
  await addMessage(ctx, row, { author: 'inspector', kind: 'internal', body: `转交理由：${p.reason}` });
  await audit(ctx, { action: 'supervision.report.transfer', subjectType: 'supervision_report', subjectId: row.id, changes: { fromNodeId: row.competentNodeId, toNodeId: level.nodeId, readers: readers.size }, scopePath: row.competentPath });
  return updated!;
}
