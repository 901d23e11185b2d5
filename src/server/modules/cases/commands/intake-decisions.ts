/**
 * The dispatch centre's decisions on a new case: 受理, 不予受理 (with the reason and the
 * proper channel, per the 条例's special cases), 即时答复 for enquiries, 合并 into another case.
 */
import type { CommandContext } from '../../../platform/context.js';
import { Invalid } from '../../../platform/http/errors.js';
import { notifyUsers } from '../case.notices.js';
import { addSupport, caseForUpdate, type CaseRow } from '../case.repo.js';
import { casePolicy } from '../case.policy.js';
import { isOpen } from '../case.workflow.js';
import { lockForEvent, transition, type ActionProps } from './transition.js';
import { indexReply } from '../search/case-search.js';

const reporterOf = (c: CaseRow) => (c.reporterUserId ? [c.reporterUserId] : []);

/** 受理. */
export async function caseAcceptor(ctx: CommandContext, props: ActionProps): Promise<CaseRow> {
  const { row } = await lockForEvent(ctx, props, 'accept');
  const updated = await transition(ctx, row, 'accept');
  await notifyUsers(ctx, reporterOf(updated), 'case.progress', updated, { step: '已受理' });
  return updated;
}

export interface CaseRefuserProps extends ActionProps {
  reason: string;
  /** Where the matter belongs instead (诉讼、仲裁、信访、纪检监察 …), told to the reporter. */
  channel: string;
}

/** 不予受理. */
export async function caseRefuser(ctx: CommandContext, props: CaseRefuserProps): Promise<CaseRow> {
  const { row } = await lockForEvent(ctx, props, 'refuse');
  if (!props.channel.trim()) throw new Invalid('case_channel_required', [{ path: 'body.channel', code: 'case_channel_required' }]);
  const updated = await transition(ctx, row, 'refuse', {
    reason: props.reason,
    message: props.channel,
    patch: { refusalReason: props.reason.trim(), refusalChannel: props.channel.trim(), step: null, stepDueAt: null, closedAt: ctx.now },
  });
  await notifyUsers(ctx, reporterOf(updated), 'case.progress', updated, { step: `不予受理：${props.reason}（请通过${props.channel}反映）` });
  return updated;
}

export interface CaseAnswererProps extends ActionProps {
  answer: string;
}

/** 即时答复: an enquiry answered on the spot (policy, opening hours …). */
export async function caseAnswerer(ctx: CommandContext, props: CaseAnswererProps): Promise<CaseRow> {
  const { row } = await lockForEvent(ctx, props, 'answer_now');
  if (!props.answer.trim()) throw new Invalid('case_answer_required', [{ path: 'body.answer', code: 'case_answer_required' }]);
  const updated = await transition(ctx, row, 'answer_now', { message: props.answer.trim(), patch: { step: null, stepDueAt: null, repliedAt: ctx.now } });
  await indexReply(ctx.tx, row.id, props.answer);
  await notifyUsers(ctx, reporterOf(updated), 'case.progress', updated, { step: '已答复' });
  return updated;
}

export interface CaseMergerProps extends ActionProps {
  intoCaseId: number;
}

/**
 * 合并: a duplicate joins an open case. Its reporter follows the surviving case as a
 * supporter, so they hear of its progress; the duplicate stops its clocks.
 */
export async function caseMerger(ctx: CommandContext, props: CaseMergerProps): Promise<CaseRow> {
  const { row, who } = await lockForEvent(ctx, props, 'merge');
  const target = props.intoCaseId === row.id ? undefined : await caseForUpdate(ctx.tx, props.intoCaseId);
  if (!target || !casePolicy.view(who, target) || !isOpen(target.state)) {
    throw new Invalid('case_merge_target_invalid', [{ path: 'body.intoCaseId', code: 'case_merge_target_invalid' }]);
  }
  const updated = await transition(ctx, row, 'merge', {
    patch: { mergedIntoId: target.id, step: null, stepDueAt: null, closedAt: ctx.now },
    data: { intoNumber: target.number, intoCaseId: target.id },
    changes: { intoCaseId: target.id },
  });
  if (row.reporterUserId) await addSupport(ctx.tx, target.id, row.reporterUserId, ctx.now);
  await notifyUsers(ctx, reporterOf(updated), 'case.progress', updated, { step: `已与工单 ${target.number} 合并办理` });
  return updated;
}
