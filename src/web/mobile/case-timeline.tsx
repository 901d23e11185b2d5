/**
 * 办理进度: the case's timeline, newest first, as residents see it — roles instead of staff
 * names (the reporter is "我" on their own case, "反映人" to everyone else), the unit in
 * charge where the entry names it, reasons, and the handling unit's answer set apart.
 */
import { Empty, Timeline } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatMinute, label } from './labels.js';
import type { TimelineEntry } from './resident.api.js';

const COLORS: Record<string, string> = { reply: 'green', answer_now: 'green', close: 'green', verify_pass: 'green', rate: 'green', refuse: 'red', overdue: 'red', escalate: 'red', verify_fail: 'orange', redo: 'orange', reopen: 'orange' };

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function actorOf(e: TimelineEntry, viewer: 'reporter' | 'public', t: TFunction): string {
  if (e.actor === 'reporter') return label(t, 'actors', viewer === 'reporter' ? 'reporter' : 'reporterPublic');
  const role = label(t, 'actors', e.actor);
  const unit = text(e.data.unitName);
  return e.actor === 'handling_unit' && unit ? t('resident.common.withUnit', { role, unit }) : role;
}

function Details({ e, t, lang }: { e: TimelineEntry; t: TFunction; lang: string }) {
  const unit = text(e.data.unitName);
  const rating = text(e.data.rating);
  const due = text(e.data.feedbackDueAt) ?? text(e.data.dueAt);
  const into = text(e.data.intoNumber);
  const days = typeof e.data.workingDays === 'number' ? e.data.workingDays : null;
  const lines: string[] = [];
  if (unit && e.actor !== 'handling_unit') lines.push(t('resident.common.labelled', { label: t('resident.common.unit'), value: unit }));
  if (rating) lines.push(t('resident.common.labelled', { label: t('resident.common.satisfaction'), value: label(t, 'ratings', rating) }));
  if (into) lines.push(t('resident.common.mergedInto', { number: into }));
  if (days !== null && e.event !== 'request_extension') {
    const approved = e.data.approved === true ? t('resident.common.approved') : e.data.approved === false ? t('resident.common.rejected') : '';
    lines.push(`${t('resident.common.extension', { days })}${approved ? ` · ${approved}` : ''}`);
  }
  if (due) lines.push(`${t('resident.common.deadline')} ${formatMinute(due, lang)}`);
  const isAnswer = e.event === 'reply' || e.event === 'answer_now';
  return (
    <>
      {lines.map((l) => <div key={l} className="gz-res-tl__text">{l}</div>)}
      {e.reason ? <div className="gz-res-tl__text">{t('resident.common.labelled', { label: t('resident.common.reason'), value: e.reason })}</div> : null}
      {e.message ? (
        isAnswer ? <div className="gz-res-tl__reply" data-testid="timeline-reply">{e.message}</div> : <div className="gz-res-tl__text">{e.event === 'refuse' ? t('resident.common.labelled', { label: t('resident.common.channel'), value: e.message }) : e.message}</div>
      ) : null}
    </>
  );
}

export function CaseTimeline({ items, viewer }: { items: readonly TimelineEntry[]; viewer: 'reporter' | 'public' }) {
  const { t, i18n } = useTranslation();
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resident.common.noTimeline')} data-testid="timeline" />;
  const newestFirst = [...items].reverse();
  return (
    <div data-testid="timeline">
      <Timeline
        className="gz-res-timeline"
        items={newestFirst.map((e) => ({
          key: e.id,
          color: COLORS[e.event] ?? 'blue',
          content: (
            <div data-testid={`timeline-item-${e.event}`}>
              <div className="gz-res-tl__head">
                <span className="gz-res-tl__event">{label(t, 'events', e.event)}</span>
                <span className="gz-res-tl__time">{formatMinute(e.at, i18n.language)}</span>
              </div>
              <div className="gz-res-tl__actor">{actorOf(e, viewer, t)}</div>
              <Details e={e} t={t} lang={i18n.language} />
            </div>
          ),
        }))}
      />
    </div>
  );
}
