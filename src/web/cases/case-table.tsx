/** The case list: number (a link to the case), title, category, area, state, unit, due time, submitted. */
import { Tag, Tooltip, type TableColumnsType, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable, type ListQuery } from '../common/list-table.js';
import type { Paging } from '../common/use-paging.js';
import { formatDateTime } from '../i18n/format.js';
import { categoryLeaf, stateColors } from './case-labels.js';
import { useAreaName } from './case-selects.js';
import type { CaseItem } from './cases.api.js';
import { DueText } from './due-text.js';

interface Props {
  list: ListQuery<CaseItem>;
  paging: Paging;
  rowSelection?: TableProps<CaseItem>['rowSelection'];
}

export function StateTag({ state, testId }: { state: CaseItem['state']; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={stateColors[state]} data-testid={testId} data-state={state}>{t(`cases.states.${state}`)}</Tag>;
}

export function CaseTable({ list, paging, rowSelection }: Props) {
  const { t, i18n } = useTranslation();
  const areaName = useAreaName();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';

  const columns: TableColumnsType<CaseItem> = [
    {
      title: t('cases.fields.number'),
      dataIndex: 'number',
      width: 130,
      render: (n: string, c) => <Link to={`/console/cases/${c.id}`} className="gz-mono gz-nowrap" data-testid={`case-row-${n}`}>{n}</Link>,
    },
    {
      title: t('cases.fields.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, c) => (
        <>
          {c.urgency === 'emergency' ? <Tag color="red">{t('cases.urgencies.emergency')}</Tag> : null}
          {title}
        </>
      ),
    },
    {
      title: t('cases.fields.category'),
      key: 'category',
      width: 140,
      responsive: ['md'],
      render: (_, c) => (c.category ? <Tooltip title={c.category.path}><span>{categoryLeaf(c.category.path)}</span></Tooltip> : '—'),
    },
    { title: t('cases.fields.area'), key: 'area', width: 180, responsive: ['lg'], ellipsis: true, render: (_, c) => areaName(c.nodeId) ?? '—' },
    { title: t('cases.fields.state'), dataIndex: 'state', width: 100, render: (s: CaseItem['state']) => <StateTag state={s} /> },
    { title: t('cases.fields.unit'), key: 'unit', width: 160, responsive: ['md'], ellipsis: true, render: (_, c) => c.lead?.name ?? c.route.unit?.name ?? '—' },
    { title: t('cases.fields.due'), key: 'due', width: 110, render: (_, c) => <DueText due={c.stepDueAt} overdue={c.overdue} /> },
    { title: t('cases.fields.submitted'), dataIndex: 'submittedAt', width: 170, responsive: ['xl'], render: (at: string) => <span className="gz-nowrap">{formatDateTime(at, lang)}</span> },
  ];

  return (
    <ListTable<CaseItem>
      list={list}
      columns={columns}
      paging={paging}
      rowSelection={rowSelection}
      locale={{ emptyText: t('cases.list.empty') }}
      data-testid="case-table"
    />
  );
}
