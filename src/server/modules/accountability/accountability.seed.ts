/**
 * Demo accountability data (after the cases demo): the review items the demo's last closed
 * month calls for (the demo's cases are recent, so usually none), two failing-scorecard
 * items opened as the assessment module will open them (the demo has no scorecards yet, so
 * their figures are marked as demo figures), a 谈话提醒 the demo inspector recorded on the
 * demo cadre (王建国) with an overdue demo case as its ground, and a 通报批评 on the demo grid
 * worker circulated to the street's cadres — so each console page has something to show.
 */
import type { Actor } from '../../platform/access/actor.js';
import { findUserByLogin } from '../../platform/auth/users.js';
import type { CommandContext } from '../../platform/context.js';
import { DEFAULT_TIME_ZONE } from '../../platform/context.js';
import { localDateOf } from '../../platform/time/zoned.js';
import { overdueCasesByHandler } from '../cases/case.exports.js';
import { loadActorFromOrg } from '../org/org.actor.js';
import { nodesByCodes, peopleOfAccounts, unitsByCodes } from '../org/org.exports.js';
import { openReviewItem } from './accountability.exports.js';
import { recordMeasure } from './accountability-records.js';
import type { Ground } from './accountability.tables.js';
import { evaluatePeriod } from './review-evaluator.js';
import { lastClosedMonth, parsePeriod } from './review-period.js';

const DAY = 86_400_000;

async function actorOf(ctx: CommandContext, username: string): Promise<Actor | undefined> {
  const user = await findUserByLogin(ctx.tx, username);
  if (!user) return undefined;
  return { userId: user.id, displayName: user.displayName, ...(await loadActorFromOrg(ctx.tx, user.id)) };
}

/** An overdue demo case of the last 60 days as a ground, or a plain note when there is none. */
async function someOverdueCase(ctx: CommandContext): Promise<Ground> {
  const [handler] = await overdueCasesByHandler(ctx.tx, { from: new Date(ctx.now.getTime() - 60 * DAY), to: ctx.now }, 1);
  const c = handler?.cases[0];
  return c ? { kind: 'case', ref: c.number, note: '办理超期，未按时反馈' } : { kind: 'other', ref: '日常督查', note: '工单办理超期' };
}

/** The quarter before the one a month falls in: `2026-10` → `2026-Q3`, `2026-02` → `2025-Q4`. */
function quarterBefore(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const q = Math.ceil(m / 3) - 1;
  return q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
}

/** Failing scorecards of a unit (last closed quarter) and of the demo's department handler (last closed month). */
async function seedScorecardItems(ctx: CommandContext, month: string): Promise<void> {
  const unit = (await unitsByCodes(ctx.tx, ['110199001001-JW'])).get('110199001001-JW');
  if (unit) await openReviewItem(ctx, { kind: 'failing_scorecard', subject: { kind: 'unit', id: unit.id }, period: quarterBefore(month), figure: 56, threshold: 60, evidence: { note: '季度综合考核 56 分，低于合格线 60 分（演示数据）' } });
  const staff = await findUserByLogin(ctx.tx, 'deptstaff');
  const person = staff && (await peopleOfAccounts(ctx.tx, [staff.id])).get(staff.id);
  if (person) await openReviewItem(ctx, { kind: 'failing_scorecard', subject: { kind: 'person', id: person.id }, period: month, figure: 58, threshold: 60, evidence: { note: '月度个人考核 58 分，低于合格线 60 分（演示数据）' } });
}

export async function seedAccountabilityDemo(ctx: CommandContext): Promise<void> {
  const zone = ctx.timeZone ?? DEFAULT_TIME_ZONE;
  const month = lastClosedMonth(ctx.now, zone);
  await evaluatePeriod(ctx, parsePeriod(month, zone)!);
  await seedScorecardItems(ctx, month);
  const inspector = await actorOf(ctx, 'inspector');
  const cadre = await findUserByLogin(ctx.tx, 'cadre');
  if (!inspector || !cadre) return;
  const as = { ...ctx, actor: inspector };
  const today = localDateOf(ctx.now, zone);
  const cadrePerson = (await peopleOfAccounts(ctx.tx, [cadre.id])).get(cadre.id);
  if (cadrePerson) {
    await recordMeasure(as, { personId: cadrePerson.id, form: 'form1', measure: 'talk_reminder', grounds: [await someOverdueCase(ctx)], summary: '所在街道多件群众诉求工单办理超期，未及时跟进督办。经研究，对其进行谈话提醒，要求压实首接责任、按期办结。', decidedBy: '青川区纪委监委第一纪检监察室', decidedOn: today });
  }
  const gridworker = await findUserByLogin(ctx.tx, 'gridworker');
  const street = (await nodesByCodes(ctx.tx, ['110199001'])).get('110199001');
  const worker = gridworker && (await peopleOfAccounts(ctx.tx, [gridworker.id])).get(gridworker.id);
  if (worker && street) {
    await recordMeasure(as, {
      personId: worker.id,
      form: 'circulated',
      measure: 'circulated_criticism',
      grounds: [{ kind: 'other', ref: '网格巡查抽查', note: '巡查记录与实际不符' }],
      summary: '网格巡查记录多次与现场情况不符，存在不实填报问题。予以通报批评，责令立即整改。',
      decidedBy: '东城街道纪工委',
      decidedOn: today,
      publish: { nodeId: street.id, roles: ['cadre'] },
    });
  }
}
