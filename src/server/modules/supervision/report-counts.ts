/**
 * What everyone but the competent inspectors may know of the channel (issue #5 point 4:
 * "others see only aggregate counts"): how many reports about matters in a subtree, by state
 * and by month of receipt — never which, nor about whom. Counts of 1 or 2 are withheld
 * (`null`), since in a small community "one report this month" can point at its reporter.
 * Who may ask: those who assess an area (`cases.export`: cadres, dispatchers, assessors,
 * administrators) and those who keep accountability records (`accountability.read`).
 */
import { sql } from 'drizzle-orm';
import { scopeOf, type Actor } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import type { Executor } from '../../platform/db/database.js';
import { queryRows } from '../../platform/db/database.js';
import { escapeLike } from '../../platform/db/like.js';
import { NotFound } from '../../platform/http/errors.js';
import { nodePlace } from '../org/org.exports.js';
import { reportStates, type ReportState } from './supervision.tables.js';

/** Counts below this are withheld. */
export const SMALL_COUNT = 3;

export interface ReportCounts {
  nodeId: number;
  total: number | null;
  byState: Record<ReportState, number | null>;
  byMonth: Array<{ month: string; count: number | null }>;
}

const shown = (n: number): number | null => (n > 0 && n < SMALL_COUNT ? null : n);

/** The subtrees an actor may count in. */
export function countScope(actor: Actor | null): string[] {
  return [...new Set([...scopeOf(actor, Permission.CasesExport), ...scopeOf(actor, Permission.AccountabilityRead)])];
}

/** The node an actor counts in by default: the top of the first subtree they may count in. */
export function defaultCountNode(actor: Actor | null): number | undefined {
  const scope = countScope(actor);
  return actor?.grants.filter((g) => scope.includes(g.path)).sort((a, b) => a.path.length - b.path.length)[0]?.nodeId;
}

/** The counts for the subtree of `nodeId`, which must lie within the actor's scope (NotFound otherwise). */
export async function reportCounts(ex: Executor, actor: Actor | null, nodeId: number, timeZone: string): Promise<ReportCounts> {
  const place = await nodePlace(ex, nodeId);
  if (!place || !countScope(actor).some((p) => place.path.startsWith(p))) throw new NotFound();
  const rows = await queryRows<{ state: ReportState; month: string; n: number }>(
    ex,
    sql`SELECT r.state, to_char(r.received_at AT TIME ZONE ${timeZone}, 'YYYY-MM') AS month, count(*)::int AS n
          FROM supervision_reports r JOIN admin_nodes a ON a.id = r.node_id
         WHERE a.path LIKE ${escapeLike(place.path) + '%'}
         GROUP BY 1, 2`,
  );
  const byState = Object.fromEntries(reportStates.map((s) => [s, 0])) as Record<ReportState, number>;
  const byMonth = new Map<string, number>();
  for (const r of rows) {
    byState[r.state] += r.n;
    byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.n);
  }
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  return {
    nodeId: place.id,
    total: shown(total),
    byState: Object.fromEntries(reportStates.map((s) => [s, shown(byState[s])])) as Record<ReportState, number | null>,
    byMonth: [...byMonth].sort(([a], [b]) => a.localeCompare(b)).map(([month, n]) => ({ month, count: shown(n) })),
  };
}
