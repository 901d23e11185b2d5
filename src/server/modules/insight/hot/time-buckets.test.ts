import { describe, expect, it } from 'vitest';
import { bucketOf, timeBuckets, trendOf } from './time-buckets.js';

const ZONE = 'Asia/Shanghai';

describe('time buckets', () => {
  it('cuts months at local midnight of the 1st, not UTC', () => {
    const b = timeBuckets(new Date('2019-01-15T00:00:00+08:00'), new Date('2019-04-01T00:00:00+08:00'), 'month', ZONE);
    expect(b.keys).toEqual(['2019-01', '2019-02', '2019-03']);
    expect(b.lastShare).toBe(1);
    // 2019-01-31 17:30 UTC is 1 February 01:30 in Shanghai.
    expect(b.keys[bucketOf(b, Date.parse('2019-01-31T17:30:00Z'))]).toBe('2019-02');
    expect(b.keys[bucketOf(b, Date.parse('2019-01-31T15:59:59Z'))]).toBe('2019-01');
    expect(bucketOf(b, Date.parse('2019-04-01T00:00:00+08:00'))).toBe(-1);
    expect(bucketOf(b, Date.parse('2018-12-31T23:00:00+08:00'))).toBe(-1);
  });

  it('starts weeks on Monday and says how much of the last one the window covers', () => {
    // 2026-03-04 is a Wednesday; the window ends on Thursday 2026-03-19 at noon.
    const b = timeBuckets(new Date('2026-03-04T09:00:00+08:00'), new Date('2026-03-19T12:00:00+08:00'), 'week', ZONE);
    expect(b.keys).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(b.lastShare).toBeCloseTo(3.5 / 7, 5);
    expect(b.keys[bucketOf(b, Date.parse('2026-03-15T23:59:00+08:00'))]).toBe('2026-03-09');
    expect(b.keys[bucketOf(b, Date.parse('2026-03-16T00:00:00+08:00'))]).toBe('2026-03-16');
  });

  it('rejects an empty window', () => {
    expect(() => timeBuckets(new Date('2026-03-04'), new Date('2026-03-04'), 'week', ZONE)).toThrow(RangeError);
  });
});

describe('trend', () => {
  it('compares the last bucket with the mean of the ones before, and fits a slope', () => {
    const t = trendOf([2, 2, 2, 6]);
    expect(t).toMatchObject({ last: 6, previousMean: 2, growth: 2 });
    expect(t.slope).toBeGreaterThan(0);
    expect(trendOf([5, 5, 5, 0]).growth).toBe(-1);
    expect(trendOf([4, 3, 2, 1]).slope).toBeLessThan(0);
    expect(trendOf([0, 0, 0, 3]).growth).toBe(3); // new: measured against one case a bucket
    expect(trendOf([7])).toMatchObject({ last: 7, growth: 0, slope: 0 });
  });

  it('scales a partly covered last bucket to a whole one, at most fourfold', () => {
    expect(trendOf([4, 4, 2], 0.5).growth).toBe(0);
    expect(trendOf([4, 4, 1], 0.01).growth).toBe(0);
  });
});
