/**
 * The steps every case action shares: lock the case, check the caller may see it and
 * send the event, check the version the caller saw (two handlers at once: one wins, the
 * other gets 409), run the state machine, write the change, its timeline entry and its
 * audit entry — all in the caller's transaction.
 */
import { audit } from '../../../platform/audit/audit.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { CommandContext } from '../../../platform/context.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../platform/http/errors.js';
import { assessmentStamps } from '../case-assessment-stamps.js';
import { casePolicy, type CaseCaller } from '../case.policy.js';
import { caseForUpdate, insertEvent, pendingExtension, updateCase, type CaseRow, type NewCase } from '../case.repo.js';
import { caseFacts, nextState, type CaseEvent, type CaseFacts, type Refusal } from '../case.workflow.js';

export interface ActionProps {
  caseId: number;
  /** The version the caller last saw; a newer one means somebody acted meanwhile. */
  version?: number | undefined;
  reason?: string | null | undefined;
}

/** The caller as the case policy sees it: the actor and the units they work in (loaded with the actor). */
export function callerOfActor(actor: Actor | null): CaseCaller {
  return { actor, unitIds: actor?.unitIds ?? [] };
}

export function callerOf(ctx: CommandContext): CaseCaller {
  return callerOfActor(ctx.actor);
}

/** The case locked for this transaction, if the caller may see it and act with `event`. */
export async function lockForEvent(ctx: CommandContext, props: ActionProps, event: CaseEvent): Promise<{ row: CaseRow; who: CaseCaller }> {
  const row = await caseForUpdate(ctx.tx, props.caseId);
  const who = callerOf(ctx);
  if (!row || !casePolicy.view(who, row)) throw new NotFound();
  if (!casePolicy.may(who, event, row)) throw new Forbidden();
  if (props.version !== undefined && props.version !== row.version) throw new Conflict('case_version_conflict', { current: row.version });
  return { row, who };
}

function refusalError(r: Refusal): Error {
  switch (r.code) {
    case 'transition_not_allowed':
      return new Conflict('case_transition_not_allowed', { state: r.state, event: r.event });
    case 'reason_required':
      return new Invalid('case_reason_required', [{ path: 'body.reason', code: 'case_reason_required' }]);
    case 'redo_limit_reached':
      return new Conflict('case_redo_limit_reached', { max: r.max });
    case 'reopen_window_passed':
      return new Conflict('case_reopen_window_passed', { days: r.days });
    default:
      return new Conflict(`case_${r.code}`);
  }
}

async function factsOf(ctx: CommandContext, row: CaseRow, event: CaseEvent): Promise<CaseFacts> {
  const needsExtension = event === 'request_extension' || event === 'decide_extension';
  return caseFacts(row, needsExtension ? !!(await pendingExtension(ctx.tx, row.id)) : false);
}

export interface TransitionOptions {
  reason?: string | null | undefined;
  /** Columns to write besides the state. */
  patch?: Partial<NewCase>;
  /** Reply or message shown on the timeline. */
  message?: string | null;
  /** Whether the reporter sees the entry (default: yes). */
  public?: boolean;
  data?: Record<string, unknown>;
  /** Extra audited fields. */
  changes?: Record<string, unknown>;
}

/** Runs `event` on the locked case: refuses what the state machine refuses, else writes it all. */
export async function transition(ctx: CommandContext, row: CaseRow, event: CaseEvent, opts: TransitionOptions = {}): Promise<CaseRow> {
  const reason = opts.reason?.trim() || null;
  const outcome = nextState(await factsOf(ctx, row, event), event, reason, ctx.now);
  if (!outcome.ok) throw refusalError(outcome.refusal);
  const patch = opts.patch ?? {};
  const leavesIntake = row.state === 'submitted' && outcome.to !== row.state;
  const stamps = assessmentStamps(row, event, leavesIntake, patch, ctx.now);
  const updated = await updateCase(ctx.tx, row.id, { ...stamps, ...patch, state: outcome.to }, ctx.now);
  await insertEvent(ctx.tx, {
    caseId: row.id,
    at: ctx.now,
    actorUserId: ctx.actor?.userId ?? null,
    actorLabel: ctx.actor?.displayName ?? 'system',
    event,
    fromState: row.state,
    toState: outcome.to,
    reason,
    message: opts.message ?? null,
    public: opts.public ?? true,
    data: opts.data ?? {},
  });
  const stateChange = row.state === outcome.to ? {} : { state: [row.state, outcome.to] };
  await audit(ctx, { action: `case.${event}`, subjectType: 'case', subjectId: row.id, changes: { number: row.number, ...stateChange, ...(reason ? { reason } : {}), ...opts.changes }, scopePath: row.areaPath });
  return updated;
}
