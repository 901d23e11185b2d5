/**
 * Who may send which case event: role × event × inside/outside the actor's subtree ×
 * relation to the case (member of the lead unit, reporter). The expectations are written
 * out here, independently of the policy's own table.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.js';
import type { Role } from '../../platform/access/roles.js';
import { casePolicy, type CaseSubject } from './case.policy.js';
import { caseEvents, type CaseEvent } from './case.workflow.js';

const DISPATCH: CaseEvent[] = ['accept', 'refuse', 'answer_now', 'merge', 'dispatch', 'redispatch', 'uphold_objection', 'reject_objection'];
const HANDLE: CaseEvent[] = ['sign', 'start', 'reply', 'object', 'request_extension'];
const VERIFY: CaseEvent[] = ['decide_extension', 'verify_pass', 'verify_fail', 'close'];
const REPORTER: CaseEvent[] = ['rate', 'redo', 'reopen'];

const LEAD = 7;
const inside = '/1/2/3/';
const outside = '/1/9/';
const subject = (reporterUserId: number | null = 100): CaseSubject => ({ state: 'submitted', areaPath: '/1/2/3/4/', reporterUserId, leadOrgId: LEAD });
const actor = (role: Role, path: string, userId = 1): Actor => ({ userId, personId: null, displayName: role, grants: [{ role, nodeId: 3, path }], unitIds: [] });

/** What each role may do, inside its subtree, as a member of the lead unit or not. */
const expected: Record<Role, { inside: CaseEvent[]; member: CaseEvent[] }> = {
  admin: { inside: [...DISPATCH, ...VERIFY], member: HANDLE },
  dispatcher: { inside: [...DISPATCH, ...VERIFY], member: [] },
  cadre: { inside: VERIFY, member: HANDLE },
  dept_staff: { inside: [], member: HANDLE },
  grid_worker: { inside: [], member: HANDLE },
  assessor: { inside: [], member: [] },
  discipline_inspector: { inside: [], member: [] },
  custodian: { inside: [], member: [] },
  party_member: { inside: [], member: [] },
  resident: { inside: [], member: [] },
};

describe('case policy table', () => {
  for (const role of Object.keys(expected) as Role[]) {
    it(`${role}: inside/outside the subtree, member of the lead unit or not`, () => {
      for (const event of caseEvents) {
        for (const [where, path] of [['inside', inside], ['outside', outside]] as const) {
          for (const member of [false, true]) {
            const who = { actor: actor(role, path), unitIds: member ? [LEAD] : [] };
            const want = (where === 'inside' && expected[role].inside.includes(event)) || (member && expected[role].member.includes(event));
            expect(casePolicy.may(who, event, subject()), `${role} ${where} member=${member} ${event}`).toBe(want);
          }
        }
      }
    });
  }

  it('gives the reporter events to the reporter only, and to a dispatcher for callers without an account', () => {
    const reporter = { actor: actor('resident', '/1/2/3/4/', 100), unitIds: [] };
    const stranger = { actor: actor('resident', '/1/2/3/4/', 101), unitIds: [] };
    const dispatcher = { actor: actor('dispatcher', inside), unitIds: [] };
    for (const e of REPORTER) {
      expect(casePolicy.may(reporter, e, subject()), e).toBe(true);
      expect(casePolicy.may(stranger, e, subject()), e).toBe(false);
      expect(casePolicy.may(dispatcher, e, subject()), e).toBe(false);
      expect(casePolicy.may(dispatcher, e, subject(null)), e).toBe(e !== 'reopen');
    }
  });

  it('lets staff of the area, members of the lead unit and the reporter see a case, nobody else', () => {
    expect(casePolicy.view({ actor: actor('assessor', inside), unitIds: [] }, subject())).toBe(true);
    expect(casePolicy.view({ actor: actor('assessor', outside), unitIds: [] }, subject())).toBe(false);
    expect(casePolicy.view({ actor: actor('dept_staff', outside), unitIds: [LEAD] }, subject())).toBe(true);
    expect(casePolicy.view({ actor: actor('resident', inside, 100), unitIds: [] }, subject())).toBe(true);
    expect(casePolicy.view({ actor: actor('resident', inside, 5), unitIds: [] }, subject())).toBe(false);
    expect(casePolicy.view({ actor: null, unitIds: [] }, subject())).toBe(false);
    expect(casePolicy.seeInternal({ actor: actor('resident', inside, 100), unitIds: [] }, subject())).toBe(false);
  });
});
