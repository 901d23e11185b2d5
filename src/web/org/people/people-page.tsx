/** 人员: the people of an area, with party membership and whether they have an account. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../api/types.js';
import { useMe } from '../../auth/auth.api.js';
import { ListTable } from '../../common/list-table.js';
import { PageHeader } from '../../common/page-header.js';
import { RowActions } from '../../common/row-actions.js';
import { useEditing } from '../../common/use-editing.js';
import { usePaging } from '../../common/use-paging.js';
import { useProblem } from '../../common/use-problem.js';
import { AreaFilter, useAreaFilter } from '../shared/area-filter.js';
import { ImportExportButtons } from '../shared/import-export.js';
import { usePeople, usePersonMutations } from './people.api.js';
import { PersonForm } from './person-form.js';

export function PeoplePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const report = useProblem();
  const area = useAreaFilter();
  const [q, setQ] = useState('');
  const paging = usePaging(20);
  const list = usePeople({ ...paging.window, ...area.query, ...(q ? { q } : {}) });
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
            <ImportExportButtons entity="people" label={t('people.title')} />
          </>
        }
      />
      <Flex wrap gap={8} className="gz-filters">
        <AreaFilter area={area} placeholder={t('people.node')} onNodeChange={paging.first} />
        <Input.Search allowClear placeholder={t('common.keyword')} onSearch={(v) => { setQ(v.trim()); paging.first(); }} style={{ width: 220 }} />
      </Flex>
      <ListTable list={list} columns={columns} paging={paging} />
      <PersonForm open={editing.open} person={editing.current} onClose={editing.close} onSaved={() => { void message.success(t('common.saved')); editing.close(); }} />
    </div>
  );
}
