/**
 * The counts the rollups keep per subject and day (assessment_daily's columns). Each is a
 * function of one case row (or one objection row); the indicators (indicators.ts) are ratios
 * of them. The day a count falls on is the one named beside it, in the platform's time zone.
 */
export const counters = [
  // by the day the case was raised (cases.submitted_at)
  'received', // not merged into another case
  'handled', // … nor refused (不予受理)
  'closed', // … and closed (结案)
  // by the day it left 待受理 (taken_at)
  'intakeDone',
  'intakeOnTime', // before the dispatch deadline
  // by the day the current assignment's sign deadline falls (sign_due_at)
  'signDue', // signed, or still unsigned after the deadline
  'signOnTime', // signed by the deadline
  // by the day the unit signed (signed_at)
  'signed',
  // by the day the feedback deadline falls (feedback_due_at)
  'feedbackDue', // answered, or unanswered after the deadline; no extension approved
  'feedbackOnTime', // answered by the deadline
  'deferred', // an extension was approved (left out of the two above)
  // by the day of the standing rating (rated_at)
  'rated',
  'satisfied',
  'basic', // 基本满意
  'redone', // rated after a 重办
  'resolvedAsked', // the reporter answered 问题是否解决
  'resolvedYes',
  // by the day verification passed (verified_at)
  'verified',
  'returned', // failed verification at least once (返工)
  // by the day a unit filed a 派单异议 (case_objections.filed_at)
  'objections',
  'objectionsUpheld',
  'objectionsRejected',
] as const;

export type Counter = (typeof counters)[number];
export type Counts = Record<Counter, number>;

/** snake_case column of a counter: intakeOnTime → intake_on_time. */
export function columnOf(c: Counter): string {
  return c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
}

export function zeroCounts(): Counts {
  return Object.fromEntries(counters.map((c) => [c, 0])) as Counts;
}
