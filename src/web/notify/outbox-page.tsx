/**
 * 消息发送记录: every outbound message (in-app, email, SMS, WeChat) with its delivery state,
 * newest first, filtered by status and channel. A failed message can be sent again.
 * Recipients arrive masked from the server.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Select, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../common/list-table.js';
import { PageHeader } from '../common/page-header.js';
import { usePaging } from '../common/use-paging.js';
import { useProblem } from '../common/use-problem.js';
import { formatDateTime } from '../i18n/format.js';
import { outboxChannels, outboxStatuses, useOutbox, useRetryOutbox, type OutboxChannel, type OutboxEntry, type OutboxStatus } from './notify.api.js';

const statusColor: Record<OutboxStatus, string> = { pending: 'processing', sent: 'success', failed: 'error' };

export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useProblem();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const [status, setStatus] = useState<OutboxStatus | undefined>();
  const [channel, setChannel] = useState<OutboxChannel | undefined>();
  const paging = usePaging(50);
  const list = useOutbox({ ...paging.window, ...(status ? { status } : {}), ...(channel ? { channel } : {}) });
  const retry = useRetryOutbox();

  const time = (iso: string | null) => (iso ? <span className="gz-nowrap">{formatDateTime(iso, lang)}</span> : '—');
  const columns: TableColumnsType<OutboxEntry> = [
    { title: t('notify.outbox.createdAt'), dataIndex: 'createdAt', width: 170, render: time },
    { title: t('notify.outbox.channel'), dataIndex: 'channel', width: 100, render: (c: OutboxChannel) => <Tag>{t(`notify.channels.${c}`)}</Tag> },
    { title: t('notify.outbox.recipient'), dataIndex: 'recipient', width: 160, render: (r: string, e) => <span className="gz-mono">{e.channel === 'in_app' ? `#${r}` : r}</span> },
    { title: t('notify.outbox.template'), dataIndex: 'template', width: 170, render: (v: string) => <span className="gz-mono">{v}</span> },
    {
      title: t('notify.outbox.status'),
      dataIndex: 'status',
      width: 100,
      render: (s: OutboxStatus) => <Tag color={statusColor[s]} data-testid="outbox-status">{t(`notify.statuses.${s}`)}</Tag>,
    },
    { title: t('notify.outbox.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
    {
      title: t('notify.outbox.when'),
      key: 'when',
      width: 170,
      responsive: ['md'],
      render: (_, e) => (e.status === 'sent' ? time(e.sentAt) : e.status === 'pending' ? <Tooltip title={t('notify.outbox.nextAttempt')}>{time(e.nextAttemptAt)}</Tooltip> : '—'),
    },
    {
      title: t('notify.outbox.lastError'),
      dataIndex: 'lastError',
      width: 260,
      responsive: ['lg'],
      render: (v: string | null) => (v ? <Typography.Text type="danger" ellipsis={{ tooltip: v }} style={{ maxWidth: 240 }}>{v}</Typography.Text> : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_, e) =>
        e.status === 'failed' ? (
          <Popconfirm
            title={t('notify.outbox.retryConfirm')}
            onConfirm={() =>
              retry.mutateAsync(e.id).then(
                () => void message.success(t('notify.outbox.requeued')),
                (err: unknown) => report(err),
              )
            }
          >
            <Button type="link" size="small" data-testid={`outbox-retry-${e.id}`}>{t('notify.outbox.retry')}</Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <div className="gz-page" data-testid="outbox-page">
      <PageHeader
        title={t('notify.outbox.title')}
        hint={t('notify.outbox.hint')}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void list.refetch()}>{t('common.refresh')}</Button>}
      />
      <Flex wrap gap={8} className="gz-filters">
        <Select<OutboxStatus>
          allowClear
          placeholder={t('notify.outbox.status')}
          value={status}
          onChange={(v) => { setStatus(v); paging.first(); }}
          options={outboxStatuses.map((s) => ({ value: s, label: t(`notify.statuses.${s}`) }))}
          style={{ width: 140 }}
          data-testid="outbox-filter-status"
        />
        <Select<OutboxChannel>
          allowClear
          placeholder={t('notify.outbox.channel')}
          value={channel}
          onChange={(v) => { setChannel(v); paging.first(); }}
          options={outboxChannels.map((c) => ({ value: c, label: t(`notify.channels.${c}`) }))}
          style={{ width: 140 }}
          data-testid="outbox-filter-channel"
        />
      </Flex>
      <ListTable
        list={list}
        columns={columns}
        paging={paging}
        tableLayout="fixed"
        scroll={{ x: 1310 }}
        locale={{ emptyText: t('notify.outbox.empty') }}
        data-testid="outbox-table"
      />
    </div>
  );
}
