/**
 * One case as a card: state, number, title, submitted time and 办理时限. On the resident's
 * own list the card opens the case; on the public list it shows the text and a footer
 * (我也遇到) instead, since others' cases have no page of their own.
 */
import { Card, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CaseDeadline, formatMinute, label, StateTag } from './labels.js';
import type { CaseView } from './resident.api.js';

export function CaseCard({ c, to, showDescription = false, footer }: { c: CaseView; to?: string; showDescription?: boolean; footer?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const body = (
    <Card className="gz-res-card" data-testid={`case-card-${c.number}`} data-case-id={c.id} hoverable={!!to}>
      <div className="gz-res-card__top">
        <span className="gz-res-card__number" data-testid="case-number">{c.number}</span>
        <StateTag state={c.state} />
      </div>
      <div className="gz-res-card__title" data-testid="case-title">
        <Tag variant="filled" color="blue" style={{ marginInlineEnd: 6 }}>{label(t, 'types', c.type)}</Tag>
        {c.title}
      </div>
      {showDescription ? <p className="gz-res-card__desc">{c.description.length > 140 ? `${c.description.slice(0, 140)}…` : c.description}</p> : null}
      <div className="gz-res-card__meta">
        <span data-testid="case-submitted">{t('resident.common.submittedAt')} {formatMinute(c.submittedAt, i18n.language)}</span>
        <CaseDeadline c={c} />
        {c.lead ? <span>{t('resident.common.labelled', { label: t('resident.common.unit'), value: c.lead.name })}</span> : null}
      </div>
      {footer ? <div className="gz-res-card__foot">{footer}</div> : null}
    </Card>
  );
  return to ? <Link to={to} className="gz-res-cardlink">{body}</Link> : body;
}
