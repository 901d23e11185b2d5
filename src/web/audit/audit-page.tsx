/**
 * 审计日志: every change and sign-in, newest first, filtered on the server, with "load more"
 * keyset pagination (stable while new entries keep arriving).
 */
import { Button, Descriptions, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/types.js';
import { PageHeader } from '../common/page-header.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { formatDateTime } from '../i18n/format.js';
import { AuditFiltersForm } from './audit-filters.js';
import { useAuditLog, type AuditFilters } from './audit.api.js';
import { ChangesView } from './changes-view.js';

function EntryDetails({ e }: { e: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }}>
      <Descriptions.Item label={t('audit.requestId')}><span className="gz-mono">{e.requestId ?? '—'}</span></Descriptions.Item>
      <Descriptions.Item label={t('audit.ip')}>{e.ip ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('audit.hash')}><Typography.Text className="gz-mono" copyable>{e.hash.slice(0, 16)}</Typography.Text></Descriptions.Item>
    </Descriptions>
  );
}

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>({});
  const log = useAuditLog(filters);
  const rows = useMemo(() => log.data?.pages.flatMap((p) => p.items) ?? [], [log.data]);
  const lang = i18n.resolvedLanguage ?? 'zh-CN';

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('audit.time'), dataIndex: 'at', width: 170, render: (at: string) => <span className="gz-nowrap">{formatDateTime(at, lang)}</span> },
    { title: t('audit.actor'), dataIndex: 'actorLabel', width: 160, render: (v: string, e) => (e.actorId === null && v === 'system' ? t('audit.system') : v) },
    { title: t('audit.action'), dataIndex: 'action', width: 200, render: (a: string) => <Tag className="gz-mono" data-testid="audit-action">{a}</Tag> },
    { title: t('audit.subject'), key: 'subject', width: 150, responsive: ['md'], render: (_, e) => <span className="gz-mono">{e.subjectId ? `${e.subjectType} #${e.subjectId}` : e.subjectType}</span> },
    { title: t('audit.changes'), dataIndex: 'changes', width: 480, render: (c: unknown) => <ChangesView changes={c} /> },
  ];

  return (
    <div className="gz-page" data-testid="audit-page">
      <PageHeader title={t('audit.title')} hint={t('audit.hint')} />
      <AuditFiltersForm onApply={setFilters} />
      {log.error ? <ProblemAlert error={log.error} onRetry={() => void log.refetch()} /> : null}
      <Table<AuditEntry>
        rowKey="seq"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={log.isPending || (log.isFetching && !log.isFetchingNextPage)}
        pagination={false}
        // Fixed widths and wrapping change lines: long names wrap instead of widening the table.
        tableLayout="fixed"
        scroll={{ x: 1210 }}
        expandable={{ expandedRowRender: (e) => <EntryDetails e={e} /> }}
        locale={{ emptyText: t('audit.empty') }}
        data-testid="audit-table"
      />
      <Flex justify="center" style={{ marginTop: 16 }}>
        {log.hasNextPage ? (
          <Button onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="audit-load-more">{t('common.loadMore')}</Button>
        ) : rows.length > 0 ? (
          <Typography.Text type="secondary">{t('common.noMore')}</Typography.Text>
        ) : null}
      </Flex>
    </div>
  );
}
