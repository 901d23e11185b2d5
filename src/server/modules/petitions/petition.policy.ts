/**
 * Who may do what to a petition (pure): a role's permission AND the subtree of the place it
 * concerns, or the petitioner's own relation.
 *  - registrars (petitions.register) over the petition's place: link, register, refuse, and
 *    decide the handling body's extension request;
 *  - the handling body's staff (petitions.handle) over the unit's place: accept, object,
 *    conclude, ask for an extension;
 *  - the 复查 / 复核 body: registrars over the level above the handling body (and above that);
 *  - the petitioner (their account): request 复查 / 复核; a registrar records it for a
 *    petitioner without an account (a letter or a visit).
 * What the state allows is the workflow's; the data guards (windows, once-only) are here so
 * that every view lists exactly the actions its caller can take now.
 */
import { can, type Actor, type Located } from '../../platform/access/actor.js';
import { Permission } from '../../platform/access/permission.js';
import { within } from './petition-clocks.js';
import { eventsFrom, type PetitionEvent } from './petition-workflow.js';
import type { ExtensionState, PetitionState } from './petitions.tables.js';

export interface PetitionSubject {
  state: PetitionState;
  nodePath: string;
  handlerPath: string | null;
  reviewPath: string | null;
  recheckPath: string | null;
  petitionerUserId: number | null;
  extensionState: ExtensionState;
  objectionDueAt: Date | null;
  concludeDueAt: Date | null;
  reviewWindowEndsAt: Date | null;
}

const at = (path: string | null): Located | undefined => (path === null ? undefined : { path });
const holds = (actor: Actor | null, p: Permission, path: string | null) => {
  const place = at(path);
  return place !== undefined && can(actor, p, place);
};

export const isPetitioner = (actor: Actor | null, p: PetitionSubject) => actor !== null && p.petitionerUserId === actor.userId;
const registrar = (actor: Actor | null, p: PetitionSubject) => holds(actor, Permission.PetitionsRegister, p.nodePath);
const handler = (actor: Actor | null, p: PetitionSubject) => holds(actor, Permission.PetitionsHandle, p.handlerPath);
/** The body answering the pending 复查 or 复核. */
const reviewer = (actor: Actor | null, p: PetitionSubject) => holds(actor, Permission.PetitionsRegister, p.state === 'recheck_requested' ? p.recheckPath : p.reviewPath);

type Rule = (actor: Actor | null, p: PetitionSubject) => boolean;

export const eventRules: Record<PetitionEvent, Rule> = {
  link: registrar,
  register: registrar,
  refuse: registrar,
  accept: handler,
  object: handler,
  conclude: handler,
  extend: handler,
  decide_extension: registrar,
  request_review: (actor, p) => isPetitioner(actor, p) || (p.petitionerUserId === null && registrar(actor, p)),
  answer_review: reviewer,
};

/** Guards that depend on the petition's data and the time, not on who asks. */
const dataGuards: Partial<Record<PetitionEvent, (p: PetitionSubject, now: Date) => boolean>> = {
  object: (p, now) => within(now, p.objectionDueAt),
  extend: (p, now) => p.extensionState === 'none' && within(now, p.concludeDueAt),
  decide_extension: (p) => p.extensionState === 'pending',
  request_review: (p, now) => within(now, p.reviewWindowEndsAt),
};

/** Staff who read petitions over any place the petition concerns. */
export function isStaffReader(actor: Actor | null, p: PetitionSubject): boolean {
  return [p.nodePath, p.handlerPath, p.reviewPath, p.recheckPath].some((path) => holds(actor, Permission.PetitionsRead, path));
}

export const petitionPolicy = {
  /** The petitioner and the staff of its places; anyone else is told it does not exist. */
  view: (actor: Actor | null, p: PetitionSubject): boolean => isPetitioner(actor, p) || isStaffReader(actor, p),
  /** The petitioner's contact and the internal timeline are for staff over the petition. */
  seeInternal: isStaffReader,
  may: (actor: Actor | null, event: PetitionEvent, p: PetitionSubject): boolean => eventRules[event](actor, p),
};

/** The events the caller may send now: state × role and relation × the data's windows. */
export function actionsFor(actor: Actor | null, p: PetitionSubject, now: Date): PetitionEvent[] {
  return eventsFrom(p.state).filter((e) => eventRules[e](actor, p) && (dataGuards[e]?.(p, now) ?? true));
}
