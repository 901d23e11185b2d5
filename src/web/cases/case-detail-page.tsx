/**
 * 工单详情 (/console/cases/:id): every field, the place on a map, photos, the whole
 * timeline, the objection and extension in hand, and one button per action the server
 * says the caller may take now (`actions`) — the console never re-implements the rules.
 */
import { ArrowLeftOutlined, EnvironmentOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiProblem } from '../api/problem.js';
import { FullPageSpin, NotFoundPage } from '../common/page-state.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { formatDateTime } from '../i18n/format.js';
import { ActionModal } from './action-modal.js';
import { caseEvents, isCaseEvent, urgencyColors } from './case-labels.js';
import { CasePhotos } from './case-photos.js';
import { extensionStatus, pendingObjection } from './case-progress.js';
import { useAreaName } from './case-selects.js';
import { StateTag } from './case-table.js';
import { CaseTimeline } from './case-timeline.js';
import { useCase, useTimeline, type CaseEvent, type CaseItem } from './cases.api.js';
import { SimilarCasesCard } from './similar-cases-card.js';
import { DueText } from './due-text.js';

const primaryEvents = new Set<CaseEvent>(['accept', 'dispatch', 'sign', 'start', 'reply', 'verify_pass', 'close']);
const dangerEvents = new Set<CaseEvent>(['refuse', 'object', 'verify_fail']);

