/**
 * 复查 and 复核: the petitioner, within 30 days of an answer, asks the level above the body
 * that gave it (复查: above the handling unit; 复核: above the 复查 body; at the top of the
 * tree, the top level itself); that body's registrars answer within 30 days — 维持 or 变更.
 * After 复核 the answer is final; so is any answer whose review window lapsed unused.
 */
import type { CommandContext } from '../../platform/context.js';
import { Conflict } from '../../platform/http/errors.js';
import { parentPath } from '../org/org.exports.js';
import { reviewAnswerDue, reviewWindowEnd, within } from './petition-clocks.js';
import { notify, registrarsOf, tellPetitioner } from './petition.notices.js';
import { applyStep, loadForEvent, zoneOf } from './petition-step.js';
import { answerReview as saveAnswer, insertReview, type PetitionRow } from './petitions.repo.js';
import type { ReviewLevel, ReviewOutcome } from './petitions.tables.js';

interface Versioned {
  id: number;
  version: number;
}

const levelWords: Record<ReviewLevel, { zh: string; en: string }> = { review: { zh: '复查', en: 'review' }, recheck: { zh: '复核', en: 're-review' } };
const outcomeWords: Record<ReviewOutcome, { zh: string; en: string }> = { upheld: { zh: '维持', en: 'upheld' }, changed: { zh: '变更', en: 'changed' } };

const levelOf = (row: PetitionRow): ReviewLevel => (row.state === 'concluded' || row.state === 'review_requested' ? 'review' : 'recheck');

/** The answering body's place: the level above the body whose answer is contested. */
function bodyPath(row: PetitionRow, level: ReviewLevel): string {
  const below = level === 'review' ? row.handlerPath! : row.reviewPath!;
  return parentPath(below) ?? below;
}

/** 申请复查 / 复核, within 30 days of the answer. */
export async function requestReview(ctx: CommandContext, p: Versioned & { text: string }): Promise<PetitionRow> {
  const { row, to } = await loadForEvent(ctx, { ...p, event: 'request_review' });
  if (!within(ctx.now, row.reviewWindowEndsAt)) throw new Conflict('petitions_review_window_closed', { due: row.reviewWindowEndsAt?.toISOString() ?? '' });
  const level = levelOf(row);
  const path = bodyPath(row, level);
  const due = reviewAnswerDue(ctx.now, zoneOf(ctx));
  await insertReview(ctx.tx, { petitionId: row.id, level, nodePath: path, requestText: p.text, requestedAt: ctx.now, requestedBy: ctx.actor?.userId ?? null, answerDueAt: due });
  const words = levelWords[level];
  const updated = await applyStep(ctx, row, {
    event: 'request_review',
    to,
    patch: { reviewWindowEndsAt: null, ...(level === 'review' ? { reviewPath: path } : { recheckPath: path }) },
    clockDueAt: due,
    note: `申请${words.zh}：${p.text}`,
    public: true,
    data: { level, answerDueAt: due.toISOString() },
    changes: { level, answerDueAt: due.toISOString() },
  });
  await notify(ctx, await registrarsOf(ctx.tx, path), 'petition.review_requested', updated, { level, due: due.toISOString() });
  return updated;
}

/** 复查意见 / 复核意见: 维持 or 变更, with the text; after 复核 the matter is closed for good. */
export async function answerReview(ctx: CommandContext, p: Versioned & { outcome: ReviewOutcome; text: string }): Promise<PetitionRow> {
  const { row, to } = await loadForEvent(ctx, { ...p, event: 'answer_review' });
  const level = levelOf(row);
  await saveAnswer(ctx.tx, row.id, level, { outcome: p.outcome, answer: p.text, answeredAt: ctx.now, answeredBy: ctx.actor?.userId ?? null });
  const words = levelWords[level];
  const outcome = outcomeWords[p.outcome];
  const updated = await applyStep(ctx, row, {
    event: 'answer_review',
    to,
    patch: { reviewWindowEndsAt: level === 'review' ? reviewWindowEnd(ctx.now, zoneOf(ctx)) : null },
    note: `${words.zh}意见（${outcome.zh}）：${p.text}`,
    public: true,
    data: { level, outcome: p.outcome },
    changes: { level, outcome: p.outcome },
  });
  const next = level === 'review' ? { zh: '如不服，可在 30 日内申请复核。', en: ' You may ask for a re-review within 30 days.' } : { zh: '复核意见为最终意见。', en: ' This answer is final.' };
  await tellPetitioner(ctx, updated, { zh: `${words.zh}意见：${outcome.zh}。${next.zh}`, en: `${words.en} answered: ${outcome.en}.${next.en}` });
  return updated;
}
