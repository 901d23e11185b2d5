/** ECharts options of the 党建考核 pages, pure (tested without a browser). */
import type { ChartOption } from '../insight/echart.js';
import type { Trend } from './assessment.api.js';

/** The three rates of 接诉即办 assessment (三率), the trend chart's lines. */
export const threeRates = ['responseRate', 'resolutionRate', 'satisfactionRate'] as const;

/** A rate as a percentage with one decimal, or — when there was nothing to count. */
export function percent(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined) return '—';
  return `${new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value * 100)}%`;
}

/** 三率 per month: a line per rate, a gap where a month had nothing to count. */
export function trendOption(trend: Trend, names: Record<string, string>, lang: string): ChartOption {
  const valueOf = (m: Trend['months'][number], key: string) => {
    const v = m.indicators.find((i) => i.key === key)?.value;
    return v === null || v === undefined ? null : Math.round(v * 1000) / 10;
  };
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? percent(v / 100, lang) : '—') },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: trend.months.map((m) => m.month) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: threeRates.map((key) => ({ name: names[key] ?? key, type: 'line' as const, connectNulls: false, data: trend.months.map((m) => valueOf(m, key)) })),
  };
}
