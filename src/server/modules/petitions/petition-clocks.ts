/**
 * The 信访工作条例's time limits as pure functions. Calendar days count as the statute
 * counts them (期间开始之日不计算在内): "within N days" of an instant ends at the local midnight
 * after the N-th day that follows its day. The out-of-remit objection is the one limit in
 * working days (5), counted on the holiday calendar (working-days.ts) the same way.
 */
import { addWorkingDays, type WorkCalendar } from '../../platform/time/working-days.js';
import { addDays, localDateOf, startOfLocalDate } from '../../platform/time/zoned.js';
import type { PetitionState } from './petitions.tables.js';

/** 登记 and 转送/交办 within 15 days of receipt. */
export const REGISTER_DAYS = 15;
/** An out-of-remit objection within 5 working days of the body's receipt. */
export const OBJECTION_WORKING_DAYS = 5;
/** Concluded within 60 days of acceptance. */
export const CONCLUDE_DAYS = 60;
/** One extension of at most 30 days, approved, the petitioner told why. */
export const MAX_EXTENSION_DAYS = 30;
/** 复查 / 复核 requested within 30 days of the answer received. */
export const REVIEW_REQUEST_DAYS = 30;
/** 复查 / 复核 answered within 30 days of the request. */
export const REVIEW_ANSWER_DAYS = 30;
/** A group visit (走访) sends at most 5 representatives. */
export const MAX_REPRESENTATIVES = 5;

/** The end of "within `n` days" from `from`, in the deployment's zone. */
export function addCalendarDays(from: Date, n: number, timeZone: string): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`days must be a non-negative integer: ${n}`);
  return startOfLocalDate(addDays(localDateOf(from, timeZone), n + 1), timeZone);
}

/** A due time (a local midnight) moved later by `n` whole days: the approved extension. */
export function extendDue(due: Date, n: number, timeZone: string): Date {
  return startOfLocalDate(addDays(localDateOf(due, timeZone), n), timeZone);
}

export const registerDue = (receivedAt: Date, tz: string) => addCalendarDays(receivedAt, REGISTER_DAYS, tz);
export const objectionDue = (routedAt: Date, cal: WorkCalendar) => addWorkingDays(cal, routedAt, OBJECTION_WORKING_DAYS);
export const concludeDue = (acceptedAt: Date, tz: string) => addCalendarDays(acceptedAt, CONCLUDE_DAYS, tz);
export const reviewWindowEnd = (answeredAt: Date, tz: string) => addCalendarDays(answeredAt, REVIEW_REQUEST_DAYS, tz);
export const reviewAnswerDue = (requestedAt: Date, tz: string) => addCalendarDays(requestedAt, REVIEW_ANSWER_DAYS, tz);

/** Whether a deadline still holds at `now` (its last instant is the one before the due time). */
export function within(now: Date, due: Date | null): boolean {
  return due !== null && now.getTime() < due.getTime();
}

/**
 * Whether the answer is final: 复核 answered, or the window for the next review ran out
 * unused (the 处理意见 or 复查意见 then stands). A new petition on the same facts is refused.
 */
export function isFinal(p: { state: PetitionState; reviewWindowEndsAt: Date | null }, now: Date): boolean {
  if (p.state === 'rechecked') return true;
  return (p.state === 'concluded' || p.state === 'reviewed') && !within(now, p.reviewWindowEndsAt);
}
