/**
 * 信访件 (/console/petitions): the petitions of the caller's scope, newest first — number,
 * matter, channel, state, handling unit, when received, the running clock with its due time
 * and 已超期; filters by state and overdue. Registrars record letters and visits from here.
 */
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Space, Switch, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInMe } from '../auth/me-context.js';
import { ListTable } from '../common/list-table.js';
import { PageHeader } from '../common/page-header.js';
import { usePaging } from '../common/use-paging.js';
import { formatDateTime } from '../i18n/format.js';
import { ClockDue, PetitionStateTag } from './petition-labels.js';
import { PetitionRecordModal } from './petition-record-modal.js';
import { usePetitions, type PetitionListItem, type PetitionState } from './petitions.api.js';

const states: PetitionState[] = ['received', 'returned', 'routed', 'accepted', 'concluded', 'review_requested', 'reviewed', 'recheck_requested', 'rechecked', 'refused'];

function useColumns(): TableColumnsType<PetitionListItem> {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  return [
    { title: t('petitions.fields.number'), dataIndex: 'number', width: 160, render: (n: string, r) => <Link to={`/console/petitions/${r.id}`} className="gz-mono gz-nowrap" data-testid={`petition-row-${n}`}>{n}</Link> },
    { title: t('petitions.fields.title'), dataIndex: 'title', ellipsis: true },
    { title: t('petitions.fields.channel'), dataIndex: 'channel', width: 100, render: (c: PetitionListItem['channel']) => t(`petitions.channels.${c}`) },
    {
      title: t('petitions.fields.state'),
      dataIndex: 'state',
      width: 140,
      render: (_: PetitionState, r) => (
        <Space size={4} wrap>
          <PetitionStateTag state={r.state} />
          {r.final ? <Tag>{t('petitions.fields.final')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('petitions.fields.clock'), key: 'clock', render: (_: unknown, r) => <ClockDue clock={r.clock} dueAt={r.clockDueAt} overdue={r.overdue} testId={`petition-clock-${r.number}`} /> },
    { title: t('petitions.fields.handler'), key: 'handler', render: (_: unknown, r) => r.handler?.name ?? t('petitions.fields.none') },
    { title: t('petitions.fields.petitioner'), key: 'petitioner', render: (_: unknown, r) => r.petitioner?.name ?? t('petitions.fields.none') },
    { title: t('petitions.fields.receivedAt'), dataIndex: 'receivedAt', render: (at: string) => <span className="gz-nowrap">{formatDateTime(at, lang)}</span> },
  ];
}

export function PetitionsPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const paging = usePaging(20);
  const [state, setState] = useState<PetitionState | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [recording, setRecording] = useState(false);
  const columns = useColumns();
  const list = usePetitions({ ...paging.window, mine: 'false', ...(state ? { state } : {}), ...(overdue ? { overdue: 'true' } : {}) });
  const registrar = me.permissions.includes('petitions.register');

  return (
    <div className="gz-page" data-testid="petitions-page">
      <PageHeader
        title={t('petitions.console.title')}
        hint={t('petitions.console.hint')}
        extra={
          <>
            {registrar ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} data-testid="petition-record">{t('petitions.console.record')}</Button> : null}
            <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching} data-testid="petitions-reload">{t('common.refresh')}</Button>
          </>
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Select<PetitionState>
          allowClear
          placeholder={t('petitions.console.stateFilter')}
          value={state}
          onChange={(v) => { setState(v); paging.first(); }}
          options={states.map((s) => ({ value: s, label: t(`petitions.states.${s}`) }))}
          style={{ minWidth: 160 }}
          data-testid="petitions-state-filter"
        />
        <Space>
          <Switch checked={overdue} onChange={(v) => { setOverdue(v); paging.first(); }} data-testid="petitions-overdue-filter" />
          {t('petitions.console.overdueOnly')}
        </Space>
      </Flex>
      <ListTable<PetitionListItem> list={list} columns={columns} paging={paging} locale={{ emptyText: t('petitions.console.empty') }} data-testid="petitions-table" />
      {recording ? <PetitionRecordModal onClose={() => setRecording(false)} /> : null}
    </div>
  );
}
