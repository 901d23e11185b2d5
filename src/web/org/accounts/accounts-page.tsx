/** 账号: staff and resident accounts, their roles, creation of staff accounts, deactivation. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../api/types.js';
import { ProblemAlert } from '../../common/problem-alert.js';
import { roleLabel } from '../../console/grant-label.js';
import { PageHeader } from '../shared/page-header.js';
import { RowActions } from '../shared/row-actions.js';
import { useEditing } from '../shared/use-editing.js';
import { AccountForm } from './account-form.js';
import { useAccounts } from './accounts.api.js';
import { ResetPasswordModal } from './reset-password-modal.js';

const PAGE_SIZE = 20;

export function AccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useAccounts({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, ...(q ? { q } : {}) });
  const editing = useEditing<Account>();
  const [resetting, setResetting] = useState<Account | null>(null);

  const columns: TableColumnsType<Account> = [
    { title: t('accounts.displayName'), dataIndex: 'displayName' },
    { title: t('accounts.username'), dataIndex: 'username', render: (v: string | null) => (v ? <span className="gz-mono">{v}</span> : '—') },
    { title: t('accounts.phone'), dataIndex: 'phone', responsive: ['md'], render: (v: string | null) => v ?? '—' },
    { title: t('accounts.kind'), dataIndex: 'kind', width: 90, render: (k: Account['kind']) => (k === 'staff' ? <Tag color="blue">{t('auth.staff')}</Tag> : <Tag>{t('auth.resident')}</Tag>) },
    {
      title: t('accounts.roles'),
      key: 'roles',
      responsive: ['lg'],
      render: (_, a) => (
        <Flex gap={4} wrap>
          {a.roles.map((r) => <Tag key={r.id}>{roleLabel(r.role, t)} · {r.nodeName}</Tag>)}
        </Flex>
      ),
    },
    { title: t('accounts.active'), dataIndex: 'active', width: 80, render: (v: boolean) => (v ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, a) => (
        <Space size={0}>
          <RowActions actions={a.actions} name={a.displayName} testId={`account-${a.id}`} onEdit={() => editing.edit(a)} />
          {a.actions.includes('resetPassword') ? <Button type="link" size="small" onClick={() => setResetting(a)}>{t('accounts.resetPassword')}</Button> : null}
        </Space>
      ),
    },
  ];

  return (
    <div className="gz-page" data-testid="accounts-page">
      <PageHeader title={t('accounts.title')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={editing.create} data-testid="account-create">{t('accounts.createTitle')}</Button>} />
      <Flex wrap gap={8} className="gz-filters">
        <Input.Search allowClear placeholder={t('common.keyword')} onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ width: 240 }} />
      </Flex>
      {list.error ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Account>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('common.total', { count: n }) }}
      />
      <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
      <AccountForm open={editing.open} account={editing.current} onClose={editing.close} onSaved={() => { void message.success(t('common.saved')); editing.close(); }} />
    </div>
  );
}
