/**
 * The work-order state machine as one table (FixMyStreet's problem states, the GB/T 30428
 * steps 信息收集 → 案卷建立 → 任务派遣 → 任务处理 → 处理反馈 → 核查结案 → 综合评价).
 * The API, the console and the docs read this table; `nextState` is the only way a case
 * changes state. Pure: no database, no clock.
 */

export const caseStates = [
  'submitted', // 待受理
  'accepted', // 已受理
  'dispatched', // 已派单
  'objected', // 派单异议（待审核）
  'signed', // 已签收
  'in_progress', // 办理中
  'replied', // 已反馈
  'answered', // 即时答复
  'verified', // 已核查
  'rated', // 已评价
  'closed', // 已结案
  'merged', // 已合并
  'refused', // 不予受理
] as const;
export type CaseState = (typeof caseStates)[number];

export const caseEvents = [
  'accept', // 受理
  'refuse', // 不予受理 (reason + the proper channel)
  'answer_now', // 即时答复 (enquiries)
  'merge', // 合并 into another case
  'dispatch', // 派单 (first dispatch, by hand or by the responsibility list)
  'redispatch', // 改派 by a dispatcher before the unit starts
  'object', // 派单异议 by the receiving unit (reason required)
  'uphold_objection', // 异议成立 → dispatched to another unit
  'reject_objection', // 异议不成立 → back to the same unit
  'sign', // 签收
  'start', // 开始办理
  'request_extension', // 申请延期 (no state change)
  'decide_extension', // 延期审批 (no state change)
  'reply', // 办理反馈
  'verify_pass', // 核查通过
  'verify_fail', // 核查不通过 → 返工
  'rate', // 评价 满意 / 基本满意 / 不满意
  'redo', // 重办 (resident dissatisfied)
  'close', // 结案
  'reopen', // 重新打开 by the reporter within the window
] as const;
export type CaseEvent = (typeof caseEvents)[number];

export interface Transition {
  from: readonly CaseState[];
  /** `null`: the event is recorded but the state stays (extensions). */
  to: CaseState | null;
  /** A written reason is required (objections, refusals, returns …). */
  needsReason: boolean;
  /** States of `from` in which the event is recorded but the state stays (a rating after closure). */
  keep: readonly CaseState[];
}

const t = (from: readonly CaseState[], to: CaseState | null, needsReason = false, keep: readonly CaseState[] = []): Transition => ({ from, to, needsReason, keep });
const beforeWork = ['dispatched', 'signed'] as const;

/** Every allowed transition. Anything not listed is refused. */
export const transitions: Record<CaseEvent, Transition> = {
  accept: t(['submitted'], 'accepted'),
  refuse: t(['submitted', 'accepted'], 'refused', true),
  answer_now: t(['submitted', 'accepted'], 'answered'),
  merge: t(['submitted', 'accepted', 'dispatched'], 'merged'),
  dispatch: t(['submitted', 'accepted'], 'dispatched'),
  redispatch: t(beforeWork, 'dispatched', true),
  object: t(beforeWork, 'objected', true),
  uphold_objection: t(['objected'], 'dispatched', true),
  reject_objection: t(['objected'], 'dispatched', true),
  sign: t(['dispatched'], 'signed'),
  start: t(['signed'], 'in_progress'),
  request_extension: t(['signed', 'in_progress'], null, true),
  decide_extension: t(['signed', 'in_progress', 'replied'], null, true),
  reply: t(['signed', 'in_progress'], 'replied'),
  verify_pass: t(['replied'], 'verified'),
  verify_fail: t(['replied'], 'in_progress', true),
  // 回访 often comes after 办结: a closed case takes its rating and stays closed.
  rate: t(['verified', 'answered', 'closed'], 'rated', false, ['closed']),
  redo: t(['rated', 'closed'], 'in_progress', true),
  close: t(['verified', 'rated', 'answered'], 'closed'),
  reopen: t(['closed'], 'in_progress', true),
};

/** States a case no longer moves out of (a closed case may still be reopened by its reporter). */
export const finalStates: readonly CaseState[] = ['closed', 'merged', 'refused'];

/** Every state that is not final. */
export const openStates: readonly CaseState[] = caseStates.filter((s) => !finalStates.includes(s));

