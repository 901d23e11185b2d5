/**
 * 矛盾预警 (/console/insight/warnings): the warnings the rules raised, by status (待处置,
 * 已确认, 已关闭) and area (both in the address): kind, subject, area, the figure against the
 * rule, when it was opened, its cases (expand a row for all of them), and 确认 / 关闭 with a
 * note — only where the warning's `actions` allow it.
 */
import { App, Button, Flex, Form, Grid, Input, Modal, Space, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../common/page-header.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { usePagination, usePaging } from '../common/use-paging.js';
import { useProblem } from '../common/use-problem.js';
import { formatDateTime } from '../i18n/format.js';
import { NodeSelect } from '../org/shared/node-select.js';
import { CaseBriefTable } from './case-brief-table.js';
import { useWarningAction, useWarnings, type Warning, type WarningAction, type WarningStatus } from './insight.api.js';
import { RuleText, warningKindColors, warningStatuses, warningSubject } from './warning-labels.js';

function ActionModal({ warning, action, onClose }: { warning: Warning; action: WarningAction; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const send = useWarningAction();
  const report = useProblem();
  const name = t(`insight.warnings.${action}`);
  const submit = ({ note }: { note?: string }) =>
    send.mutate(
      { id: warning.id, action, note: note?.trim() ? note.trim() : null },
      {
        onSuccess: () => {
          void message.success(t('insight.warnings.done', { action: name }));
          onClose();
        },
        onError: (e) => report(e, form),
      },
    );
  return (
    <Modal
      open
      title={t('insight.warnings.actionTitle', { action: name, subject: warningSubject(t, warning) })}
      onCancel={onClose}
      destroyOnHidden
      data-testid="warning-modal"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose} data-testid="warning-modal-cancel">{t('common.cancel')}</Button>
          <Button type="primary" danger={action === 'close'} loading={send.isPending} onClick={() => form.submit()} data-testid="warning-modal-ok">{name}</Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="note" label={t('insight.warnings.noteLabel')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('insight.warnings.notePlaceholder')} data-testid="warning-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function readStatus(v: string | null): WarningStatus {
  return (warningStatuses as readonly string[]).includes(v ?? '') ? (v as WarningStatus) : 'open';
}

export function WarningsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const [params, setParams] = useSearchParams();
  // On a phone a column fixed on the right would cover half of the table.
  const wide = Grid.useBreakpoint().md === true;
  const status = readStatus(params.get('status'));
  const rawNode = Number(params.get('nodeId'));
  const nodeId = Number.isInteger(rawNode) && rawNode > 0 ? rawNode : undefined;
  const paging = usePaging(20);
  const query = useMemo(() => ({ status, ...(nodeId ? { nodeId } : {}), ...paging.window }), [status, nodeId, paging.window.limit, paging.window.offset]);
  const list = useWarnings(query);
  const pagination = usePagination(paging, list.data?.total);
  const [acting, setActing] = useState<{ warning: Warning; action: WarningAction } | null>(null);

  const go = (next: { status: WarningStatus; nodeId?: number | undefined }) => {
    const p = new URLSearchParams();
    if (next.status !== 'open') p.set('status', next.status);
    if (next.nodeId) p.set('nodeId', String(next.nodeId));
    setParams(p, { replace: true });
    paging.first();
  };

  const columns: TableColumnsType<Warning> = [
    { title: t('insight.warnings.kind'), dataIndex: 'kind', width: 110, render: (k: Warning['kind']) => <Tag color={warningKindColors[k]} data-testid="warning-kind" data-kind={k}>{t(`insight.warnings.kinds.${k}`)}</Tag> },
    { title: t('insight.warnings.subject'), key: 'subject', render: (_: unknown, w: Warning) => <span data-testid="warning-subject">{warningSubject(t, w)}</span> },
    { title: t('insight.warnings.area'), dataIndex: 'nodeName', width: 150, ellipsis: true, responsive: ['md'] },
    {
      title: t('insight.warnings.count'),
      key: 'count',
      render: (_, w) => (
        <Flex vertical>
          <Typography.Text strong type="danger" data-testid="warning-count">{t(`insight.warnings.measure.${w.kind}`, { count: w.count })}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}><RuleText kind={w.kind} params={w.params} /></Typography.Text>
        </Flex>
      ),
    },
    { title: t('insight.warnings.opened'), dataIndex: 'openedAt', width: 170, responsive: ['lg'], render: (at: string) => <span className="gz-nowrap">{formatDateTime(at, lang)}</span> },
    {
      title: t('insight.warnings.cases'),
      key: 'cases',
      responsive: ['sm'],
      render: (_, w) => (
        <Space size={[8, 0]} wrap>
          {w.cases.slice(0, 1).map((c) => <Link key={c.id} to={`/console/cases/${c.id}`} className="gz-mono gz-nowrap">{c.number}</Link>)}
          {w.cases.length > 1 ? <Typography.Text type="secondary" className="gz-nowrap">{t('insight.warnings.more', { count: w.cases.length })}</Typography.Text> : null}
        </Space>
      ),
    },
    ...(status !== 'open' ? [{ title: t('insight.warnings.note'), dataIndex: 'note', ellipsis: true, render: (n: string | null) => n ?? '—' }] : []),
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      ...(wide ? { fixed: 'right' as const } : {}),
      render: (_, w) => (
        <Space size={4}>
          {w.actions.map((a) => (
            <Button key={a} size="small" type={a === 'acknowledge' ? 'primary' : 'default'} onClick={() => setActing({ warning: w, action: a })} data-testid={`warning-${w.id}-${a}`}>
              {t(`insight.warnings.${a}`)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];

  return (
    <div className="gz-page" data-testid="warnings-page">
      <PageHeader title={t('insight.warnings.title')} hint={t('insight.warnings.hint')} />
      <Tabs
        activeKey={status}
        onChange={(k) => go({ status: readStatus(k), nodeId })}
        items={warningStatuses.map((s) => ({ key: s, label: <span data-testid={`warnings-tab-${s}`}>{t(`insight.warnings.statuses.${s}`)}</span> }))}
      />
      <Flex wrap gap={8} className="gz-filters">
        <NodeSelect value={nodeId ?? null} onChange={(v) => go({ status, nodeId: v ?? undefined })} placeholder={t('insight.warnings.area')} data-testid="warnings-area" />
      </Flex>
      {list.error ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Warning>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        pagination={pagination}
        expandable={{ expandedRowRender: (w) => <CaseBriefTable cases={w.cases} testId={`warning-${w.id}-cases`} />, rowExpandable: (w) => w.cases.length > 0 }}
        locale={{ emptyText: t('insight.warnings.empty') }}
        scroll={{ x: 'max-content' }}
        data-testid="warnings-table"
        onRow={(w) => ({ 'data-testid': `warning-${w.id}`, 'data-status': w.status }) as HTMLAttributes<HTMLElement>}
      />
      {acting ? <ActionModal warning={acting.warning} action={acting.action} onClose={() => setActing(null)} /> : null}
    </div>
  );
}
