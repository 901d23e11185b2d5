/**
 * Due times of a case's running step, from the configurable deadline rules and the
 * working-day calendar (both data, edited in the console; see catalogue/).
 */
import type { Executor } from '../../platform/db/database.js';
import { DEFAULT_TIME_ZONE, type CommandContext } from '../../platform/context.js';
import { loadDeadlineOverrides, loadWorkCalendar } from './catalogue/catalogue.queries.js';
import { dueAt, extendedDue, ruleFor, type Urgency } from './deadlines.js';
import type { CaseStep } from './cases.tables.js';

export interface StepDue {
  step: CaseStep;
  stepDueAt: Date;
}

async function context(ex: Executor, timeZone: string, urgency: Urgency, categoryPath: string | null) {
  const [calendar, overrides] = await Promise.all([loadWorkCalendar(ex, timeZone), loadDeadlineOverrides(ex)]);
  return { calendar, rule: ruleFor(urgency, overrides, categoryPath) };
}

const zoneOf = (ctx: CommandContext) => ctx.timeZone ?? DEFAULT_TIME_ZONE;

/** The dispatch deadline of a new case (派单时限), counted from intake. */
export async function dispatchDue(ctx: CommandContext, urgency: Urgency, categoryPath: string | null): Promise<StepDue> {
  const { calendar, rule } = await context(ctx.tx, zoneOf(ctx), urgency, categoryPath);
  return { step: 'dispatch', stepDueAt: dueAt(ctx.now, rule.dispatch, calendar) };
}

/** At dispatch: the sign-for deadline (签收) and the feedback deadline (办理时限), both from now. */
export async function handlingDue(ctx: CommandContext, urgency: Urgency, categoryPath: string | null): Promise<{ sign: StepDue; feedbackDueAt: Date }> {
  const { calendar, rule } = await context(ctx.tx, zoneOf(ctx), urgency, categoryPath);
  return { sign: { step: 'sign', stepDueAt: dueAt(ctx.now, rule.sign, calendar) }, feedbackDueAt: dueAt(ctx.now, rule.feedback, calendar) };
}

/** An approved extension of `workingDays`, counted from the current feedback deadline. */
export async function extendedFeedbackDue(ctx: CommandContext, currentDue: Date, workingDays: number): Promise<Date> {
  const calendar = await loadWorkCalendar(ctx.tx, zoneOf(ctx));
  return extendedDue(currentDue, { workingDays }, calendar);
}

/** A redo or reopen restarts the feedback clock with the case's rule. */
export async function redoFeedbackDue(ctx: CommandContext, urgency: Urgency, categoryPath: string | null): Promise<Date> {
  const { calendar, rule } = await context(ctx.tx, zoneOf(ctx), urgency, categoryPath);
  return dueAt(ctx.now, rule.feedback, calendar);
}
