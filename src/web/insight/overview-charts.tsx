/**
 * The dashboard's figures: totals, the daily trend, the states, the category treemap and the
 * area bars. A click on a state, a category or an area opens the case list filtered by it.
 */
import { Card, Col, Empty, Row, Statistic } from 'antd';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/problem-alert.js';
import { EChart, type ChartClick } from './echart.js';
import { areasHeight, areasOption, areasShown, categoriesOption, clickedCategory, statesOption, statesShown, trendOption } from './insight-charts.js';
import type { CaseListDrill } from './insight-params.js';
import type { Overview } from './insight.api.js';

interface Props {
  data: Overview | undefined;
  error: unknown;
  loading: boolean;
  onRetry: () => void;
  /** Opens the case list with these filters (the period is the caller's). */
  onDrill: (d: CaseListDrill) => void;
  /** A first-level category's id by its name (the treemap knows only the name), or null. */
  categoryIdByName: (name: string) => number | null;
  onCategoryMissing: (name: string) => void;
}

function ChartCard({ title, hint, loading, empty, children, testId }: { title: string; hint?: string; loading: boolean; empty: boolean; children: ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} extra={hint ? <span className="gz-chart-hint">{hint}</span> : null} loading={loading} data-testid={testId}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insight.dashboard.noData')} /> : children}
    </Card>
  );
}

export function OverviewCharts({ data, error, loading, onRetry, onDrill, categoryIdByName, onCategoryMissing }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  // New words on a language switch: new options, and the charts redraw.
  const options = useMemo(
    () => (data ? { trend: trendOption(data.trend, t, lang), states: statesOption(data.states, t, lang), categories: categoriesOption(data.categories, t, lang), areas: areasOption(data.areas, t, lang) } : null),
    [data, t, lang],
  );

  if (error && !data) return <ProblemAlert error={error} onRetry={onRetry} />;
  const waiting = loading && !data;
  const empty = !!data && data.total === 0;
  const areas = data ? areasShown(data.areas) : [];
  const sum = (k: 'overdue' | 'dissatisfied') => (data && data.areas.length > 0 ? data.areas.reduce((n, a) => n + a[k], 0) : null);
  const closed = data ? data.trend.reduce((n, d) => n + d.closed, 0) : null;

  /** The row a click means: a bar's data index, or the place of the label clicked on the category axis. */
  const rowOf = (e: ChartClick, labels: readonly string[]) => (e.componentType === 'yAxis' ? labels.indexOf(String((e as { value?: unknown }).value)) : e.dataIndex);
  const onState = (e: ChartClick) => {
    const shown = data ? statesShown(data.states) : [];
    const s = shown[rowOf(e, shown.map((x) => t(`cases.states.${x.state}`)))];
    if (s) onDrill({ state: s.state });
  };
  const onCategory = (e: ChartClick) => {
    const c = clickedCategory(e as { data?: unknown; treePathInfo?: { name: string }[] });
    if (!c) return;
    if ('id' in c) return onDrill({ categoryId: c.id });
    const id = categoryIdByName(c.rootName);
    if (id) onDrill({ categoryId: id });
    else onCategoryMissing(c.rootName);
  };
  const onArea = (e: ChartClick) => {
    const a = areas[rowOf(e, areas.map((x) => x.name))];
    if (a) onDrill({ nodeId: a.id });
  };

  const stat = (title: string, value: number | null, testId: string) => (
    <Col xs={12} lg={6}>
      <Card size="small" loading={waiting}>
        <Statistic title={title} value={value ?? '—'} data-testid={testId} />
      </Card>
    </Col>
  );

  return (
    <Row gutter={[16, 16]} data-testid="insight-overview">
      {stat(t('insight.dashboard.total'), data?.total ?? null, 'insight-total')}
      {stat(t('insight.dashboard.closedSum'), closed, 'insight-closed')}
      {stat(t('insight.dashboard.overdueSum'), sum('overdue'), 'insight-overdue')}
      {stat(t('insight.dashboard.dissatisfiedSum'), sum('dissatisfied'), 'insight-dissatisfied')}
      <Col xs={24} xl={16}>
        <ChartCard title={t('insight.dashboard.trend')} loading={waiting} empty={empty} testId="chart-trend">
          {options ? <EChart option={options.trend} height={280} label={t('insight.dashboard.trend')} data-testid="chart-trend-canvas" /> : null}
        </ChartCard>
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard title={t('insight.dashboard.states')} hint={t('insight.dashboard.clickHint')} loading={waiting} empty={empty} testId="chart-states">
          {options ? <EChart option={options.states} height={280} onClick={onState} label={t('insight.dashboard.states')} data-testid="chart-states-canvas" /> : null}
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title={t('insight.dashboard.categories')} hint={t('insight.dashboard.clickHint')} loading={waiting} empty={empty} testId="chart-categories">
          {options ? <EChart option={options.categories} height={360} onClick={onCategory} label={t('insight.dashboard.categories')} data-testid="chart-categories-canvas" /> : null}
        </ChartCard>
      </Col>
      <Col xs={24} xl={12}>
        <ChartCard title={t('insight.dashboard.areas')} hint={t('insight.dashboard.clickHint')} loading={waiting} empty={empty} testId="chart-areas">
          {options && areas.length > 0 ? (
            <EChart option={options.areas} height={areasHeight(areas.length)} onClick={onArea} label={t('insight.dashboard.areas')} data-testid="chart-areas-canvas" />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('insight.dashboard.noAreas')} />
          )}
        </ChartCard>
      </Col>
    </Row>
  );
}
