/**
 * Review periods: a month (`2026-03`), a quarter (`2026-Q1`, scorecards) or a year (`2026`),
 * as local dates and as the instants they span in the deployment's zone, so that a case
 * overdue at 23:30 on 31 March in Beijing counts in March. Pure.
 */
import { addDays, localDateOf, startOfLocalDate, type LocalDate } from '../../platform/time/zoned.js';

export interface Period {
  key: string;
  /** First and last local day (inclusive). */
  start: LocalDate;
  end: LocalDate;
  /** The instants [from, to) the period covers in the zone. */
  from: Date;
  to: Date;
}

export const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** First day of the month `months` after year/month (month 1–12). */
function monthStart(year: number, month: number, months = 0): LocalDate {
  const total = year * 12 + (month - 1) + months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`;
}

/** Parses a period key; undefined when it is not one (or lies outside 2000–2999). */
export function parsePeriod(key: string, timeZone: string): Period | undefined {
  const m = PERIOD_PATTERN.exec(key);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 2000 || year > 2999) return undefined;
  const [firstMonth, months] = m[2] ? [Number(m[2]), 1] : m[3] ? [(Number(m[3]) - 1) * 3 + 1, 3] : [1, 12];
  const start = monthStart(year, firstMonth);
  const next = monthStart(year, firstMonth, months);
  return { key, start, end: addDays(next, -1), from: startOfLocalDate(start, timeZone), to: startOfLocalDate(next, timeZone) };
}

/** The month before the one `now` falls in (local): the last closed month. */
export function lastClosedMonth(now: Date, timeZone: string): string {
  const [y, m] = localDateOf(now, timeZone).split('-').map(Number) as [number, number];
  return monthStart(y, m, -1).slice(0, 7);
}

/** A period is closed once its last instant has passed: its figures no longer change. */
export function isClosed(p: Period, now: Date): boolean {
  return p.to.getTime() <= now.getTime();
}
