/**
 * The deadline sweeper (run every minute by every app server): 催办 before a step's
 * deadline, marks it overdue and 催办 again at expiry, and escalates to the level above
 * after a grace period. Exactly once per case, step, kind and due time however many
 * servers sweep at once: each action first claims its row in `case_alerts` (primary key)
 * with INSERT … ON CONFLICT DO NOTHING; a concurrent sweeper waits on the claim, then
 * skips it. Claims, flags, timeline entries, messages and audit commit together.
 */
import { sql } from 'drizzle-orm';
import { audit } from '../../platform/audit/audit.js';
import type { CommandContext } from '../../platform/context.js';
import { queryRows, type Db, type Executor } from '../../platform/db/database.js';
import { accountsOfUnit, nearestHolders, parentPath, unitsByIds, type UnitSummary } from '../org/org.exports.js';
import { notifyUsers, type CaseTemplate } from './case.notices.js';
import { caseById, insertEvent, markOverdue, type CaseRow } from './case.repo.js';
import type { CaseStep } from './cases.tables.js';

type AlertKind = 'remind' | 'overdue' | 'escalate';

/** How long before expiry to remind, and how long after it to escalate, per step. */
export const sweepTimes: Record<CaseStep, { remindBeforeMin: number; escalateAfterMin: number }> = {
  dispatch: { remindBeforeMin: 15, escalateAfterMin: 60 },
  sign: { remindBeforeMin: 15, escalateAfterMin: 120 },
  feedback: { remindBeforeMin: 240, escalateAfterMin: 24 * 60 },
};

const minutesOf = (field: 'remindBeforeMin' | 'escalateAfterMin') =>
  sql.raw(`(CASE c.step ${Object.entries(sweepTimes).map(([step, t]) => `WHEN '${step}' THEN interval '${t[field]} minutes'`).join(' ')} END)`);

/** Candidates of each kind (the running step's due time), as SQL conditions on `cases c`. */
function candidates(kind: AlertKind, now: Date) {
  if (kind === 'remind') return sql`c.step_due_at > ${now} AND c.step_due_at <= ${now}::timestamptz + ${minutesOf('remindBeforeMin')}`;
  if (kind === 'overdue') return sql`c.step_due_at <= ${now} AND NOT c.overdue`;
  return sql`c.overdue AND c.step_due_at + ${minutesOf('escalateAfterMin')} <= ${now}`;
}

interface Claim {
  case_id: number;
  step: CaseStep;
  due_at: Date;
}

/** Claims up to `limit` alerts of one kind; only the claims this transaction won come back. */
async function claim(ex: Executor, kind: AlertKind, now: Date, limit: number): Promise<Claim[]> {
  return queryRows<Claim>(
    ex,
    sql`INSERT INTO case_alerts (case_id, step, kind, due_at, at)
        SELECT c.id, c.step, ${kind}, c.step_due_at, ${now}
          FROM cases c
         WHERE c.step IS NOT NULL AND ${candidates(kind, now)}
           AND NOT EXISTS (SELECT 1 FROM case_alerts a WHERE a.case_id = c.id AND a.step = c.step AND a.kind = ${kind} AND a.due_at = c.step_due_at)
         ORDER BY c.step_due_at
         LIMIT ${limit}
        ON CONFLICT DO NOTHING
        RETURNING case_id, step, due_at`,
  );
}

/** Who hears of it: the lead unit (or the area's dispatchers before dispatch); escalations go a level up. */
async function recipients(ex: Executor, c: CaseRow, kind: AlertKind, unit: UnitSummary | undefined): Promise<number[]> {
  if (kind === 'escalate') {
    const above = parentPath(unit?.nodePath ?? c.areaPath) ?? c.areaPath;
    return nearestHolders(ex, ['cadre', 'dispatcher'], above);
  }
  if (c.step === 'dispatch' || !c.leadOrgId) return nearestHolders(ex, ['dispatcher'], c.areaPath);
  return accountsOfUnit(ex, c.leadOrgId);
}

const templates: Record<AlertKind, CaseTemplate> = { remind: 'case.remind', overdue: 'case.overdue', escalate: 'case.escalated' };

async function act(ctx: CommandContext, kind: AlertKind, claimed: Claim): Promise<void> {
  const c = (await caseById(ctx.tx, claimed.case_id))!;
  if (kind === 'overdue') await markOverdue(ctx.tx, c.id);
  const due = new Date(claimed.due_at).toISOString();
  const unit = c.leadOrgId ? (await unitsByIds(ctx.tx, [c.leadOrgId])).get(c.leadOrgId) : undefined;
  await insertEvent(ctx.tx, { caseId: c.id, at: ctx.now, actorUserId: null, actorLabel: 'system', event: kind, fromState: c.state, toState: c.state, reason: null, message: null, public: kind === 'overdue', data: { step: claimed.step, dueAt: due } });
  await notifyUsers(ctx, await recipients(ctx.tx, c, kind, unit), templates[kind], c, { due, unit: unit?.name ?? '' }, `case:${c.id}:${kind}:${claimed.step}:${due}`);
  await audit(ctx, { action: `case.${kind}`, subjectType: 'case', subjectId: c.id, changes: { number: c.number, step: claimed.step, dueAt: due }, scopePath: c.areaPath });
}

export interface SweepResult {
  remind: number;
  overdue: number;
  escalate: number;
}

/** One sweep: each kind in its own transaction, up to `limit` cases each. */
export async function sweepDeadlines(db: Db, now: Date, limit = 500): Promise<SweepResult> {
  const out: SweepResult = { remind: 0, overdue: 0, escalate: 0 };
  for (const kind of ['remind', 'overdue', 'escalate'] as const) {
    out[kind] = await db.transaction(async (tx) => {
      const ctx: CommandContext = { tx, actor: null, requestId: 'sweeper', ip: null, now };
      const claims = await claim(tx, kind, now, limit);
      for (const c of claims) await act(ctx, kind, c);
      return claims.length;
    });
  }
  return out;
}
