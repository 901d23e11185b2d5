/**
 * 信访件详情 (/console/petitions/:id): the matter and the petitioner (staff over it see the
 * contact), the clocks, the 处理意见 and the 复查 / 复核 rounds, the timeline, and a button for
 * each action the server says the caller may take now.
 */
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../api/problem.js';
import { useAreaName } from '../cases/case-selects.js';
import { FullPageSpin, NotFoundPage } from '../common/page-state.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { formatDateTime } from '../i18n/format.js';
import { PetitionActionModal } from './petition-action-modal.js';
import { actionLabel, ClockDue, PetitionStateTag } from './petition-labels.js';
import { PetitionReviews, PetitionTimeline } from './petition-timeline.js';
import { usePetition, type Petition, type PetitionAction } from './petitions.api.js';
import './petitions.css';

function MatterCard({ p }: { p: Petition }) {
  const { t } = useTranslation();
  const areaName = useAreaName();
  const D = Descriptions.Item;
  const none = t('petitions.fields.none');
  return (
    <Card title={t('petitions.console.facts')} size="small" data-testid="petition-matter">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered style={{ marginBottom: 12 }}>
        <D label={t('petitions.fields.title')} span={2}><span data-testid="petition-title">{p.title}</span></D>
        <D label={t('petitions.fields.channel')}>{t(`petitions.channels.${p.channel}`)}{p.representatives ? ` · ${t('petitions.fields.representatives')} ${p.representatives}` : ''}</D>
        <D label={t('petitions.fields.place')}>{areaName(p.nodeId) ?? none}</D>
        <D label={t('petitions.fields.petitioner')}><span data-testid="petition-petitioner">{p.petitioner ? [p.petitioner.name, p.petitioner.phone].filter(Boolean).join(' · ') : none}</span></D>
        <D label={t('petitions.fields.handler')}><span data-testid="petition-handler">{p.handler ? `${p.handler.name}${p.routeKind ? `（${t(`petitions.routeKinds.${p.routeKind}`)}）` : ''}` : none}</span></D>
        {p.sameFactsOf ? <D label={t('petitions.fields.sameFactsOf')} span={2}><span className="gz-mono" data-testid="petition-same-facts">{p.sameFactsOf}</span></D> : null}
        {p.caseId ? <D label={t('petitions.fields.caseId')} span={2}><Link to={`/console/cases/${p.caseId}`}>#{p.caseId}</Link></D> : null}
      </Descriptions>
      <Typography.Paragraph className="gz-pet-text" data-testid="petition-content">{p.content}</Typography.Paragraph>
    </Card>
  );
}

function ClocksCard({ p }: { p: Petition }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const time = (v: string | null) => (v ? formatDateTime(v, lang) : t('petitions.fields.none'));
  const D = Descriptions.Item;
  return (
    <Card title={t('petitions.console.clocks')} size="small" data-testid="petition-clocks">
      <Descriptions size="small" column={1} bordered>
        <D label={t('petitions.fields.clock')}><ClockDue clock={p.clock} dueAt={p.clockDueAt} overdue={p.overdue} testId="petition-clock" /></D>
        <D label={t('petitions.fields.receivedAt')}>{time(p.receivedAt)}</D>
        <D label={t('petitions.fields.registerDue')}>{time(p.registerDueAt)}</D>
        <D label={t('petitions.fields.objectionDue')}><span data-testid="petition-objection-due">{time(p.objectionDueAt)}</span></D>
        <D label={t('petitions.fields.concludeDue')}><span data-testid="petition-conclude-due">{time(p.concludeDueAt)}</span></D>
        <D label={t('petitions.fields.extension')}>
          <span data-testid="petition-extension">{t(`petitions.extensionStates.${p.extension.state}`)}{p.extension.days ? ` · ${p.extension.days}` : ''}{p.extension.reason ? ` · ${p.extension.reason}` : ''}</span>
        </D>
        <D label={t('petitions.fields.reviewWindow')}>{time(p.reviewWindowEndsAt)}</D>
      </Descriptions>
    </Card>
  );
}

function AnswerCard({ p }: { p: Petition }) {
  const { t } = useTranslation();
  if (!p.opinion && !p.refusalReason && p.reviews.length === 0) return null;
  return (
    <Card title={t('petitions.fields.opinion')} size="small" data-testid="petition-answer">
      {p.refusalReason ? (
        <div className="gz-pet-text" data-testid="petition-refusal">{t('petitions.fields.refusal')}：{p.refusalReason}{'\n'}{t('petitions.fields.redirect')}：{p.refusalRedirect}</div>
      ) : null}
      {p.opinion ? (
        <div className="gz-pet-opinion gz-pet-text" style={{ marginBottom: 12 }} data-testid="petition-opinion">
          <Tag color={p.opinion === 'reject' ? 'default' : 'green'}>{t(`petitions.opinions.${p.opinion}`)}</Tag>
          {p.opinionText}
        </div>
      ) : null}
      <PetitionReviews reviews={p.reviews} />
    </Card>
  );
}

export function PetitionDetailPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const petition = usePetition(valid ? id : 0);
  const [active, setActive] = useState<PetitionAction | null>(null);

  if (!valid || (isApiProblem(petition.error) && petition.error.status === 404)) return <NotFoundPage />;
  if (petition.isPending) return <FullPageSpin />;
  if (petition.error || !petition.data) return <ProblemAlert error={petition.error} onRetry={() => void petition.refetch()} />;
  const p = petition.data;
  const reload = () => void petition.refetch();

  return (
    <div className="gz-page" data-testid="petition-detail">
      <div className="gz-page-header">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex align="center" gap={8} wrap>
            <Link to="/console/petitions" aria-label={t('petitions.console.back')}><Button type="text" icon={<ArrowLeftOutlined />} data-testid="petition-back" /></Link>
            <Typography.Title level={3} style={{ margin: 0 }}><span className="gz-mono" style={{ fontSize: 18 }} data-testid="petition-number">{p.number}</span></Typography.Title>
            <Space size={4} wrap>
              <PetitionStateTag state={p.state} testId="petition-state" />
              {p.overdue ? <Tag color="red" data-testid="petition-overdue">{t('petitions.console.overdue')}</Tag> : null}
              {p.final ? <Tag data-testid="petition-final">{t('petitions.fields.final')}</Tag> : null}
            </Space>
          </Flex>
          <Button icon={<ReloadOutlined />} onClick={reload} loading={petition.isFetching} data-testid="petition-reload">{t('common.refresh')}</Button>
        </Flex>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <Card title={t('petitions.console.actionsTitle')} size="small" data-testid="petition-actions">
              {p.actions.length === 0 ? (
                <Typography.Text type="secondary">{t('petitions.console.noActions')}</Typography.Text>
              ) : (
                <div className="gz-pet-actions">
                  {p.actions.map((a) => (
                    <Button key={a} type={a === 'refuse' || a === 'object' || a === 'link' ? 'default' : 'primary'} onClick={() => setActive(a)} data-testid={`petition-action-${a}`}>{actionLabel(a, p.state, t)}</Button>
                  ))}
                </div>
              )}
            </Card>
            <MatterCard p={p} />
            <AnswerCard p={p} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={16}>
            <ClocksCard p={p} />
            <Card title={t('petitions.console.timeline')} size="small"><PetitionTimeline items={p.timeline} /></Card>
          </Flex>
        </Col>
      </Row>
      {active ? <PetitionActionModal key={active} petition={p} action={active} onClose={() => setActive(null)} onReload={reload} /> : null}
    </div>
  );
}
