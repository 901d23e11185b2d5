/**
 * One of the resident's cases: what was reported, where, who handles it and by when, the
 * photos, the answer, what they may do now (from the server's `actions`), and 办理进度.
 */
import { Alert, Card, Image, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiProblem } from '../api/problem.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { placeName } from './case-helpers.js';
import { CaseActions } from './case-actions.js';
import { CaseTimeline } from './case-timeline.js';
import { CaseDeadline, formatMinute, label, StateTag } from './labels.js';
import { PageHead } from './mobile-layout.js';
import { useCase, usePhotos, usePublicNodes, useTimeline, type CaseView, type TimelineEntry } from './resident.api.js';

/** The fields of a case as a definition list; shared with the tracking page (which sees less). */
export function CaseFacts({ c }: { c: CaseView }) {
  const { t, i18n } = useTranslation();
  const nodes = usePublicNodes();
  const place = placeName(nodes.data?.items ?? [], c.nodeId);
  return (
    <Card className="gz-mobile__card" size="small" data-testid="case-facts">
      <div className="gz-res-card__top">
        <span className="gz-res-card__number">
          {t('resident.common.number')} <span data-testid="case-number">{c.number}</span>
        </span>
        <StateTag state={c.state} />
      </div>
      <Typography.Title level={5} className="gz-res-card__title" data-testid="case-title">
        <Tag variant="filled" color="blue" style={{ marginInlineEnd: 6 }}>{label(t, 'types', c.type)}</Tag>
        {c.title}
      </Typography.Title>
      <div className="gz-res-card__meta" style={{ marginBottom: 10 }}>
        <CaseDeadline c={c} />
        {c.supportCount > 0 ? <span data-testid="case-supports">{t('resident.common.supports', { count: c.supportCount })}</span> : null}
        {!c.isPublic ? <Tag>{t('resident.common.private')}</Tag> : null}
      </div>
      <dl className="gz-res-fields">
        <dt>{t('resident.common.submittedAt')}</dt>
        <dd>{formatMinute(c.submittedAt, i18n.language)}</dd>
        <dt>{t('resident.common.place')}</dt>
        <dd data-testid="case-place-text">{[place, c.address].filter(Boolean).join(' · ') || '—'}</dd>
        {c.category ? (<><dt>{t('resident.common.category')}</dt><dd>{c.category.path}</dd></>) : null}
        {c.lead ? (<><dt>{t('resident.common.unit')}</dt><dd data-testid="case-unit">{[c.lead.name, ...c.coUnits.map((u) => u.name)].join('、')}</dd></>) : null}
        {c.rating ? (<><dt>{t('resident.common.rating')}</dt><dd data-testid="case-rating">{label(t, 'ratings', c.rating)}{c.ratingComment ? ` · ${c.ratingComment}` : ''}</dd></>) : null}
      </dl>
      <p className="gz-res-desc" data-testid="case-description-text">{c.description}</p>
      {c.state === 'refused' && c.refusalReason ? (
        <Alert type="warning" showIcon style={{ marginTop: 10 }} title={t('resident.common.labelled', { label: t('resident.detail.refused'), value: c.refusalReason })} description={c.refusalChannel ? t('resident.common.labelled', { label: t('resident.common.channel'), value: c.refusalChannel }) : undefined} data-testid="case-refusal" />
      ) : null}
      {c.mergedInto ? <Alert type="info" showIcon style={{ marginTop: 10 }} title={t('resident.common.mergedInto', { number: c.mergedInto.number })} /> : null}
    </Card>
  );
}

/** The latest answer from the handling unit, above the timeline where the resident looks first. */
export function LatestReply({ items }: { items: readonly TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  const reply = [...items].reverse().find((e) => (e.event === 'reply' || e.event === 'answer_now') && e.message);
  if (!reply) return null;
  return (
    <Card className="gz-mobile__card" size="small" title={t('resident.common.reply')} extra={<span className="gz-res-tl__time">{formatMinute(reply.at, i18n.language)}</span>} data-testid="case-reply">
      <div className="gz-res-desc" style={{ margin: 0 }}>{reply.message}</div>
    </Card>
  );
}

function Photos({ id }: { id: number }) {
  const { t } = useTranslation();
  const photos = usePhotos(id);
  // A server without the photo routes yet (404) simply shows no photos.
  if (photos.error && !(isApiProblem(photos.error) && photos.error.status === 404)) return <ProblemAlert error={photos.error} onRetry={() => void photos.refetch()} />;
  const items = photos.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card className="gz-mobile__card" size="small" title={t('resident.common.photos')} data-testid="case-photos-view">
      <Image.PreviewGroup>
        <div className="gz-res-gallery">
          {items.map((p) => <Image key={p.id} src={p.url} alt="" data-testid={`case-photo-view-${p.id}`} />)}
        </div>
      </Image.PreviewGroup>
    </Card>
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const kase = useCase(id);
  const timeline = useTimeline(id);

  if (!Number.isInteger(id) || id <= 0 || (isApiProblem(kase.error) && kase.error.status === 404)) {
    return (
      <div className="gz-res__page">
        <PageHead title={t('resident.detail.title')} back="/m/cases" />
        <Alert type="warning" showIcon title={t('resident.detail.notFound')} data-testid="case-not-found" />
      </div>
    );
  }
  return (
    <div className="gz-res__page" data-testid="case-page">
      <PageHead title={t('resident.detail.title')} back="/m/cases" />
      {kase.error ? <ProblemAlert error={kase.error} onRetry={() => void kase.refetch()} /> : null}
      {kase.isPending ? <Skeleton active /> : null}
      {kase.data ? (
        <>
          <CaseFacts c={kase.data} />
          <Photos id={id} />
          <LatestReply items={timeline.data?.items ?? []} />
          <CaseActions c={kase.data} />
        </>
      ) : null}
      <Card className="gz-mobile__card" size="small" title={t('resident.common.timeline')}>
        {timeline.error ? <ProblemAlert error={timeline.error} onRetry={() => void timeline.refetch()} /> : null}
        {timeline.isPending ? <Skeleton active /> : null}
        {timeline.data ? <CaseTimeline items={timeline.data.items} viewer="reporter" /> : null}
      </Card>
    </div>
  );
}
