/**
 * The handling body's acts: 受理 (the 60-day conclusion clock starts), an out-of-remit
 * objection within 5 working days of receipt (after that it is refused: the matter is the
 * body's), 办结 with the 处理意见 (支持 / 部分支持 / 不支持 and its text; the petitioner's
 * 30 days to ask for 复查 start), and one request for an extension of at most 30 days,
 * before the conclusion is due, which the registrar decides.
 */
import type { CommandContext } from '../../platform/context.js';
import { Conflict, Invalid } from '../../platform/http/errors.js';
import { concludeDue, MAX_EXTENSION_DAYS, reviewWindowEnd, within } from './petition-clocks.js';
import { notify, registrarsOf, tellPetitioner } from './petition.notices.js';
import { applyStep, loadForEvent, zoneOf } from './petition-step.js';
import type { PetitionRow } from './petitions.repo.js';
import type { Opinion } from './petitions.tables.js';
import { unitsByIds } from '../org/org.exports.js';

interface Versioned {
  id: number;
  version: number;
}

const opinionWords: Record<Opinion, { zh: string; en: string }> = {
  support: { zh: '支持', en: 'supported' },
  partial: { zh: '部分支持', en: 'partly supported' },
  reject: { zh: '不支持', en: 'not supported' },
};

async function unitName(ctx: CommandContext, row: PetitionRow): Promise<string> {
  return row.handlerOrgId === null ? '' : ((await unitsByIds(ctx.tx, [row.handlerOrgId])).get(row.handlerOrgId)?.name ?? '');
}

/** 受理: the body takes the matter; it is to be concluded within 60 days. */
export async function acceptPetition(ctx: CommandContext, p: Versioned & { note?: string | undefined }): Promise<PetitionRow> {
  const { row, to } = await loadForEvent(ctx, { ...p, event: 'accept' });
  const due = concludeDue(ctx.now, zoneOf(ctx));
  const unit = await unitName(ctx, row);
  const updated = await applyStep(ctx, row, {
    event: 'accept',
    to,
    patch: { acceptedAt: ctx.now, concludeDueAt: due },
    clockDueAt: due,
    note: `${unit}已受理${p.note ? `：${p.note}` : ''}`,
    public: true,
    data: { concludeDueAt: due.toISOString() },
    changes: { concludeDueAt: due.toISOString() },
  });
  await tellPetitioner(ctx, updated, { zh: `${unit}已受理，将在 60 日内办结。`, en: `accepted by ${unit}; it will be concluded within 60 days.` });
  return updated;
}

/** 异议: outside the body's remit — back to the registrar to route again, within 5 working days of receipt. */
export async function objectPetition(ctx: CommandContext, p: Versioned & { reason: string }): Promise<PetitionRow> {
  const { row, to } = await loadForEvent(ctx, { ...p, event: 'object' });
  if (!within(ctx.now, row.objectionDueAt)) throw new Conflict('petitions_objection_window_closed', { due: row.objectionDueAt?.toISOString() ?? '' });
  const unit = await unitName(ctx, row);
  const updated = await applyStep(ctx, row, {
    event: 'object',
    to,
    // The registration clock of receipt runs again: re-routing is still the registrar's 15 days.
    patch: { handlerOrgId: null, handlerPath: null, routeKind: null, objectionDueAt: null },
    clockDueAt: row.registerDueAt,
    note: `${unit}提出异议（不属本单位职权范围）：${p.reason}`,
    public: false,
    data: { orgId: row.handlerOrgId, unit },
    changes: { orgId: row.handlerOrgId, reason: p.reason },
  });
  await notify(ctx, await registrarsOf(ctx.tx, row.nodePath), 'petition.returned', updated, { unit });
  return updated;
}

/** 办结 with the 处理意见; the petitioner may ask for 复查 within 30 days of it. */
export async function concludePetition(ctx: CommandContext, p: Versioned & { opinion: Opinion; text: string }): Promise<PetitionRow> {
  const { row, to } = await loadForEvent(ctx, { ...p, event: 'conclude' });
  const words = opinionWords[p.opinion];
  const updated = await applyStep(ctx, row, {
    event: 'conclude',
    to,
    patch: { opinion: p.opinion, opinionText: p.text, concludedAt: ctx.now, reviewWindowEndsAt: reviewWindowEnd(ctx.now, zoneOf(ctx)) },
    note: `处理意见（${words.zh}）：${p.text}`,
    public: true,
    data: { opinion: p.opinion },
    changes: { opinion: p.opinion, onTime: within(ctx.now, row.concludeDueAt) },
  });
  await tellPetitioner(ctx, updated, { zh: `已办结（${words.zh}）。如不服，可在 30 日内申请复查。`, en: `concluded (${words.en}). You may ask for a review within 30 days.` });
  return updated;
}

/** 申请延期: once, at most 30 days, before the conclusion is due; the registrar decides. */
export async function requestExtension(ctx: CommandContext, p: Versioned & { days: number; reason: string }): Promise<PetitionRow> {
  const { row, to } = await loadForEvent(ctx, { ...p, event: 'extend' });
  if (row.extensionState !== 'none') throw new Conflict('petitions_extension_once', { state: row.extensionState });
  if (p.days > MAX_EXTENSION_DAYS) throw new Invalid('petitions_extension_too_long', [{ path: 'body.days', code: 'petitions_extension_too_long', params: { max: MAX_EXTENSION_DAYS } }], { max: MAX_EXTENSION_DAYS });
  if (!within(ctx.now, row.concludeDueAt)) throw new Conflict('petitions_extension_late', { due: row.concludeDueAt?.toISOString() ?? '' });
  const updated = await applyStep(ctx, row, {
    event: 'extend',
    to,
    patch: { extensionState: 'pending', extensionDays: p.days, extensionReason: p.reason },
    note: `申请延期 ${p.days} 天：${p.reason}`,
    public: false,
    data: { days: p.days },
    changes: { days: p.days },
  });
  await notify(ctx, await registrarsOf(ctx.tx, row.nodePath), 'petition.extension_requested', updated, { days: p.days });
  return updated;
}
