/**
 * 任务处理 → 处理反馈, by a member of the lead unit: 签收 (starts the feedback clock's
 * step), 开始办理, and the reply to the resident (办理反馈), which goes to verification.
 */
import type { CommandContext } from '../../../platform/context.js';
import { Invalid } from '../../../platform/http/errors.js';
import { notifyUsers } from '../case.notices.js';
import { supportersOf, type CaseRow } from '../case.repo.js';
import { lockForEvent, transition, type ActionProps } from './transition.js';
import { indexReply } from '../search/case-search.js';

/** 签收: the signer becomes the handler; the running clock is now the feedback deadline. */
export async function caseSigner(ctx: CommandContext, props: ActionProps): Promise<CaseRow> {
  const { row } = await lockForEvent(ctx, props, 'sign');
  return transition(ctx, row, 'sign', {
    patch: { handlerUserId: ctx.actor!.userId, step: 'feedback', stepDueAt: row.feedbackDueAt, overdue: row.feedbackDueAt !== null && row.feedbackDueAt <= ctx.now },
  });
}

export async function caseStarter(ctx: CommandContext, props: ActionProps): Promise<CaseRow> {
  const { row } = await lockForEvent(ctx, props, 'start');
  return transition(ctx, row, 'start', { patch: { handlerUserId: row.handlerUserId ?? ctx.actor!.userId } });
}

export interface CaseReplierProps extends ActionProps {
  /** What was done, told to the resident. */
  message: string;
}

/** 办理反馈: the clock stops; verification follows. Reporter and supporters are told. */
export async function caseReplier(ctx: CommandContext, props: CaseReplierProps): Promise<CaseRow> {
  const { row } = await lockForEvent(ctx, props, 'reply');
  if (!props.message.trim()) throw new Invalid('case_reply_required', [{ path: 'body.message', code: 'case_reply_required' }]);
  const updated = await transition(ctx, row, 'reply', { message: props.message.trim(), patch: { step: null, stepDueAt: null, repliedAt: ctx.now } });
  await indexReply(ctx.tx, row.id, props.message);
  const followers = [...(updated.reporterUserId ? [updated.reporterUserId] : []), ...(await supportersOf(ctx.tx, updated.id))];
  await notifyUsers(ctx, followers, 'case.progress', updated, { step: `已答复：${props.message.trim().slice(0, 60)}` });
  return updated;
}
