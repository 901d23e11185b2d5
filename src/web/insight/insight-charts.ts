/**
 * The dashboard's charts as ECharts options, built from the API's figures and the UI
 * language's words (pure: the same figures and words give the same option, so a language
 * switch builds new ones and the charts redraw). Clicks find their row by the data index.
 */
import type { TFunction } from 'i18next';
import type { ChartOption } from './echart.js';
import type { Bucket } from './insight-params.js';
import { bucketLabel } from './insight-params.js';
import type { Overview } from './insight.api.js';

export const chartColors = {
  submitted: '#1d5fbf',
  closed: '#389e0d',
  count: '#1d5fbf',
  open: '#faad14',
  overdue: '#cf1322',
  dissatisfied: '#722ed1',
} as const;

/** The hex of each state, after the colours of the case list's state tags. */
const stateHex: Record<Overview['states'][number]['state'], string> = {
  submitted: '#d48806',
  accepted: '#d46b08',
  dispatched: '#1677ff',
  objected: '#c41d7f',
  signed: '#1d39c4',
  in_progress: '#1677ff',
  replied: '#08979c',
  answered: '#389e0d',
  verified: '#7cb305',
  rated: '#389e0d',
  closed: '#8c8c8c',
  merged: '#bfbfbf',
  refused: '#cf1322',
};

const formats = new Map<string, Intl.NumberFormat>();

/** A count in the UI language's digits grouping (1,033), for axes, labels and tooltips. */
export function formatCount(n: number, lang: string): string {
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
    formats.set(lang, f);
  }
  return Number.isFinite(n) ? f.format(n) : String(n);
}

function axisTooltip(lang: string) {
  return { trigger: 'axis', confine: true, valueFormatter: (v: unknown) => formatCount(Number(v), lang) } as const;
}

function countAxis(lang: string) {
  return { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatCount(v, lang) } } as const;
}

/** Cases submitted and closed per day (the day as MM-DD: the period is on the page). */
export function trendOption(trend: Overview['trend'], t: TFunction, lang: string): ChartOption {
  return {
    color: [chartColors.submitted, chartColors.closed],
    tooltip: axisTooltip(lang),
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8 },
    xAxis: { type: 'category', boundaryGap: false, data: trend.map((d) => d.day.slice(5)) },
    yAxis: countAxis(lang),
    series: [
      { name: t('insight.dashboard.submitted'), type: 'line', showSymbol: false, areaStyle: { opacity: 0.08 }, data: trend.map((d) => d.submitted) },
      { name: t('insight.dashboard.closed'), type: 'line', showSymbol: false, data: trend.map((d) => d.closed) },
    ],
  };
}

/** States with cases, most first; the click's data index is the state's place in this list. */
export function statesShown(states: Overview['states']): Overview['states'] {
  return states.filter((s) => s.count > 0).sort((a, b) => b.count - a.count);
}

export function statesOption(states: Overview['states'], t: TFunction, lang: string): ChartOption {
  const shown = statesShown(states);
  return {
    tooltip: { ...axisTooltip(lang), axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 8, bottom: 8 },
    xAxis: countAxis(lang),
    yAxis: { type: 'category', inverse: true, triggerEvent: true, data: shown.map((s) => t(`cases.states.${s.state}`)) },
    series: [
      {
        name: t('insight.dashboard.cases'),
        type: 'bar',
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: (p: { value?: unknown }) => formatCount(Number(p.value), lang) },
        data: shown.map((s) => ({ value: s.count, itemStyle: { color: stateHex[s.state] } })),
      },
    ],
  };
}

/** Areas with cases, most first (the click's data index is the area's place in this list). */
export function areasShown(areas: Overview['areas']): Overview['areas'] {
  return areas.filter((a) => a.count > 0 || a.open > 0 || a.dissatisfied > 0).sort((a, b) => b.count - a.count);
}

/** The height the area chart needs: four bars an area. */
export function areasHeight(n: number): number {
  return Math.max(220, Math.min(1200, 60 + n * 40));
}

