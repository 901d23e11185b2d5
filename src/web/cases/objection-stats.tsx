/** 派单异议统计: per unit, objections filed, upheld, rejected and pending (an assessment figure). */
import { Progress, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/problem-alert.js';
import { useObjectionStats, type ObjectionStat } from './cases.api.js';

export function ObjectionStats() {
  const { t } = useTranslation();
  const stats = useObjectionStats(true);
  const rate = (s: ObjectionStat) => (s.upheld + s.rejected === 0 ? null : Math.round((s.upheld / (s.upheld + s.rejected)) * 100));
  return (
    <div data-testid="objection-stats">
      <Typography.Paragraph type="secondary">{t('cases.stats.hint')}</Typography.Paragraph>
      {stats.error ? <ProblemAlert error={stats.error} onRetry={() => void stats.refetch()} /> : null}
      <Table<ObjectionStat>
        size="small"
        rowKey="orgId"
        loading={stats.isFetching}
        dataSource={stats.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('cases.stats.empty') }}
        columns={[
          { title: t('cases.stats.unit'), dataIndex: 'orgName' },
          { title: t('cases.stats.filed'), dataIndex: 'filed', width: 80, align: 'right' },
          { title: t('cases.stats.upheld'), dataIndex: 'upheld', width: 80, align: 'right' },
          { title: t('cases.stats.rejected'), dataIndex: 'rejected', width: 80, align: 'right' },
          { title: t('cases.stats.pending'), dataIndex: 'pending', width: 80, align: 'right' },
          {
            title: t('cases.stats.upheldRate'),
            key: 'rate',
            width: 160,
            render: (_, s) => {
              const r = rate(s);
              return r === null ? '—' : <Progress percent={r} size="small" />;
            },
          },
        ]}
      />
    </div>
  );
}
