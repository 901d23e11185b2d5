/**
 * Removes a day from the calendar: it follows the Monday-to-Friday rule again.
 */
import { audit } from '../../../../platform/audit/audit.js';
import { diffFields } from '../../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../../platform/context.js';
import { Forbidden, NotFound } from '../../../../platform/http/errors.js';
import { canConfigure } from '../catalogue.policy.js';
import { markCalendarChanged } from '../catalogue.queries.js';
import { calendarDayOf, deleteCalendarDay } from '../catalogue.repo.js';

/** Deletes the day's entry (404 when the calendar has none); needs `cases.configure` at a root. */
export async function calendarDayClearer(ctx: CommandContext, props: { day: string }): Promise<void> {
  if (!canConfigure(ctx.actor)) throw new Forbidden();
  const before = await calendarDayOf(ctx.tx, props.day);
  if (!before) throw new NotFound();
  await deleteCalendarDay(ctx.tx, props.day);
  markCalendarChanged(ctx.tx);
  await audit(ctx, { action: 'cases.calendar.clear', subjectType: 'calendar_day', subjectId: props.day, changes: diffFields({ kind: before.kind, name: before.name }, null) });
}
