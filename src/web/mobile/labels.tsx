/**
 * Words residents know for the server's codes (states, types, events, roles), from the
 * `resident` messages; a code the UI does not know yet shows as itself rather than breaking.
 * Also the state tag and the deadline line every case view shares.
 */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TIME_ZONE } from '../i18n/format.js';
import { dueOf, isOverdue, type Due } from './case-helpers.js';

type Group = 'states' | 'types' | 'ratings' | 'actors' | 'events';

/** `t('resident.<group>.<code>')`, or the code itself when unknown. */
export function label(t: TFunction, group: Group, code: string): string {
  // The code comes from the server, so the key is not known to the typed `t` at compile time.
  const lookup = t as unknown as (key: string, options: { defaultValue: string }) => string;
  return lookup(`resident.${group}.${code}`, { defaultValue: code });
}

const minuteFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026/03/05 14:07" in the deployment's zone: minutes are enough for a resident. */
export function formatMinute(iso: string, lang: string): string {
  let f = minuteFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    minuteFormats.set(lang, f);
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}

const STATE_COLORS: Record<string, string> = {
  submitted: 'default', accepted: 'processing', dispatched: 'processing', objected: 'processing', signed: 'processing', in_progress: 'processing',
  replied: 'cyan', answered: 'cyan', verified: 'gold', rated: 'green', closed: 'green', merged: 'default', refused: 'red',
};

export function StateTag({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state] ?? 'default'} data-testid="case-state" data-state={state} style={{ marginInlineEnd: 0 }}>
      {label(t, 'states', state)}
    </Tag>
  );
}

/** 办理时限 with 已超期 in red when overdue; nothing when the case has no deadline. */
export function CaseDeadline({ c }: { c: Due }) {
  const { t, i18n } = useTranslation();
  const due = dueOf(c);
  if (!due && !c.overdue) return null;
  const overdue = isOverdue(c);
  return (
    <span className={`gz-res-deadline${overdue ? ' gz-res-deadline--overdue' : ''}`} data-testid="case-deadline" data-overdue={overdue ? 'true' : 'false'}>
      <ClockCircleOutlined /> {t('resident.common.deadline')} {due ? formatMinute(due, i18n.language) : ''}
      {overdue ? <Tag color="red" className="gz-res-overdue" data-testid="case-overdue">{t('resident.common.overdue')}</Tag> : null}
    </span>
  );
}