function MapLinks({ lat, lng }: { lat: number; lng: number }) {
  const { t } = useTranslation();
  return (
    <Space size={12} wrap>
      <span className="gz-mono">{lat.toFixed(6)}, {lng.toFixed(6)}</span>
      <Typography.Link href={`https://uri.amap.com/marker?position=${lng},${lat}&coordinate=wgs84&callnative=0`} target="_blank" rel="noreferrer" data-testid="case-map-link">
        <EnvironmentOutlined /> {t('cases.detail.amap')}
      </Typography.Link>
      <Typography.Link href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=18/${lat}/${lng}`} target="_blank" rel="noreferrer">
        {t('cases.detail.osm')}
      </Typography.Link>
    </Space>
  );
}

function CaseFields({ c }: { c: CaseItem }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const areaName = useAreaName();
  const time = (v: string | null) => (v ? formatDateTime(v, lang) : '—');
  const D = Descriptions.Item;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="case-fields">
      <D label={t('cases.fields.number')}><Typography.Text className="gz-mono" copyable>{c.number}</Typography.Text></D>
      <D label={t('cases.fields.state')}>
        <Space size={4} wrap>
          <StateTag state={c.state} testId="case-detail-state" />
          {c.overdue ? <Tag color="red" data-testid="case-detail-overdue">{t('cases.detail.overdue')}</Tag> : null}
        </Space>
      </D>
      <D label={t('cases.fields.type')}>{t(`cases.types.${c.type}`)}</D>
      <D label={t('cases.fields.urgency')}><Tag color={urgencyColors[c.urgency]}>{t(`cases.urgencies.${c.urgency}`)}</Tag></D>
      <D label={t('cases.fields.category')}>{c.category?.path ?? '—'}</D>
      <D label={t('cases.fields.channel')}>{t(`cases.channels.${c.channel}`)}</D>
      <D label={t('cases.fields.area')}>{areaName(c.nodeId) ?? '—'}</D>
      <D label={t('cases.fields.address')}>{c.address ?? '—'}</D>
      {c.latitude !== null && c.longitude !== null ? (
        <D label={t('cases.fields.location')} span={2}><MapLinks lat={c.latitude} lng={c.longitude} /></D>
      ) : null}
      <D label={t('cases.fields.contactName')}>{c.contactName ?? '—'}</D>
      <D label={t('cases.fields.contactPhone')}>{c.contactPhone ? <Typography.Text copyable>{c.contactPhone}</Typography.Text> : '—'}</D>
      <D label={t('cases.fields.isPublic')}>{c.isPublic ? t('cases.detail.yes') : t('cases.detail.no')}</D>
      <D label={t('cases.fields.supportCount')}>{c.supportCount}</D>
      <D label={t('cases.fields.submitted')}>{time(c.submittedAt)}</D>
      <D label={t('cases.fields.route')}>
        {c.route.unit ? (c.route.mode ? t('cases.fields.unitWithMode', { unit: c.route.unit.name, mode: t(`cases.modes.${c.route.mode}`) }) : c.route.unit.name) : '—'}
      </D>
      <D label={t('cases.fields.lead')}>
        <span data-testid="case-detail-unit">{c.lead?.name ?? '—'}</span>
        {c.dispatchMode ? <Tag style={{ marginInlineStart: 8 }}>{t(`cases.modes.${c.dispatchMode}`)}</Tag> : null}
      </D>
      <D label={t('cases.fields.coUnits')}>{c.coUnits.length > 0 ? c.coUnits.map((u) => u.name).join(t('cases.fields.listSep')) : '—'}</D>
      <D label={t('cases.fields.step')}>
        {c.step ? (
          <Space size={8}>
            <span>{t(`cases.steps.${c.step}`)}</span>
            <DueText due={c.stepDueAt} overdue={c.overdue} testId="case-detail-due" />
          </Space>
        ) : '—'}
      </D>
      <D label={t('cases.fields.feedbackDue')}>{time(c.feedbackDueAt)}</D>
      <D label={t('cases.fields.dispatchedAt')}>{time(c.dispatchedAt)}</D>
      <D label={t('cases.fields.repliedAt')}>{time(c.repliedAt)}</D>
      <D label={t('cases.fields.closedAt')}>{time(c.closedAt)}</D>
      <D label={t('cases.fields.rating')}>
        {c.rating ? (c.ratingComment ? t('cases.detail.ratingWithComment', { rating: t(`cases.ratings.${c.rating}`), comment: c.ratingComment }) : t(`cases.ratings.${c.rating}`)) : '—'}
        {c.redoCount > 0 ? <Tag color="orange" style={{ marginInlineStart: 8 }}>{t('cases.detail.redo', { count: c.redoCount })}</Tag> : null}
      </D>
      {c.mergedInto ? (
        <D label={t('cases.fields.mergedInto')}><Link to={`/console/cases/${c.mergedInto.id}`} className="gz-mono">{c.mergedInto.number}</Link></D>
      ) : null}
      {c.refusalReason ? <D label={t('cases.fields.refusal')}>{c.refusalReason}</D> : null}
      {c.refusalChannel ? <D label={t('cases.fields.refusalChannel')}>{c.refusalChannel}</D> : null}
    </Descriptions>
  );
}

export function CaseDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id: raw } = useParams();
  const id = Number(raw);
  const valid = Number.isInteger(id) && id > 0;
  const kase = useCase(valid ? id : 0);
  const timeline = useTimeline(valid ? id : 0);
  const [active, setActive] = useState<CaseEvent | null>(null);
  const [mergeInto, setMergeInto] = useState<string | undefined>(undefined);
  const act = (e: CaseEvent, into?: string) => {
    setMergeInto(into);
    setActive(e);
  };

  if (!valid || (isApiProblem(kase.error) && kase.error.status === 404)) return <NotFoundPage />;
  if (kase.isPending) return <FullPageSpin />;
  if (kase.error || !kase.data) return <ProblemAlert error={kase.error} onRetry={() => void kase.refetch()} />;

  const c = kase.data;
  const entries = timeline.data?.items ?? [];
  const objection = pendingObjection(c, entries);
  const extension = extensionStatus(entries);
  const actions = caseEvents.filter((e) => c.actions.includes(e) && isCaseEvent(e));
  const reload = () => {
    void kase.refetch();
    void timeline.refetch();
  };

  return (
    <div className="gz-page" data-testid="case-detail-page">
      <div className="gz-page-header">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex align="center" gap={8} wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('cases.detail.back')} data-testid="case-back" />
            <Typography.Title level={3} style={{ margin: 0 }}>
              <span className="gz-mono" style={{ fontSize: 18, marginInlineEnd: 8 }}>{c.number}</span>
              {c.title}
            </Typography.Title>
            <StateTag state={c.state} />
          </Flex>
          <Space>
            <Link to="/console/cases">{t('cases.detail.back')}</Link>
            <Button icon={<ReloadOutlined />} onClick={reload} loading={kase.isFetching || timeline.isFetching} data-testid="case-reload">{t('common.refresh')}</Button>
          </Space>
        </Flex>
      </div>

      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        {objection ? (
          <Alert type="warning" showIcon title={t('cases.detail.objectionPending')} description={objection.actor ? t('cases.detail.objectionBy', { actor: objection.actor, reason: objection.reason ?? '' }) : undefined} data-testid="case-objection" />
        ) : null}
        {extension.pending ? (
          <Alert type="info" showIcon title={t('cases.detail.extensionPending')} description={t('cases.detail.extensionInfo', { actor: extension.pending.actor, days: extension.pending.days ?? '?', reason: extension.pending.reason ?? '' })} data-testid="case-extension" />
        ) : extension.decided ? (
          <Alert
            type={extension.decided.approved ? 'success' : 'warning'}
            showIcon
            title={extension.decided.approved ? t('cases.detail.extensionApproved', { days: extension.decided.days ?? '?' }) : t('cases.detail.extensionDenied')}
            description={extension.decided.reason ?? undefined}
            data-testid="case-extension"
          />
        ) : null}
        {c.mergedInto ? <Alert type="info" showIcon title={<Link to={`/console/cases/${c.mergedInto.id}`}>{t('cases.detail.merged', { number: c.mergedInto.number })}</Link>} /> : null}
      </Flex>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card title={t('cases.detail.actions')} size="small" data-testid="case-actions">
              {actions.length === 0 ? (
                <Typography.Text type="secondary">{t('cases.detail.noActions')}</Typography.Text>
              ) : (
                <Flex wrap gap={8}>
                  {actions.map((e) => (
                    <Button key={e} type={primaryEvents.has(e) ? 'primary' : 'default'} danger={dangerEvents.has(e)} onClick={() => act(e)} data-testid={`case-action-${e}`}>
                      {t(`cases.events.${e}`)}
                    </Button>
                  ))}
                </Flex>
              )}
            </Card>
            <SimilarCasesCard c={c} onMerge={(into) => act('merge', into.number)} />
            <Card title={t('cases.fields.description')} size="small">
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="case-description">{c.description}</Typography.Paragraph>
            </Card>
            <Card title={t('cases.detail.info')} size="small">
              <CaseFields c={c} />
            </Card>
            <Card title={t('cases.detail.photos')} size="small">
              <CasePhotos caseId={c.id} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('cases.timeline.title')} size="small" loading={timeline.isPending}>
            {timeline.error ? <ProblemAlert error={timeline.error} onRetry={() => void timeline.refetch()} /> : <CaseTimeline items={entries} />}
          </Card>
        </Col>
      </Row>

      {active ? <ActionModal key={`${active}-${mergeInto ?? ''}`} c={c} event={active} objection={objection} extension={extension} mergeInto={mergeInto} onClose={() => setActive(null)} onReload={reload} /> : null}
    </div>
  );
}
