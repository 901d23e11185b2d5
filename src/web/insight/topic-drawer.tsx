/**
 * A hot issue or a 每月一题 topic opened: its keywords and places, its cases over the buckets
 * (a bar chart), and the cases themselves, each a link to its page.
 */
import { Drawer, Flex, Grid, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseBriefTable } from './case-brief-table.js';
import { EChart } from './echart.js';
import { seriesOption } from './insight-charts.js';
import type { Bucket } from './insight-params.js';
import type { CaseBrief } from './insight.api.js';

export interface Topic {
  label: string;
  keywords: readonly string[];
  places: readonly { id: number; name: string; count: number }[];
  /** Cases over `buckets`. */
  series: readonly number[];
  size: number;
  cases: readonly CaseBrief[];
}

interface Props {
  topic: Topic | null;
  buckets: readonly string[];
  bucket: Bucket;
  onClose: () => void;
}

export function TopicDrawer({ topic, buckets, bucket, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const screens = Grid.useBreakpoint();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const option = useMemo(() => (topic ? seriesOption(buckets, bucket, topic.series, t, lang) : null), [topic, buckets, bucket, t, lang]);
  return (
    <Drawer open={topic !== null} title={topic?.label} onClose={onClose} size={screens.md ? 760 : '100%'} destroyOnHidden data-testid="topic-drawer">
      {topic && option ? (
        <Flex vertical gap={16}>
          {topic.keywords.length > 0 ? (
            <Space size={[4, 4]} wrap>
              <Typography.Text type="secondary">{t('insight.hot.keywords')}</Typography.Text>
              {topic.keywords.map((k) => <Tag key={k}>{k}</Tag>)}
            </Space>
          ) : null}
          {topic.places.length > 0 ? (
            <Typography.Text type="secondary">{t('insight.hot.places', { places: topic.places.map((p) => `${p.name} ${p.count}`).join(t('cases.fields.listSep')) })}</Typography.Text>
          ) : null}
          <div>
            <Typography.Text strong>{t('insight.hot.trendTitle', { bucket: t(bucket === 'week' ? 'insight.hot.weekUnit' : 'insight.hot.monthUnit') })}</Typography.Text>
            <EChart option={option} height={180} label={topic.label} data-testid="topic-series-chart" />
          </div>
          <div>
            <Typography.Text strong>
              {t('insight.hot.casesTitle', { count: topic.size })}
              {topic.cases.length < topic.size ? <Typography.Text type="secondary"> · {t('insight.hot.casesCapped', { count: topic.cases.length })}</Typography.Text> : null}
            </Typography.Text>
            <CaseBriefTable cases={topic.cases} testId="topic-cases" />
          </div>
        </Flex>
      ) : null}
    </Drawer>
  );
}
