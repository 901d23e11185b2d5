/**
 * 每月一题 candidates (DOMAIN.md §3): the problems that keep coming back month after month,
 * which a led campaign should take on — not the loudest burst of one month. The cases of
 * the window are clustered by topic with monthly buckets (hot-issues.ts); a cluster is a
 * candidate when it is present (at least `minPerMonth` cases) in at least `minMonths`
 * months. Ranked by recurrence (months present, then the longest run of consecutive
 * months), then volume.
 */
import { runHotIssues, type BucketCount, type HotIssue, type HotIssueOptions, type ItemId, type HotItem, type PlaceCount } from './hot-issues.js';

export interface MonthlyTopicOptions extends Omit<HotIssueOptions, 'bucket' | 'limit'> {
  /** Cases a month needs for the problem to count as present that month (default 1). */
  minPerMonth?: number;
  /** Months present for a problem to be a candidate (default 3). */
  minMonths?: number;
  /** Most candidates returned (default all). */
  limit?: number;
}

export interface MonthlyTopicCandidate {
  label: string;
  keywords: string[];
  /** The cases, the most typical first (for drill-down). */
  memberIds: ItemId[];
  representativeId: ItemId;
  /** Cases per month over the whole window (`YYYY-MM`). */
  months: BucketCount[];
  /** Months with at least `minPerMonth` cases. */
  monthsPresent: number;
  /** Longest run of consecutive months present. */
  longestRun: number;
  total: number;
  weightedTotal: number;
  places: PlaceCount[];
  /** Cases in the window's last month. */
  lastMonth: number;
  cohesion: number;
}

/** 每月一题 candidates among `items`, most recurrent first. */
export function monthlyTopicCandidates(items: readonly HotItem[], options: MonthlyTopicOptions): MonthlyTopicCandidate[] {
  const { limit, minPerMonth, minMonths, ...rest } = options;
  const minSize = Math.max(rest.minClusterSize ?? 3, (minMonths ?? 3) * (minPerMonth ?? 1));
  const { issues } = runHotIssues(items, { ...rest, bucket: 'month', minClusterSize: minSize });
  return candidatesFromIssues(issues, { minPerMonth, minMonths, limit });
}

/**
 * 每月一题 candidates among hot issues already computed with monthly buckets
 * (`bucket: 'month'`), so one clustering serves the hot-issue list and the candidates.
 */
export function candidatesFromIssues(issues: readonly HotIssue[], options: Pick<MonthlyTopicOptions, 'minPerMonth' | 'minMonths' | 'limit'> = {}): MonthlyTopicCandidate[] {
  const minPerMonth = Math.max(1, options.minPerMonth ?? 1);
  const minMonths = Math.max(1, options.minMonths ?? 3);
  const out: MonthlyTopicCandidate[] = [];
  for (const issue of issues) {
    if (issue.series.some((b) => !/^\d{4}-\d{2}$/.test(b.bucket))) throw new Error('每月一题 needs hot issues computed with monthly buckets');
    let monthsPresent = 0;
    let run = 0;
    let longestRun = 0;
    for (const b of issue.series) {
      if (b.count >= minPerMonth) {
        monthsPresent++;
        run++;
        longestRun = Math.max(longestRun, run);
      } else run = 0;
    }
    if (monthsPresent < minMonths) continue;
    out.push({
      label: issue.label,
      keywords: issue.keywords,
      memberIds: issue.memberIds,
      representativeId: issue.representativeId,
      months: issue.series,
      monthsPresent,
      longestRun,
      total: issue.size,
      weightedTotal: issue.weightedSize,
      places: issue.places,
      lastMonth: issue.series[issue.series.length - 1]?.count ?? 0,
      cohesion: issue.cohesion,
    });
  }
  out.sort(
    (a, b) =>
      b.monthsPresent - a.monthsPresent ||
      b.longestRun - a.longestRun ||
      b.total - a.total ||
      b.weightedTotal - a.weightedTotal ||
      String(a.representativeId).localeCompare(String(b.representativeId)),
  );
  return options.limit === undefined ? out : out.slice(0, options.limit);
}
