import { describe, expect, test } from 'vitest';
import { addDays, bucketLabel, caseListHref, insightStateParams, lastDays, periodQuery, readInsightState, risingPercent, sparklinePoints, todayIn } from './insight-params.js';

const read = (qs: string) => readInsightState(new URLSearchParams(qs));

describe('the dashboard address', () => {
  test('round-trips area, period and bucket', () => {
    const qs = 'nodeId=3&from=2026-09-01&to=2026-11-29&bucket=month';
    expect(read(qs)).toEqual({ nodeId: 3, from: '2026-09-01', to: '2026-11-29', bucket: 'month' });
    expect(insightStateParams(read(qs)).toString()).toBe(qs);
    expect(insightStateParams({}).toString()).toBe('');
  });

  test('drops what the server would refuse', () => {
    expect(read('nodeId=x&from=2026-13-01&to=yesterday&bucket=year')).toEqual({});
    expect(read('nodeId=0')).toEqual({});
    // A period ending before it starts: the server's default period instead.
    expect(read('nodeId=5&from=2026-11-02&to=2026-11-01&bucket=week')).toEqual({ nodeId: 5, bucket: 'week' });
  });

  test('asks the endpoints for the area and the period only', () => {
    expect(periodQuery({ nodeId: 2, from: '2026-01-01', bucket: 'week' })).toEqual({ nodeId: 2, from: '2026-01-01' });
  });
});

describe('periods', () => {
  test('today is the Shanghai day', () => {
    // 2026-11-29 17:30 UTC is already 2026-11-30 in Shanghai.
    expect(todayIn(new Date('2026-11-29T17:30:00Z'))).toBe('2026-11-30');
    expect(todayIn(new Date('2026-11-29T15:59:00Z'))).toBe('2026-11-29');
  });

  test('counts days across months and years', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(lastDays(90, '2026-11-29')).toEqual({ from: '2026-09-01', to: '2026-11-29' });
    expect(lastDays(1, '2026-11-29')).toEqual({ from: '2026-11-29', to: '2026-11-29' });
  });
});

describe('drill-down', () => {
  test('opens the 全部 inbox with the filters', () => {
    expect(caseListHref({ nodeId: 7, from: '2026-09-01', to: '2026-11-29' })).toBe('/console/cases?box=all&nodeId=7&from=2026-09-01&to=2026-11-29');
    expect(caseListHref({ categoryId: 12, state: 'closed' })).toBe('/console/cases?box=all&state=closed&categoryId=12');
    expect(caseListHref({})).toBe('/console/cases?box=all');
  });
});

describe('hot issues', () => {
  test('rising only past half again the mean', () => {
    expect(risingPercent(0.5)).toBeNull();
    expect(risingPercent(0.51)).toBe(51);
    expect(risingPercent(2)).toBe(200);
    expect(risingPercent(-1)).toBeNull();
    expect(risingPercent(Number.NaN)).toBeNull();
  });

  test('sparkline points span the box, highest at the top', () => {
    expect(sparklinePoints([], 100, 20)).toBe('');
    expect(sparklinePoints([0, 5, 10], 100, 20, 0)).toBe('0,20 50,10 100,0');
    expect(sparklinePoints([0, 0], 100, 20, 2)).toBe('2,18 98,18');
    expect(sparklinePoints([3], 100, 20, 2)).toBe('2,2 98,2');
  });

  test('bucket labels', () => {
    expect(bucketLabel('2026-11-23', 'week')).toBe('11-23');
    expect(bucketLabel('2026-11', 'month')).toBe('2026-11');
  });
});
