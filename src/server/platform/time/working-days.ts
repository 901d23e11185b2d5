/**
 * The working-day calendar: Monday to Friday are working days unless the calendar says
 * otherwise — public holidays (法定节假日, including the days moved into a holiday) are
 * off, and 调休 make-up days (often a Saturday or Sunday) are working days. The calendar
 * is data that administrators edit each year when the State Council publishes it.
 */
import { addDays, localDateOf, startOfLocalDate, weekday, type LocalDate } from './zoned.js';

export type DayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: LocalDate;
  kind: DayKind;
  /** 元旦, 春节, 调休上班 … */
  name: string;
}

export interface WorkCalendar {
  timeZone: string;
  /** Days that differ from the Monday-to-Friday rule. */
  overrides: ReadonlyMap<LocalDate, DayKind>;
}

export function makeCalendar(timeZone: string, days: readonly CalendarDay[]): WorkCalendar {
  return { timeZone, overrides: new Map(days.map((d) => [d.date, d.kind])) };
}

export function isWorkingDay(cal: WorkCalendar, date: LocalDate): boolean {
  const override = cal.overrides.get(date);
  if (override) return override === 'workday';
  const wd = weekday(date);
  return wd !== 0 && wd !== 6;
}

/** The first working day on or after `date`. */
export function nextWorkingDay(cal: WorkCalendar, date: LocalDate): LocalDate {
  let d = date;
  // A year never holds more than ~40 consecutive days off; the bound only guards bad data.
  for (let i = 0; i < 366 && !isWorkingDay(cal, d); i++) d = addDays(d, 1);
  return d;
}

/**
 * Deadline of "within N working days" from an instant: the end (local midnight after)
 * of the N-th working day that follows the day of `from`. The day itself does not count,
 * as in 12345 practice ("自受理次日起计算").
 */
export function addWorkingDays(cal: WorkCalendar, from: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer: ${n}`);
  let day = localDateOf(from, cal.timeZone);
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(cal, day)) counted++;
  }
  return n === 0 ? from : startOfLocalDate(addDays(day, 1), cal.timeZone);
}

/** Whole working days between two instants' local dates (the start day excluded). */
export function workingDaysBetween(cal: WorkCalendar, from: Date, to: Date): number {
  let day = localDateOf(from, cal.timeZone);
  const end = localDateOf(to, cal.timeZone);
  let count = 0;
  while (day < end) {
    day = addDays(day, 1);
    if (isWorkingDay(cal, day)) count++;
  }
  return count;
}
