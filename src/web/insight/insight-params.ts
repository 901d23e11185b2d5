/**
 * Pure helpers of the 主动治理 pages: the dashboard's area and period held by the address
 * (`?nodeId=3&from=2026-09-01&to=2026-11-29&bucket=month`, so a view can be shared and the
 * back button works), the period presets, the case list a chart click drills down to, the
 * growth tag of a hot issue and the points of its sparkline. No React, unit-tested.
 */
import { TIME_ZONE } from '../i18n/format.js';
import { day, positiveInt } from '../common/url-values.js';

export type Bucket = 'week' | 'month';

/** What the dashboard's address says; anything absent is the server's default (top of scope, last 90 days). */
export interface InsightState {
  nodeId?: number;
  from?: string;
  to?: string;
  bucket?: Bucket;
}


/** Reads the dashboard's state; values the server would refuse (a word for an id, 2026-13-01) are dropped. */
export function readInsightState(params: URLSearchParams): InsightState {
  const out: InsightState = {};
  const nodeId = positiveInt(params.get('nodeId'));
  const from = day(params.get('from'));
  const to = day(params.get('to'));
  const bucket = params.get('bucket');
  if (nodeId) out.nodeId = nodeId;
  // A period that ends before it starts is no period: the default one instead.
  if (!(from && to && from > to)) {
    if (from) out.from = from;
    if (to) out.to = to;
  }
  if (bucket === 'week' || bucket === 'month') out.bucket = bucket;
  return out;
}

/** The query string of a state, in a fixed order, empty values left out. */
export function insightStateParams(s: InsightState): URLSearchParams {
  const params = new URLSearchParams();
  if (s.nodeId) params.set('nodeId', String(s.nodeId));
  if (s.from) params.set('from', s.from);
  if (s.to) params.set('to', s.to);
  if (s.bucket) params.set('bucket', s.bucket);
  return params;
}

/** What to ask the insight endpoints (area and period only). */
export function periodQuery(s: InsightState): { nodeId?: number; from?: string; to?: string } {
  const q: { nodeId?: number; from?: string; to?: string } = {};
  if (s.nodeId) q.nodeId = s.nodeId;
  if (s.from) q.from = s.from;
  if (s.to) q.to = s.to;
  return q;
}

/** Today as YYYY-MM-DD in the deployment's zone (the server counts periods in it). */
export function todayIn(now: Date = new Date(), timeZone = TIME_ZONE): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The day `n` days after `date` (YYYY-MM-DD; negative goes back). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The presets of the period picker, in days ending today (inclusive). */
export const periodPresets = [30, 90, 180, 365] as const;

/** The last `days` days up to and including `today`. */
export function lastDays(days: number, today: string): { from: string; to: string } {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** The filters of the case list (工单中心) a chart click opens. */
export interface CaseListDrill {
  nodeId?: number;
  categoryId?: number;
  state?: string;
  from?: string;
  to?: string;
}

/** `/console/cases?box=all&…`: the 全部 inbox (every reader has it) with the drill-down's filters. */
export function caseListHref(d: CaseListDrill): string {
  const params = new URLSearchParams({ box: 'all' });
  if (d.state) params.set('state', d.state);
  if (d.categoryId) params.set('categoryId', String(d.categoryId));
  if (d.nodeId) params.set('nodeId', String(d.nodeId));
  if (d.from) params.set('from', d.from);
  if (d.to) params.set('to', d.to);
  return `/console/cases?${params.toString()}`;
}

/** A hot issue is marked rising (↑) when its last bucket is more than half again the mean of the ones before. */
export const RISING_GROWTH = 0.5;

/** The growth to show as a percentage, or null when the issue is not rising. */
export function risingPercent(growth: number): number | null {
  return Number.isFinite(growth) && growth > RISING_GROWTH ? Math.round(growth * 100) : null;
}

/**
 * The points of a sparkline (an SVG polyline) of `series` in a `width` × `height` box with
 * `pad` around it: evenly spaced, scaled to the series' maximum (a flat zero series lies on
 * the bottom line); one value draws a flat line across.
 */
export function sparklinePoints(series: readonly number[], width: number, height: number, pad = 2): string {
  if (series.length === 0) return '';
  const max = Math.max(...series, 0);
  const innerW = width - 2 * pad;
  const innerH = height - 2 * pad;
  const y = (v: number) => pad + innerH - (max > 0 ? (Math.max(v, 0) / max) * innerH : 0);
  const round = (n: number) => Math.round(n * 10) / 10;
  if (series.length === 1) return `${round(pad)},${round(y(series[0]!))} ${round(width - pad)},${round(y(series[0]!))}`;
  const step = innerW / (series.length - 1);
  return series.map((v, i) => `${round(pad + i * step)},${round(y(v))}`).join(' ');
}

/** A bucket's label as the axis shows it: months as they are (2026-11), weeks by their Monday without the year (11-23). */
export function bucketLabel(key: string, bucket: Bucket): string {
  return bucket === 'week' && /^\d{4}-\d{2}-\d{2}$/.test(key) ? key.slice(5) : key;
}
