/** 职责清单: category × area → responsible organization and post. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Responsibility } from '../../api/types.js';
import { useMe } from '../../auth/auth.api.js';
import { ListTable } from '../../common/list-table.js';
import { PageHeader } from '../../common/page-header.js';
import { RowActions } from '../../common/row-actions.js';
import { useEditing } from '../../common/use-editing.js';
import { usePaging } from '../../common/use-paging.js';
import { useProblem } from '../../common/use-problem.js';
import { AreaFilter, useAreaFilter } from '../shared/area-filter.js';
import { OrgSelect } from '../shared/entity-selects.js';
import { useResponsibilities, useResponsibilityMutations } from './responsibilities.api.js';
import { ResponsibilityForm } from './responsibility-form.js';

export function ResponsibilitiesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const report = useProblem();
  const area = useAreaFilter();
  const [orgId, setOrgId] = useState<number | null>(null);
  const [category, setCategory] = useState('');
  const paging = usePaging(20);
  const list = useResponsibilities({
    ...paging.window,
    ...area.query,
    ...(orgId ? { orgId } : {}),
    ...(category ? { category } : {}),
  });
  const { remove } = useResponsibilityMutations();
  const editing = useEditing<Responsibility>();

  const columns: TableColumnsType<Responsibility> = [
    { title: t('resp.category'), dataIndex: 'category', render: (c: string) => <Tag color="geekblue">{c}</Tag> },
    { title: t('resp.node'), dataIndex: 'nodeName' },
    { title: t('resp.org'), dataIndex: 'orgName' },
    { title: t('resp.post'), dataIndex: 'postTitle', render: (v: string | null) => v ?? '—' },
    { title: t('resp.note'), dataIndex: 'note', responsive: ['lg'], ellipsis: true, render: (v: string | null) => v ?? '' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, r) => <RowActions actions={r.actions} name={`${r.category} · ${r.nodeName}`} testId={`resp-${r.id}`} onEdit={() => editing.edit(r)} onDelete={() => remove.mutateAsync(r.id).then(() => void message.success(t('common.deleted')), report)} />,
    },
  ];

  return (
    <div className="gz-page" data-testid="responsibilities-page">
      <PageHeader
        title={t('resp.title')}
        hint={t('resp.hint')}
        extra={me?.permissions.includes('responsibility.write') ? <Button type="primary" icon={<PlusOutlined />} onClick={editing.create}>{t('common.create')}</Button> : null}
      />
      <Flex wrap gap={8} className="gz-filters">
        <AreaFilter area={area} placeholder={t('resp.node')} onNodeChange={paging.first} />
        <OrgSelect value={orgId} onChange={(v) => { setOrgId(v); paging.first(); }} placeholder={t('resp.org')} />
        <Input.Search allowClear placeholder={t('resp.category')} onSearch={(v) => { setCategory(v.trim()); paging.first(); }} style={{ width: 200 }} />
      </Flex>
      <ListTable list={list} columns={columns} paging={paging} />
      <ResponsibilityForm open={editing.open} item={editing.current} onClose={editing.close} onSaved={() => { void message.success(t('common.saved')); editing.close(); }} />
    </div>
  );
}
