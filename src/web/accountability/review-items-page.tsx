/**
 * 问责复核事项 (/console/accountability/review-items): what the figures opened for review in
 * the caller's area — whom, which trigger, the period, the figure against its threshold and
 * the state — filtered by state and trigger; 立即评估 evaluates an ended month now (the daily
 * job does the last one by itself).
 */
import { ReloadOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Select, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission } from '../auth/auth.api.js';
import { useSignedInMe } from '../auth/me-context.js';
import { ListTable } from '../common/list-table.js';
import { PageHeader } from '../common/page-header.js';
import { useProblem } from '../common/use-problem.js';
import { useEvaluate, useReviewItems, type ReviewItem, type ReviewItemState, type TriggerKind } from './accountability.api.js';
import { figureText, ItemStateTag } from './accountability-labels.js';

export const triggerKinds: TriggerKind[] = ['overdue_cases', 'objections_overruled', 'dissatisfaction_rate', 'failing_scorecard'];
const states: ReviewItemState[] = ['open', 'dismissed', 'escalated'];

/** The month before this one (Beijing), as `2026-03`. */
function lastMonth(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

function EvaluateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ period: string }>();
  const evaluate = useEvaluate();
  const showProblem = useProblem();
  const submit = (v: { period: string }) =>
    evaluate.mutate(v.period, {
      onSuccess: (r) => {
        void message.success(t('accountability.items.evaluated', { period: r.period, count: r.opened }));
        onClose();
      },
      onError: (e) => showProblem(e, form),
    });
  return (
    <Modal open title={t('accountability.items.evaluate')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={evaluate.isPending} okButtonProps={{ 'data-testid': 'acc-evaluate-ok' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ period: lastMonth() }} onFinish={submit} preserve={false}>
        <Form.Item name="period" label={t('accountability.items.period')} extra={t('accountability.items.evaluateHint')} rules={[{ required: true }]}>
          <Input type="month" data-testid="acc-evaluate-period" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function ReviewItemsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [state, setState] = useState<ReviewItemState | undefined>('open');
  const [kind, setKind] = useState<TriggerKind | undefined>();
  const [evaluating, setEvaluating] = useState(false);
  const list = useReviewItems({ limit: 200, offset: 0, ...(state ? { state } : {}), ...(kind ? { kind } : {}) });

  const columns: TableColumnsType<ReviewItem> = [
    {
      title: t('accountability.items.subject'),
      key: 'subject',
      render: (_: unknown, i) => (
        <Flex gap={6} align="center">
          <Tag>{t(`accountability.subjects.${i.subject.kind}`)}</Tag>
          <Link to={`/console/accountability/review-items/${i.id}`} data-testid={`acc-item-${i.id}`}>{i.subject.name}</Link>
        </Flex>
      ),
    },
    { title: t('accountability.items.trigger'), dataIndex: 'kind', render: (k: TriggerKind) => t(`accountability.triggers.${k}`) },
    { title: t('accountability.items.period'), dataIndex: 'period', render: (p: string) => <span className="gz-mono">{p}</span> },
    { title: t('accountability.items.figure'), key: 'figure', render: (_: unknown, i) => <span className="gz-mono gz-nowrap">{figureText(i)}</span> },
    { title: t('accountability.items.evidence'), key: 'evidence', render: (_: unknown, i) => (i.evidence.cases ? t('accountability.items.caseCount', { count: i.evidence.cases.length }) : (i.evidence.note ?? '—')) },
    { title: t('common.status'), dataIndex: 'state', render: (s: ReviewItemState) => <ItemStateTag state={s} /> },
  ];

  return (
    <div className="gz-page" data-testid="acc-items-page">
      <PageHeader
        title={t('accountability.items.title')}
        hint={t('accountability.items.hint')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching}>{t('common.refresh')}</Button>
            {hasPermission(me, 'accountability.write') ? <Button icon={<ThunderboltOutlined />} onClick={() => setEvaluating(true)} data-testid="acc-evaluate">{t('accountability.items.evaluate')}</Button> : null}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select<ReviewItemState | undefined> value={state} onChange={setState} allowClear placeholder={t('common.status')} style={{ width: 160 }} options={states.map((s) => ({ value: s, label: t(`accountability.itemStates.${s}`) }))} data-testid="acc-filter-state" />
        <Select<TriggerKind | undefined> value={kind} onChange={setKind} allowClear placeholder={t('accountability.items.trigger')} style={{ width: 200 }} options={triggerKinds.map((k) => ({ value: k, label: t(`accountability.triggers.${k}`) }))} />
      </Flex>
      <ListTable<ReviewItem> list={list} columns={columns} paging={20} locale={{ emptyText: t('accountability.items.empty') }} data-testid="acc-items-table" />
      {evaluating ? <EvaluateModal onClose={() => setEvaluating(false)} /> : null}
    </div>
  );
}
