/**
 * 热点分析 (/console/insight): an area and a period (held by the address), the figures of the
 * cases there (trend, states, categories, areas: ECharts), the hot issues ranked with their
 * sparklines, and the 每月一题 candidates. Clicking a state, category or area opens 工单中心
 * filtered by it and by the period; a hot issue or topic opens its cases.
 */
import { App, DatePicker, Flex } from 'antd';
// antd's own date library (the pickers take and give its values).
import dayjs from 'dayjs';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { usePublicCategories } from '../cases/cases.api.js';
import { PageHeader } from '../common/page-header.js';
import { NodeSelect } from '../org/shared/node-select.js';
import { HotIssuesCard } from './hot-issues.js';
import { caseListHref, insightStateParams, lastDays, periodPresets, periodQuery, readInsightState, todayIn, type CaseListDrill, type InsightState } from './insight-params.js';
import { useHotIssues, useMonthlyTopics, useOverview } from './insight.api.js';
import { MonthlyTopicsCard } from './monthly-topics.js';
import { OverviewCharts } from './overview-charts.js';

export function InsightPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const s = useMemo(() => readInsightState(params), [params]);
  const period = useMemo(() => periodQuery(s), [s]);
  const hotQuery = useMemo(() => (s.bucket ? { ...period, bucket: s.bucket } : period), [period, s.bucket]);
  const overview = useOverview(period);
  const hot = useHotIssues(hotQuery);
  const monthly = useMonthlyTopics(period);
  const categories = usePublicCategories();
  // Each change of area or period is a step in the browser's history.
  const go = (next: InsightState) => setParams(insightStateParams(next));

  // The period shown: the address's, else the one the server chose (its default).
  const from = s.from ?? overview.data?.from.slice(0, 10);
  const to = s.to ?? overview.data?.to.slice(0, 10);
  const today = todayIn();

  const drill = (d: CaseListDrill) => void navigate(caseListHref({ ...(s.nodeId ? { nodeId: s.nodeId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...d }));
  const categoryIdByName = useCallback((name: string) => categories.data?.find((c) => c.parentId === null && c.name === name)?.id ?? null, [categories.data]);

  return (
    <div className="gz-page" data-testid="insight-page">
      <PageHeader title={t('insight.dashboard.title')} hint={t('insight.dashboard.hint')} />
      <Flex wrap gap={8} align="center" className="gz-filters" data-testid="insight-filters">
        <NodeSelect
          value={s.nodeId ?? null}
          onChange={(v) => go({ ...s, nodeId: v ?? undefined })}
          placeholder={t('insight.dashboard.areaPlaceholder')}
          style={{ width: 240 }}
          data-testid="insight-area"
        />
        <DatePicker.RangePicker
          value={from && to ? [dayjs(from), dayjs(to)] : null}
          allowClear={false}
          disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
          presets={periodPresets.map((days) => {
            const r = lastDays(days, today);
            return { label: t('insight.dashboard.lastDays', { days }), value: [dayjs(r.from), dayjs(r.to)] as [dayjs.Dayjs, dayjs.Dayjs] };
          })}
          onChange={(_, days) => (days[0] && days[1] ? go({ ...s, from: days[0], to: days[1] }) : undefined)}
          aria-label={t('insight.dashboard.period')}
          data-testid="insight-period"
        />
      </Flex>
      <Flex vertical gap={16}>
        <OverviewCharts
          data={overview.data}
          error={overview.error}
          loading={overview.isFetching}
          onRetry={() => void overview.refetch()}
          onDrill={drill}
          categoryIdByName={categoryIdByName}
          onCategoryMissing={(name) => void message.info(t('insight.dashboard.categoryNotFound', { name }))}
        />
        <HotIssuesCard
          data={hot.data}
          error={hot.error}
          loading={hot.isFetching}
          onRetry={() => void hot.refetch()}
          bucket={s.bucket}
          onBucket={(bucket) => go({ ...s, bucket })}
        />
        <MonthlyTopicsCard data={monthly.data} error={monthly.error} loading={monthly.isFetching} onRetry={() => void monthly.refetch()} />
      </Flex>
    </div>
  );
}
