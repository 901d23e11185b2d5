/**
 * The clocks' sweep (hourly, on every app server): flags each petition whose running clock
 * ran out — registration, the handling body's acceptance or objection, conclusion, the 复查
 * or 复核 answer — notes it on the timeline (staff only), audits it, and reminds the body
 * responsible for that clock in-app. Once per clock and due time, however many servers
 * sweep: the flag is claimed with FOR UPDATE SKIP LOCKED and the reminders are deduplicated.
 */
import { audit } from '../../platform/audit/audit.js';
import type { CommandContext } from '../../platform/context.js';
import type { Db, Executor } from '../../platform/db/database.js';
import { handlersOf, notify, registrarsOf } from './petition.notices.js';
import { flagOverdue, insertPetitionEvent, type PetitionRow } from './petitions.repo.js';
import type { PetitionClock } from './petitions.tables.js';

/** Who answers for each clock. */
function responsible(ex: Executor, p: PetitionRow, clock: PetitionClock): Promise<number[]> {
  switch (clock) {
    case 'register':
      return registrarsOf(ex, p.nodePath);
    case 'objection':
    case 'conclude':
      return handlersOf(ex, p);
    case 'review':
      return registrarsOf(ex, p.reviewPath ?? p.nodePath);
    case 'recheck':
      return registrarsOf(ex, p.recheckPath ?? p.nodePath);
  }
}

async function remind(ctx: CommandContext, p: PetitionRow): Promise<void> {
  const clock = p.clock!;
  const due = p.clockDueAt!.toISOString();
  await insertPetitionEvent(ctx.tx, { petitionId: p.id, at: ctx.now, actorUserId: null, actorLabel: 'system', event: 'overdue', fromState: p.state, toState: p.state, note: null, public: false, data: { clock, dueAt: due } });
  await audit(ctx, { action: 'petition.overdue', subjectType: 'petition', subjectId: p.id, changes: { number: p.number, clock, dueAt: due }, scopePath: p.nodePath });
  await notify(ctx, await responsible(ctx.tx, p, clock), 'petition.overdue', p, { clock, due }, `petition:${p.id}:overdue:${clock}:${due}`);
}

/** Flags and reminds up to `limit` overdue petitions in the caller's transaction; returns how many. */
export async function flagOverduePetitions(ctx: CommandContext, limit = 500): Promise<number> {
  const flagged = await flagOverdue(ctx.tx, ctx.now, limit);
  for (const p of flagged) await remind(ctx, p);
  return flagged.length;
}

/** One sweep of up to `limit` petitions, in a transaction of its own. */
export async function sweepPetitionClocks(db: Db, now: Date, limit = 500): Promise<number> {
  return db.transaction((tx) => flagOverduePetitions({ tx, actor: null, requestId: 'petitions.clocks', ip: null, now }, limit));
}
