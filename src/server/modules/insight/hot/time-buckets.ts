/**
 * Weeks and months of a window in the deployment's time zone, and the trend of a series
 * of counts over them. A case's bucket is found by binary search over the buckets' start
 * instants, so 50,000 cases cost no date formatting.
 */
import { addDays, localDateOf, startOfLocalDate, weekday, type LocalDate } from '../../../platform/time/zoned.js';

export type BucketUnit = 'week' | 'month';

export interface TimeBuckets {
  unit: BucketUnit;
  /** `YYYY-MM` for months, the Monday `YYYY-MM-DD` for weeks. */
  keys: string[];
  /** Start instant of each bucket (ms); bucket i is [starts[i], starts[i + 1]), the last one ends at `end`. */
  starts: number[];
  /** End of the window (exclusive, ms). */
  end: number;
  /** Share of the last bucket the window covers (1 when it ends on a bucket boundary). */
  lastShare: number;
}

function firstOfMonth(date: LocalDate): LocalDate {
  return `${date.slice(0, 7)}-01`;
}

function nextMonth(date: LocalDate): LocalDate {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The weeks (Monday to Sunday) or calendar months that the window [from, to) touches. */
export function timeBuckets(from: Date, to: Date, unit: BucketUnit, timeZone: string): TimeBuckets {
  if (!(to.getTime() > from.getTime())) throw new RangeError('time window: `to` must be after `from`');
  const first = localDateOf(from, timeZone);
  let day = unit === 'month' ? firstOfMonth(first) : addDays(first, -((weekday(first) + 6) % 7));
  const step = (d: LocalDate) => (unit === 'month' ? nextMonth(d) : addDays(d, 7));
  const keys: string[] = [];
  const starts: number[] = [];
  let next = startOfLocalDate(day, timeZone).getTime();
  while (next < to.getTime()) {
    keys.push(unit === 'month' ? day.slice(0, 7) : day);
    starts.push(next);
    day = step(day);
    next = startOfLocalDate(day, timeZone).getTime();
  }
  const lastStart = starts[starts.length - 1]!;
  return { unit, keys, starts, end: to.getTime(), lastShare: Math.min(1, (to.getTime() - lastStart) / (next - lastStart)) };
}

/** Index of the bucket holding instant `at` (ms), or -1 outside the window. */
export function bucketOf(b: TimeBuckets, at: number): number {
  if (at >= b.end || at < b.starts[0]!) return -1;
  let lo = 0;
  let hi = b.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (b.starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface Trend {
  /** Cases in the last bucket. */
  last: number;
  /** Mean cases per bucket before the last. */
  previousMean: number;
  /**
   * (last − previousMean) / max(previousMean, 1), the last bucket's count scaled up to a
   * whole bucket when the window ends inside it (by at most 4×): 1 means doubled, −1 gone.
   */
  growth: number;
  /** Least-squares slope of the counts per bucket, relative to their mean (0.1: +10 % of the mean a bucket). */
  slope: number;
}

/** Trend figures of counts per bucket. */
export function trendOf(counts: readonly number[], lastShare = 1): Trend {
  const n = counts.length;
  const last = counts[n - 1] ?? 0;
  const previousMean = n > 1 ? counts.slice(0, -1).reduce((a, b) => a + b, 0) / (n - 1) : 0;
  const scaledLast = last / Math.max(0.25, lastShare);
  const growth = n > 1 ? (scaledLast - previousMean) / Math.max(previousMean, 1) : 0;
  let slope = 0;
  if (n > 1) {
    const mx = (n - 1) / 2;
    const my = counts.reduce((a, b) => a + b, 0) / n;
    let sxy = 0;
    let sxx = 0;
    counts.forEach((y, x) => {
      sxy += (x - mx) * (y - my);
      sxx += (x - mx) * (x - mx);
    });
    slope = my > 0 ? sxy / sxx / my : 0;
  }
  return { last, previousMean, growth, slope };
}
