import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { china2026, china2027Provisional } from './china-holidays.js';
import { addWorkingDays, isWorkingDay, makeCalendar, nextWorkingDay, workingDaysBetween } from './working-days.js';
import { addDays, isLocalDate, localDateOf, startOfLocalDate, weekday } from './zoned.js';

const TZ = 'Asia/Shanghai';
const cal = makeCalendar(TZ, [...china2026, ...china2027Provisional]);
const at = (local: string) => new Date(`${local}+08:00`);

describe('zoned dates', () => {
  it('reads local dates in the deployment zone, not UTC', () => {
    // 2026-01-01 20:00 UTC is already 2 January in Beijing.
    expect(localDateOf(new Date('2026-01-01T20:00:00Z'), TZ)).toBe('2026-01-02');
    expect(startOfLocalDate('2026-01-02', TZ).toISOString()).toBe('2026-01-01T16:00:00.000Z');
    expect(startOfLocalDate('2026-07-01', 'Europe/Berlin').toISOString()).toBe('2026-06-30T22:00:00.000Z');
  });

  it('round-trips any instant through its local date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const day = localDateOf(d, TZ);
        const start = startOfLocalDate(day, TZ);
        expect(start.getTime()).toBeLessThanOrEqual(d.getTime());
        expect(d.getTime() - start.getTime()).toBeLessThan(86_400_000);
        expect(isLocalDate(day)).toBe(true);
      }),
    );
  });
});

describe('working-day calendar', () => {
  it('knows 2026 holidays and 调休 make-up days', () => {
    expect(isWorkingDay(cal, '2026-01-01')).toBe(false); // 元旦 (Thursday)
    expect(isWorkingDay(cal, '2026-01-04')).toBe(true); // Sunday, 调休上班
    expect(isWorkingDay(cal, '2026-02-14')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay(cal, '2026-02-17')).toBe(false); // 春节
    expect(isWorkingDay(cal, '2026-02-23')).toBe(false); // Monday inside 春节
    expect(isWorkingDay(cal, '2026-10-10')).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay(cal, '2026-03-07')).toBe(false); // ordinary Saturday
    expect(isWorkingDay(cal, '2026-03-09')).toBe(true); // ordinary Monday
  });

  it('counts working days across the Spring Festival', () => {
    // Accepted Friday 13 Feb: next working days are Sat 14 (调休), then Tue 24 Feb …
    const due = addWorkingDays(cal, at('2026-02-13T10:00:00'), 3);
    // 14 Feb (1), 24 Feb (2), 25 Feb (3) → due at the end of 25 Feb, local time.
    expect(due.toISOString()).toBe(at('2026-02-26T00:00:00').toISOString());
  });

  it('counts a 调休 Sunday and skips the National Day week', () => {
    // Friday 18 Sep 2026 + 7 working days: 20 Sep (Sun, 调休), 21, 22, 23, 24, 28, 29.
    expect(addWorkingDays(cal, at('2026-09-18T09:00:00'), 7).toISOString()).toBe(at('2026-09-30T00:00:00').toISOString());
    // Wednesday 30 Sep + 2: 8 Oct (Thu), 9 Oct (Fri).
    expect(addWorkingDays(cal, at('2026-09-30T16:00:00'), 2).toISOString()).toBe(at('2026-10-10T00:00:00').toISOString());
  });

  it('finds the next working day and counts days between', () => {
    expect(nextWorkingDay(cal, '2026-10-01')).toBe('2026-10-08');
    expect(workingDaysBetween(cal, at('2026-02-13T10:00:00'), at('2026-02-25T10:00:00'))).toBe(3);
  });

  it('never lands a deadline on a day off, and always moves forward', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-01-01'), max: new Date('2027-11-30'), noInvalidDate: true }), fc.integer({ min: 1, max: 30 }), (from, n) => {
        const due = addWorkingDays(cal, from, n);
        const lastDay = addDays(localDateOf(due, TZ), -1);
        expect(isWorkingDay(cal, lastDay)).toBe(true);
        expect(due.getTime()).toBeGreaterThan(from.getTime());
        expect(workingDaysBetween(cal, from, new Date(due.getTime() - 1))).toBe(n);
      }),
    );
  });

  it('has holiday data consistent with weekdays', () => {
    for (const d of china2026.filter((x) => x.kind === 'workday')) expect([0, 6]).toContain(weekday(d.date));
    expect(() => addWorkingDays(cal, new Date(), -1)).toThrow(RangeError);
  });
});
