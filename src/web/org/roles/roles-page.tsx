/** 角色授权: who holds which role over which part of the tree; grant and revoke. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleAssignment } from '../../api/types.js';
import { ListTable } from '../../common/list-table.js';
import { PageHeader } from '../../common/page-header.js';
import { usePaging } from '../../common/use-paging.js';
import { useProblem } from '../../common/use-problem.js';
import { roleLabel } from '../../console/grant-label.js';
import { AccountSelect } from '../shared/entity-selects.js';
import { NodeSelect } from '../shared/node-select.js';
import { GrantRoleModal } from './grant-role-modal.js';
import { useRoleAssignments, useRoleMutations } from './roles.api.js';

export function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const report = useProblem();
  const [userId, setUserId] = useState<number | null>(null);
  const [nodeId, setNodeId] = useState<number | null>(null);
  const paging = usePaging(20);
  const [granting, setGranting] = useState(false);
  const list = useRoleAssignments({ ...paging.window, ...(userId ? { userId } : {}), ...(nodeId ? { nodeId } : {}) });
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
        <AccountSelect value={userId} onChange={(v) => { setUserId(v); paging.first(); }} placeholder={t('roleAssign.user')} />
        <NodeSelect value={nodeId} onChange={(v) => { setNodeId(v); paging.first(); }} placeholder={t('roleAssign.node')} />
      </Flex>
      <ListTable list={list} columns={columns} paging={paging} />
      <GrantRoleModal open={granting} onClose={() => setGranting(false)} onSaved={() => { void message.success(t('common.saved')); setGranting(false); }} />
    </div>
  );
}
