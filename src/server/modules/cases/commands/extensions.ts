/**
 * 申请延期: the handler asks for more working days with a reason; a verifier approves
 * or denies, and the resident is told the decision and why.
 */
import type { CommandContext } from '../../../platform/context.js';
import { Conflict, Invalid } from '../../../platform/http/errors.js';
import { extendedFeedbackDue } from '../case-clock.js';
import { notifyUsers } from '../case.notices.js';
import { decideExtension, insertExtension, pendingExtension, type CaseRow } from '../case.repo.js';
import { lockForEvent, transition, type ActionProps } from './transition.js';

/** An extension asks for 1–30 working days (the 条例's longest is 30 days). */
export const MAX_EXTENSION_DAYS = 30;

export interface ExtensionRequesterProps extends ActionProps {
  reason: string;
  workingDays: number;
}

export async function extensionRequester(ctx: CommandContext, props: ExtensionRequesterProps): Promise<CaseRow> {
  const { row } = await lockForEvent(ctx, props, 'request_extension');
  if (!Number.isInteger(props.workingDays) || props.workingDays < 1 || props.workingDays > MAX_EXTENSION_DAYS) {
    throw new Invalid('case_extension_days', [{ path: 'body.workingDays', code: 'case_extension_days', params: { max: MAX_EXTENSION_DAYS } }], { max: MAX_EXTENSION_DAYS });
  }
  const updated = await transition(ctx, row, 'request_extension', { reason: props.reason, public: false, data: { workingDays: props.workingDays } });
  await insertExtension(ctx.tx, { caseId: row.id, requestedBy: ctx.actor!.userId, requestedAt: ctx.now, workingDays: props.workingDays, reason: props.reason.trim() });
  return updated;
}

export interface ExtensionDeciderProps extends ActionProps {
  approved: boolean;
  /** Told to the handler and to the resident. */
  reason: string;
}

export async function extensionDecider(ctx: CommandContext, props: ExtensionDeciderProps): Promise<CaseRow> {
  const { row } = await lockForEvent(ctx, props, 'decide_extension');
  const request = await pendingExtension(ctx.tx, row.id);
  if (!request) throw new Conflict('case_no_extension_pending');
  const newDue = props.approved && row.feedbackDueAt ? await extendedFeedbackDue(ctx, row.feedbackDueAt, request.workingDays) : null;
  const patch = newDue ? { feedbackDueAt: newDue, deferred: true, ...(row.step === 'feedback' ? { stepDueAt: newDue, overdue: newDue <= ctx.now } : {}) } : {};
  const message = props.approved ? `延期 ${request.workingDays} 个工作日已批准：${props.reason.trim()}` : `延期申请未批准：${props.reason.trim()}`;
  const updated = await transition(ctx, row, 'decide_extension', {
    reason: props.reason,
    message,
    patch,
    data: { approved: props.approved, workingDays: request.workingDays, ...(newDue ? { feedbackDueAt: newDue.toISOString() } : {}) },
    changes: { approved: props.approved, feedbackDueAt: newDue?.toISOString() ?? null },
  });
  await decideExtension(ctx.tx, request.id, { decision: props.approved ? 'approved' : 'denied', decisionReason: props.reason.trim(), decidedBy: ctx.actor!.userId, decidedAt: ctx.now });
  await notifyUsers(ctx, [request.requestedBy, ...(row.reporterUserId ? [row.reporterUserId] : [])], 'case.progress', updated, { step: message });
  return updated;
}
