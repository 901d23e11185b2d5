/**
 * The review triggers' pure rules: thresholds at and just below their boundaries, switched-off
 * triggers, the deepest subtree setting winning, the SQL pre-filter, the settings' ranges;
 * and the periods in Beijing time.
 */
import { describe, expect, it } from 'vitest';
import { crosses, effectiveSetting, figureValue, lowestThreshold, settingProblems, triggers, type SettingRow } from './review-rules.js';
import { isClosed, lastClosedMonth, parsePeriod } from './review-period.js';

const TZ = 'Asia/Shanghai';
const on = (threshold: number | null, minCases: number | null = null) => ({ enabled: true, threshold, minCases });

describe('thresholds', () => {
  it('counts open an item at the threshold, not one below', () => {
    expect(crosses('overdue_cases', on(3), { count: 3 })).toBe(true);
    expect(crosses('overdue_cases', on(3), { count: 2 })).toBe(false);
    expect(crosses('objections_overruled', on(3), { count: 4 })).toBe(true);
    expect(crosses('overdue_cases', { ...on(3), enabled: false }, { count: 50 })).toBe(false);
  });

  it('rates open an item only above the threshold and with enough rated cases', () => {
    const rate = on(20, 10);
    expect(crosses('dissatisfaction_rate', rate, { rated: 10, dissatisfied: 3 })).toBe(true); // 30 %
    expect(crosses('dissatisfaction_rate', rate, { rated: 10, dissatisfied: 2 })).toBe(false); // exactly 20 %
    expect(crosses('dissatisfaction_rate', rate, { rated: 9, dissatisfied: 9 })).toBe(false); // too few rated
    expect(crosses('dissatisfaction_rate', rate, { rated: 15, dissatisfied: 4 })).toBe(true); // 26.7 %
    expect(crosses('dissatisfaction_rate', rate, { rated: 3000, dissatisfied: 601 })).toBe(true); // 20.03 %, above though it rounds to 20.0
    expect(figureValue({ rated: 3000, dissatisfied: 601 })).toBe(20);
    expect(figureValue({ rated: 15, dissatisfied: 4 })).toBe(26.7);
    expect(figureValue({ count: 4 })).toBe(4);
  });

  it('a failing scorecard is decided by its module: it opens whenever the trigger is on', () => {
    expect(crosses('failing_scorecard', on(null), { count: 0 })).toBe(true);
    expect(crosses('failing_scorecard', { ...on(null), enabled: false }, { count: 0 })).toBe(false);
  });
});

