/**
 * Hot issues and 每月一题 candidates of an area and period (issue #4 point 5): the area's
 * cases of the period (the newest 20,000) clustered by topic (insight/hot/), each issue
 * with its places (the area's child nodes), trend and cases for drill-down.
 *
 * A run takes a second or two at 10,000 cases, and the figures move slowly: results are
 * kept ten minutes per area, period and bucket on this server.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database.js';
import { placeAndUnitNames } from '../org/org.exports.js';
import { segmenterFor } from '../cases/search/case-search.js';
import type { CaseState } from '../cases/case.workflow.js';
import { runHotIssues, type HotItem, type HotIssue, type ItemId } from './hot/hot-issues.js';
import { candidatesFromIssues } from './hot/monthly-topics.js';
import type { InsightArea } from './insight-area.js';
import type { CaseBrief } from './insight.schema.js';

const MAX_CASES = 20_000;
const DRILL_DOWN = 50;
const SHOWN = 20;
const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 50;

const kept = new Map<string, { at: number; value: Promise<unknown> }>();

/** `compute` once per key and ten minutes (a failed run is forgotten at once). */
function remembered<T>(key: string, now: number, compute: () => Promise<T>): Promise<T> {
  const hit = kept.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.value as Promise<T>;
  if (kept.size >= MAX_ENTRIES) kept.clear();
  const value = compute();
  kept.set(key, { at: now, value });
  value.catch(() => kept.delete(key));
  return value;
}

/** Forgets every kept result (tests, or after bulk loading cases). */
export function forgetHotIssues(): void {
  kept.clear();
}

interface Loaded {
  items: HotItem[];
  briefs: Map<number, CaseBrief>;
}

/** The area's cases of the period, newest first, as the clustering sees them; their place is the area's child node. */
async function load(ex: Executor, a: InsightArea): Promise<Loaded> {
  const rows = await queryRows<{ id: number; number: string; title: string; body: string; state: CaseState; submitted_at: Date | string; category_id: number | null; node_name: string; child: string; supporters: number }>(
    ex,
    sql`SELECT c.id, c.number, c.title, left(c.description, 300) AS body, c.state, c.submitted_at, c.category_id, n.name AS node_name,
               split_part(substr(c.area_path, ${a.path.length + 1}), '/', 1) AS child,
               (SELECT count(*)::int FROM case_supports s WHERE s.case_id = c.id) AS supporters
          FROM cases c JOIN admin_nodes n ON n.id = c.node_id
         WHERE c.area_path LIKE ${`${a.path}%`} AND c.submitted_at >= ${a.from} AND c.submitted_at < ${a.to}
         ORDER BY c.id DESC LIMIT ${MAX_CASES}`,
  );
  const kids = new Map((await queryRows<{ id: number; name: string }>(ex, sql`SELECT id, name FROM admin_nodes WHERE parent_id = ${a.nodeId}`)).map((k) => [String(k.id), k.name]));
  const items: HotItem[] = [];
  const briefs = new Map<number, CaseBrief>();
  for (const r of rows) {
    const id = Number(r.id);
    const at = new Date(r.submitted_at);
    const placeId = r.child === '' ? String(a.nodeId) : r.child;
    items.push({ id, title: r.title, body: r.body, at, categoryId: r.category_id, weight: 1 + Number(r.supporters), place: { id: placeId, name: kids.get(placeId) ?? a.name } });
    briefs.set(id, { id, number: r.number, title: r.title, state: r.state, submittedAt: at.toISOString(), nodeName: r.node_name });
  }
  return { items, briefs };
}

async function run(ex: Executor, a: InsightArea, bucket: 'week' | 'month') {
  const [loaded, segmenter, placeNames] = [await load(ex, a), await segmenterFor(ex), await placeAndUnitNames(ex)];
  const result = runHotIssues(loaded.items, { segmenter, from: a.from, to: a.to, bucket, timeZone: a.timeZone, placeNames });
  return { ...result, briefs: loaded.briefs };
}

function casesOf(ids: readonly ItemId[], briefs: ReadonlyMap<number, CaseBrief>): CaseBrief[] {
  return ids.slice(0, DRILL_DOWN).map((id) => briefs.get(Number(id))!).filter(Boolean);
}

function placesOf(issue: Pick<HotIssue, 'places'>) {
  return issue.places.map((p) => ({ id: Number(p.id), name: p.name, count: p.count }));
}

/** Hot issues, best first: weeks for periods up to 90 days, months beyond (unless asked). */
export function hotIssues(ex: Executor, a: InsightArea, asked: 'week' | 'month' | undefined, now: Date) {
  const days = (a.to.getTime() - a.from.getTime()) / 86_400_000;
  const bucket = asked ?? (days <= 90 ? 'week' : 'month');
  return remembered(`hot|${a.nodeId}|${a.fromDate}|${a.toDate}|${bucket}`, now.getTime(), async () => {
    const r = await run(ex, a, bucket);
    return {
      nodeId: a.nodeId,
      from: a.fromDate,
      to: a.toDate,
      bucket,
      buckets: r.buckets.keys,
      considered: r.considered,
      clustered: r.clustered,
      items: r.issues.slice(0, SHOWN).map((i) => ({
        label: i.label,
        keywords: i.keywords,
        size: i.size,
        weightedSize: Number(i.weightedSize.toFixed(2)),
        series: i.series.map((b) => b.count),
        trend: { last: i.trend.last, previousMean: Number(i.trend.previousMean.toFixed(2)), growth: Number(i.trend.growth.toFixed(2)) },
        places: placesOf(i),
        score: Number(i.score.toFixed(3)),
        cases: casesOf(i.memberIds, r.briefs),
      })),
    };
  });
}

/** 每月一题 candidates: problems present in three months or more of the period, most recurrent first. */
export function monthlyTopics(ex: Executor, a: InsightArea, now: Date) {
  return remembered(`monthly|${a.nodeId}|${a.fromDate}|${a.toDate}`, now.getTime(), async () => {
    const r = await run(ex, a, 'month');
    const candidates = candidatesFromIssues(r.issues, { minMonths: 3, limit: SHOWN });
    return {
      nodeId: a.nodeId,
      from: a.fromDate,
      to: a.toDate,
      months: r.buckets.keys,
      items: candidates.map((c) => ({
        label: c.label,
        keywords: c.keywords,
        counts: c.months.map((m) => m.count),
        monthsPresent: c.monthsPresent,
        total: c.total,
        places: placesOf(c),
        cases: casesOf(c.memberIds, r.briefs),
      })),
    };
  });
}
