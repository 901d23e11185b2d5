/**
 * 任务派遣: gives a case its one accountable unit (首接负责) — by hand or as the
 * responsibility list routes it (直派 / 属地) — with optional co-handling units, and starts
 * the sign-for and feedback clocks. Also used when an objection is decided.
 */
import type { CommandContext } from '../../../platform/context.js';
import { Invalid } from '../../../platform/http/errors.js';
import { accountsOfUnit, unitsByIds } from '../../org/org.exports.js';
import { handlingDue } from '../case-clock.js';
import { notifyUsers } from '../case.notices.js';
import { caseForUpdate, replaceCoUnits, supportersOf, type CaseRow, type NewCase } from '../case.repo.js';
import { knownCategory } from '../catalogue/catalogue.queries.js';
import type { DispatchMode } from '../cases.tables.js';
import { isSupervisionCategory } from '../catalogue/supervision.js';
import { lockForEvent, transition, type ActionProps } from './transition.js';

export interface CaseDispatcherProps extends ActionProps {
  /** The lead unit; absent → the unit the responsibility list named at intake. */
  orgId?: number | undefined;
  postId?: number | null | undefined;
  /** 协办 units beside the lead. */
  coOrgIds?: number[] | undefined;
  /** The dispatcher's category, replacing the reporter's (missing or wrong): the dispatch model learns from it. */
  categoryId?: number | undefined;
  /** 智能派单 sends `model`; a dispatcher's choice is `manual` unless it is the route's. */
  mode?: DispatchMode | undefined;
}

export interface Assignment {
  orgId: number;
  postId: number | null;
  coOrgIds: number[];
}

function invalid(path: string, code: string): Invalid {
  return new Invalid(code, [{ path, code }]);
}

/** Checks the units exist and are active; returns their names. */
async function checkedUnits(ctx: CommandContext, a: Assignment): Promise<Map<number, string>> {
  if (a.coOrgIds.includes(a.orgId)) throw invalid('body.coOrgIds', 'case_lead_in_co_units');
  const units = await unitsByIds(ctx.tx, [a.orgId, ...a.coOrgIds]);
  const lead = units.get(a.orgId);
  if (!lead || !lead.active) throw invalid('body.orgId', 'ref_not_found');
  for (const id of a.coOrgIds) if (!units.get(id)?.active) throw invalid('body.coOrgIds', 'ref_not_found');
  return new Map([...units].map(([id, u]) => [id, u.name]));
}

/** The columns, clocks and co-units of an assignment, and the messages to the units and followers. */
export async function assignLead(ctx: CommandContext, row: CaseRow, a: Assignment, mode: DispatchMode): Promise<{ patch: Partial<NewCase>; data: Record<string, unknown>; after: (c: CaseRow) => Promise<void> }> {
  const names = await checkedUnits(ctx, a);
  const category = row.categoryId ? await knownCategory(ctx.tx, row.categoryId) : undefined;
  const due = await handlingDue(ctx, row.urgency, category?.path ?? null);
  await replaceCoUnits(ctx.tx, row.id, a.coOrgIds, ctx.now);
  const patch: Partial<NewCase> = {
    leadOrgId: a.orgId,
    leadPostId: a.postId,
    handlerUserId: null,
    dispatchMode: mode,
    step: due.sign.step,
    stepDueAt: due.sign.stepDueAt,
    feedbackDueAt: due.feedbackDueAt,
    overdue: false,
    dispatchedAt: ctx.now,
  };
  const unit = names.get(a.orgId)!;
  const data = { orgId: a.orgId, unitName: unit, coUnits: a.coOrgIds.map((id) => names.get(id)), mode, feedbackDueAt: due.feedbackDueAt.toISOString() };
  const after = async (c: CaseRow) => {
    const members = (await Promise.all([a.orgId, ...a.coOrgIds].map((id) => accountsOfUnit(ctx.tx, id)))).flat();
    await notifyUsers(ctx, members, 'case.dispatched', c, { unit, due: due.sign.stepDueAt.toISOString() });
    const followers = [...(c.reporterUserId ? [c.reporterUserId] : []), ...(await supportersOf(ctx.tx, c.id))];
    await notifyUsers(ctx, followers, 'case.progress', c, { step: `已派至${unit}办理` });
  };
  return { patch, data, after };
}

/** The new category's id and path when it changes; a usable category outside the supervision channel. */
async function changedCategory(ctx: CommandContext, row: CaseRow, id: number | undefined): Promise<{ id: number; path: string } | undefined> {
  if (id === undefined || id === row.categoryId) return undefined;
  const category = await knownCategory(ctx.tx, id);
  if (!category?.usable || isSupervisionCategory(category.path)) throw invalid('body.categoryId', 'ref_not_found');
  return { id, path: category.path };
}

/** 派单 / 改派. */
export async function caseDispatcher(ctx: CommandContext, props: CaseDispatcherProps): Promise<CaseRow> {
  // Dispatch and re-dispatch have the same rule (dispatchers of the area); the state picks the event.
  const { row } = await lockForEvent(ctx, props, 'dispatch');
  return dispatchLocked(ctx, row, props);
}

/**
 * 智能派单: the dispatch model's unit (and category, if the case has none), sent by the
 * system when auto-dispatch is on. Only a case still waiting for its first dispatch is
 * taken; otherwise (a dispatcher was quicker) nothing happens and it returns undefined.
 */
export async function caseAutoDispatcher(ctx: CommandContext, props: { caseId: number; orgId: number; categoryId?: number | undefined }): Promise<CaseRow | undefined> {
  const row = await caseForUpdate(ctx.tx, props.caseId);
  if (!row || row.leadOrgId !== null || (row.state !== 'submitted' && row.state !== 'accepted')) return undefined;
  return dispatchLocked(ctx, row, { ...props, categoryId: row.categoryId === null ? props.categoryId : undefined, mode: 'model' });
}

async function dispatchLocked(ctx: CommandContext, row: CaseRow, props: CaseDispatcherProps): Promise<CaseRow> {
  // A dispatched or signed case is re-dispatched (改派), which needs a reason.
  const event = row.state === 'dispatched' || row.state === 'signed' ? 'redispatch' : 'dispatch';
  const orgId = props.orgId ?? row.routeOrgId;
  if (orgId === null || orgId === undefined) throw invalid('body.orgId', 'case_no_route');
  const postId = props.orgId === undefined ? row.routePostId : (props.postId ?? null);
  const mode: DispatchMode = props.mode ?? (orgId === row.routeOrgId && row.routeMode ? row.routeMode : 'manual');
  const category = await changedCategory(ctx, row, props.categoryId);
  const assigned = category ? { ...row, categoryId: category.id } : row; // the deadlines follow the new category
  const { patch, data, after } = await assignLead(ctx, assigned, { orgId, postId, coOrgIds: props.coOrgIds ?? [] }, mode);
  const recategorized = category ? { categoryId: category.id } : {};
  const updated = await transition(ctx, row, event, {
    reason: props.reason,
    patch: { ...patch, ...recategorized },
    data: category ? { ...data, category: category.path, fromCategoryId: row.categoryId } : data,
    changes: { leadOrgId: orgId, coOrgIds: props.coOrgIds ?? [], mode, ...recategorized },
  });
  await after(updated);
  return updated;
}
