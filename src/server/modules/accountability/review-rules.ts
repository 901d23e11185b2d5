/**
 * The review triggers as data (issue #5 point 7): which figures open a 问责复核事项, their
 * default thresholds, how a subtree's settings override the deployment's, and when a figure
 * crosses its threshold. Pure: no database, no clock.
 *
 * What each figure means in the cases module's data is decided there (cases/case.figures.ts);
 * `failing_scorecard` comes from the assessment module through `openReviewItem`.
 */

export const triggerKinds = ['overdue_cases', 'objections_overruled', 'dissatisfaction_rate', 'failing_scorecard'] as const;
export type TriggerKind = (typeof triggerKinds)[number];

export const reviewSubjectKinds = ['person', 'unit'] as const;
export type ReviewSubjectKind = (typeof reviewSubjectKinds)[number];

export const reviewItemStates = ['open', 'dismissed', 'escalated'] as const;
export type ReviewItemState = (typeof reviewItemStates)[number];

/** A case behind a figure. */
export interface CaseRef {
  caseId: number;
  number: string;
}

/** What backs an item: the cases counted, the rate's parts, or the scorecard. */
export interface ReviewEvidence {
  cases?: CaseRef[];
  /** Rates: the rated cases and the dissatisfied among them. */
  rated?: number;
  dissatisfied?: number;
  /** failing_scorecard: the scorecard and its score. */
  scorecardId?: number;
  note?: string;
}

export interface TriggerSetting {
  enabled: boolean;
  /** Counts: at least this many; rates: a percentage to exceed; null where the source decides (scorecards). */
  threshold: number | null;
  /** Rates: the fewest rated cases for the rate to mean anything. */
  minCases: number | null;
}

interface TriggerDef {
  /** Whom the figure is about. */
  subject: ReviewSubjectKind | 'either';
  /** `count`: figure ≥ threshold; `rate`: figure > threshold with at least minCases; `external`: the caller decided. */
  measure: 'count' | 'rate' | 'external';
  defaults: TriggerSetting;
  /** Allowed threshold range (inclusive) and whether it must be whole. */
  range?: { min: number; max: number; integer: boolean };
}

/**
 * Defaults per month: a handler with 3 or more overdue cases; a unit with 3 or more of its
 * objections overruled; a unit whose residents were dissatisfied with more than 20 % of at least 10
 * rated cases. Local practice differs, so each is a setting.
 */
export const triggers: Record<TriggerKind, TriggerDef> = {
  overdue_cases: { subject: 'person', measure: 'count', defaults: { enabled: true, threshold: 3, minCases: null }, range: { min: 1, max: 1000, integer: true } },
  objections_overruled: { subject: 'unit', measure: 'count', defaults: { enabled: true, threshold: 3, minCases: null }, range: { min: 1, max: 1000, integer: true } },
  dissatisfaction_rate: { subject: 'unit', measure: 'rate', defaults: { enabled: true, threshold: 20, minCases: 10 }, range: { min: 0, max: 99, integer: false } },
  failing_scorecard: { subject: 'either', measure: 'external', defaults: { enabled: true, threshold: null, minCases: null } },
};

/** Where rates' `minCases` may go. */
export const MIN_CASES_RANGE = { min: 1, max: 10_000 } as const;

/** A stored setting: the deployment's (`/`) or a subtree's. */
export interface SettingRow extends TriggerSetting {
  triggerKind: TriggerKind;
  nodePath: string;
}

export interface EffectiveSetting extends TriggerSetting {
  /** The row it comes from (deepest enclosing), or null for the built-in default. */
  fromPath: string | null;
}

/** The setting for a place: the deepest row whose path encloses it, else the default. */
export function effectiveSetting(rows: readonly SettingRow[], kind: TriggerKind, path: string): EffectiveSetting {
  let best: SettingRow | undefined;
  for (const r of rows) {
    if (r.triggerKind !== kind || !path.startsWith(r.nodePath)) continue;
    if (!best || r.nodePath.length > best.nodePath.length) best = r;
  }
  if (!best) return { ...triggers[kind].defaults, fromPath: null };
  return { enabled: best.enabled, threshold: best.threshold, minCases: best.minCases, fromPath: best.nodePath };
}

/** A measured figure: a count, or a rate's parts. */
export type Figure = { count: number } | { rated: number; dissatisfied: number };

/** The figure as stored: the count, or the rate as a percentage rounded to 0.1. */
export function figureValue(f: Figure): number {
  if ('count' in f) return f.count;
  return f.rated === 0 ? 0 : Math.round((f.dissatisfied / f.rated) * 1000) / 10;
}

/** Whether a figure opens an item under a setting (switched-off triggers never do). */
export function crosses(kind: TriggerKind, setting: TriggerSetting, f: Figure): boolean {
  if (!setting.enabled) return false;
  const def = triggers[kind];
  if (def.measure === 'external') return true;
  if (setting.threshold === null) return false;
  if (def.measure === 'count') return 'count' in f && f.count >= setting.threshold;
  if (!('rated' in f) || f.rated < (setting.minCases ?? 1)) return false;
  // Compared exactly (dissatisfied / rated > threshold %), not on the rounded figure.
  return f.dissatisfied * 100 > setting.threshold * f.rated;
}

/** The lowest threshold any enabled setting of a kind uses: the SQL pre-filter, so only candidates come back. */
export function lowestThreshold(rows: readonly SettingRow[], kind: TriggerKind, field: 'threshold' | 'minCases'): number | null {
  const own = rows.filter((r) => r.triggerKind === kind);
  // The built-in default applies somewhere only while the deployment has no row of its own.
  const defaults = own.some((r) => r.nodePath === '/') ? [] : [triggers[kind].defaults];
  const candidates = [...defaults, ...own].filter((s) => s.enabled);
  const values = candidates.map((s) => s[field]).filter((v): v is number => v !== null);
  return values.length === 0 ? null : Math.min(...values);
}

/** Why a setting is out of range, as the field it concerns; none when valid. */
export function settingProblems(kind: TriggerKind, s: TriggerSetting): Array<'threshold' | 'minCases'> {
  const def = triggers[kind];
  const out: Array<'threshold' | 'minCases'> = [];
  if (def.range) {
    const t = s.threshold;
    if (t === null || t < def.range.min || t > def.range.max || (def.range.integer && !Number.isInteger(t))) out.push('threshold');
  } else if (s.threshold !== null) out.push('threshold');
  if (def.measure === 'rate') {
    const m = s.minCases;
    if (m === null || !Number.isInteger(m) || m < MIN_CASES_RANGE.min || m > MIN_CASES_RANGE.max) out.push('minCases');
  } else if (s.minCases !== null) out.push('minCases');
  return out;
}
