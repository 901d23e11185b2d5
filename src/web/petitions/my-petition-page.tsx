/**
 * One of the resident's petitions (/m/petitions/:id): the matter, where it went, the 处理意见
 * (and any 复查 / 复核 answers), an approved extension and its reason, a refusal with where
 * to go instead, and — while the window is open — the form to ask for 复查 or 复核.
 * The progress shows the public timeline only (the server sends no other).
 */
import { Alert, App, Button, Card, Form, Input, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiProblem } from '../api/problem.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { useProblem } from '../common/use-problem.js';
import { formatDateTime } from '../i18n/format.js';
import { PageHead } from '../mobile/mobile-layout.js';
import { PetitionStateTag, reviewLevel } from './petition-labels.js';
import { PetitionReviews, PetitionTimeline } from './petition-timeline.js';
import { usePetition, usePetitionAction, type Petition } from './petitions.api.js';
import './petitions.css';

function Facts({ p }: { p: Petition }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  return (
    <Card className="gz-mobile__card" size="small" data-testid="my-petition-facts">
      <div className="gz-res-card__top">
        <span className="gz-res-card__number" data-testid="my-petition-number">{p.number}</span>
        <PetitionStateTag state={p.state} testId="my-petition-state" />
      </div>
      <Typography.Title level={5} className="gz-res-card__title">{p.title}</Typography.Title>
      <dl className="gz-res-fields">
        <dt>{t('petitions.fields.receivedAt')}</dt>
        <dd>{formatDateTime(p.receivedAt, lang)}</dd>
        <dt>{t('petitions.fields.channel')}</dt>
        <dd>{t(`petitions.channels.${p.channel}`)}</dd>
        {p.handler ? (<><dt>{t('petitions.resident.handler')}</dt><dd data-testid="my-petition-handler">{p.handler.name}</dd></>) : null}
        {p.concludeDueAt && !p.concludedAt ? (<><dt>{t('petitions.fields.concludeDue')}</dt><dd>{formatDateTime(p.concludeDueAt, lang)}</dd></>) : null}
      </dl>
      <p className="gz-res-desc">{p.content}</p>
    </Card>
  );
}

/** What the petitioner is told: the answer, an extension, a refusal, the same-facts number, finality. */
function Told({ p }: { p: Petition }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const level = t(`petitions.levels.${reviewLevel(p.state)}`);
  return (
    <>
      {p.extension.state === 'approved' ? <Alert type="info" showIcon title={t('petitions.resident.extension', { days: p.extension.days ?? 0, reason: p.extension.reason ?? '' })} data-testid="my-petition-extension" /> : null}
      {p.state === 'refused' ? (
        <Alert type="warning" showIcon title={`${t('petitions.fields.refusal')}：${p.refusalReason ?? ''}`} description={`${t('petitions.fields.redirect')}：${p.refusalRedirect ?? ''}`} data-testid="my-petition-refusal" />
      ) : null}
      {p.sameFactsOf ? <Alert type="info" showIcon title={t('petitions.resident.sameFacts', { number: p.sameFactsOf })} data-testid="my-petition-same-facts" /> : null}
      {p.opinion ? (
        <Card className="gz-mobile__card" size="small" title={t('petitions.resident.opinion')} data-testid="my-petition-opinion">
          <div className="gz-pet-opinion gz-pet-text">
            <Tag color={p.opinion === 'reject' ? 'default' : 'green'}>{t(`petitions.opinions.${p.opinion}`)}</Tag>
            {p.opinionText}
          </div>
          <div style={{ marginTop: 12 }}><PetitionReviews reviews={p.reviews} /></div>
          {p.final ? <Typography.Text type="secondary" data-testid="my-petition-final">{t('petitions.resident.final')}</Typography.Text> : null}
          {p.reviewWindowEndsAt && !p.final ? <Typography.Text type="secondary">{t('petitions.resident.reviewWindow', { level, time: formatDateTime(p.reviewWindowEndsAt, lang) })}</Typography.Text> : null}
        </Card>
      ) : null}
    </>
  );
}

/** 申请复查 / 申请复核, while the server lists it among the resident's actions. */
function RequestReview({ p }: { p: Petition }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const send = usePetitionAction(p.id);
  const showProblem = useProblem();
  if (!p.actions.includes('request_review')) return null;
  const level = t(`petitions.levels.${reviewLevel(p.state)}`);
  const submit = (v: { text: string }) =>
    send.mutate(
      { action: 'request_review', body: { version: p.version, text: v.text.trim() } },
      { onSuccess: () => void message.success(t('petitions.resident.requested')), onError: (e) => showProblem(e, form) },
    );
  return (
    <Card className="gz-mobile__card" size="small" title={t('petitions.resident.requestTitle', { level })} data-testid="my-petition-request">
      <Typography.Paragraph type="secondary">{t('petitions.resident.requestHint', { level })}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} disabled={send.isPending}>
        <Form.Item name="text" label={t('petitions.form.requestText')} rules={[{ required: true, whitespace: true }, { max: 5000 }]}>
          <Input.TextArea rows={4} maxLength={5000} showCount data-testid="my-petition-request-text" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={send.isPending} data-testid="my-petition-request-submit">{t('petitions.resident.requestTitle', { level })}</Button>
      </Form>
    </Card>
  );
}

export function MyPetitionPage() {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const petition = usePetition(Number.isInteger(id) && id > 0 ? id : 0);
  if (!Number.isInteger(id) || id <= 0 || (isApiProblem(petition.error) && petition.error.status === 404)) {
    return (
      <div className="gz-res__page">
        <PageHead title={t('petitions.resident.detailTitle')} back="/m/petitions" />
        <Alert type="warning" showIcon title={t('petitions.resident.notFound')} data-testid="my-petition-not-found" />
      </div>
    );
  }
  const p = petition.data;
  return (
    <div className="gz-res__page" data-testid="my-petition">
      <PageHead title={t('petitions.resident.detailTitle')} back="/m/petitions" />
      {petition.error ? <ProblemAlert error={petition.error} onRetry={() => void petition.refetch()} /> : null}
      {petition.isPending ? <Skeleton active /> : null}
      {p ? (
        <>
          <Facts p={p} />
          <Told p={p} />
          <RequestReview p={p} />
          <Card className="gz-mobile__card" size="small" title={t('petitions.resident.progress')}>
            <PetitionTimeline items={p.timeline} />
          </Card>
        </>
      ) : null}
    </div>
  );
}
