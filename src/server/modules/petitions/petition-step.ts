/**
 * The frame every petition action runs in: lock the row, hide it from whoever may not see it
 * (404), check the caller's role and subtree (403), the version the caller was looking at
 * and the state (409); then one write of the row, one timeline entry and one audit entry —
 * all in the command's transaction.
 */
import { audit } from '../../platform/audit/audit.js';
import { DEFAULT_TIME_ZONE, type CommandContext } from '../../platform/context.js';
import { Conflict, Forbidden, NotFound } from '../../platform/http/errors.js';
import { petitionPolicy } from './petition.policy.js';
import { clockOf, nextState, type PetitionEvent } from './petition-workflow.js';
import { insertPetitionEvent, lockPetition, updatePetition, type PetitionRow } from './petitions.repo.js';
import type { PetitionState } from './petitions.tables.js';

export const zoneOf = (ctx: CommandContext) => ctx.timeZone ?? DEFAULT_TIME_ZONE;

/** The petition locked, checked for the caller and `event`; returns it and the state the event leads to. */
export async function loadForEvent(ctx: CommandContext, p: { id: number; version: number; event: PetitionEvent }): Promise<{ row: PetitionRow; to: PetitionState }> {
  const row = await lockPetition(ctx.tx, p.id);
  if (!row || !petitionPolicy.view(ctx.actor, row)) throw new NotFound();
  if (!petitionPolicy.may(ctx.actor, p.event, row)) throw new Forbidden();
  if (row.version !== p.version) throw new Conflict('petitions_version_conflict', { current: row.version });
  const to = nextState(row.state, p.event);
  if (!to) throw new Conflict('petitions_transition_not_allowed', { state: row.state });
  return { row, to };
}

export interface Step {
  event: PetitionEvent;
  to: PetitionState;
  /** Columns that change besides the state, its clock and the version. */
  patch?: Partial<PetitionRow>;
  /** When the clock of the new state ends (a state change without it stops the clock). */
  clockDueAt?: Date | null;
  /** The timeline's words; `public` entries are the petitioner's too. */
  note?: string | null;
  public: boolean;
  data?: Record<string, unknown>;
  /** What the audit entry records (never the petitioner's contact). */
  changes?: Record<string, unknown>;
}

/** Writes one step: the row (a new state restarts its clock and clears the overdue flag), the timeline and the audit. */
export async function applyStep(ctx: CommandContext, row: PetitionRow, s: Step): Promise<PetitionRow> {
  const moved = s.to !== row.state;
  const clock = moved ? { clock: clockOf[s.to], clockDueAt: s.clockDueAt ?? null, overdue: false } : {};
  const updated = await updatePetition(ctx.tx, row.id, { ...s.patch, ...clock, state: s.to, updatedAt: ctx.now, version: row.version + 1 });
  await insertPetitionEvent(ctx.tx, {
    petitionId: row.id,
    at: ctx.now,
    actorUserId: ctx.actor?.userId ?? null,
    actorLabel: ctx.actor?.displayName ?? 'system',
    event: s.event,
    fromState: row.state,
    toState: s.to,
    note: s.note ?? null,
    public: s.public,
    data: s.data ?? {},
  });
  await audit(ctx, { action: `petition.${s.event}`, subjectType: 'petition', subjectId: row.id, changes: { number: row.number, from: row.state, to: s.to, ...s.changes }, scopePath: row.nodePath });
  return updated;
}
