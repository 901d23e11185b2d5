/**
 * How a petition's facts read, the same in the console and on the resident's phone: the state
 * as a tag, the running clock with its due time and the overdue mark, and the name of an
 * action (复查 or 复核 by the state it is asked from).
 */
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.js';
import type { PetitionAction, PetitionClock, PetitionState } from './petitions.api.js';

export const stateColors: Record<PetitionState, string> = {
  received: 'gold',
  returned: 'orange',
  refused: 'default',
  routed: 'gold',
  accepted: 'processing',
  concluded: 'green',
  review_requested: 'purple',
  reviewed: 'green',
  recheck_requested: 'purple',
  rechecked: 'green',
};

export function PetitionStateTag({ state, testId }: { state: PetitionState; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={stateColors[state]} data-testid={testId} data-state={state}>{t(`petitions.states.${state}`)}</Tag>;
}

/** "办结：2026/08/04 前" with 已超期 when the flag is up; nothing when no clock runs. */
export function ClockDue({ clock, dueAt, overdue, testId }: { clock: PetitionClock | null; dueAt: string | null; overdue: boolean; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (!clock || !dueAt) return <span>{t('petitions.fields.none')}</span>;
  return (
    <span className="gz-nowrap" data-testid={testId} data-clock={clock}>
      {t('petitions.console.dueAt', { clock: t(`petitions.clocks.${clock}`), time: formatDateTime(dueAt, i18n.resolvedLanguage ?? 'zh-CN') })}
      {overdue ? <Tag color="red" style={{ marginInlineStart: 6 }} data-testid={testId ? `${testId}-overdue` : undefined}>{t('petitions.console.overdue')}</Tag> : null}
    </span>
  );
}

/** 复查 or 复核: which review a request or an answer is, by the state it is sent from. */
export function reviewLevel(state: PetitionState): 'review' | 'recheck' {
  return state === 'concluded' || state === 'review_requested' ? 'review' : 'recheck';
}

/** The button's words for an action (申请复查 / 申请复核 …). */
export function actionLabel(action: PetitionAction, state: PetitionState, t: TFunction): string {
  if (action === 'request_review') return t(reviewLevel(state) === 'review' ? 'petitions.actions.request_review' : 'petitions.actions.request_recheck');
  if (action === 'answer_review') return t(reviewLevel(state) === 'review' ? 'petitions.actions.answer_review' : 'petitions.actions.answer_recheck');
  return t(`petitions.actions.${action}`);
}

const knownEvents = ['receive', 'link', 'register', 'refuse', 'accept', 'object', 'conclude', 'extend', 'decide_extension', 'request_review', 'answer_review', 'overdue'] as const;

export function eventLabel(event: string, t: TFunction): string {
  return (knownEvents as readonly string[]).includes(event) ? t(`petitions.events.${event as (typeof knownEvents)[number]}`) : event;
}
