/**
 * What the reporter does with their case: rate it (满意 / 基本满意 / 不满意), ask for a
 * redo when dissatisfied (重办, once by default), reopen it within the window; and what
 * any resident may do with a public case: "我也遇到" (follow its progress).
 */
import type { CommandContext } from '../../../platform/context.js';
import { Conflict, NotFound } from '../../../platform/http/errors.js';
import { accountsOfUnit } from '../../org/org.exports.js';
import { addSupport, caseById, incrementSupportCount, type CaseRow } from '../case.repo.js';
import { knownCategory } from '../catalogue/catalogue.queries.js';
import type { Rating } from '../cases.tables.js';
import { isOpen, publicStates } from '../case.workflow.js';
import { redoFeedbackDue } from '../case-clock.js';
import { notifyUsers } from '../case.notices.js';
import { audit } from '../../../platform/audit/audit.js';
import { lockForEvent, transition, type ActionProps } from './transition.js';

export interface CaseRaterProps extends ActionProps {
  rating: Rating;
  /** 问题是否解决: asked beside the rating, as 12345's 回访 does (解决率); absent when not answered. */
  resolved?: boolean | null | undefined;
  comment?: string | null | undefined;
}

/** 评价. A satisfied or basically satisfied rating of a verified case closes it. */
export async function caseRater(ctx: CommandContext, props: CaseRaterProps): Promise<CaseRow> {
  const { row } = await lockForEvent(ctx, props, 'rate');
  const comment = props.comment?.trim() || null;
  const rated = await transition(ctx, row, 'rate', { message: comment, patch: { rating: props.rating, ratingComment: comment, resolved: props.resolved ?? null }, data: { rating: props.rating, ...(props.resolved != null ? { resolved: props.resolved } : {}) }, changes: { rating: props.rating } });
  if (rated.state !== 'rated' || props.rating === 'dissatisfied') return rated;
  return transition({ ...ctx }, rated, 'close', { patch: { step: null, stepDueAt: null, closedAt: ctx.now }, data: { auto: true } });
}

/** The feedback clock restarts; the lead unit is told. */
async function restartHandling(ctx: CommandContext, row: CaseRow, event: 'redo' | 'reopen', reason: string, extra: Partial<CaseRow>) {
  const category = row.categoryId ? await knownCategory(ctx.tx, row.categoryId) : undefined;
  const due = await redoFeedbackDue(ctx, row.urgency, category?.path ?? null);
  const updated = await transition(ctx, row, event, { reason, patch: { ...extra, rating: null, step: 'feedback', stepDueAt: due, feedbackDueAt: due, overdue: false, closedAt: null } });
  if (row.leadOrgId) await notifyUsers(ctx, await accountsOfUnit(ctx.tx, row.leadOrgId), 'case.progress', updated, { step: `${event === 'redo' ? '群众不满意，重办' : '群众重新打开'}：${reason}` });
  return updated;
}

export async function redoRequester(ctx: CommandContext, props: ActionProps & { reason: string }): Promise<CaseRow> {
  const { row } = await lockForEvent(ctx, props, 'redo');
  return restartHandling(ctx, row, 'redo', props.reason, { redoCount: row.redoCount + 1 });
}

export async function caseReopener(ctx: CommandContext, props: ActionProps & { reason: string }): Promise<CaseRow> {
  const { row } = await lockForEvent(ctx, props, 'reopen');
  return restartHandling(ctx, row, 'reopen', props.reason, {});
}

/** 我也遇到: a resident follows a public open case. Idempotent; counted once per resident. */
export async function caseSupporter(ctx: CommandContext, caseId: number): Promise<{ supportCount: number; added: boolean }> {
  const row = await caseById(ctx.tx, caseId);
  if (!row || !row.isPublic || !publicStates.includes(row.state)) throw new NotFound();
  if (!isOpen(row.state)) throw new Conflict('case_closed');
  if (row.reporterUserId === ctx.actor!.userId) throw new Conflict('case_support_own');
  const added = await addSupport(ctx.tx, row.id, ctx.actor!.userId, ctx.now);
  if (!added) return { supportCount: row.supportCount, added };
  const supportCount = await incrementSupportCount(ctx.tx, row.id);
  await audit(ctx, { action: 'case.support', subjectType: 'case', subjectId: row.id, changes: { number: row.number }, scopePath: row.areaPath });
  return { supportCount, added };
}
