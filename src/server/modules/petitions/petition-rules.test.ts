/**
 * The pure parts: the statute's clocks (calendar days, working days over a holiday), when an
 * answer is final, the state table, and the policy as a table of role × action × in/out of
 * the subtree.
 */
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/access/actor.js';
import type { Role } from '../../platform/access/roles.js';
import { makeCalendar } from '../../platform/time/working-days.js';
import { addCalendarDays, concludeDue, extendDue, isFinal, objectionDue, registerDue, reviewWindowEnd } from './petition-clocks.js';
import { actionsFor, petitionPolicy, type PetitionSubject } from './petition.policy.js';
import { eventsFrom, nextState } from './petition-workflow.js';

const TZ = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);

describe('clocks', () => {
  it('counts calendar days from the day after, to the end of the last day (Shanghai)', () => {
    // 23:30 on June 1 in Shanghai is still June 1 there: 15 days end with June 16.
    expect(registerDue(at('2026-06-01T15:30:00Z'), TZ).toISOString()).toBe('2026-06-16T16:00:00.000Z');
    expect(concludeDue(at('2026-06-05T02:00:00Z'), TZ).toISOString()).toBe('2026-08-04T16:00:00.000Z');
    expect(reviewWindowEnd(at('2026-12-20T02:00:00Z'), TZ).toISOString()).toBe('2027-01-19T16:00:00.000Z');
    expect(() => addCalendarDays(at('2026-06-01T00:00:00Z'), -1, TZ)).toThrow(RangeError);
  });

  it('extends a due time by whole days', () => {
    expect(extendDue(at('2026-08-04T16:00:00Z'), 30, TZ).toISOString()).toBe('2026-09-03T16:00:00.000Z');
  });

  it('counts the objection window in working days on the holiday calendar', () => {
    const plain = makeCalendar(TZ, []);
    const holiday = makeCalendar(TZ, [
      ...['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'].map((date) => ({ date, kind: 'holiday' as const, name: '国庆节' })),
      { date: '2026-10-10', kind: 'workday' as const, name: '调休上班' },
    ]);
    const monday = at('2026-09-28T02:00:00Z');
    expect(objectionDue(monday, plain).toISOString()).toBe('2026-10-05T16:00:00.000Z');
    expect(objectionDue(monday, holiday).toISOString()).toBe('2026-10-10T16:00:00.000Z');
  });

  it('makes an answer final after 复核, or once the window for the next review lapsed', () => {
    const ends = at('2026-07-10T16:00:00Z');
    expect(isFinal({ state: 'rechecked', reviewWindowEndsAt: null }, at('2026-01-01T00:00:00Z'))).toBe(true);
    expect(isFinal({ state: 'concluded', reviewWindowEndsAt: ends }, at('2026-07-10T15:59:59Z'))).toBe(false);
    expect(isFinal({ state: 'concluded', reviewWindowEndsAt: ends }, ends)).toBe(true);
    expect(isFinal({ state: 'reviewed', reviewWindowEndsAt: ends }, ends)).toBe(true);
    expect(isFinal({ state: 'review_requested', reviewWindowEndsAt: null }, ends)).toBe(false);
    expect(isFinal({ state: 'accepted', reviewWindowEndsAt: null }, ends)).toBe(false);
  });
});

describe('the state table', () => {
  it('moves through 复查 then 复核, and refuses what a state does not allow', () => {
    expect(nextState('concluded', 'request_review')).toBe('review_requested');
    expect(nextState('reviewed', 'request_review')).toBe('recheck_requested');
    expect(nextState('review_requested', 'answer_review')).toBe('reviewed');
    expect(nextState('recheck_requested', 'answer_review')).toBe('rechecked');
    expect(nextState('routed', 'object')).toBe('returned');
    expect(nextState('returned', 'register')).toBe('routed');
    expect(nextState('accepted', 'extend')).toBe('accepted');
    expect(nextState('rechecked', 'request_review')).toBeUndefined();
    expect(nextState('refused', 'register')).toBeUndefined();
    expect(eventsFrom('rechecked')).toEqual([]);
    expect(eventsFrom('refused')).toEqual([]);
  });
});

