/**
 * Who may do what to a case (pure). Three relations decide, besides the role's subtree:
 *  - the reporter (their own case: follow, rate, ask for a redo, reopen);
 *  - the members of the lead unit (sign, handle, reply, object, ask for an extension);
 *  - staff holding a case permission over the case's area (dispatch, verify, read).
 * What the state allows is the workflow's business (case.workflow.ts); `actionsFor`
 * combines both so every response can say what its caller may do next.
 */
import { can, type Actor } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { eventsFrom, type CaseEvent, type CaseState } from './case.workflow.js';

export interface CaseSubject {
  state: CaseState;
  areaPath: string;
  reporterUserId: number | null;
  leadOrgId: number | null;
}

/** The caller: their grants, and the units (organizations) in which they hold a post. */
export interface CaseCaller {
  actor: Actor | null;
  unitIds: readonly number[];
}

const at = (c: CaseSubject) => ({ path: c.areaPath });

export function isReporter(who: CaseCaller, c: CaseSubject): boolean {
  return !!who.actor && c.reporterUserId === who.actor.userId;
}

/** A member of the lead unit who holds the handling permission. */
export function isHandler(who: CaseCaller, c: CaseSubject): boolean {
  return c.leadOrgId !== null && who.unitIds.includes(c.leadOrgId) && can(who.actor, Permission.CasesHandle);
}

const dispatcher = (who: CaseCaller, c: CaseSubject) => can(who.actor, Permission.CasesDispatch, at(c));
const verifier = (who: CaseCaller, c: CaseSubject) => can(who.actor, Permission.CasesVerify, at(c));
/** A 回访 operator records a rating or redo for a caller without an account. */
const onBehalf = (who: CaseCaller, c: CaseSubject) => c.reporterUserId === null && dispatcher(who, c);

type Rule = (who: CaseCaller, c: CaseSubject) => boolean;

/** Event → who may send it. */
export const eventRules: Record<CaseEvent, Rule> = {
  accept: dispatcher,
  refuse: dispatcher,
  answer_now: dispatcher,
  merge: dispatcher,
  dispatch: dispatcher,
  redispatch: dispatcher,
  uphold_objection: dispatcher,
  reject_objection: dispatcher,
  sign: isHandler,
  start: isHandler,
  reply: isHandler,
  object: isHandler,
  request_extension: isHandler,
  decide_extension: verifier,
  verify_pass: verifier,
  verify_fail: verifier,
  close: verifier,
  rate: (who, c) => isReporter(who, c) || onBehalf(who, c),
  redo: (who, c) => isReporter(who, c) || onBehalf(who, c),
  reopen: isReporter,
};

export const casePolicy = {
  /** Staff of the area, members of the lead unit, and the reporter see the case. */
  view: (who: CaseCaller, c: CaseSubject): boolean =>
    isReporter(who, c) || can(who.actor, Permission.CasesRead, at(c)) || (c.leadOrgId !== null && who.unitIds.includes(c.leadOrgId)),
  /** Internal fields (contact, notes, objections) are for staff, not for the reporter's view. */
  seeInternal: (who: CaseCaller, c: CaseSubject): boolean =>
    can(who.actor, Permission.CasesRead, at(c)) || (c.leadOrgId !== null && who.unitIds.includes(c.leadOrgId)),
  may: (who: CaseCaller, event: CaseEvent, c: CaseSubject): boolean => eventRules[event](who, c),
};

/** The events the caller may send now (role and relation × state, before data-dependent guards). */
export function actionsFor(who: CaseCaller, c: CaseSubject): CaseEvent[] {
  return eventsFrom(c.state).filter((e) => eventRules[e](who, c));
}
