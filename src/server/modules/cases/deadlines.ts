/**
 * Due times of a case's steps from its urgency class (and, through the configurable
 * rules table, its category), on the working-day calendar. Pure.
 *
 * Defaults (DOMAIN.md §2): dispatch within 1 h for emergencies and threats to life or
 * property, 2 h for water/power/gas/heating, 24 h otherwise; feedback within 2 h
 * (emergency), 24 h (utilities), 7 working days (general), 15 working days (complex).
 */
import { addWorkingDays, type WorkCalendar } from '../../platform/time/working-days.js';

export const urgencies = ['emergency', 'utility', 'general', 'complex'] as const;
export type Urgency = (typeof urgencies)[number];

/** A span of clock hours, or of working days on the calendar. */
export type Span = { hours: number } | { workingDays: number };

export interface DeadlineRule {
  /** From intake to dispatch (派单时限). */
  dispatch: Span;
  /** From dispatch to signing for it (签收时限). */
  sign: Span;
  /** From dispatch to the handler's feedback (办理时限). */
  feedback: Span;
}

export const defaultRules: Record<Urgency, DeadlineRule> = {
  emergency: { dispatch: { hours: 1 }, sign: { hours: 0.5 }, feedback: { hours: 2 } },
  utility: { dispatch: { hours: 2 }, sign: { hours: 1 }, feedback: { hours: 24 } },
  general: { dispatch: { hours: 24 }, sign: { hours: 24 }, feedback: { workingDays: 7 } },
  complex: { dispatch: { hours: 24 }, sign: { hours: 24 }, feedback: { workingDays: 15 } },
};

/** The end of a span that starts at `from`. */
export function dueAt(from: Date, span: Span, calendar: WorkCalendar): Date {
  if ('hours' in span) return new Date(from.getTime() + span.hours * 3_600_000);
  return addWorkingDays(calendar, from, span.workingDays);
}

/**
 * The rule for a case: a category override (from the configurable table, keyed
 * `${categoryPath}|${urgency}`) wins over the default of its urgency class. An override
 * covers its category's subtree; the most specific prefix of the case's category path wins.
 */
export function ruleFor(urgency: Urgency, overrides: ReadonlyMap<string, DeadlineRule>, category: string | null): DeadlineRule {
  if (category) {
    for (let end = category.length; end > 0; end = category.lastIndexOf('/', end - 1)) {
      const rule = overrides.get(`${category.slice(0, end)}|${urgency}`);
      if (rule) return rule;
    }
  }
  return defaultRules[urgency];
}

/**
 * Extends a due time by an approved extension, counted from the current due time. A
 * working-day due time is the midnight that ends its last day, so the count starts from
 * that day (one millisecond earlier), not from the day the midnight opens.
 */
export function extendedDue(currentDue: Date, extension: Span, calendar: WorkCalendar): Date {
  if ('hours' in extension) return dueAt(currentDue, extension, calendar);
  return dueAt(new Date(currentDue.getTime() - 1), extension, calendar);
}
