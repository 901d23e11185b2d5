/**
 * 组织: party organizations, departments, 村(居)委会 and social organizations, filtered by
 * area, kind and keyword, with a create/edit drawer and import/export.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Select, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization, OrgKind } from '../../api/types.js';
import { useMe } from '../../auth/auth.api.js';
import { ListTable } from '../../common/list-table.js';
import { PageHeader } from '../../common/page-header.js';
import { RowActions } from '../../common/row-actions.js';
import { useEditing } from '../../common/use-editing.js';
import { usePaging } from '../../common/use-paging.js';
import { useProblem } from '../../common/use-problem.js';
import { AreaFilter, useAreaFilter } from '../shared/area-filter.js';
import { ImportExportButtons } from '../shared/import-export.js';
import { orgKindColors, orgKindLabel } from './org-labels.js';
import { OrganizationForm } from './organization-form.js';
import { useOrganizationMutations, useOrganizations } from './organizations.api.js';

export function OrganizationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const report = useProblem();
  const area = useAreaFilter();
  const [kind, setKind] = useState<OrgKind | null>(null);
  const [q, setQ] = useState('');
  const paging = usePaging(20);
  const query = {
    ...paging.window,
    ...area.query,
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
            <ImportExportButtons entity="organizations" label={t('orgs.title')} />
          </>
        }
      />
      <Flex wrap gap={8} className="gz-filters">
        <AreaFilter area={area} placeholder={t('orgs.node')} onNodeChange={paging.first} />
        <Select<OrgKind | null>
          value={kind}
          onChange={(v) => { setKind(v ?? null); paging.first(); }}
          allowClear
          placeholder={t('orgs.kind')}
          style={{ width: 160 }}
          options={(['party', 'department', 'committee', 'social'] as const).map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
        />
        <Input.Search allowClear placeholder={t('common.keyword')} onSearch={(v) => { setQ(v.trim()); paging.first(); }} style={{ width: 220 }} data-testid="org-search" />
      </Flex>
      <ListTable list={list} columns={columns} paging={paging} data-testid="org-table" />
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
