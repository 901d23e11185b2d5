/** 职责清单: category × area → responsible organization and post. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Input, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boolParam, type Responsibility } from '../../api/types.js';
import { useMe } from '../../auth/auth.api.js';
import { ProblemAlert } from '../../common/problem-alert.js';
import { useProblem } from '../../common/use-problem.js';
import { OrgSelect } from '../shared/entity-selects.js';
import { NodeSelect } from '../shared/node-select.js';
import { PageHeader } from '../shared/page-header.js';
import { RowActions } from '../shared/row-actions.js';
import { useEditing } from '../shared/use-editing.js';
import { useResponsibilities, useResponsibilityMutations } from './responsibilities.api.js';
import { ResponsibilityForm } from './responsibility-form.js';

const PAGE_SIZE = 20;

export function ResponsibilitiesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const report = useProblem();
  const [nodeId, setNodeId] = useState<number | null>(null);
  const [subtree, setSubtree] = useState(true);
  const [orgId, setOrgId] = useState<number | null>(null);
  const [category, setCategory] = useState('');
  const [page, setPage] = useState(1);
  const list = useResponsibilities({
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
    ...(nodeId ? { nodeId, subtree: boolParam(subtree) } : {}),
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
        <NodeSelect value={nodeId} onChange={(v) => { setNodeId(v); setPage(1); }} placeholder={t('resp.node')} />
        {nodeId ? <Checkbox checked={subtree} onChange={(e) => setSubtree(e.target.checked)}>{t('common.includeSubtree')}</Checkbox> : null}
        <OrgSelect value={orgId} onChange={(v) => { setOrgId(v); setPage(1); }} placeholder={t('resp.org')} />
        <Input.Search allowClear placeholder={t('resp.category')} onSearch={(v) => { setCategory(v.trim()); setPage(1); }} style={{ width: 200 }} />
      </Flex>
      {list.error ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Responsibility>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('common.total', { count: n }) }}
      />
      <ResponsibilityForm open={editing.open} item={editing.current} onClose={editing.close} onSaved={() => { void message.success(t('common.saved')); editing.close(); }} />
    </div>
  );
}
