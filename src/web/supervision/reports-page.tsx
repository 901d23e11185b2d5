/**
 * 举报件 (/console/supervision/reports): the reports sealed to the signed-in inspector,
 * newest first — number, state, anonymous or real-name, when received, overdue. Only what
 * the server lists without opening a report; the words are opened on the report's page.
 *
 * Above the list, when the inspector's key is not open in this session (a password reset left
 * it awaiting a custodian's recovery, or the session began without it), a notice says why
 * reports cannot be read and what to do.
 */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable } from '../common/list-table.js';
import { PageHeader } from '../common/page-header.js';
import { formatDateTime } from '../i18n/format.js';
import { ReportStateTag } from './report-labels.js';
import { useKeyStatus, useReports, type KeyState, type ReportListItem } from './supervision.api.js';

const keyNotices: Record<Exclude<KeyState, 'ready'>, { type: 'warning' | 'info'; text: 'supervision.key.recovery_pending' | 'supervision.key.recovery_approved' | 'supervision.key.none' }> = {
  recovery_pending: { type: 'warning', text: 'supervision.key.recovery_pending' },
  recovery_approved: { type: 'info', text: 'supervision.key.recovery_approved' },
  none: { type: 'warning', text: 'supervision.key.none' },
};

/** Why reports cannot be opened now, when the inspector's key is not ready; nothing while it is (or while unknown). */
function KeyNotice() {
  const { t } = useTranslation();
  const state = useKeyStatus().data;
  if (!state || state === 'ready') return null;
  const notice = keyNotices[state];
  return <Alert type={notice.type} showIcon title={t(notice.text)} style={{ marginBottom: 16 }} data-testid="sv-key-notice" data-state={state} />;
}

/**
 * The list item as the server may send it: the overdue flag is on the report view but not
 * (yet) on the list, so it shows here only once the list carries it.
 */
type Row = ReportListItem & { overdue?: boolean };

export function SupervisionReportsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const list = useReports();

  const columns: TableColumnsType<Row> = [
    {
      title: t('supervision.console.number'),
      dataIndex: 'number',
      width: 170,
      render: (n: string, r) => <Link to={`/console/supervision/reports/${r.id}`} className="gz-mono gz-nowrap" data-testid={`sv-row-${n}`}>{n}</Link>,
    },
    {
      title: t('supervision.console.state'),
      dataIndex: 'state',
      width: 160,
      render: (_: Row['state'], r) => (
        <Space size={4} wrap>
          <ReportStateTag state={r.state} />
          {r.overdue ? <Tag color="red">{t('supervision.console.overdue')}</Tag> : null}
        </Space>
      ),
    },
    { title: t('supervision.console.kind'), dataIndex: 'anonymous', width: 100, render: (a: boolean) => (a ? <Tag>{t('supervision.console.anonymous')}</Tag> : <Tag color="blue">{t('supervision.console.realName')}</Tag>) },
    { title: t('supervision.console.receivedAt'), dataIndex: 'receivedAt', render: (at: string) => <span className="gz-nowrap">{formatDateTime(at, lang)}</span> },
  ];

  return (
    <div className="gz-page" data-testid="sv-reports-page">
      <PageHeader
        title={t('supervision.console.listTitle')}
        hint={t('supervision.console.listHint')}
        extra={<Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching} data-testid="sv-reports-reload">{t('common.refresh')}</Button>}
      />
      <KeyNotice />
      <ListTable<Row> list={list} columns={columns} paging={20} locale={{ emptyText: t('supervision.console.empty') }} data-testid="sv-reports-table" />
    </div>
  );
}
