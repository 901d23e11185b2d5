/**
 * Period figures of the cases module for other modules (accountability's review triggers,
 * later assessment), computed set-based in SQL over a period's instants [from, to). Each
 * returns only the subjects at or above a minimum, with the cases behind the figure, so the
 * caller applies its own thresholds to a few rows.
 *
 * What the words mean in this module's data:
 * - overdue: the sweeper marked the feedback step overdue (a case_events 'overdue' entry with
 *   step 'feedback', the same mark that sets `cases.overdue`), counted against the handler who
 *   had signed for the case at that moment (the last 'sign' before the mark);
 * - objection overruled: a unit's 派单异议 decided 'rejected' in the period (`case_objections.org_id`):
 *   it tried to hand back a matter the dispatcher found to be its own — the decision went
 *   against the unit (推诿, the buck-passing the platform exists to end);
 * - dissatisfied: the last rating the reporter gave a case in the period was 不满意, counted
 *   against the case's lead unit; a case rated again after 重办 counts by its last rating.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database.js';

export interface FigureWindow {
  from: Date;
  to: Date;
}

export interface FigureCase {
  caseId: number;
  number: string;
}

/** The most case references kept with one figure (the count itself is always exact). */
const MAX_CASES = 200;

export interface HandlerOverdue {
  userId: number;
  count: number;
  cases: FigureCase[];
}

/** Handlers with at least `min` cases marked overdue on the feedback step within the window. */
export async function overdueCasesByHandler(ex: Executor, w: FigureWindow, min: number): Promise<HandlerOverdue[]> {
  const rows = await queryRows<{ user_id: number; n: number; cases: FigureCase[] }>(
    ex,
    sql`WITH hits AS (
          SELECT DISTINCT h.user_id, c.id AS case_id, c.number
            FROM case_events e
            JOIN cases c ON c.id = e.case_id
            CROSS JOIN LATERAL (
              SELECT s.actor_user_id AS user_id FROM case_events s
               WHERE s.case_id = e.case_id AND s.event = 'sign' AND s.id < e.id
               ORDER BY s.id DESC LIMIT 1) h
           WHERE e.event = 'overdue' AND e.data->>'step' = 'feedback'
             AND e.at >= ${w.from} AND e.at < ${w.to} AND h.user_id IS NOT NULL)
        SELECT user_id, count(*)::int AS n,
               jsonb_agg(jsonb_build_object('caseId', case_id, 'number', number) ORDER BY number) AS cases
          FROM hits GROUP BY user_id HAVING count(*) >= ${min} ORDER BY user_id`,
  );
  return rows.map((r) => ({ userId: Number(r.user_id), count: r.n, cases: r.cases.slice(0, MAX_CASES) }));
}

export interface UnitObjections {
  orgId: number;
  count: number;
  cases: FigureCase[];
}

/** Units with at least `min` of their objections overruled (decided against them) within the window. */
export async function overruledObjectionsByUnit(ex: Executor, w: FigureWindow, min: number): Promise<UnitObjections[]> {
  const rows = await queryRows<{ org_id: number; n: number; cases: FigureCase[] }>(
    ex,
    sql`SELECT o.org_id, count(*)::int AS n,
               jsonb_agg(jsonb_build_object('caseId', c.id, 'number', c.number) ORDER BY c.number, o.id) AS cases
          FROM case_objections o JOIN cases c ON c.id = o.case_id
         WHERE o.decision = 'rejected' AND o.decided_at >= ${w.from} AND o.decided_at < ${w.to}
         GROUP BY o.org_id HAVING count(*) >= ${min} ORDER BY o.org_id`,
  );
  return rows.map((r) => ({ orgId: Number(r.org_id), count: r.n, cases: r.cases.slice(0, MAX_CASES) }));
}

export interface UnitRatings {
  orgId: number;
  /** Cases rated in the window (each by its last rating there). */
  rated: number;
  dissatisfied: number;
  /** The dissatisfied cases. */
  cases: FigureCase[];
}

/** Lead units with at least `minRated` cases rated within the window, with how many were 不满意. */
export async function ratingsByUnit(ex: Executor, w: FigureWindow, minRated: number): Promise<UnitRatings[]> {
  const rows = await queryRows<{ org_id: number; rated: number; dissatisfied: number; cases: FigureCase[] }>(
    ex,
    sql`WITH last AS (
          SELECT DISTINCT ON (e.case_id) e.case_id, e.data->>'rating' AS rating
            FROM case_events e
           WHERE e.event = 'rate' AND e.at >= ${w.from} AND e.at < ${w.to}
           ORDER BY e.case_id, e.id DESC)
        SELECT c.lead_org_id AS org_id, count(*)::int AS rated,
               count(*) FILTER (WHERE l.rating = 'dissatisfied')::int AS dissatisfied,
               coalesce(jsonb_agg(jsonb_build_object('caseId', c.id, 'number', c.number) ORDER BY c.number)
                          FILTER (WHERE l.rating = 'dissatisfied'), '[]'::jsonb) AS cases
          FROM last l JOIN cases c ON c.id = l.case_id
         WHERE c.lead_org_id IS NOT NULL
         GROUP BY c.lead_org_id HAVING count(*) >= ${minRated} ORDER BY c.lead_org_id`,
  );
  return rows.map((r) => ({ orgId: Number(r.org_id), rated: r.rated, dissatisfied: r.dissatisfied, cases: r.cases.slice(0, MAX_CASES) }));
}
