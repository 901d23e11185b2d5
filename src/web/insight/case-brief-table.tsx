/** The cases behind a figure (a hot issue, a topic, a warning): number (a link to the case), title, state, area, submitted. */
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StateTag } from '../cases/case-table.js';
import { formatDateTime } from '../i18n/format.js';
import type { CaseBrief } from './insight.api.js';

export function CaseBriefTable({ cases, pageSize = 10, testId = 'brief-cases' }: { cases: readonly CaseBrief[]; pageSize?: number; testId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const columns: TableColumnsType<CaseBrief> = [
    {
      title: t('insight.brief.number'),
      dataIndex: 'number',
      width: 130,
      render: (n: string, c) => <Link to={`/console/cases/${c.id}`} className="gz-mono gz-nowrap" data-testid={`brief-case-${n}`}>{n}</Link>,
    },
    { title: t('insight.brief.title'), dataIndex: 'title', ellipsis: true },
    { title: t('insight.brief.state'), dataIndex: 'state', width: 100, render: (s: CaseBrief['state']) => <StateTag state={s} /> },
    { title: t('insight.brief.area'), dataIndex: 'nodeName', width: 140, ellipsis: true, responsive: ['md'] },
    { title: t('insight.brief.submitted'), dataIndex: 'submittedAt', width: 170, responsive: ['lg'], render: (at: string) => <span className="gz-nowrap">{formatDateTime(at, lang)}</span> },
  ];
  return (
    <Table<CaseBrief>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...cases]}
      pagination={cases.length > pageSize ? { pageSize, showSizeChanger: false, size: 'small' } : false}
      locale={{ emptyText: t('insight.brief.empty') }}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
    />
  );
}
