/**
 * 矛盾预警 (issue #4 point 6): the rules' checks over recent cases, run by the
 * `insight.warnings` job. Each active rule finds the subjects that cross its line now:
 *
 * - repeat_reporter: one resident (an account, or a phone number for hotline calls) raising
 *   `count` matters or more within `days`;
 * - escalation: a place and category with `count` cases or more within `days`, and at least
 *   `ratio` times as many as in the `days` before;
 * - dissatisfaction: a unit with `count` dissatisfied ratings or more within `days`;
 * - group: an open matter of the last `days` raised by `count` people or more (its reporter
 *   and the residents who said 我也遇到).
 *
 * A subject has one live warning per rule; a check updates its figure and cases. Once a
 * warning is closed, the subject warns again only with a case newer than the closing.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db/database.js';
import { openStates } from '../cases/case.workflow.js';
import type { RuleFigures } from './insight.tables.js';
import type { WarningKind } from './insight.schema.js';

export interface Finding {
  subjectKey: string;
  /** What it is about, by name only (a place and topic, a unit, a case); the page puts it into words in its language. Empty for a resident, who is never named. */
  subject: string;
  /** Escalation: the count in the period before. */
  before?: number;
  nodeId: number;
  count: number;
  caseIds: number[];
  /** The newest case's submission: a closed warning of the subject stays closed unless this is later. */
  latest: Date;
}

type Check = (ex: Executor, f: RuleFigures, now: Date) => Promise<Finding[]>;

const since = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

interface Row {
  key: string;
  subject: string;
  before?: number | null;
  node_id: number;
  count: number;
  case_ids: number[];
  latest: Date | string;
}

async function findings(ex: Executor, query: SQL): Promise<Finding[]> {
  const rows = await queryRows<Row>(ex, query);
  return rows.map((r) => ({ subjectKey: r.key, subject: r.subject, ...(r.before === undefined || r.before === null ? {} : { before: Number(r.before) }), nodeId: Number(r.node_id), count: Number(r.count), caseIds: r.case_ids.map(Number), latest: new Date(r.latest) }));
}

const repeatReporter: Check = (ex, f, now) =>
  findings(
    ex,
    sql`SELECT coalesce('user:' || reporter_user_id, 'phone:' || md5(contact_phone)) AS key,
               '' AS subject,
               (array_agg(node_id ORDER BY id DESC))[1] AS node_id, count(*)::int AS count,
               array_agg(id ORDER BY id DESC) AS case_ids, max(submitted_at) AS latest
          FROM cases WHERE submitted_at >= ${since(now, f.days)} AND (reporter_user_id IS NOT NULL OR contact_phone IS NOT NULL)
         GROUP BY 1 HAVING count(*) >= ${f.count}`,
  );

const escalation: Check = (ex, f, now) =>
  findings(
    ex,
    sql`WITH recent AS (
          SELECT node_id, category_id, count(*)::int AS n, array_agg(id ORDER BY id DESC) AS ids, max(submitted_at) AS latest
            FROM cases WHERE submitted_at >= ${since(now, f.days)} AND category_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) >= ${f.count}
        ), before AS (
          SELECT node_id, category_id, count(*)::int AS n FROM cases
           WHERE submitted_at >= ${since(now, 2 * f.days)} AND submitted_at < ${since(now, f.days)} AND category_id IS NOT NULL GROUP BY 1, 2
        )
        SELECT 'place:' || r.node_id || '|category:' || r.category_id AS key, n.name || ' · ' || k.name AS subject, coalesce(b.n, 0) AS before,
               r.node_id, r.n AS count, r.ids AS case_ids, r.latest
          FROM recent r JOIN admin_nodes n ON n.id = r.node_id JOIN case_categories k ON k.id = r.category_id
          LEFT JOIN before b ON b.node_id = r.node_id AND b.category_id = r.category_id
         WHERE r.n >= ${f.ratio ?? 1} * coalesce(b.n, 0)`,
  );

const dissatisfaction: Check = (ex, f, now) =>
  findings(
    ex,
    sql`SELECT 'unit:' || o.id AS key, o.name AS subject, o.node_id,
               count(*)::int AS count, array_agg(c.id ORDER BY c.id DESC) AS case_ids, max(c.submitted_at) AS latest
          FROM cases c JOIN organizations o ON o.id = c.lead_org_id
         WHERE c.rating = 'dissatisfied' AND c.updated_at >= ${since(now, f.days)}
         GROUP BY o.id, o.name, o.node_id HAVING count(*) >= ${f.count}`,
  );

const group: Check = (ex, f, now) =>
  findings(
    ex,
    sql`SELECT 'case:' || c.id AS key, c.number || ' ' || left(c.title, 40) AS subject, c.node_id,
               (1 + count(s.user_id))::int AS count, ARRAY[c.id] AS case_ids, max(c.submitted_at) AS latest
          FROM cases c JOIN case_supports s ON s.case_id = c.id
         WHERE c.submitted_at >= ${since(now, f.days)} AND c.state = ANY(${sql.param([...openStates])}::text[])
         GROUP BY c.id HAVING 1 + count(s.user_id) >= ${f.count}`,
  );

const checks: Record<WarningKind, Check> = { repeat_reporter: repeatReporter, escalation, dissatisfaction, group };

/**
 * Runs every active rule and records what crossed its line: new warnings opened, live
 * ones brought up to date. Returns how many warnings were opened.
 */
export async function checkWarnings(db: Executor, now: Date): Promise<number> {
  const rules = await queryRows<{ id: number; kind: WarningKind; params: RuleFigures }>(db, sql`SELECT id, kind, params FROM warning_rules WHERE active`);
  let opened = 0;
  for (const rule of rules) {
    const check = checks[rule.kind];
    if (!check) continue;
    for (const f of await check(db, rule.params, now)) opened += await record(db, rule, f, now);
  }
  return opened;
}

/** One finding: updates the subject's live warning, or opens one unless a closing since its newest case says otherwise. */
async function record(db: Executor, rule: { id: number; kind: WarningKind; params: RuleFigures }, f: Finding, now: Date): Promise<number> {
  const rows = await queryRows<{ opened: boolean }>(
    db,
    sql`INSERT INTO warnings (rule_id, kind, subject_key, subject, node_id, count, params, case_ids, status, opened_at, updated_at)
        SELECT ${rule.id}, ${rule.kind}, ${f.subjectKey}, ${f.subject}, ${f.nodeId}, ${f.count}, ${JSON.stringify(f.before === undefined ? rule.params : { ...rule.params, before: f.before })}::jsonb, ${sql.param(f.caseIds)}::bigint[], 'open', ${now}, ${now}
         WHERE NOT EXISTS (SELECT 1 FROM warnings w WHERE w.rule_id = ${rule.id} AND w.subject_key = ${f.subjectKey} AND w.status = 'closed' AND w.updated_at >= ${f.latest})
        ON CONFLICT (rule_id, subject_key) WHERE status <> 'closed' DO UPDATE
           SET subject = EXCLUDED.subject, count = EXCLUDED.count, case_ids = EXCLUDED.case_ids, params = EXCLUDED.params, updated_at = EXCLUDED.updated_at
         WHERE warnings.case_ids IS DISTINCT FROM EXCLUDED.case_ids
        RETURNING (xmax = 0) AS opened`,
  );
  return rows.filter((r) => r.opened).length;
}
