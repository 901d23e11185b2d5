/**
 * Pure facts of the petition forms: what each action asks for, and the body sent — trimmed,
 * empty optional fields left out, the version the caller was looking at always included.
 */
import type { ActionCall, PetitionAction, PetitionInput } from './petitions.api.js';

/** Everything the action modal's form may hold (antd Form values). */
export interface ActionValues {
  earlierNumber?: string;
  orgId?: number;
  routeKind?: 'transfer' | 'assign';
  note?: string;
  reason?: string;
  redirect?: string;
  opinion?: 'support' | 'partial' | 'reject';
  text?: string;
  days?: number;
  approve?: boolean;
  outcome?: 'upheld' | 'changed';
}

export type FieldName = keyof ActionValues;

/** The fields of each action's form, in order; required ones are marked. */
export const actionFields: Record<PetitionAction, Array<{ name: FieldName; required: boolean }>> = {
  link: [{ name: 'earlierNumber', required: false }],
  register: [{ name: 'orgId', required: true }, { name: 'routeKind', required: true }, { name: 'note', required: false }],
  refuse: [{ name: 'reason', required: true }, { name: 'redirect', required: true }],
  accept: [{ name: 'note', required: false }],
  object: [{ name: 'reason', required: true }],
  conclude: [{ name: 'opinion', required: true }, { name: 'text', required: true }],
  extend: [{ name: 'days', required: true }, { name: 'reason', required: true }],
  decide_extension: [{ name: 'approve', required: true }, { name: 'note', required: false }],
  request_review: [{ name: 'text', required: true }],
  answer_review: [{ name: 'outcome', required: true }, { name: 'text', required: true }],
};

const filled = (v: string | undefined): string | undefined => {
  const s = v?.trim();
  return s ? s : undefined;
};
const opt = <K extends string>(key: K, v: string | undefined) => (filled(v) === undefined ? {} : ({ [key]: filled(v) } as Record<K, string>));

/** The request of an action from the form's values. */
export function actionCall(action: PetitionAction, version: number, v: ActionValues): ActionCall {
  const text = filled(v.text) ?? '';
  switch (action) {
    case 'link':
      return { action, body: { version, earlierNumber: filled(v.earlierNumber) ?? null } };
    case 'register':
      return { action, body: { version, orgId: v.orgId ?? 0, routeKind: v.routeKind ?? 'transfer', ...opt('note', v.note) } };
    case 'refuse':
      return { action, body: { version, reason: filled(v.reason) ?? '', redirect: filled(v.redirect) ?? '' } };
    case 'accept':
      return { action, body: { version, ...opt('note', v.note) } };
    case 'object':
      return { action, body: { version, reason: filled(v.reason) ?? '' } };
    case 'conclude':
      return { action, body: { version, opinion: v.opinion ?? 'support', text } };
    case 'extend':
      return { action, body: { version, days: v.days ?? 0, reason: filled(v.reason) ?? '' } };
    case 'decide_extension':
      return { action, body: { version, approve: v.approve === true, ...opt('note', v.note) } };
    case 'request_review':
      return { action, body: { version, text } };
    case 'answer_review':
      return { action, body: { version, outcome: v.outcome ?? 'upheld', text } };
  }
}

/** What the registrar's 登记来信来访 form holds. */
export interface RecordValues {
  channel: 'letter' | 'visit' | 'phone';
  nodeId?: number;
  title?: string;
  content?: string;
  name?: string;
  phone?: string;
  representatives?: number;
  caseNumber?: string;
}

/** The body of POST /api/petitions for a letter, visit or call; representatives only for a visit. */
export function recordBody(v: RecordValues): PetitionInput {
  const phone = filled(v.phone);
  return {
    channel: v.channel,
    title: filled(v.title) ?? '',
    content: filled(v.content) ?? '',
    ...(v.nodeId === undefined ? {} : { nodeId: v.nodeId }),
    petitioner: { name: filled(v.name) ?? '', ...(phone ? { phone } : {}) },
    ...(v.channel === 'visit' && v.representatives !== undefined ? { representatives: v.representatives } : {}),
    ...opt('caseNumber', v.caseNumber),
  };
}
