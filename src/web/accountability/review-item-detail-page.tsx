/**
 * 问责复核事项详情 (/console/accountability/review-items/:id): whom it is about, the figure
 * against its threshold, the cases behind it; then 不予问责 (with the reasons) or 转为问责记录
 * (the record form, prefilled: the item's person, its cases as grounds) — the actions the
 * server lists for the caller. A decision sends the version it was made on.
 */
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiProblem } from '../api/problem.js';
import { useAreaName } from '../cases/case-selects.js';
import { FullPageSpin, NotFoundPage } from '../common/page-state.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { problemText } from '../common/problem-text.js';
import { useProblem } from '../common/use-problem.js';
import { formatDateTime } from '../i18n/format.js';
import { useDismissItem, useEscalateItem, useReviewItem, type ReviewItem } from './accountability.api.js';
import { figureText, ItemStateTag } from './accountability-labels.js';
import { emptyRecord, RecordFormDrawer, type RecordValues } from './record-form.js';

function ItemFacts({ i }: { i: ReviewItem }) {
  const { t, i18n } = useTranslation();
  const areaName = useAreaName();
  const D = Descriptions.Item;
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="acc-item-facts">
      <D label={t('accountability.items.subject')}><Tag>{t(`accountability.subjects.${i.subject.kind}`)}</Tag><span data-testid="acc-item-subject">{i.subject.name}</span></D>
      <D label={t('accountability.items.area')}>{areaName(i.nodeId) ?? `#${i.nodeId}`}</D>
      <D label={t('accountability.items.trigger')}>{t(`accountability.triggers.${i.kind}`)}</D>
      <D label={t('accountability.items.period')}>{i.period}（{i.periodStart} – {i.periodEnd}）</D>
      <D label={t('accountability.items.figure')}><span className="gz-mono" data-testid="acc-item-figure">{figureText(i)}</span></D>
      <D label={t('accountability.items.openedAt')}>{formatDateTime(i.createdAt, i18n.resolvedLanguage ?? 'zh-CN')}</D>
      {i.evidence.rated !== undefined ? <D label={t('accountability.items.rated')} span={2}>{t('accountability.items.ratedText', { rated: i.evidence.rated, dissatisfied: i.evidence.dissatisfied ?? 0 })}</D> : null}
      {i.evidence.note ? <D label={t('accountability.items.note')} span={2}>{i.evidence.note}</D> : null}
      {i.evidence.cases ? (
        <D label={t('accountability.items.cases')} span={2}>
          <Flex wrap gap={8} data-testid="acc-item-cases">{i.evidence.cases.map((c) => <Link key={c.caseId} to={`/console/cases/${c.caseId}`} className="gz-mono">{c.number}</Link>)}</Flex>
        </D>
      ) : null}
      {i.state !== 'open' ? <D label={t('accountability.items.decision')} span={2}><Flex vertical gap={4}><span>{i.note ?? '—'}</span>{i.recordId ? <Link to={`/console/accountability/records/${i.recordId}`} data-testid="acc-item-record">{t('accountability.items.openRecord')}</Link> : null}</Flex></D> : null}
    </Descriptions>
  );
}

function DismissModal({ item, onClose, onReload }: { item: ReviewItem; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const dismiss = useDismissItem(item.id);
  const showProblem = useProblem();
  const [conflict, setConflict] = useState<string | null>(null);
  const submit = (v: { note: string }) =>
    dismiss.mutate({ version: item.version, note: v.note.trim() }, {
      onSuccess: () => {
        void message.success(t('accountability.items.dismissed'));
        onClose();
      },
      onError: (e) => (isApiProblem(e) && e.status === 409 ? setConflict(problemText(e, t)) : showProblem(e, form)),
    });
  return (
    <Modal open title={t('accountability.items.dismiss')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={dismiss.isPending} okButtonProps={{ disabled: conflict !== null, 'data-testid': 'acc-dismiss-ok' }} destroyOnHidden>
      {conflict ? <Alert type="error" showIcon title={t('accountability.conflict')} description={conflict} style={{ marginBottom: 16 }} action={<Button size="small" onClick={() => { onReload(); onClose(); }}>{t('common.refresh')}</Button>} /> : null}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="note" label={t('accountability.items.dismissNote')} extra={t('accountability.items.dismissNoteHint')} rules={[{ required: true, whitespace: true }, { max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="acc-dismiss-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The record form's starting values for an item: its person, its cases as grounds, a first summary. */
function escalationValues(i: ReviewItem, summary: string): RecordValues {
  const grounds = i.evidence.cases?.map((c) => ({ kind: 'case' as const, ref: c.number })) ?? [];
  return emptyRecord({ personId: i.subject.kind === 'person' ? i.subject.id : null, grounds: grounds.length > 0 ? grounds.slice(0, 19) : [{ kind: 'case', ref: '' }], summary });
}

export function ReviewItemDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const item = useReviewItem(valid ? id : 0);
  const escalate = useEscalateItem(valid ? id : 0);
  const [active, setActive] = useState<'dismiss' | 'escalate' | null>(null);

  if (!valid || (isApiProblem(item.error) && item.error.status === 404)) return <NotFoundPage />;
  if (item.isPending) return <FullPageSpin />;
  if (item.error || !item.data) return <ProblemAlert error={item.error} onRetry={() => void item.refetch()} />;
  const i = item.data;
  const summary = t('accountability.items.summaryDraft', { period: i.period, trigger: t(`accountability.triggers.${i.kind}`), figure: figureText(i) });

  return (
    <div className="gz-page" data-testid="acc-item-detail">
      <div className="gz-page-header">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex align="center" gap={8} wrap>
            <Link to="/console/accountability/review-items" aria-label={t('common.back')}><Button type="text" icon={<ArrowLeftOutlined />} /></Link>
            <Typography.Title level={3} style={{ margin: 0 }}>{t('accountability.items.detailTitle', { name: i.subject.name })}</Typography.Title>
            <ItemStateTag state={i.state} testId="acc-item-state" />
          </Flex>
          <Flex gap={8} wrap>
            {i.actions.includes('dismiss') ? <Button onClick={() => setActive('dismiss')} data-testid="acc-dismiss">{t('accountability.items.dismiss')}</Button> : null}
            {i.actions.includes('escalate') ? <Button type="primary" danger onClick={() => setActive('escalate')} data-testid="acc-escalate">{t('accountability.items.escalate')}</Button> : null}
            <Button icon={<ReloadOutlined />} onClick={() => void item.refetch()} loading={item.isFetching}>{t('common.refresh')}</Button>
          </Flex>
        </Flex>
      </div>
      <Typography.Paragraph type="secondary">{t('accountability.items.neverPenalty')}</Typography.Paragraph>
      <Card size="small"><ItemFacts i={i} /></Card>
      {active === 'dismiss' ? <DismissModal item={i} onClose={() => setActive(null)} onReload={() => void item.refetch()} /> : null}
      <RecordFormDrawer
        open={active === 'escalate'}
        title={t('accountability.items.escalate')}
        initial={escalationValues(i, summary)}
        lockPerson={i.subject.kind === 'person' ? { id: i.subject.id, name: i.subject.name } : undefined}
        groundsRequired={false}
        saving={escalate.isPending}
        onClose={() => setActive(null)}
        save={async (record) => {
          const out = await escalate.mutateAsync({ version: i.version, record });
          setActive(null);
          void navigate(`/console/accountability/records/${out.record.id}`);
        }}
      />
    </div>
  );
}
