/** 账号: staff and resident accounts, their roles, creation of staff accounts, deactivation. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Space, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../api/types.js';
import { ListTable } from '../../common/list-table.js';
import { PageHeader } from '../../common/page-header.js';
import { RowActions } from '../../common/row-actions.js';
import { useEditing } from '../../common/use-editing.js';
import { usePaging } from '../../common/use-paging.js';
import { roleLabel } from '../../console/grant-label.js';
import { AccountForm } from './account-form.js';
import { useAccounts } from './accounts.api.js';
import { ResetPasswordModal } from './reset-password-modal.js';

export function AccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const paging = usePaging(20);
  const list = useAccounts({ ...paging.window, ...(q ? { q } : {}) });
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
        <Input.Search allowClear placeholder={t('common.keyword')} onSearch={(v) => { setQ(v.trim()); paging.first(); }} style={{ width: 240 }} />
      </Flex>
      <ListTable list={list} columns={columns} paging={paging} />
      <ResetPasswordModal account={resetting} onClose={() => setResetting(null)} />
      <AccountForm open={editing.open} account={editing.current} onClose={editing.close} onSaved={() => { void message.success(t('common.saved')); editing.close(); }} />
    </div>
  );
}
