/**
 * 办理过程: the petition's timeline, oldest first — what happened, when, the state it moved
 * to, and the words of the step. Staff see who acted and the internal entries (marked 内部);
 * the petitioner gets only the public ones from the server.
 */
import { Empty, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format.js';
import { eventLabel } from './petition-labels.js';
import type { Petition } from './petitions.api.js';
import './petitions.css';

const colors: Record<string, string> = { refuse: 'red', object: 'red', overdue: 'red', extend: 'orange', request_review: 'purple', conclude: 'green', answer_review: 'green' };

export function PetitionTimeline({ items }: { items: Petition['timeline'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div data-testid="petition-timeline">
    <Timeline
      items={items.map((e) => ({
        key: e.id,
        color: colors[e.event] ?? 'blue',
        content: (
          <div data-testid={`petition-event-${e.event}`}>
            <Typography.Text strong>{eventLabel(e.event, t)}</Typography.Text>
            {e.actor ? <Typography.Text type="secondary"> · {e.actor === 'system' ? t('petitions.console.system') : e.actor}</Typography.Text> : null}
            {e.public ? null : <Tag style={{ marginInlineStart: 8 }}>{t('petitions.console.internal')}</Tag>}
            <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(e.at, lang)} · {t(`petitions.states.${e.toState}`)}</Typography.Text></div>
            {e.note ? <div className="gz-pet-text">{e.note}</div> : null}
          </div>
        ),
      }))}
    />
    </div>
  );
}

/** The 复查 / 复核 rounds: the request, the answer (or its due time). */
export function PetitionReviews({ reviews }: { reviews: Petition['reviews'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  if (reviews.length === 0) return null;
  return (
    <div data-testid="petition-reviews">
      {reviews.map((r) => (
        <div key={r.level} style={{ marginBottom: 12 }} data-testid={`petition-review-${r.level}`}>
          <Typography.Text strong>{t(`petitions.levels.${r.level}`)}</Typography.Text>
          <Typography.Text type="secondary"> · {t('petitions.console.requestedAt')} {formatDateTime(r.requestedAt, lang)}</Typography.Text>
          <div className="gz-pet-text">{t('petitions.console.reviewRequest')}：{r.requestText}</div>
          {r.outcome ? (
            <div className="gz-pet-text" data-testid={`petition-review-${r.level}-answer`}>
              <Tag color={r.outcome === 'upheld' ? 'blue' : 'orange'}>{t(`petitions.outcomes.${r.outcome}`)}</Tag>
              {r.answer}
            </div>
          ) : (
            <Typography.Text type="secondary">{t('petitions.console.answerDue')}：{formatDateTime(r.answerDueAt, lang)}</Typography.Text>
          )}
        </div>
      ))}
    </div>
  );
}
