/** 人员: the people of an area, with party membership and whether they have an account. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Input, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boolParam, type Person } from '../../api/types.js';
import { useMe } from '../../auth/auth.api.js';
import { ProblemAlert } from '../../common/problem-alert.js';
import { useProblem } from '../../common/use-problem.js';
import { ExportButton, ImportButton } from '../shared/import-export.js';
import { NodeSelect } from '../shared/node-select.js';
import { PageHeader } from '../shared/page-header.js';
import { RowActions } from '../shared/row-actions.js';
import { useEditing } from '../shared/use-editing.js';
import { PersonForm } from './person-form.js';
import { usePeople, usePersonMutations } from './people.api.js';

const PAGE_SIZE = 20;

export function PeoplePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const report = useProblem();
  const [nodeId, setNodeId] = useState<number | null>(null);
  const [subtree, setSubtree] = useState(true);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = usePeople({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE, ...(nodeId ? { nodeId, subtree: boolParam(subtree) } : {}), ...(q ? { q } : {}) });
  const { remove } = usePersonMutations();
  const editing = useEditing<Person>();

  const columns: TableColumnsType<Person> = [
    { title: t('people.name'), dataIndex: 'name', render: (name: string, p) => <span data-testid={`person-row-${p.id}`}>{name}</span> },
    { title: t('people.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: t('people.gender'), dataIndex: 'gender', width: 70, responsive: ['md'], render: (g: Person['gender']) => (g ? t(`people.${g}`) : '—') },
    { title: t('people.node'), dataIndex: 'nodeName', responsive: ['md'] },
    {
      title: t('people.partyMember'),
      key: 'tags',
      responsive: ['sm'],
      render: (_, p) => (
        <Flex gap={4} wrap>
          {p.partyMember ? <Tag color="red">{t('people.partyMember')}</Tag> : null}
          {p.userId ? <Tag color="blue">{t('people.hasAccount')}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('people.note'), dataIndex: 'note', responsive: ['xl'], ellipsis: true, render: (v: string | null) => v ?? '' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_, p) => (
        <RowActions actions={p.actions} name={p.name} testId={`person-${p.id}`} onEdit={() => editing.edit(p)} onDelete={() => remove.mutateAsync(p.id).then(() => void message.success(t('common.deleted')), report)} />
      ),
    },
  ];

  return (
    <div className="gz-page" data-testid="people-page">
      <PageHeader
        title={t('people.title')}
        extra={
          <>
            {me?.permissions.includes('people.write') ? <Button type="primary" icon={<PlusOutlined />} onClick={editing.create} data-testid="person-create">{t('common.create')}</Button> : null}
            {me?.permissions.includes('org.import') ? <ImportButton entity="people" label={t('people.title')} /> : null}
            <ExportButton entity="people" />
          </>
        }
      />
      <Flex wrap gap={8} className="gz-filters">
        <NodeSelect value={nodeId} onChange={(v) => { setNodeId(v); setPage(1); }} placeholder={t('people.node')} />
        {nodeId ? <Checkbox checked={subtree} onChange={(e) => setSubtree(e.target.checked)}>{t('common.includeSubtree')}</Checkbox> : null}
        <Input.Search allowClear placeholder={t('common.keyword')} onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ width: 220 }} />
      </Flex>
      {list.error ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<Person>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (n) => t('common.total', { count: n }) }}
      />
      <PersonForm open={editing.open} person={editing.current} onClose={editing.close} onSaved={() => { void message.success(t('common.saved')); editing.close(); }} />
    </div>
  );
}
