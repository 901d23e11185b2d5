import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseEvents, caseStates, eventsFrom, finalStates, nextState, transitions, type CaseFacts, type CaseState } from './case.workflow.js';

const now = new Date('2026-03-10T08:00:00Z');
const facts = (state: CaseState, extra: Partial<CaseFacts> = {}): CaseFacts => ({
  state,
  rating: null,
  redoCount: 0,
  maxRedo: 1,
  closedAt: null,
  reopenWindowDays: 7,
  extensionPending: false,
  ...extra,
});

describe('case state machine', () => {
  it('walks the whole loop from submission to closure', () => {
    const path: Array<[string, CaseState]> = [
      ['accept', 'accepted'],
      ['dispatch', 'dispatched'],
      ['sign', 'signed'],
      ['start', 'in_progress'],
      ['reply', 'replied'],
      ['verify_pass', 'verified'],
      ['rate', 'rated'],
      ['close', 'closed'],
    ];
    let state: CaseState = 'submitted';
    for (const [event, expected] of path) {
      const out = nextState(facts(state), event as never, 'why', now);
      expect(out, `${state} --${event}-->`).toEqual({ ok: true, to: expected });
      state = expected;
    }
  });

  it('allows exactly the transitions of the table, for every state × event', () => {
    for (const state of caseStates) {
      for (const event of caseEvents) {
        const allowedByTable = transitions[event].from.includes(state);
        // Give every guard what it needs, so only the table decides.
        const f = facts(state, { rating: event === 'rate' ? null : 'dissatisfied', closedAt: now, extensionPending: event === 'decide_extension' });
        const out = nextState(f, event, 'a reason', now);
        expect(out.ok, `${state} × ${event}`).toBe(allowedByTable);
        if (!out.ok) expect(out.refusal).toEqual({ code: 'transition_not_allowed', state, event });
      }
    }
  });

  it('requires reasons for objections, refusals and returns', () => {
    expect(nextState(facts('dispatched'), 'object', '  ', now)).toEqual({ ok: false, refusal: { code: 'reason_required' } });
    expect(nextState(facts('submitted'), 'refuse', null, now)).toEqual({ ok: false, refusal: { code: 'reason_required' } });
    expect(nextState(facts('replied'), 'verify_fail', '照片不清', now)).toEqual({ ok: true, to: 'in_progress' });
  });

  it('lets a dissatisfied resident ask for a redo once by default', () => {
    expect(nextState(facts('rated', { rating: 'satisfied' }), 'redo', '没修好', now).ok).toBe(false);
    expect(nextState(facts('rated', { rating: 'dissatisfied' }), 'redo', '没修好', now)).toEqual({ ok: true, to: 'in_progress' });
    expect(nextState(facts('rated', { rating: 'dissatisfied', redoCount: 1 }), 'redo', '还是没修好', now)).toEqual({ ok: false, refusal: { code: 'redo_limit_reached', max: 1 } });
  });

  it('takes a rating after closure without reopening the case', () => {
    expect(nextState(facts('closed'), 'rate', null, now)).toEqual({ ok: true, to: 'closed' });
    expect(nextState(facts('closed', { rating: 'satisfied' }), 'rate', null, now)).toEqual({ ok: false, refusal: { code: 'already_rated' } });
    expect(nextState(facts('verified'), 'rate', null, now)).toEqual({ ok: true, to: 'rated' });
    expect(nextState(facts('closed', { rating: 'dissatisfied' }), 'redo', '没修好', now)).toEqual({ ok: true, to: 'in_progress' });
  });

  it('reopens only within the window', () => {
    const closedAt = new Date(now.getTime() - 8 * 86_400_000);
    expect(nextState(facts('closed', { closedAt }), 'reopen', '又坏了', now)).toEqual({ ok: false, refusal: { code: 'reopen_window_passed', days: 7 } });
    expect(nextState(facts('closed', { closedAt: now }), 'reopen', '又坏了', now).ok).toBe(true);
  });

  it('keeps the state on extension events and allows one pending request at a time', () => {
    expect(nextState(facts('in_progress'), 'request_extension', '需要采购', now)).toEqual({ ok: true, to: 'in_progress' });
    expect(nextState(facts('in_progress', { extensionPending: true }), 'request_extension', '再延', now).ok).toBe(false);
    expect(nextState(facts('in_progress'), 'decide_extension', '同意', now)).toEqual({ ok: false, refusal: { code: 'no_extension_pending' } });
  });

  it('never leaves merged or refused, and every non-final state has a way forward', () => {
    for (const s of ['merged', 'refused'] as const) expect(eventsFrom(s)).toEqual([]);
    for (const s of caseStates.filter((x) => !finalStates.includes(x))) expect(eventsFrom(s).length).toBeGreaterThan(0);
  });

  it('only ever moves to a known state (random event sequences)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...caseEvents), { maxLength: 40 }), (events) => {
        let f = facts('submitted');
        for (const e of events) {
          const out = nextState(f, e, 'r', now);
          if (out.ok) f = { ...f, state: out.to };
          expect(caseStates).toContain(f.state);
        }
      }),
    );
  });
});

describe('the state machine document', () => {
  it('is in step with the table (run `npm run gen:docs` after changing it)', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { renderStateDoc } = await import('./case-states.doc.js');
    const committed = readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'case-states.md'), 'utf8');
    expect(committed).toBe(renderStateDoc());
  });
});
