/**
 * A petition's way (信访工作条例 2022, DOMAIN.md §7) as one table. Pure: no database, no clock.
 *
 *   received ─register─▶ routed ─accept─▶ accepted ─conclude─▶ concluded
 *      │                   │                 (extend, decide_extension)       │
 *      └─refuse─▶ refused  └─object─▶ returned ─register / refuse             request_review
 *                                                                             ▼
 *   rechecked ◀─answer_review─ recheck_requested ◀─request_review─ reviewed ◀─answer_review─ review_requested
 *
 * `link` (same facts as an earlier petition) happens before registration and keeps the state;
 * `extend` and `decide_extension` keep `accepted`. Which clock runs in each state is here too,
 * so the sweep, the presenter and the commands agree.
 */
import type { PetitionClock, PetitionState } from './petitions.tables.js';

export const petitionEvents = ['link', 'register', 'refuse', 'accept', 'object', 'conclude', 'extend', 'decide_extension', 'request_review', 'answer_review'] as const;
export type PetitionEvent = (typeof petitionEvents)[number];

/** The states each event may leave from. */
const from: Record<PetitionEvent, readonly PetitionState[]> = {
  link: ['received', 'returned'],
  register: ['received', 'returned'],
  refuse: ['received', 'returned'],
  accept: ['routed'],
  object: ['routed'],
  conclude: ['accepted'],
  extend: ['accepted'],
  decide_extension: ['accepted'],
  request_review: ['concluded', 'reviewed'],
  answer_review: ['review_requested', 'recheck_requested'],
};

/** The state after `event` from `state`, or undefined when the state does not allow it. */
export function nextState(state: PetitionState, event: PetitionEvent): PetitionState | undefined {
  if (!from[event].includes(state)) return undefined;
  switch (event) {
    case 'register':
      return 'routed';
    case 'refuse':
      return 'refused';
    case 'accept':
      return 'accepted';
    case 'object':
      return 'returned';
    case 'conclude':
      return 'concluded';
    case 'request_review':
      return state === 'concluded' ? 'review_requested' : 'recheck_requested';
    case 'answer_review':
      return state === 'review_requested' ? 'reviewed' : 'rechecked';
    default:
      return state; // link, extend, decide_extension
  }
}

export function eventsFrom(state: PetitionState): PetitionEvent[] {
  return petitionEvents.filter((e) => from[e].includes(state));
}

/** The staff clock that runs in a state (none once the petitioner holds the next move, or at the end). */
export const clockOf: Record<PetitionState, PetitionClock | null> = {
  received: 'register',
  returned: 'register',
  refused: null,
  routed: 'objection',
  accepted: 'conclude',
  concluded: null,
  review_requested: 'review',
  reviewed: null,
  recheck_requested: 'recheck',
  rechecked: null,
};
