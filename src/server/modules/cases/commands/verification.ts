/**
 * 核查结案: a verifier checks the handler's feedback — passes it, or sends it back
 * (返工) with the reason — and closes the case.
 */
import type { CommandContext } from '../../../platform/context.js';
import { accountsOfUnit } from '../../org/org.exports.js';
import { notifyUsers } from '../case.notices.js';
import type { CaseRow } from '../case.repo.js';
import { lockForEvent, transition, type ActionProps } from './transition.js';

export interface CaseVerifierProps extends ActionProps {
  passed: boolean;
  /** Required when sending back. */
  reason?: string | null | undefined;
}

export async function caseVerifier(ctx: CommandContext, props: CaseVerifierProps): Promise<CaseRow> {
  const event = props.passed ? 'verify_pass' : 'verify_fail';
  const { row } = await lockForEvent(ctx, props, event);
  if (props.passed) return transition(ctx, row, event, { reason: props.reason });
  // 返工: back to the handler, on the same feedback deadline.
  const updated = await transition(ctx, row, event, { reason: props.reason, patch: { step: 'feedback', stepDueAt: row.feedbackDueAt, overdue: row.feedbackDueAt !== null && row.feedbackDueAt <= ctx.now } });
  if (row.leadOrgId) await notifyUsers(ctx, await accountsOfUnit(ctx.tx, row.leadOrgId), 'case.progress', updated, { step: `核查未通过，请返工：${props.reason ?? ''}` });
  return updated;
}

export async function caseCloser(ctx: CommandContext, props: ActionProps): Promise<CaseRow> {
  const { row } = await lockForEvent(ctx, props, 'close');
  const updated = await transition(ctx, row, 'close', { reason: props.reason, patch: { step: null, stepDueAt: null, closedAt: ctx.now } });
  await notifyUsers(ctx, row.reporterUserId ? [row.reporterUserId] : [], 'case.progress', updated, { step: '已办结，请评价' });
  return updated;
}
