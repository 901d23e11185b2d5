/**
 * Evaluates a closed month against the review triggers: the cases module's figures (computed
 * set-based in SQL, pre-filtered by the lowest enabled threshold), each subject's effective
 * setting for its place, and one idempotent insert of the items that crossed. Run daily for
 * the last closed month by the `accountability.review` job, or on demand for a period.
 */
import type { CommandContext } from '../../platform/context.js';
import { DEFAULT_TIME_ZONE } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { Invalid } from '../../platform/http/errors.js';
import { overdueCasesByHandler, ratingsByUnit, overruledObjectionsByUnit } from '../cases/case.exports.js';
import { peopleOfAccounts, unitsByIds, type PersonSummary, type UnitSummary } from '../org/org.exports.js';
import { openReviewItems, type ReviewCandidate, type ReviewItemRow, type ReviewSubject } from './review-items.js';
import { isClosed, parsePeriod, type Period } from './review-period.js';
import { crosses, effectiveSetting, figureValue, lowestThreshold, type Figure, type ReviewEvidence, type SettingRow, type TriggerKind } from './review-rules.js';
import { settingRows } from './review-settings.js';

const personSubject = (p: PersonSummary): ReviewSubject => ({ kind: 'person', id: p.id, name: p.name, nodeId: p.nodeId, path: p.path, userId: p.userId });
const unitSubject = (u: UnitSummary): ReviewSubject => ({ kind: 'unit', id: u.id, name: u.name, nodeId: u.nodeId, path: u.nodePath, userId: null });

/** The candidate when the figure crosses the subject's effective setting; none otherwise. */
function candidate(rows: readonly SettingRow[], kind: TriggerKind, subject: ReviewSubject, period: Period, figure: Figure, evidence: ReviewEvidence): ReviewCandidate[] {
  const setting = effectiveSetting(rows, kind, subject.path);
  if (!crosses(kind, setting, figure)) return [];
  return [{ kind, subject, period, figure: figureValue(figure), threshold: setting.threshold!, evidence }];
}

/** Handlers with overdue cases; a handler without a person record cannot be reviewed as a person and is left out. */
async function overdueCandidates(ex: Executor, rows: readonly SettingRow[], period: Period): Promise<ReviewCandidate[]> {
  const min = lowestThreshold(rows, 'overdue_cases', 'threshold');
  if (min === null) return [];
  const figures = await overdueCasesByHandler(ex, period, Math.ceil(min));
  const people = await peopleOfAccounts(ex, figures.map((f) => f.userId));
  return figures.flatMap((f) => {
    const person = people.get(f.userId);
    return person ? candidate(rows, 'overdue_cases', personSubject(person), period, { count: f.count }, { cases: f.cases }) : [];
  });
}

async function objectionCandidates(ex: Executor, rows: readonly SettingRow[], period: Period): Promise<ReviewCandidate[]> {
  const min = lowestThreshold(rows, 'objections_overruled', 'threshold');
  if (min === null) return [];
  const figures = await overruledObjectionsByUnit(ex, period, Math.ceil(min));
  const units = await unitsByIds(ex, figures.map((f) => f.orgId));
  return figures.flatMap((f) => {
    const unit = units.get(f.orgId);
    return unit ? candidate(rows, 'objections_overruled', unitSubject(unit), period, { count: f.count }, { cases: f.cases }) : [];
  });
}

async function ratingCandidates(ex: Executor, rows: readonly SettingRow[], period: Period): Promise<ReviewCandidate[]> {
  const min = lowestThreshold(rows, 'dissatisfaction_rate', 'minCases');
  if (min === null) return [];
  const figures = await ratingsByUnit(ex, period, min);
  const units = await unitsByIds(ex, figures.map((f) => f.orgId));
  return figures.flatMap((f) => {
    const unit = units.get(f.orgId);
    const figure = { rated: f.rated, dissatisfied: f.dissatisfied };
    return unit ? candidate(rows, 'dissatisfaction_rate', unitSubject(unit), period, figure, { cases: f.cases, ...figure }) : [];
  });
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The month to evaluate, refused unless it is a month that has ended (its figures are final). */
export function closedMonth(key: string, ctx: CommandContext): Period {
  const period = MONTH_PATTERN.test(key) ? parsePeriod(key, ctx.timeZone ?? DEFAULT_TIME_ZONE) : undefined;
  if (!period) throw new Invalid('accountability_period', [{ path: 'body.period', code: 'accountability_period' }]);
  if (!isClosed(period, ctx.now)) throw new Invalid('accountability_period_open', [{ path: 'body.period', code: 'accountability_period_open', params: { period: key } }], { period: key });
  return period;
}

/**
 * Opens the items a closed month calls for. `within`: only subjects under these paths (an
 * inspector evaluating their own area); absent, the whole deployment (the scheduled job).
 */
export async function evaluatePeriod(ctx: CommandContext, period: Period, within?: readonly string[]): Promise<ReviewItemRow[]> {
  const rows = await settingRows(ctx.tx);
  const candidates = [...(await overdueCandidates(ctx.tx, rows, period)), ...(await objectionCandidates(ctx.tx, rows, period)), ...(await ratingCandidates(ctx.tx, rows, period))];
  const selected = within ? candidates.filter((c) => within.some((p) => c.subject.path.startsWith(p))) : candidates;
  return openReviewItems(ctx, selected);
}
