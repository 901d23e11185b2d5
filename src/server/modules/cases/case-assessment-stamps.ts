/**
 * The columns assessment's indicators read (modules/assessment/indicators.ts), stamped by
 * the action they describe so that every indicator is a function of the case row alone:
 * the database keeps the rollups by adding what a row change adds and taking away what it
 * removes (migrations/0028_assessment_rollups.sql). Pure: no database, no clock.
 */
import type { CaseRow, NewCase } from './case.repo.js';
import type { CaseEvent } from './case.workflow.js';

/** Events that give the case to a unit: its sign deadline starts again. */
const assignments: readonly CaseEvent[] = ['dispatch', 'redispatch', 'uphold_objection', 'reject_objection'];

/**
 * What `event` on `row` at `now` stamps, given the columns the action itself writes
 * (`patch`, for the new sign deadline) and whether it leaves 待受理.
 */
export function assessmentStamps(row: CaseRow, event: CaseEvent, leavesIntake: boolean, patch: Partial<NewCase>, now: Date): Partial<NewCase> {
  const out: Partial<NewCase> = {};
  if (leavesIntake) {
    out.takenAt = now;
    out.intakeLate = row.stepDueAt !== null && row.stepDueAt < now;
  }
  if (assignments.includes(event)) {
    out.signDueAt = patch.stepDueAt ?? null;
    out.signedAt = null;
  }
  if (event === 'sign') out.signedAt = now;
  if (event === 'rate') out.ratedAt = now;
  if (event === 'verify_pass') out.verifiedAt = now;
  if (event === 'verify_fail') out.returnCount = row.returnCount + 1;
  if (event === 'redo' || event === 'reopen') {
    // A new handling round: the old rating, verification and extension no longer stand.
    Object.assign(out, { ratedAt: null, resolved: null, verifiedAt: null, deferred: false });
  }
  return out;
}
