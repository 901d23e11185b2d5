/**
 * 热点问题: the ranked clusters of the area and period, each with its size, a sparkline of its
 * cases over the weeks or months, a ↑ tag when it is rising, its keywords and places; a click
 * opens the drawer with its cases.
 */
import { Card, Empty, Flex, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/problem-alert.js';
import { risingPercent, type Bucket } from './insight-params.js';
import type { HotIssue, HotIssues } from './insight.api.js';
import { Sparkline } from './sparkline.js';
import { TopicDrawer } from './topic-drawer.js';

interface Props {
  data: HotIssues | undefined;
  error: unknown;
  loading: boolean;
  onRetry: () => void;
  /** The bucket asked for (none: the server's choice, shown from the answer). */
  bucket: Bucket | undefined;
  onBucket: (b: Bucket) => void;
}

function IssueRow({ issue, rank, onOpen }: { issue: HotIssue; rank: number; onOpen: () => void }) {
  const { t } = useTranslation();
  const rising = risingPercent(issue.trend.growth);
  const keys = (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onOpen();
    }
  };
  return (
    <li className="gz-hot" role="button" tabIndex={0} onClick={onOpen} onKeyDown={keys} data-testid={`hot-issue-${rank}`} data-rising={rising !== null ? 'true' : 'false'}>
      <span className={rank <= 3 ? 'gz-hot__rank gz-hot__rank--top' : 'gz-hot__rank'}>{rank}</span>
      <div className="gz-hot__main">
        <div className="gz-hot__head">
          <span className="gz-hot__label" data-testid="hot-issue-label">{issue.label}</span>
          {rising !== null ? <Tag color="red" data-testid="hot-issue-rising">{t('insight.hot.rising', { percent: rising })}</Tag> : null}
        </div>
        <Space size={[4, 4]} wrap className="gz-hot__meta">
          <Typography.Text strong>{t('insight.hot.size', { count: issue.size })}</Typography.Text>
          {issue.weightedSize >= issue.size + 1 ? <Typography.Text type="secondary">{t('insight.hot.supportWeighted', { count: Math.round(issue.weightedSize) })}</Typography.Text> : null}
          {/* The label is made of the first keywords: the others only. */}
          {issue.keywords.filter((k) => !issue.label.includes(k)).slice(0, 5).map((k) => <Tag key={k} variant="filled">{k}</Tag>)}
        </Space>
        {issue.places.length > 0 ? (
          <Typography.Text type="secondary" className="gz-hot__places">
            {t('insight.hot.places', { places: issue.places.slice(0, 3).map((p) => `${p.name} ${p.count}`).join(t('cases.fields.listSep')) })}
          </Typography.Text>
        ) : null}
      </div>
      <Tooltip title={issue.series.join(' · ')}>
        <span className="gz-hot__spark">
          <Sparkline series={issue.series} color={rising !== null ? '#cf1322' : '#1d5fbf'} />
        </span>
      </Tooltip>
    </li>
  );
}

export function HotIssuesCard({ data, error, loading, onRetry, bucket, onBucket }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<HotIssue | null>(null);
  const shownBucket = bucket ?? data?.bucket ?? 'week';
  let body;
  if (error) body = <ProblemAlert error={error} onRetry={onRetry} />;
  else if (data && data.items.length === 0) body = <Empty description={t('insight.hot.empty')} data-testid="hot-issues-empty" />;
  else if (data) {
    body = (
      <>
        <Typography.Paragraph type="secondary" data-testid="hot-issues-summary">{t('insight.hot.summary', { considered: data.considered, clustered: data.clustered })}</Typography.Paragraph>
        <ol className="gz-hot-list" data-testid="hot-issues-list">
          {data.items.map((issue, i) => <IssueRow key={`${issue.label}-${i}`} issue={issue} rank={i + 1} onOpen={() => setOpen(issue)} />)}
        </ol>
      </>
    );
  }
  return (
    <Card
      size="small"
      title={t('insight.hot.title')}
      loading={loading && !data}
      extra={
        <Segmented<Bucket>
          size="small"
          value={shownBucket}
          onChange={onBucket}
          options={(['week', 'month'] as const).map((b) => ({ value: b, label: <span data-testid={`hot-bucket-${b}`}>{t(`insight.hot.bucket.${b}`)}</span> }))}
        />
      }
      aria-busy={loading}
      data-testid="hot-issues"
    >
      <Flex vertical>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('insight.hot.hint')}</Typography.Paragraph>
        {body}
      </Flex>
      <TopicDrawer topic={open} buckets={data?.buckets ?? []} bucket={data?.bucket ?? shownBucket} onClose={() => setOpen(null)} />
    </Card>
  );
}
