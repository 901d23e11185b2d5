/**
 * The area and period an insight page covers: a node within the caller's scope for reading
 * cases (default: the top of that scope), and dates in the deployment's zone (default: the
 * last 90 days up to today).
 */
import { sql, type SQL } from 'drizzle-orm';
import { scopeOf, type Actor } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { DEFAULT_TIME_ZONE } from '../../platform/context.js';
import { queryRows, type Executor } from '../../platform/db/database.js';
import { NotFound } from '../../platform/http/errors.js';
import { addDays, localDateOf, startOfLocalDate } from '../../platform/time/zoned.js';
import type { InsightQuery } from './insight.schema.js';

export interface InsightArea {
  nodeId: number;
  name: string;
  path: string;
  /** [from, to) in instants; `fromDate`/`toDate` as asked (inclusive local dates). */
  from: Date;
  to: Date;
  fromDate: string;
  toDate: string;
  timeZone: string;
  /** "The case is in the area and was submitted in the period" (on `cases`, unaliased). */
  where: SQL;
}

const DEFAULT_DAYS = 90;

/** The area of `q` for `actor`; a node outside the caller's scope is not found (never told apart from a missing one). */
export async function insightArea(ex: Executor, actor: Actor | null, q: InsightQuery, now: Date, timeZone = DEFAULT_TIME_ZONE): Promise<InsightArea> {
  const scopes = scopeOf(actor, Permission.CasesRead);
  const node = await areaNode(ex, q.nodeId, scopes);
  const toDate = q.to ?? localDateOf(now, timeZone);
  const fromDate = q.from ?? addDays(toDate, -(DEFAULT_DAYS - 1));
  const from = startOfLocalDate(fromDate, timeZone);
  const to = startOfLocalDate(addDays(toDate, 1), timeZone);
  // Paths are digits and slashes: nothing in them for LIKE to read as a pattern.
  const where = sql`cases.area_path LIKE ${`${node.path}%`} AND cases.submitted_at >= ${from} AND cases.submitted_at < ${to}`;
  return { nodeId: node.id, name: node.name, path: node.path, from, to, fromDate, toDate, timeZone, where };
}

async function areaNode(ex: Executor, nodeId: number | undefined, scopes: readonly string[]): Promise<{ id: number; name: string; path: string }> {
  const rows = await queryRows<{ id: number; name: string; path: string }>(
    ex,
    nodeId !== undefined
      ? sql`SELECT id, name, path FROM admin_nodes WHERE id = ${nodeId}`
      : // The top of the scope: its shortest path (the first one when several are as short).
        sql`SELECT id, name, path FROM admin_nodes WHERE path = ANY(${sql.param([...scopes])}::text[]) ORDER BY length(path), path LIMIT 1`,
  );
  const node = rows[0];
  if (!node || !scopes.some((s) => node.path.startsWith(s))) throw new NotFound();
  return { id: Number(node.id), name: node.name, path: node.path };
}
