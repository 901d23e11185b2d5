/**
 * 办理过程: every entry of the case's timeline, oldest first — who (staff see names),
 * when, the state change, the reason or message, and the facts the entry carries (unit,
 * deadlines, extension days …). Entries the reporter does not see are marked 内部.
 */
import { Empty, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.js';
import { caseChannels, eventLabel, stateLabel } from './case-labels.js';
import type { TimelineEntry } from './cases.api.js';

const colors: Record<string, string> = {
  refuse: 'red', object: 'red', verify_fail: 'red', overdue: 'red', escalate: 'red', redo: 'red', reopen: 'red',
  remind: 'orange', request_extension: 'orange', uphold_objection: 'orange', reject_objection: 'orange',
  reply: 'green', verify_pass: 'green', close: 'green', answer_now: 'green', rate: 'green',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

function dataLines(e: TimelineEntry, t: TFunction, lang: string): string[] {
  const d = e.data;
  const out: string[] = [];
  const time = (v: unknown) => (typeof v === 'string' ? formatDateTime(v, lang) : '');
  const channel = str(d.channel);
  if (e.event === 'submit' && channel && (caseChannels as readonly string[]).includes(channel)) out.push(t('cases.timeline.channel', { channel: t(`cases.channels.${channel as (typeof caseChannels)[number]}`) }));
  if (e.event === 'submit' && str(d.routeUnit)) out.push(t('cases.timeline.routeUnit', { unit: str(d.routeUnit) }));
  const unitName = str(d.unitName);
  if (unitName) {
    const mode = typeof d.mode === 'string' && ['direct', 'territorial', 'manual'].includes(d.mode) ? t(`cases.modes.${d.mode as 'direct' | 'territorial' | 'manual'}`) : null;
    out.push(t('cases.timeline.unit', { unit: mode ? t('cases.fields.unitWithMode', { unit: unitName, mode }) : unitName }));
  }
  if (Array.isArray(d.coUnits) && d.coUnits.length > 0) out.push(t('cases.timeline.coUnits', { units: d.coUnits.filter((u) => typeof u === 'string').join(t('cases.fields.listSep')) }));
  if (e.event === 'decide_extension') out.push(d.approved === true ? t('cases.timeline.approved') : t('cases.timeline.denied'));
  if (typeof d.workingDays === 'number') out.push(t('cases.timeline.workingDays', { days: d.workingDays }));
  if (str(d.feedbackDueAt)) out.push(t('cases.timeline.feedbackDue', { time: time(d.feedbackDueAt) }));
  if (str(d.intoNumber)) out.push(t('cases.timeline.into', { number: str(d.intoNumber) }));
  if (typeof d.rating === 'string' && ['satisfied', 'basic', 'dissatisfied'].includes(d.rating)) out.push(t(`cases.ratings.${d.rating as 'satisfied' | 'basic' | 'dissatisfied'}`));
  if (typeof d.step === 'string' && ['dispatch', 'sign', 'feedback'].includes(d.step)) out.push(t('cases.timeline.step', { step: t(`cases.steps.${d.step as 'dispatch' | 'sign' | 'feedback'}`) }));
  if (str(d.dueAt)) out.push(t('cases.timeline.dueAt', { time: time(d.dueAt) }));
  if (d.auto === true) out.push(t('cases.timeline.auto'));
  return out;
}

function Entry({ e }: { e: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const moved = e.fromState && e.toState && e.fromState !== e.toState;
  const lines = dataLines(e, t, lang);
  return (
    <div data-testid={`timeline-item-${e.event}`}>
      <div>
        <Typography.Text strong>{eventLabel(e.event, t)}</Typography.Text>
        <Typography.Text type="secondary"> · {e.actor === 'system' ? t('cases.timeline.system') : e.actor}</Typography.Text>
        {e.public ? null : <Tag style={{ marginInlineStart: 8 }}>{t('cases.timeline.internal')}</Tag>}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(e.at, lang)}
        {moved ? ` · ${stateLabel(e.fromState!, t)} → ${stateLabel(e.toState!, t)}` : ''}
      </Typography.Text>
      {e.reason ? <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{t('cases.timeline.reason', { reason: e.reason })}</Typography.Paragraph> : null}
      {e.message ? <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{e.message}</Typography.Paragraph> : null}
      {lines.length > 0 ? <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: 13 }}>{lines.join(t('cases.timeline.sep'))}</Typography.Paragraph> : null}
    </div>
  );
}

export function CaseTimeline({ items }: { items: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="case-timeline">
      {items.length === 0 ? (
        <Empty description={t('cases.timeline.empty')} />
      ) : (
        <Timeline items={items.map((e) => ({ key: e.id, color: colors[e.event] ?? 'blue', content: <Entry e={e} /> }))} />
      )}
    </div>
  );
}
