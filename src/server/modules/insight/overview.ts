/**
 * The dashboard's figures for an area and period (热点分析 overview): cases a day submitted
 * and closed, by state, by category (a treemap of the first two levels), and by the area's
 * child nodes with their open, overdue and dissatisfied counts. Each is one aggregate
 * over the area's cases of the period (the `cases_area_idx` prefix, then the period).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database.js';
import { addDays } from '../../platform/time/zoned.js';
import { openStates } from '../cases/case.workflow.js';
import type { InsightArea } from './insight-area.js';

export async function overview(ex: Executor, a: InsightArea) {
  const [trend, states, categories, areas] = await Promise.all([trendOf(ex, a), statesOf(ex, a), categoriesOf(ex, a), areasOf(ex, a)]);
  return {
    nodeId: a.nodeId,
    from: a.fromDate,
    to: a.toDate,
    total: states.reduce((n, s) => n + s.count, 0),
    trend,
    states,
    categories,
    areas,
  };
}

/** Every day of the period, with zeros where nothing happened. */
async function trendOf(ex: Executor, a: InsightArea) {
  const day = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE '${a.timeZone.replace(/'/g, '')}', 'YYYY-MM-DD')`);
  const rows = await queryRows<{ day: string; submitted: number; closed: number }>(
    ex,
    sql`SELECT d AS day, sum(s)::int AS submitted, sum(c)::int AS closed FROM (
          SELECT ${day('submitted_at')} AS d, 1 AS s, 0 AS c FROM cases WHERE ${a.where}
          UNION ALL
          SELECT ${day('closed_at')}, 0, 1 FROM cases WHERE ${a.where} AND closed_at IS NOT NULL AND closed_at < ${a.to}
        ) x GROUP BY d`,
  );
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: Array<{ day: string; submitted: number; closed: number }> = [];
  for (let d = a.fromDate; d <= a.toDate; d = addDays(d, 1)) {
    const r = byDay.get(d);
    out.push({ day: d, submitted: Number(r?.submitted ?? 0), closed: Number(r?.closed ?? 0) });
  }
  return out;
}

async function statesOf(ex: Executor, a: InsightArea) {
  const rows = await queryRows<{ state: string; count: number }>(ex, sql`SELECT state, count(*)::int AS count FROM cases WHERE ${a.where} GROUP BY state ORDER BY count DESC`);
  return rows.map((r) => ({ state: r.state as (typeof openStates)[number], count: Number(r.count) }));
}

/** First-level categories with their second-level children; cases without a category under "未分类". */
async function categoriesOf(ex: Executor, a: InsightArea) {
  const rows = await queryRows<{ top: string | null; id: number | null; name: string | null; count: number }>(
    ex,
    sql`SELECT split_part(k.path, '/', 1) AS top, k2.id, k2.name, count(*)::int AS count
          FROM cases LEFT JOIN case_categories k ON k.id = cases.category_id
          LEFT JOIN case_categories k2 ON k2.path = split_part(k.path, '/', 1) || '/' || split_part(k.path, '/', 2)
         WHERE ${a.where} GROUP BY 1, 2, 3`,
  );
  const tops = new Map<string, { name: string; count: number; children: Array<{ id: number; name: string; count: number }> }>();
  for (const r of rows) {
    const name = r.top || '未分类';
    const top = tops.get(name) ?? { name, count: 0, children: [] };
    top.count += Number(r.count);
    if (r.id !== null) top.children.push({ id: Number(r.id), name: r.name!, count: Number(r.count) });
    tops.set(name, top);
  }
  return [...tops.values()].sort((x, y) => y.count - x.count).map((t) => ({ ...t, children: t.children.sort((x, y) => y.count - x.count) }));
}

/**
 * By the area's child nodes (cases recorded at the area itself count under its own name):
 * one pass over the area's cases, grouped by the path segment after the area's.
 */
async function areasOf(ex: Executor, a: InsightArea) {
  const rows = await queryRows<{ child: string; count: number; open: number; overdue: number; dissatisfied: number }>(
    ex,
    sql`SELECT split_part(substr(area_path, ${a.path.length + 1}), '/', 1) AS child, count(*)::int AS count,
               count(*) FILTER (WHERE state = ANY(${sql.param([...openStates])}::text[]))::int AS open,
               count(*) FILTER (WHERE overdue)::int AS overdue,
               count(*) FILTER (WHERE rating = 'dissatisfied')::int AS dissatisfied
          FROM cases WHERE ${a.where} GROUP BY 1`,
  );
  const kids = await queryRows<{ id: number; name: string }>(ex, sql`SELECT id, name FROM admin_nodes WHERE parent_id = ${a.nodeId}`);
  const byId = new Map(rows.map((r) => [r.child === '' ? a.nodeId : Number(r.child), r]));
  const nodes = [...kids.map((k) => ({ id: Number(k.id), name: k.name })), ...(byId.has(a.nodeId) || kids.length === 0 ? [{ id: a.nodeId, name: a.name }] : [])];
  return nodes
    .map((n) => {
      const r = byId.get(n.id);
      return { ...n, count: Number(r?.count ?? 0), open: Number(r?.open ?? 0), overdue: Number(r?.overdue ?? 0), dissatisfied: Number(r?.dissatisfied ?? 0) };
    })
    .sort((x, y) => y.count - x.count || x.name.localeCompare(y.name, 'zh-CN'));
}
