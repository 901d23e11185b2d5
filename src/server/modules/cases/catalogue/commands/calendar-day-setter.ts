/**
 * Sets one day of the working-day calendar: a public holiday (法定节假日) or a 调休
 * make-up workday. Deadlines computed afterwards use it (the cached calendar is dropped).
 */
import { audit } from '../../../../platform/audit/audit.js';
import { diffFields } from '../../../../platform/audit/audit-hash.js';
import type { CommandContext } from '../../../../platform/context.js';
import { Forbidden } from '../../../../platform/http/errors.js';
import type { DayKind } from '../../../../platform/time/working-days.js';
import { weekday } from '../../../../platform/time/zoned.js';
import { invalidField } from '../catalogue.errors.js';
import { canConfigure } from '../catalogue.policy.js';
import { markCalendarChanged } from '../catalogue.queries.js';
import { calendarDayOf, upsertCalendarDay, type CalendarDayRow } from '../catalogue.repo.js';

export interface CalendarDaySetterProps {
  /** Local date, YYYY-MM-DD. */
  day: string;
  kind: DayKind;
  /** 春节, 国庆节调休上班 … */
  name: string;
}

const fields = (d: Pick<CalendarDayRow, 'kind' | 'name'> | undefined) => (d ? { kind: d.kind, name: d.name } : null);

/** Creates or changes the day; the caller needs `cases.configure` at a root of the tree. */
export async function calendarDaySetter(ctx: CommandContext, props: CalendarDaySetterProps): Promise<CalendarDayRow> {
  if (!canConfigure(ctx.actor)) throw new Forbidden();
  const wd = weekday(props.day);
  if (props.kind === 'workday' && wd !== 0 && wd !== 6) throw invalidField('body.kind', 'calendar_workday_weekday');
  const before = await calendarDayOf(ctx.tx, props.day);
  if (before && before.kind === props.kind && before.name === props.name) return before;
  const after = await upsertCalendarDay(ctx.tx, props, ctx.now);
  markCalendarChanged(ctx.tx);
  await audit(ctx, { action: 'cases.calendar.set', subjectType: 'calendar_day', subjectId: props.day, changes: diffFields(fields(before), fields(after)) });
  return after;
}
