/**
 * What the accountability module offers other modules: opening a 问责复核事项 from their own
 * figures — first the assessment module's failing scorecard (DOMAIN.md §6: "a failing score
 * opens an accountability review"). Never a penalty: a person reviews every item.
 */
import type { CommandContext } from '../../platform/context.js';
import { DEFAULT_TIME_ZONE } from '../../platform/context.js';
import { Invalid } from '../../platform/http/errors.js';
import { personPlace, unitsByIds } from '../org/org.exports.js';
import { findReviewItem, openReviewItems, type ReviewItemRow, type ReviewSubject } from './review-items.js';
import { parsePeriod } from './review-period.js';
import { effectiveSetting, type ReviewEvidence, type ReviewSubjectKind, type TriggerKind } from './review-rules.js';
import { settingRows } from './review-settings.js';

export type { ReviewEvidence, ReviewItemRow, ReviewSubjectKind, TriggerKind };

export interface OpenReviewItemProps {
  /** `failing_scorecard` for assessment; the case-figure kinds are opened by the evaluation itself. */
  kind: TriggerKind;
  /** A person (people.id) or a unit (organizations.id). */
  subject: { kind: ReviewSubjectKind; id: number };
  /** `2026-03`, `2026-Q1` or `2026`. */
  period: string;
  /** The measured value (e.g. the score) and the threshold it failed (e.g. the pass mark). */
  figure: number;
  threshold: number;
  evidence: ReviewEvidence;
}

export interface OpenedReviewItem {
  /** Null when the trigger is switched off for the subject's place. */
  item: ReviewItemRow | null;
  /** False when the item already existed (the same trigger, subject and period) or the trigger is off. */
  opened: boolean;
}

async function subjectOf(ctx: CommandContext, s: OpenReviewItemProps['subject']): Promise<ReviewSubject | undefined> {
  if (s.kind === 'person') {
    const p = await personPlace(ctx.tx, s.id);
    return p && { kind: 'person', id: p.id, name: p.name, nodeId: p.nodeId, path: p.path, userId: p.userId };
  }
  const u = (await unitsByIds(ctx.tx, [s.id])).get(s.id);
  return u && { kind: 'unit', id: u.id, name: u.name, nodeId: u.nodeId, path: u.nodePath, userId: null };
}

/**
 * Opens one review item in the caller's transaction, idempotently: a second call for the
 * same (kind, subject, period) returns the existing item. The calling module decides that
 * its figure failed; this one checks only that the trigger is switched on for the subject's
 * place, then audits the item and tells the accountability.write holders there.
 */
export async function openReviewItem(ctx: CommandContext, p: OpenReviewItemProps): Promise<OpenedReviewItem> {
  const period = parsePeriod(p.period, ctx.timeZone ?? DEFAULT_TIME_ZONE);
  if (!period) throw new Invalid('accountability_period', [{ path: 'period', code: 'accountability_period' }]);
  if (!Number.isFinite(p.figure) || !Number.isFinite(p.threshold)) throw new Invalid('invalid', [{ path: 'figure', code: 'invalid' }]);
  const subject = await subjectOf(ctx, p.subject);
  if (!subject) throw new Invalid('ref_not_found', [{ path: 'subject', code: 'ref_not_found' }]);
  if (!effectiveSetting(await settingRows(ctx.tx), p.kind, subject.path).enabled) return { item: null, opened: false };
  const [item] = await openReviewItems(ctx, [{ kind: p.kind, subject, period, figure: p.figure, threshold: p.threshold, evidence: p.evidence }]);
  if (item) return { item, opened: true };
  return { item: (await findReviewItem(ctx.tx, p.kind, p.subject, period.key))!, opened: false };
}
