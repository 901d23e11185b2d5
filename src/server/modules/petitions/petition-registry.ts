/**
 * The registrar's acts (信访登记): 登记 with 转送 or 交办 to a handling unit (its 5-working-day
 * objection window starts), 不予受理 with the reason and where to go instead, linking a new
 * petition to an earlier one on the same facts, and deciding the handling body's request for
 * an extension (≤ 30 days, once; the petitioner is told why).
 *
 * Same facts: once the earlier petition's answer is final (复核 answered, or the window for the
 * next review let lapse) the new one is not registered — the registrar refuses it, and the
 * petitioner is given the earlier number. While the earlier one is still open (being handled,
 * or open to 复查 / 复核) it is not registered either: the petitioner continues there.
 */
import { Conflict, Invalid } from '../../platform/http/errors.js';
import type { CommandContext } from '../../platform/context.js';
import { loadWorkCalendar } from '../cases/case.exports.js';
import { unitsByIds } from '../org/org.exports.js';
import { extendDue, isFinal, objectionDue } from './petition-clocks.js';
import { handlersOf, notify, tellPetitioner } from './petition.notices.js';
import { petitionPolicy } from './petition.policy.js';
import { applyStep, loadForEvent, zoneOf } from './petition-step.js';
import { petitionById, petitionByNumber, type PetitionRow } from './petitions.repo.js';
import type { RouteKind } from './petitions.tables.js';

interface Versioned {
  id: number;
  version: number;
}

const routeWords: Record<RouteKind, { zh: string; en: string }> = { transfer: { zh: '转送', en: 'transferred' }, assign: { zh: '交办', en: 'assigned' } };

/** Refuses registration when the petition repeats the facts of an earlier one that was not refused. */
async function checkSameFacts(ctx: CommandContext, row: PetitionRow): Promise<void> {
  if (row.sameFactsOfId === null) return;
  const earlier = await petitionById(ctx.tx, row.sameFactsOfId);
  if (!earlier || earlier.state === 'refused') return;
  if (isFinal(earlier, ctx.now)) throw new Conflict('petitions_same_facts_final', { number: earlier.number });
  throw new Conflict('petitions_same_facts_open', { number: earlier.number });
}

/** 登记 + 转送/交办 to a handling unit. */
export async function registerPetition(ctx: CommandContext, p: Versioned & { orgId: number; routeKind: RouteKind; note?: string | undefined }): Promise<PetitionRow> {
  const { row, to } = await loadForEvent(ctx, { ...p, event: 'register' });
  await checkSameFacts(ctx, row);
  const unit = (await unitsByIds(ctx.tx, [p.orgId])).get(p.orgId);
  if (!unit || !unit.active) throw new Invalid('ref_not_found', [{ path: 'body.orgId', code: 'ref_not_found' }]);
  const due = objectionDue(ctx.now, await loadWorkCalendar(ctx.tx, zoneOf(ctx)));
  const words = routeWords[p.routeKind];
  const updated = await applyStep(ctx, row, {
    event: 'register',
    to,
    patch: { handlerOrgId: unit.id, handlerPath: unit.nodePath, routeKind: p.routeKind, routedAt: ctx.now, objectionDueAt: due },
    clockDueAt: due,
    note: `已登记并${words.zh}至${unit.name}${p.note ? `：${p.note}` : ''}`,
    public: true,
    data: { orgId: unit.id, unit: unit.name, routeKind: p.routeKind },
    changes: { orgId: unit.id, routeKind: p.routeKind, objectionDueAt: due.toISOString() },
  });
  await notify(ctx, await handlersOf(ctx.tx, updated), 'petition.routed', updated, { unit: unit.name, due: due.toISOString() });
  await tellPetitioner(ctx, updated, { zh: `已登记并${words.zh}至${unit.name}办理。`, en: `registered and ${words.en} to ${unit.name}.` });
  return updated;
}

/** 不予受理, with the reason and where to go instead. */
export async function refusePetition(ctx: CommandContext, p: Versioned & { reason: string; redirect: string }): Promise<PetitionRow> {
  const { row, to } = await loadForEvent(ctx, { ...p, event: 'refuse' });
  const earlier = row.sameFactsOfId === null ? undefined : await petitionById(ctx.tx, row.sameFactsOfId);
  const updated = await applyStep(ctx, row, {
    event: 'refuse',
    to,
    patch: { refusalReason: p.reason, refusalRedirect: p.redirect },
    note: `不予受理：${p.reason}；${p.redirect}`,
    public: true,
    data: earlier ? { sameFactsOf: earlier.number } : {},
    changes: { reason: p.reason },
  });
  await tellPetitioner(ctx, updated, { zh: `不予受理。${p.reason}；${p.redirect}`, en: `not accepted. ${p.reason}; ${p.redirect}` });
  return updated;
}

/** Links the petition to an earlier one on the same facts (or clears the link with null). */
export async function linkSameFacts(ctx: CommandContext, p: Versioned & { earlierNumber: string | null }): Promise<PetitionRow> {
  const { row, to } = await loadForEvent(ctx, { ...p, event: 'link' });
  let earlier: PetitionRow | undefined;
  if (p.earlierNumber !== null) {
    earlier = await petitionByNumber(ctx.tx, p.earlierNumber);
    // Only a petition the registrar may see, received before this one.
    if (!earlier || earlier.id === row.id || earlier.receivedAt > row.receivedAt || !petitionPolicy.view(ctx.actor, earlier)) {
      throw new Invalid('ref_not_found', [{ path: 'body.earlierNumber', code: 'ref_not_found' }]);
    }
  }
  return applyStep(ctx, row, {
    event: 'link',
    to,
    patch: { sameFactsOfId: earlier?.id ?? null },
    note: earlier ? `同一事实：原信访件 ${earlier.number}` : '取消同一事实关联',
    public: false,
    data: { sameFactsOf: earlier?.number ?? null },
    changes: { sameFactsOfId: earlier?.id ?? null },
  });
}

/** Approves (the conclusion is due that many days later; the petitioner is told why) or denies a pending extension. */
export async function decideExtension(ctx: CommandContext, p: Versioned & { approve: boolean; note?: string | undefined }): Promise<PetitionRow> {
  const { row, to } = await loadForEvent(ctx, { ...p, event: 'decide_extension' });
  if (row.extensionState !== 'pending') throw new Conflict('petitions_no_pending_extension', { state: row.extensionState });
  const days = row.extensionDays ?? 0;
  const due = p.approve ? extendDue(row.concludeDueAt!, days, zoneOf(ctx)) : row.concludeDueAt;
  const updated = await applyStep(ctx, row, {
    event: 'decide_extension',
    to,
    patch: p.approve ? { extensionState: 'approved', concludeDueAt: due, clockDueAt: due, overdue: false } : { extensionState: 'denied' },
    // Only an approved extension is the petitioner's business: they are told why.
    note: p.approve ? `办理期限延长 ${days} 天，理由：${row.extensionReason ?? ''}` : `延期申请未获批准${p.note ? `：${p.note}` : ''}`,
    public: p.approve,
    data: { approved: p.approve, days, concludeDueAt: due?.toISOString() ?? null },
    changes: { approved: p.approve, days },
  });
  await notify(ctx, await handlersOf(ctx.tx, updated), 'petition.extension_decided', updated, { approved: p.approve });
  if (p.approve) await tellPetitioner(ctx, updated, { zh: `办理期限延长 ${days} 天，理由：${row.extensionReason ?? ''}`, en: `the time limit was extended by ${days} days because: ${row.extensionReason ?? ''}` });
  return updated;
}