describe('settings by place', () => {
  const rows: SettingRow[] = [
    { triggerKind: 'overdue_cases', nodePath: '/', enabled: true, threshold: 5, minCases: null },
    { triggerKind: 'overdue_cases', nodePath: '/1/', enabled: true, threshold: 4, minCases: null },
    { triggerKind: 'overdue_cases', nodePath: '/1/2/', enabled: false, threshold: 4, minCases: null },
    { triggerKind: 'dissatisfaction_rate', nodePath: '/1/', enabled: true, threshold: 15, minCases: 20 },
  ];

  it('takes the deepest enclosing row, else the deployment’s, else the default', () => {
    expect(effectiveSetting(rows, 'overdue_cases', '/1/2/3/')).toMatchObject({ enabled: false, fromPath: '/1/2/' });
    expect(effectiveSetting(rows, 'overdue_cases', '/1/5/')).toMatchObject({ threshold: 4, fromPath: '/1/' });
    expect(effectiveSetting(rows, 'overdue_cases', '/9/')).toMatchObject({ threshold: 5, fromPath: '/' });
    expect(effectiveSetting(rows, 'objections_overruled', '/1/')).toEqual({ ...triggers.objections_overruled.defaults, fromPath: null });
    // '/1/' does not enclose '/12/'.
    expect(effectiveSetting(rows, 'dissatisfaction_rate', '/12/')).toMatchObject({ threshold: 20, minCases: 10, fromPath: null });
  });

  it('pre-filters by the lowest enabled threshold anywhere (the default only while the deployment has no row)', () => {
    expect(lowestThreshold(rows, 'overdue_cases', 'threshold')).toBe(4);
    expect(lowestThreshold([], 'overdue_cases', 'threshold')).toBe(3);
    expect(lowestThreshold(rows, 'dissatisfaction_rate', 'minCases')).toBe(10);
    // Switched off for the deployment: no query at all, unless a subtree switches it back on.
    const off: SettingRow = { triggerKind: 'objections_overruled', nodePath: '/', enabled: false, threshold: 3, minCases: null };
    expect(lowestThreshold([off], 'objections_overruled', 'threshold')).toBeNull();
    expect(lowestThreshold([off, { ...off, nodePath: '/7/', enabled: true, threshold: 6 }], 'objections_overruled', 'threshold')).toBe(6);
  });

  it('validates ranges per trigger', () => {
    expect(settingProblems('overdue_cases', on(3))).toEqual([]);
    expect(settingProblems('overdue_cases', on(0))).toEqual(['threshold']);
    expect(settingProblems('overdue_cases', on(2.5))).toEqual(['threshold']);
    expect(settingProblems('overdue_cases', on(1001))).toEqual(['threshold']);
    expect(settingProblems('overdue_cases', on(3, 5))).toEqual(['minCases']);
    expect(settingProblems('dissatisfaction_rate', on(12.5, 10))).toEqual([]);
    expect(settingProblems('dissatisfaction_rate', on(100, 10))).toEqual(['threshold']);
    expect(settingProblems('dissatisfaction_rate', on(20, 0))).toEqual(['minCases']);
    expect(settingProblems('dissatisfaction_rate', on(20, null))).toEqual(['minCases']);
    expect(settingProblems('failing_scorecard', on(null))).toEqual([]);
    expect(settingProblems('failing_scorecard', on(60))).toEqual(['threshold']);
  });
});

describe('periods in the deployment’s zone', () => {
  it('spans a month, a quarter and a year in Beijing time', () => {
    expect(parsePeriod('2026-03', TZ)).toEqual({ key: '2026-03', start: '2026-03-01', end: '2026-03-31', from: new Date('2026-02-28T16:00:00Z'), to: new Date('2026-03-31T16:00:00Z') });
    expect(parsePeriod('2026-12', TZ)).toMatchObject({ end: '2026-12-31', to: new Date('2026-12-31T16:00:00Z') });
    expect(parsePeriod('2026-Q1', TZ)).toMatchObject({ start: '2026-01-01', end: '2026-03-31' });
    expect(parsePeriod('2026-Q4', TZ)).toMatchObject({ start: '2026-10-01', end: '2026-12-31' });
    expect(parsePeriod('2024-02', TZ)).toMatchObject({ end: '2024-02-29' });
    expect(parsePeriod('2026', TZ)).toMatchObject({ start: '2026-01-01', end: '2026-12-31' });
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '26-03', '2026-3', '1999-01']) expect(parsePeriod(bad, TZ), bad).toBeUndefined();
  });

  it('knows the last closed month by the local date, across a year', () => {
    expect(lastClosedMonth(new Date('2026-03-31T16:30:00Z'), TZ)).toBe('2026-03'); // already 1 April in Beijing
    expect(lastClosedMonth(new Date('2026-03-31T15:30:00Z'), TZ)).toBe('2026-02');
    expect(lastClosedMonth(new Date('2027-01-01T00:00:00Z'), TZ)).toBe('2026-12');
    const march = parsePeriod('2026-03', TZ)!;
    expect(isClosed(march, new Date('2026-03-31T15:59:59Z'))).toBe(false);
    expect(isClosed(march, new Date('2026-03-31T16:00:00Z'))).toBe(true);
  });
});
