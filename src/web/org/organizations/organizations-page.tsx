/**
 * 组织: party organizations, departments, 村(居)委会 and social organizations, filtered by
 * area, kind and keyword, with a create/edit drawer and import/export.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boolParam, type Organization, type OrgKind } from '../../api/types.js';
import { useMe } from '../../auth/auth.api.js';
import { ProblemAlert } from '../../common/problem-alert.js';
import { useProblem } from '../../common/use-problem.js';
import { ExportButton, ImportButton } from '../shared/import-export.js';
import { NodeSelect } from '../shared/node-select.js';
import { PageHeader } from '../shared/page-header.js';
import { RowActions } from '../shared/row-actions.js';
import { useEditing } from '../shared/use-editing.js';
import { orgKindColors, orgKindLabel } from './org-labels.js';
import { OrganizationForm } from './organization-form.js';
import { useOrganizationMutations, useOrganizations } from './organizations.api.js';

const PAGE_SIZE = 20;

export function OrganizationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const report = useProblem();
  const [nodeId, setNodeId] = useState<number | null>(null);
  const [subtree, setSubtree] = useState(true);
  const [kind, setKind] = useState<OrgKind | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const query = {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    ...(nodeId ? { nodeId, subtree: boolParam(subtree) } : {}),
    ...(kind ? { kind } : {}),
    ...(q ? { q } : {}),
  };
  const list = useOrganizations(query);
  const { remove } = useOrganizationMutations();
  const editing = useEditing<Organization>();
  const canWrite = !!me?.permissions.includes('org.write');

  const columns: TableColumnsType<Organization> = [
    { title: t('orgs.name'), dataIndex: 'name', render: (name: string, o) => <span className={o.active ? '' : 'gz-inactive'} data-testid={`org-row-name-${o.code}`}>{name}</span> },
    { title: t('orgs.kind'), key: 'kind', width: 130, render: (_, o) => <Tag color={orgKindColors[o.kind]}>{orgKindLabel(o, t)}</Tag> },
    { title: t('orgs.node'), dataIndex: 'nodeName', responsive: ['md'] },
    { title: t('orgs.parentOrg'), dataIndex: 'parentOrgName', responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { title: t('orgs.code'), dataIndex: 'code', responsive: ['xl'], render: (v: string) => <span className="gz-mono">{v}</span> },
    { title: t('orgs.phone'), dataIndex: 'phone', responsive: ['xl'], render: (v: string | null) => v ?? '—' },
    { title: t('orgs.active'), dataIndex: 'active', width: 80, render: (a: boolean) => (a ? <Tag color="success">{t('common.active')}</Tag> : <Tag>{t('common.inactive')}</Tag>) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, o) => (
        <RowActions
          actions={o.active ? o.actions : o.actions.filter((a) => a !== 'delete')}
          name={o.name}
          testId={`org-${o.code}`}
          onEdit={() => editing.edit(o)}
          deleteLabel={t('accounts.disable')}
          confirmText={t('orgs.confirmDeactivate', { name: o.name })}
          onDelete={() => remove.mutateAsync(o.id).then(() => void message.success(t('common.saved')), report)}
        />
      ),
    },
  ];

  return (
    <div className="gz-page" data-testid="organizations-page">
      <PageHeader
        title={t('orgs.title')}
        extra={
          <>
            {canWrite ? <Button type="primary" icon={<PlusOutlined />} onClick={editing.create} data-testid="org-create">{t('common.create')}</Button> : null}
            {me?.permissions.includes('org.import') ? <ImportButton entity="organizations" label={t('orgs.title')} /> : null}
            <ExportButton entity="organizations" />
          </>
        }
      />
      <Flex wrap gap={8} className="gz-filters">
        <NodeSelect value={nodeId} onChange={(v) => { setNodeId(v); setPage(1); }} placeholder={t('orgs.node')} />
        {nodeId ? <Checkbox checked={subtree} onChange={(e) => setSubtree(e.target.checked)}>{t('common.includeSubtree')}</Checkbox> : null}
        <Select<OrgKind | null>
          value={kind}
          onChange={(v) => { setKind(v ?? null); setPage(1); }}
          allowClear
          placeholder={t('orgs.kind')}
          style={{ width: 160 }}
          options={(['party', 'department', 'committee', 'social'] as const).map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
        />
        <Input.Search allowClear placeholder={t('common.keyword')} onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ width: 220 }} data-testid="org-search" />
      </Flex>
      {list.error ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Organization>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('common.total', { count: n }) }}
        data-testid="org-table"
      />
      <OrganizationForm
        open={editing.open}
        org={editing.current}
        onClose={editing.close}
        onSaved={() => {
          void message.success(t('common.saved'));
          editing.close();
        }}
      />
    </div>
  );
}
