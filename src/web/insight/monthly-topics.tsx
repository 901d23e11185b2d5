/**
 * “每月一题”候选: topics that come back month after month in the period — how many months
 * they appear in, their cases each month (a row of cells), the total; 查看 opens the drawer.
 */
import { Button, Card, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/problem-alert.js';
import type { MonthlyTopic, MonthlyTopics } from './insight.api.js';
import { TopicDrawer } from './topic-drawer.js';

interface Props {
  data: MonthlyTopics | undefined;
  error: unknown;
  loading: boolean;
  onRetry: () => void;
}

function MonthCells({ months, counts }: { months: readonly string[]; counts: readonly number[] }) {
  const max = Math.max(1, ...counts);
  return (
    <span className="gz-months">
      {months.map((m, i) => {
        const n = counts[i] ?? 0;
        return (
          <Tooltip key={m} title={`${m}: ${n}`}>
            <span className={n > 0 ? 'gz-months__cell gz-months__cell--on' : 'gz-months__cell'} style={n > 0 ? { opacity: 0.35 + 0.65 * (n / max) } : undefined}>
              {n}
            </span>
          </Tooltip>
        );
      })}
    </span>
  );
}

export function MonthlyTopicsCard({ data, error, loading, onRetry }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<MonthlyTopic | null>(null);
  const months = data?.months ?? [];
  const topic = useMemo(() => (open ? { label: open.label, keywords: open.keywords, places: open.places, series: open.counts, size: open.total, cases: open.cases } : null), [open]);
  const columns: TableColumnsType<MonthlyTopic> = [
    {
      title: t('insight.monthly.topic'),
      key: 'label',
      render: (_, r) => (
        <>
          <Typography.Text strong>{r.label}</Typography.Text>
          <div>{r.keywords.slice(0, 4).map((k) => <Tag key={k} variant="filled" style={{ marginTop: 4 }}>{k}</Tag>)}</div>
        </>
      ),
    },
    { title: t('insight.monthly.months'), key: 'present', width: 110, render: (_, r) => <span className="gz-nowrap">{t('insight.monthly.monthsValue', { present: r.monthsPresent, total: months.length })}</span> },
    { title: t('insight.monthly.counts'), key: 'counts', render: (_, r) => <MonthCells months={months} counts={r.counts} /> },
    { title: t('insight.monthly.total'), dataIndex: 'total', width: 70, align: 'right' },
    {
      title: t('common.actions'),
      key: 'view',
      width: 80,
      render: (_, r, i) => <Button size="small" type="link" onClick={() => setOpen(r)} data-testid={`monthly-topic-${i + 1}-view`}>{t('insight.monthly.view')}</Button>,
    },
  ];
  return (
    <Card size="small" title={t('insight.monthly.title')} loading={loading && !data} aria-busy={loading} data-testid="monthly-topics">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('insight.monthly.hint')}</Typography.Paragraph>
      {error ? (
        <ProblemAlert error={error} onRetry={onRetry} />
      ) : (
        <Table<MonthlyTopic>
          rowKey={(r) => `${r.label}|${r.keywords.join(' ')}`}
          size="small"
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={(data?.items.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          locale={{ emptyText: t('insight.monthly.empty') }}
          scroll={{ x: 'max-content' }}
          data-testid="monthly-topics-table"
        />
      )}
      <TopicDrawer
        topic={topic}
        buckets={months}
        bucket="month"
        onClose={() => setOpen(null)}
      />
    </Card>
  );
}
