/**
 * 派单异议: the lead unit disputes an order with a reason; the case stays with it (never
 * ownerless) until a dispatcher decides: 异议成立 → dispatched to the competent unit,
 * 异议不成立 → back to the same unit. Every objection and decision is kept per unit.
 */
import type { CommandContext } from '../../../platform/context.js';
import { Conflict, Invalid } from '../../../platform/http/errors.js';
import { nearestHolders } from '../../org/org.exports.js';
import { dispatchDue } from '../case-clock.js';
import { notifyUsers } from '../case.notices.js';
import { decideObjection, insertObjection, pendingObjection, type CaseRow } from '../case.repo.js';
import { knownCategory } from '../catalogue/catalogue.queries.js';
import { assignLead } from './case-dispatcher.js';
import { lockForEvent, transition, type ActionProps } from './transition.js';

export interface ObjectionFilerProps extends ActionProps {
  reason: string;
  /** The unit the objector believes competent, if known. */
  suggestedOrgId?: number | null | undefined;
}

export async function objectionFiler(ctx: CommandContext, props: ObjectionFilerProps): Promise<CaseRow> {
  const { row } = await lockForEvent(ctx, props, 'object');
  const category = row.categoryId ? await knownCategory(ctx.tx, row.categoryId) : undefined;
  // The reviewer decides within the dispatch time limit; the unit's own clocks wait.
  const due = await dispatchDue(ctx, row.urgency, category?.path ?? null);
  const updated = await transition(ctx, row, 'object', { reason: props.reason, patch: { step: due.step, stepDueAt: due.stepDueAt }, public: false, data: { orgId: row.leadOrgId } });
  await insertObjection(ctx.tx, { caseId: row.id, orgId: row.leadOrgId!, reason: props.reason.trim(), suggestedOrgId: props.suggestedOrgId ?? null, filedBy: ctx.actor!.userId, filedAt: ctx.now });
  await notifyUsers(ctx, await nearestHolders(ctx.tx, ['dispatcher'], row.areaPath), 'case.progress', updated, { step: `派单异议待审核：${props.reason}` });
  return updated;
}

export interface ObjectionReviewerProps extends ActionProps {
  decision: 'upheld' | 'rejected';
  reason: string;
  /** Upheld: the competent unit (default: the one the objector suggested). */
  orgId?: number | undefined;
  coOrgIds?: number[] | undefined;
}

export async function objectionReviewer(ctx: CommandContext, props: ObjectionReviewerProps): Promise<CaseRow> {
  const event = props.decision === 'upheld' ? 'uphold_objection' : 'reject_objection';
  const { row } = await lockForEvent(ctx, props, event);
  const objection = await pendingObjection(ctx.tx, row.id);
  if (!objection) throw new Conflict('case_no_pending_objection');
  const orgId = props.decision === 'upheld' ? (props.orgId ?? objection.suggestedOrgId) : row.leadOrgId;
  if (orgId === null || orgId === undefined) throw new Invalid('case_no_route', [{ path: 'body.orgId', code: 'case_no_route' }]);
  if (props.decision === 'upheld' && orgId === row.leadOrgId) throw new Invalid('case_same_unit', [{ path: 'body.orgId', code: 'case_same_unit' }]);
  const { patch, data, after } = await assignLead(ctx, row, { orgId, postId: props.decision === 'upheld' ? null : row.leadPostId, coOrgIds: props.coOrgIds ?? [] }, 'manual');
  const updated = await transition(ctx, row, event, { reason: props.reason, patch, data: { ...data, objectionId: objection.id }, changes: { objectionId: objection.id, decision: props.decision, leadOrgId: orgId } });
  await decideObjection(ctx.tx, objection.id, { decision: props.decision, decisionReason: props.reason.trim(), decidedBy: ctx.actor!.userId, decidedAt: ctx.now, newOrgId: props.decision === 'upheld' ? orgId : null });
  await after(updated);
  return updated;
}
