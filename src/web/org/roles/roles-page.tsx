/** 角色授权: who holds which role over which part of the tree; grant and revoke. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleAssignment } from '../../api/types.js';
import { ProblemAlert } from '../../common/problem-alert.js';
import { useProblem } from '../../common/use-problem.js';
import { roleLabel } from '../../console/grant-label.js';
import { AccountSelect } from '../shared/entity-selects.js';
import { NodeSelect } from '../shared/node-select.js';
import { PageHeader } from '../shared/page-header.js';
import { GrantRoleModal } from './grant-role-modal.js';
import { useRoleAssignments, useRoleMutations } from './roles.api.js';

const PAGE_SIZE = 20;

export function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useProblem();
  const [userId, setUserId] = useState<number | null>(null);
  const [nodeId, setNodeId] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [granting, setGranting] = useState(false);
  const list = useRoleAssignments({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, ...(userId ? { userId } : {}), ...(nodeId ? { nodeId } : {}) });
  const { revoke } = useRoleMutations();

  const columns: TableColumnsType<RoleAssignment> = [
    { title: t('roleAssign.user'), dataIndex: 'userName' },
    { title: t('roleAssign.role'), dataIndex: 'role', render: (r: string) => <Tag color="blue">{roleLabel(r, t)}</Tag> },
    { title: t('roleAssign.node'), dataIndex: 'nodeName' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, r) =>
        r.actions.includes('delete') ? (
          <Popconfirm title={t('roleAssign.confirmRevoke', { name: r.userName })} okText={t('common.yes')} cancelText={t('common.no')} onConfirm={() => revoke.mutateAsync(r.id).then(() => void message.success(t('common.saved')), report)}>
            <Button type="link" size="small" danger>{t('roleAssign.revoke')}</Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <div className="gz-page" data-testid="roles-page">
      <PageHeader title={t('roleAssign.title')} hint={t('roleAssign.scopeHint')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setGranting(true)}>{t('roleAssign.createTitle')}</Button>} />
      <Flex wrap gap={8} className="gz-filters">
        <AccountSelect value={userId} onChange={(v) => { setUserId(v); setPage(1); }} placeholder={t('roleAssign.user')} />
        <NodeSelect value={nodeId} onChange={(v) => { setNodeId(v); setPage(1); }} placeholder={t('roleAssign.node')} />
      </Flex>
      {list.error ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<RoleAssignment>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('common.total', { count: n }) }}
      />
      <GrantRoleModal open={granting} onClose={() => setGranting(false)} onSaved={() => { void message.success(t('common.saved')); setGranting(false); }} />
    </div>
  );
}
