import { describe, expect, it } from 'vitest';
import { china2026 } from '../../platform/time/china-holidays.js';
import { makeCalendar } from '../../platform/time/working-days.js';
import { defaultRules, dueAt, extendedDue, ruleFor, type DeadlineRule } from './deadlines.js';

const cal = makeCalendar('Asia/Shanghai', china2026);
const at = (local: string) => new Date(`${local}+08:00`);

describe('case deadlines', () => {
  it('uses clock hours for emergencies, even on holidays', () => {
    const from = at('2026-02-17T23:30:00'); // 春节
    expect(dueAt(from, defaultRules.emergency.dispatch, cal).toISOString()).toBe(at('2026-02-18T00:30:00').toISOString());
    expect(dueAt(from, defaultRules.emergency.feedback, cal).toISOString()).toBe(at('2026-02-18T01:30:00').toISOString());
  });

  it('counts general cases in working days across holidays and 调休', () => {
    // Dispatched Wed 30 Sep 2026: 7 working days are 8, 9, 10 (Sat, 调休), 12, 13, 14, 15 Oct.
    expect(dueAt(at('2026-09-30T10:00:00'), defaultRules.general.feedback, cal).toISOString()).toBe(at('2026-10-16T00:00:00').toISOString());
  });

  it('applies an override to its category subtree, the most specific prefix winning', () => {
    const broad: DeadlineRule = { dispatch: { hours: 12 }, sign: { hours: 12 }, feedback: { workingDays: 10 } };
    const narrow: DeadlineRule = { dispatch: { hours: 2 }, sign: { hours: 1 }, feedback: { hours: 48 } };
    const rules = new Map([
      ['城乡建设|general', broad],
      ['城乡建设/安全生产|general', narrow],
    ]);
    expect(ruleFor('general', rules, '城乡建设/安全生产/事故处理')).toBe(narrow);
    expect(ruleFor('general', rules, '城乡建设/安全生产')).toBe(narrow);
    expect(ruleFor('general', rules, '城乡建设/城市建设和市政管理/城管执法')).toBe(broad);
    expect(ruleFor('general', rules, '城乡建设')).toBe(broad);
    expect(ruleFor('general', rules, '城乡建设二/安全生产')).toBe(defaultRules.general); // a name prefix is not a path prefix
    expect(ruleFor('complex', rules, '城乡建设/安全生产')).toBe(defaultRules.complex);
  });

  it('prefers a category override and extends from the current due time', () => {
    const override: DeadlineRule = { dispatch: { hours: 4 }, sign: { hours: 2 }, feedback: { workingDays: 3 } };
    const rules = new Map([['供水|general', override]]);
    expect(ruleFor('general', rules, '供水')).toBe(override);
    expect(ruleFor('general', rules, '道路')).toBe(defaultRules.general);
    expect(ruleFor('utility', rules, '供水')).toBe(defaultRules.utility);
    expect(ruleFor('general', rules, null)).toBe(defaultRules.general);
    const due = at('2026-03-06T00:00:00'); // end of Thu 5 Mar
    expect(extendedDue(due, { workingDays: 2 }, cal).toISOString()).toBe(at('2026-03-10T00:00:00').toISOString());
  });
});