describe('the policy: role × action × subtree', () => {
  const district = '/1/';
  const street = '/1/2/';
  const community = '/1/2/3/';
  const otherStreet = '/1/9/';
  const actor = (role: Role, path: string, userId = 100): Actor => ({ userId, personId: null, displayName: role, grants: [{ role, nodeId: 0, path }], unitIds: [] });
  const subject = (over: Partial<PetitionSubject> = {}): PetitionSubject => ({
    state: 'received', nodePath: community, handlerPath: null, reviewPath: null, recheckPath: null, petitionerUserId: 7,
    extensionState: 'none', objectionDueAt: null, concludeDueAt: null, reviewWindowEndsAt: null, ...over,
  });
  const now = at('2026-06-01T00:00:00Z');
  const later = at('2026-07-01T00:00:00Z');

  const table: Array<[string, Actor, PetitionSubject, string[]]> = [
    ['registrar of the street registers', actor('dispatcher', street), subject(), ['link', 'register', 'refuse']],
    ['cadre of the district registers', actor('cadre', district), subject(), ['link', 'register', 'refuse']],
    ['registrar of another street: nothing', actor('dispatcher', otherStreet), subject(), []],
    ['handler cannot register', actor('dept_staff', community), subject(), []],
    ['assessor reads only', actor('assessor', street), subject(), []],
    ['handler of the unit accepts or objects', actor('dept_staff', community), subject({ state: 'routed', handlerPath: community, objectionDueAt: later }), ['accept', 'object']],
    ['grid worker below the unit: nothing', actor('grid_worker', '/1/2/3/4/'), subject({ state: 'routed', handlerPath: community, objectionDueAt: later }), []],
    ['objection window over: accept only', actor('dept_staff', community), subject({ state: 'routed', handlerPath: community, objectionDueAt: now }), ['accept']],
    ['handler concludes and asks once', actor('dept_staff', community), subject({ state: 'accepted', handlerPath: community, concludeDueAt: later }), ['conclude', 'extend']],
    ['no second request', actor('dept_staff', community), subject({ state: 'accepted', handlerPath: community, concludeDueAt: later, extensionState: 'approved' }), ['conclude']],
    ['registrar decides a pending one', actor('dispatcher', street), subject({ state: 'accepted', handlerPath: community, extensionState: 'pending' }), ['decide_extension']],
    ['petitioner asks for 复查 in time', actor('resident', '/1/2/3/4/', 7), subject({ state: 'concluded', handlerPath: community, reviewWindowEndsAt: later }), ['request_review']],
    ['another resident: nothing', actor('resident', '/1/2/3/4/', 8), subject({ state: 'concluded', handlerPath: community, reviewWindowEndsAt: later }), []],
    ['registrar cannot ask for an account holder', actor('dispatcher', street), subject({ state: 'concluded', handlerPath: community, reviewWindowEndsAt: later }), []],
    ['registrar asks for a letter writer', actor('dispatcher', street), subject({ state: 'concluded', handlerPath: community, reviewWindowEndsAt: later, petitionerUserId: null }), ['request_review']],
    ['复查 body answers', actor('dispatcher', street), subject({ state: 'review_requested', handlerPath: community, reviewPath: street }), ['answer_review']],
    ['community registrar is below the 复查 body', actor('dispatcher', community), subject({ state: 'review_requested', handlerPath: community, reviewPath: street }), []],
    ['复核 is the district’s', actor('dispatcher', street), subject({ state: 'recheck_requested', handlerPath: community, reviewPath: street, recheckPath: district }), []],
    ['district answers 复核', actor('dispatcher', district), subject({ state: 'recheck_requested', handlerPath: community, reviewPath: street, recheckPath: district }), ['answer_review']],
  ];

  it.each(table)('%s', (_name, who, p, expected) => {
    expect(actionsFor(who, p, now)).toEqual(expected);
  });

  it('shows a petition to its petitioner and to readers over any of its places, and to no one else', () => {
    const p = subject({ state: 'accepted', handlerPath: '/1/9/8/' });
    expect(petitionPolicy.view(actor('resident', '/1/2/3/4/', 7), p)).toBe(true);
    expect(petitionPolicy.seeInternal(actor('resident', '/1/2/3/4/', 7), p)).toBe(false);
    expect(petitionPolicy.view(actor('resident', '/1/2/3/4/', 8), p)).toBe(false);
    expect(petitionPolicy.view(actor('dept_staff', '/1/9/8/'), p)).toBe(true); // the handling unit's place
    expect(petitionPolicy.view(actor('dept_staff', '/1/9/7/'), p)).toBe(false);
    expect(petitionPolicy.view(actor('custodian', district), p)).toBe(false);
    expect(petitionPolicy.view(actor('admin', district), p)).toBe(true);
    expect(petitionPolicy.view(null, p)).toBe(false);
  });
});