/**
 * States in which a public case is on the public list and open to "我也遇到": once the
 * dispatch centre has taken it in, and unless it was refused or merged into another.
 */
export const publicStates: readonly CaseState[] = caseStates.filter((s) => s !== 'submitted' && s !== 'refused' && s !== 'merged');

/** States in which the case is "open" for Open311 and the inboxes. */
export function isOpen(state: CaseState): boolean {
  return !finalStates.includes(state);
}

/** Facts about the case that some transitions depend on. */
export interface CaseFacts {
  state: CaseState;
  /** Latest rating, if any. */
  rating: 'satisfied' | 'basic' | 'dissatisfied' | null;
  redoCount: number;
  /** Redo allowed this many times (default 1). */
  maxRedo: number;
  /** When the case was closed, for the reopen window. */
  closedAt: Date | null;
  reopenWindowDays: number;
  extensionPending: boolean;
}

/** Redo allowed once by default (DOMAIN.md §2); reopening within 7 days of closing. */
export const MAX_REDO = 1;
export const REOPEN_WINDOW_DAYS = 7;

/** The facts of a stored case, with the platform's redo and reopen rules. */
export function caseFacts(c: Pick<CaseFacts, 'state' | 'rating' | 'redoCount' | 'closedAt'>, extensionPending: boolean): CaseFacts {
  return { state: c.state, rating: c.rating, redoCount: c.redoCount, maxRedo: MAX_REDO, closedAt: c.closedAt, reopenWindowDays: REOPEN_WINDOW_DAYS, extensionPending };
}

export type Refusal =
  | { code: 'transition_not_allowed'; state: CaseState; event: CaseEvent }
  | { code: 'reason_required' }
  | { code: 'redo_needs_dissatisfaction' }
  | { code: 'already_rated' }
  | { code: 'redo_limit_reached'; max: number }
  | { code: 'reopen_window_passed'; days: number }
  | { code: 'extension_already_pending' }
  | { code: 'no_extension_pending' };

export type Outcome = { ok: true; to: CaseState } | { ok: false; refusal: Refusal };

function refuse(refusal: Refusal): Outcome {
  return { ok: false, refusal };
}

/** Checks the guards that depend on more than the state. */
function guard(event: CaseEvent, facts: CaseFacts, now: Date): Refusal | null {
  switch (event) {
    case 'redo':
      if (facts.rating !== 'dissatisfied') return { code: 'redo_needs_dissatisfaction' };
      if (facts.redoCount >= facts.maxRedo) return { code: 'redo_limit_reached', max: facts.maxRedo };
      return null;
    case 'reopen': {
      const limit = (facts.closedAt?.getTime() ?? 0) + facts.reopenWindowDays * 86_400_000;
      return now.getTime() > limit ? { code: 'reopen_window_passed', days: facts.reopenWindowDays } : null;
    }
    case 'rate':
      // One rating per round of handling; a redo or reopen clears it for the next round.
      return facts.rating !== null ? { code: 'already_rated' } : null;
    case 'request_extension':
      return facts.extensionPending ? { code: 'extension_already_pending' } : null;
    case 'decide_extension':
      return facts.extensionPending ? null : { code: 'no_extension_pending' };
    default:
      return null;
  }
}

/**
 * The state after `event`, or why it is refused. Who may send the event is the policy's
 * business (case.policy.ts), not the state machine's.
 */
export function nextState(facts: CaseFacts, event: CaseEvent, reason: string | null, now: Date): Outcome {
  const rule = transitions[event];
  if (!rule.from.includes(facts.state)) return refuse({ code: 'transition_not_allowed', state: facts.state, event });
  if (rule.needsReason && !reason?.trim()) return refuse({ code: 'reason_required' });
  const blocked = guard(event, facts, now);
  if (blocked) return refuse(blocked);
  return { ok: true, to: rule.to === null || rule.keep.includes(facts.state) ? facts.state : rule.to };
}

/** The events allowed from a state (before guards), for the UI and the docs. */
export function eventsFrom(state: CaseState): CaseEvent[] {
  return caseEvents.filter((e) => transitions[e].from.includes(state));
}
