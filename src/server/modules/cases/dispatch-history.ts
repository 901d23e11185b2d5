/**
 * What the dispatch model (modules/dispatch) reads of the cases: the dispatched cases, with
 * the category and lead unit they ended with (a dispatcher's correction included), to learn
 * from; the new cases waiting for dispatch, for auto-dispatch; and a case as its
 * dispatcher sees it, for suggestions.
 */
import { sql } from 'drizzle-orm';
import { can } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import type { Actor } from '../../platform/access/actor.js';
import { queryRows, type Executor } from '../../platform/db/database.js';
import { Forbidden, NotFound } from '../../platform/http/errors.js';
import { caseById } from './case.repo.js';
import { casePolicy } from './case.policy.js';
import { callerOfActor } from './commands/transition.js';
import { supervisionPathSql } from './catalogue/supervision.js';

export interface DispatchedCase {
  title: string;
  description: string;
  /** The category it ended with (null: none given). */
  categoryPath: string | null;
  /** The lead unit it ended with. */
  orgId: number;
  /** A dispatcher changed its category at dispatch, or re-dispatched it (改派). */
  corrected: boolean;
}

/** The `limit` newest dispatched cases (any state after dispatch), outside the supervision channel. */
export async function dispatchedCases(ex: Executor, limit: number): Promise<DispatchedCase[]> {
  const rows = await queryRows<{ title: string; description: string; path: string | null; org_id: string | number; corrected: boolean }>(
    ex,
    sql`SELECT c.title, c.description, cc.path, c.lead_org_id AS org_id,
               EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND (e.event = 'redispatch' OR e.data ? 'fromCategoryId')) AS corrected
          FROM cases c LEFT JOIN case_categories cc ON cc.id = c.category_id
         WHERE c.lead_org_id IS NOT NULL AND (cc.path IS NULL OR NOT ${supervisionPathSql(sql`cc.path`)})
         ORDER BY c.id DESC LIMIT ${limit}`,
  );
  return rows.map((r) => ({ title: r.title, description: r.description, categoryPath: r.path, orgId: Number(r.org_id), corrected: r.corrected }));
}

export interface WaitingCase {
  id: number;
  title: string;
  description: string;
  categoryId: number | null;
  categoryPath: string | null;
  areaPath: string;
}

/** Cases waiting for their first dispatch, ids above `afterId`, submitted since `since`, oldest first. */
export async function casesAwaitingDispatch(ex: Executor, afterId: number, since: Date, limit: number): Promise<WaitingCase[]> {
  const rows = await queryRows<{ id: string | number; title: string; description: string; category_id: string | number | null; path: string | null; area_path: string }>(
    ex,
    sql`SELECT c.id, c.title, c.description, c.category_id, cc.path, c.area_path
          FROM cases c LEFT JOIN case_categories cc ON cc.id = c.category_id
         WHERE c.id > ${afterId} AND c.submitted_at >= ${since} AND c.state IN ('submitted', 'accepted') AND c.lead_org_id IS NULL
         ORDER BY c.id LIMIT ${limit}`,
  );
  return rows.map((r) => ({ id: Number(r.id), title: r.title, description: r.description, categoryId: r.category_id === null ? null : Number(r.category_id), categoryPath: r.path, areaPath: r.area_path }));
}

/** A case for the dispatcher's suggestions: only for those who may dispatch it (else 404/403, as the case's routes answer). */
export async function caseToDispatch(ex: Executor, actor: Actor | null, id: number): Promise<WaitingCase & { state: string }> {
  const row = await caseById(ex, id);
  const who = callerOfActor(actor);
  if (!row || !casePolicy.view(who, row)) throw new NotFound();
  if (!can(actor, Permission.CasesDispatch, { path: row.areaPath })) throw new Forbidden();
  const [category] = row.categoryId === null ? [] : await queryRows<{ path: string }>(ex, sql`SELECT path FROM case_categories WHERE id = ${row.categoryId}`);
  return { id: row.id, title: row.title, description: row.description, categoryId: row.categoryId, categoryPath: category?.path ?? null, areaPath: row.areaPath, state: row.state };
}

/** For each category, the unit intake would route it to at a place: named by the responsibility list (direct), else the place's own (territorial). */
export async function routeUnits(ex: Executor, categoryPaths: readonly string[], areaPath: string): Promise<Array<{ orgId: number; name: string; mode: 'direct' | 'territorial' } | null>> {
  if (categoryPaths.length === 0) return [];
  const rows = await queryRows<{ i: number; org_id: number | null; org_name: string | null; mode: 'direct' | 'territorial' }>(
    ex,
    sql`SELECT p.i, r.org_id, r.org_name, r.mode FROM unnest(${sql.param([...categoryPaths])}::text[]) WITH ORDINALITY AS p(path, i) CROSS JOIN LATERAL case_route(p.path, ${areaPath}) AS r`,
  );
  const byIndex = new Map(rows.map((r) => [Number(r.i) - 1, r]));
  return categoryPaths.map((_, i) => {
    const r = byIndex.get(i);
    return r?.org_id == null ? null : { orgId: Number(r.org_id), name: r.org_name ?? '', mode: r.mode };
  });
}

/** Usable categories by path (active, with every ancestor active), outside the supervision channel. */
export async function usableCategoriesByPath(ex: Executor, paths: readonly string[]): Promise<Map<string, { id: number; name: string }>> {
  if (paths.length === 0) return new Map();
  const rows = await queryRows<{ id: string | number; name: string; path: string }>(
    ex,
    sql`SELECT c.id, c.name, c.path FROM case_categories c
         WHERE c.path = ANY (${sql.param([...paths])}::text[]) AND NOT ${supervisionPathSql(sql`c.path`)}
           AND NOT EXISTS (SELECT 1 FROM case_categories a WHERE NOT a.active AND (a.id = c.id OR c.path LIKE a.path || '/%'))`,
  );
  return new Map(rows.map((r) => [r.path, { id: Number(r.id), name: r.name }]));
}
