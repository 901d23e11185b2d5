/**
 * The warnings list (for community leaders: the warnings of their subtree) and what they
 * do with one: acknowledge it (being dealt with) or close it, with a note. Both audited.
 */
import { sql } from 'drizzle-orm';
import { can, scopeOf, type Actor } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { audit } from '../../platform/audit/audit.js';
import type { CommandContext } from '../../platform/context.js';
import { queryRows, type Executor } from '../../platform/db/database.js';
import { NotFound, Invalid } from '../../platform/http/errors.js';
import type { CaseState } from '../cases/case.workflow.js';
import type { RuleFigures } from './insight.tables.js';
import type { CaseBrief, WarningKind } from './insight.schema.js';

type Status = 'open' | 'acknowledged' | 'closed';

interface WarningRow {
  id: number;
  kind: WarningKind;
  subject: string;
  node_id: number;
  node_name: string;
  node_path: string;
  count: number;
  params: RuleFigures & { before?: number };
  case_ids: number[];
  status: Status;
  note: string | null;
  opened_at: Date | string;
  updated_at: Date | string;
}

const SELECT = sql`SELECT w.id, w.kind, w.subject, w.node_id, n.name AS node_name, n.path AS node_path, w.count, w.params, w.case_ids, w.status, w.note, w.opened_at, w.updated_at
                     FROM warnings w JOIN admin_nodes n ON n.id = w.node_id`;

/** Warnings of the caller's subtree (reading cases), newest first. */
export async function listWarnings(ex: Executor, actor: Actor | null, q: { status?: Status | undefined; nodeId?: number | undefined; limit: number; offset: number }) {
  const scopes = scopeOf(actor, Permission.CasesRead);
  const under = q.nodeId !== undefined ? (await queryRows<{ path: string }>(ex, sql`SELECT path FROM admin_nodes WHERE id = ${q.nodeId}`))[0]?.path : undefined;
  if (scopes.length === 0 || (q.nodeId !== undefined && !under)) return { items: [], total: 0 };
  const where = sql`WHERE (${sql.join(
    scopes.map((s) => sql`starts_with(n.path, ${s})`),
    sql` OR `,
  )})
    ${q.status ? sql`AND w.status = ${q.status}` : sql``} ${under ? sql`AND starts_with(n.path, ${under})` : sql``}`;
  const [rows, [total]] = await Promise.all([
    queryRows<WarningRow>(ex, sql`${SELECT} ${where} ORDER BY w.id DESC LIMIT ${q.limit} OFFSET ${q.offset}`),
    queryRows<{ n: number }>(ex, sql`SELECT count(*)::int AS n FROM warnings w JOIN admin_nodes n ON n.id = w.node_id ${where}`),
  ]);
  const briefs = await caseBriefs(ex, rows.flatMap((r) => r.case_ids.slice(0, 20).map(Number)));
  return { items: rows.map((r) => present(actor, r, briefs)), total: Number(total?.n ?? 0) };
}

async function caseBriefs(ex: Executor, ids: readonly number[]): Promise<Map<number, CaseBrief>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: number; number: string; title: string; state: CaseState; submitted_at: Date | string; node_name: string }>(
    ex,
    sql`SELECT c.id, c.number, c.title, c.state, c.submitted_at, n.name AS node_name FROM cases c JOIN admin_nodes n ON n.id = c.node_id WHERE c.id = ANY(${sql.param([...ids])}::bigint[])`,
  );
  return new Map(rows.map((r) => [Number(r.id), { id: Number(r.id), number: r.number, title: r.title, state: r.state, submittedAt: new Date(r.submitted_at).toISOString(), nodeName: r.node_name }]));
}

/** Who may act on warnings there: those who verify and close cases (community leaders, dispatchers). */
function mayHandle(actor: Actor | null, nodePath: string): boolean {
  return scopeOf(actor, Permission.CasesVerify).some((s) => nodePath.startsWith(s)) && can(actor, Permission.CasesVerify);
}

function actionsOf(actor: Actor | null, r: Pick<WarningRow, 'status' | 'node_path'>): Array<'acknowledge' | 'close'> {
  if (!mayHandle(actor, r.node_path)) return [];
  if (r.status === 'open') return ['acknowledge', 'close'];
  return r.status === 'acknowledged' ? ['close'] : [];
}

function present(actor: Actor | null, r: WarningRow, briefs: ReadonlyMap<number, CaseBrief>) {
  return {
    id: Number(r.id),
    kind: r.kind,
    subject: r.subject,
    nodeId: Number(r.node_id),
    nodeName: r.node_name,
    count: Number(r.count),
    params: r.params,
    before: r.params.before ?? null,
    status: r.status,
    openedAt: new Date(r.opened_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    note: r.note,
    cases: r.case_ids.slice(0, 20).map((id) => briefs.get(Number(id))).filter((b): b is CaseBrief => b !== undefined),
    actions: actionsOf(actor, r),
  };
}

/** Acknowledges or closes a warning of the caller's subtree, with an optional note. */
export async function warningHandler(ctx: CommandContext, props: { id: number; action: 'acknowledge' | 'close'; note?: string | null | undefined }) {
  const [row] = await queryRows<WarningRow>(ctx.tx, sql`${SELECT} WHERE w.id = ${props.id} FOR UPDATE OF w`);
  if (!row || !scopeOf(ctx.actor, Permission.CasesRead).some((s) => row.node_path.startsWith(s))) throw new NotFound();
  if (!actionsOf(ctx.actor, row).includes(props.action)) {
    if (!mayHandle(ctx.actor, row.node_path)) throw new NotFound();
    throw new Invalid('warning_action_not_allowed', [], { status: row.status });
  }
  const status: Status = props.action === 'close' ? 'closed' : 'acknowledged';
  const note = props.note ?? row.note;
  await ctx.tx.execute(sql`UPDATE warnings SET status = ${status}, note = ${note}, handled_by = ${ctx.actor?.userId ?? null}, updated_at = ${ctx.now} WHERE id = ${row.id}`);
  await audit(ctx, { action: `insight.warning.${props.action}`, subjectType: 'warning', subjectId: row.id, changes: { status, note } });
  const updated = { ...row, status, note, updated_at: ctx.now };
  return present(ctx.actor, updated, await caseBriefs(ctx.tx, row.case_ids.slice(0, 20).map(Number)));
}

export async function listRules(ex: Executor) {
  const rows = await queryRows<{ id: number; kind: WarningKind; params: RuleFigures; active: boolean }>(ex, sql`SELECT id, kind, params, active FROM warning_rules ORDER BY id`);
  return { items: rows.map((r) => ({ id: Number(r.id), kind: r.kind, params: r.params, active: r.active })) };
}

/** Changes a rule's figures or turns it on or off (configurators of the whole tree). */
export async function ruleEditor(ctx: CommandContext, props: { id: number; params: RuleFigures; active: boolean }) {
  const [row] = await queryRows<{ id: number; kind: WarningKind; params: RuleFigures; active: boolean }>(
    ctx.tx,
    sql`UPDATE warning_rules SET params = ${JSON.stringify(props.params)}::jsonb, active = ${props.active}, updated_at = ${ctx.now} WHERE id = ${props.id} RETURNING id, kind, params, active`,
  );
  if (!row) throw new NotFound();
  await audit(ctx, { action: 'insight.warning_rule.edit', subjectType: 'warning_rule', subjectId: row.id, changes: { params: props.params, active: props.active } });
  return { id: Number(row.id), kind: row.kind, params: row.params, active: row.active };
}