export function areasOption(areas: Overview['areas'], t: TFunction, lang: string): ChartOption {
  const shown = areasShown(areas);
  const bar = (key: 'count' | 'open' | 'overdue' | 'dissatisfied') => ({
    name: t(`insight.dashboard.areaBars.${key}`),
    type: 'bar' as const,
    barMaxWidth: 10,
    barGap: '10%',
    data: shown.map((a) => a[key]),
  });
  return {
    color: [chartColors.count, chartColors.open, chartColors.overdue, chartColors.dissatisfied],
    tooltip: { ...axisTooltip(lang), axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8 },
    xAxis: countAxis(lang),
    // The names are clickable too (triggerEvent), as a phone's finger finds them easier than a thin bar.
    yAxis: { type: 'category', inverse: true, triggerEvent: true, data: shown.map((a) => a.name), axisLabel: { width: 96, overflow: 'truncate' } },
    series: [bar('count'), bar('open'), bar('overdue'), bar('dissatisfied')],
  };
}

const CATEGORY_NODE = 'category-';

function categoryNodeId(id: number): string {
  return `${CATEGORY_NODE}${id}`;
}

/**
 * The category a click on the treemap means: a second-level rectangle names its id; a
 * first-level one (or its remainder) only its name, which the caller looks up.
 */
export function clickedCategory(e: { data?: unknown; treePathInfo?: { name: string }[] }): { id: number } | { rootName: string } | null {
  const id = (e.data as { id?: unknown } | undefined)?.id;
  if (typeof id === 'string' && id.startsWith(CATEGORY_NODE)) {
    const n = Number(id.slice(CATEGORY_NODE.length));
    if (Number.isInteger(n) && n > 0) return { id: n };
  }
  // treePathInfo: [the series' root, the first level, …].
  const root = e.treePathInfo?.[1]?.name;
  return root ? { rootName: root } : null;
}

/** Categories as a treemap: first level, and within it the second level (whose `id` is the category's). */
export function categoriesOption(categories: Overview['categories'], t: TFunction, lang: string): ChartOption {
  return {
    tooltip: { confine: true, valueFormatter: (v: unknown) => formatCount(Number(v), lang) },
    series: [
      {
        name: t('insight.dashboard.categories'),
        type: 'treemap',
        nodeClick: false,
        roam: false,
        breadcrumb: { show: false },
        left: 0,
        right: 0,
        top: 0,
        bottom: 0,
        upperLabel: { show: true, height: 22, color: '#fff' },
        label: { show: true, formatter: '{b}\n{c}', overflow: 'truncate' },
        levels: [
          { itemStyle: { borderColor: '#fff', borderWidth: 0, gapWidth: 2 } },
          { itemStyle: { borderColor: '#555', borderWidth: 3, gapWidth: 1 }, upperLabel: { show: true } },
          { colorSaturation: [0.35, 0.5], itemStyle: { borderWidth: 2, gapWidth: 1, borderColorSaturation: 0.6 } },
        ],
        data: categories
          .filter((c) => c.count > 0)
          .map((c) => {
            const children: { id?: string; name: string; value: number }[] = c.children.filter((k) => k.count > 0).map((k) => ({ id: categoryNodeId(k.id), name: k.name, value: k.count }));
            // The first level's own cases (filed under no second-level category) as a rectangle of their own.
            const inChildren = children.reduce((n, k) => n + k.value, 0);
            if (children.length > 0 && c.count > inChildren) children.push({ name: t('insight.dashboard.otherInCategory'), value: c.count - inChildren });
            return { name: c.name, value: Math.max(c.count, inChildren), ...(children.length > 0 ? { children } : {}) };
          }),
      },
    ],
  };
}

/** A hot issue's (or 每月一题 topic's) cases over the buckets. */
export function seriesOption(buckets: readonly string[], bucket: Bucket, series: readonly number[], t: TFunction, lang: string): ChartOption {
  return {
    color: [chartColors.submitted],
    tooltip: { ...axisTooltip(lang), axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 8, top: 12, bottom: 8 },
    xAxis: { type: 'category', data: buckets.map((b) => bucketLabel(b, bucket)) },
    yAxis: countAxis(lang),
    series: [{ name: t('insight.dashboard.cases'), type: 'bar', barMaxWidth: 24, data: [...series] }],
  };
}
