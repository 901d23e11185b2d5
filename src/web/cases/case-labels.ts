/**
 * The fixed vocabularies of cases as the console shows them: states, events (with the
 * sweeper's 催办 / 超期 / 上报), inboxes and who sees them, types, channels, urgencies.
 * The lists are checked against the generated API types, so a new state fails `tsc`.
 */
import type { TFunction } from 'i18next';
import type { CaseChannel, CaseEvent, CaseState, CaseType, Inbox, Rating, Urgency } from './cases.api.js';

/** Fails to compile unless `T` is `never`: the lists below name every value of their union. */
type AssertNever<T extends never> = T;

export const caseStates = ['submitted', 'accepted', 'dispatched', 'objected', 'signed', 'in_progress', 'replied', 'answered', 'verified', 'rated', 'closed', 'merged', 'refused'] as const satisfies readonly CaseState[];
export type _AllStates = AssertNever<Exclude<CaseState, (typeof caseStates)[number]>>;

export const caseEvents = [
  'accept', 'refuse', 'answer_now', 'merge', 'dispatch', 'redispatch', 'object', 'uphold_objection', 'reject_objection', 'sign', 'start',
  'request_extension', 'decide_extension', 'reply', 'verify_pass', 'verify_fail', 'rate', 'redo', 'close', 'reopen',
] as const satisfies readonly CaseEvent[];
export type _AllEvents = AssertNever<Exclude<CaseEvent, (typeof caseEvents)[number]>>;

/** Timeline entries that are not state-machine events: intake, "我也遇到", the deadline sweeper. */
const otherEntries = ['submit', 'support', 'remind', 'overdue', 'escalate'] as const;
type TimelineEvent = CaseEvent | (typeof otherEntries)[number];
const timelineEvents: readonly string[] = [...caseEvents, ...otherEntries];

export function isCaseEvent(e: string): e is CaseEvent {
  return (caseEvents as readonly string[]).includes(e);
}

export function eventLabel(event: string, t: TFunction): string {
  return timelineEvents.includes(event) ? t(`cases.events.${event as TimelineEvent}`) : event;
}

export function stateLabel(state: string, t: TFunction): string {
  return (caseStates as readonly string[]).includes(state) ? t(`cases.states.${state as CaseState}`) : state;
}

export const stateColors: Record<CaseState, string> = {
  submitted: 'gold',
  accepted: 'orange',
  dispatched: 'blue',
  objected: 'magenta',
  signed: 'geekblue',
  in_progress: 'processing',
  replied: 'cyan',
  answered: 'green',
  verified: 'lime',
  rated: 'green',
  closed: 'default',
  merged: 'default',
  refused: 'red',
};

/** The inboxes, in tab order, and the permission each needs. */
export const inboxes: readonly { box: Inbox; permission: string }[] = [
  { box: 'to_dispatch', permission: 'cases.dispatch' },
  { box: 'objections', permission: 'cases.dispatch' },
  { box: 'to_sign', permission: 'cases.handle' },
  { box: 'to_handle', permission: 'cases.handle' },
  { box: 'to_verify', permission: 'cases.verify' },
  { box: 'overdue', permission: 'cases.read' },
  { box: 'all', permission: 'cases.read' },
];

export const caseTypes = ['enquiry', 'help', 'complaint', 'report', 'suggestion'] as const satisfies readonly CaseType[];
export const caseChannels = ['web', 'hotline', 'api', 'patrol'] as const satisfies readonly CaseChannel[];
export const urgencies = ['emergency', 'utility', 'general', 'complex'] as const satisfies readonly Urgency[];
export const ratings = ['satisfied', 'basic', 'dissatisfied'] as const satisfies readonly Rating[];

export const urgencyColors: Record<Urgency, string> = { emergency: 'red', utility: 'volcano', general: 'default', complex: 'purple' };

/** The last segment of a category path (`城乡建设/市政设施/路灯` → `路灯`). */
export function categoryLeaf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? path : path.slice(i + 1);
}
