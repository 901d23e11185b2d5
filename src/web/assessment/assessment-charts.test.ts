import { describe, expect, it } from 'vitest';
import { percent, trendOption } from './assessment-charts.js';
import type { Trend } from './assessment.api.js';

const month = (m: string, values: Record<string, number | null>) => ({ month: m, indicators: Object.entries(values).map(([key, value]) => ({ key, value, numerator: 0, denominator: value === null ? 0 : 1 })) });

describe('assessment charts', () => {
  it('writes a rate as a percentage, and nothing to count as —', () => {
    expect(percent(0.9123, 'zh-CN')).toBe('91.2%');
    expect(percent(1, 'en-US')).toBe('100.0%');
    expect(percent(null, 'zh-CN')).toBe('—');
  });

  it('draws 三率 per month in percent, leaving a gap for a month without ratings', () => {
    const trend = { area: { id: 1, name: '区', path: '/1/' }, from: '2026-01-01', to: '2026-02-28', basicWeight: 0.8, months: [month('2026-01', { responseRate: 0.95, resolutionRate: 0.8, satisfactionRate: 0.875 }), month('2026-02', { responseRate: 1, resolutionRate: null, satisfactionRate: null })] } as Trend;
    const option = trendOption(trend, { responseRate: '响应率', resolutionRate: '解决率', satisfactionRate: '满意率' }, 'zh-CN') as { xAxis: { data: string[] }; series: Array<{ name: string; data: Array<number | null> }> };
    expect(option.xAxis.data).toEqual(['2026-01', '2026-02']);
    expect(option.series.map((s) => s.name)).toEqual(['响应率', '解决率', '满意率']);
    expect(option.series[0]!.data).toEqual([95, 100]);
    expect(option.series[2]!.data).toEqual([87.5, null]);
  });
});
