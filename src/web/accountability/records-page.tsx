/**
 * 问责记录 (/console/accountability/records): the records over the caller's area, newest
 * first, filtered by person; 记录问责 opens the record form (accountability.write only).
 */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { hasPermission } from '../auth/auth.api.js';
import { useSignedInMe } from '../auth/me-context.js';
import { ListTable } from '../common/list-table.js';
import { PageHeader } from '../common/page-header.js';
import { PersonSelect } from '../org/shared/entity-selects.js';
import { useRecordMeasure, useRecords, type AccountabilityRecord } from './accountability.api.js';
import { AppealTag, MeasureTag } from './accountability-labels.js';
import { emptyRecord, RecordFormDrawer } from './record-form.js';

export function AccountabilityRecordsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSignedInMe();
  const navigate = useNavigate();
  const [personId, setPersonId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useRecords(personId);
  const record = useRecordMeasure();
  const canWrite = hasPermission(me, 'accountability.write');

  const columns: TableColumnsType<AccountabilityRecord> = [
    { title: t('accountability.records.person'), dataIndex: 'personName', render: (name: string, r) => <Link to={`/console/accountability/records/${r.id}`} data-testid={`acc-row-${r.id}`}>{name}</Link> },
    { title: t('accountability.records.measure'), key: 'measure', render: (_: unknown, r) => <MeasureTag record={r} /> },
    { title: t('accountability.records.decidedBy'), dataIndex: 'decidedBy' },
    { title: t('accountability.records.decidedOn'), dataIndex: 'decidedOn', render: (d: string) => <span className="gz-nowrap">{d}</span> },
    { title: t('accountability.records.appeal'), dataIndex: 'appeal', render: (a: AccountabilityRecord['appeal']) => <AppealTag appeal={a} /> },
  ];

  return (
    <div className="gz-page" data-testid="acc-records-page">
      <PageHeader
        title={t('accountability.records.title')}
        hint={t('accountability.records.hint')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching}>{t('common.refresh')}</Button>
            {canWrite ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="acc-record-new">{t('accountability.records.create')}</Button> : null}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <PersonSelect value={personId} onChange={(v) => setPersonId(v)} placeholder={t('accountability.records.filterPerson')} style={{ minWidth: 260 }} data-testid="acc-filter-person" />
      </Flex>
      <ListTable<AccountabilityRecord> list={list} columns={columns} paging={20} locale={{ emptyText: t('accountability.records.empty') }} data-testid="acc-records-table" />
      <RecordFormDrawer
        open={creating}
        title={t('accountability.records.create')}
        initial={emptyRecord()}
        groundsRequired
        saving={record.isPending}
        onClose={() => setCreating(false)}
        save={async (body) => {
          const made = await record.mutateAsync(body);
          setCreating(false);
          void message.success(made.publication ? t('accountability.form.published', { count: made.publication.recipients }) : t('accountability.form.recorded'));
          void navigate(`/console/accountability/records/${made.id}`);
        }}
      />
    </div>
  );
}
