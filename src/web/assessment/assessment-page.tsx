/**
 * 考核指标 (/console/assessment): an area (default: the top of the caller's subtree) and a
 * period (default: the last 12 months), held by the address; every indicator with its value,
 * numerator and denominator and its definition in words, and 三率 per month (ECharts).
 */
import { Card, Col, DatePicker, Flex, InputNumber, Row, Statistic, Typography } from 'antd';
// antd's own date library (the pickers take and give its values).
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../common/page-header.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { EChart } from '../insight/echart.js';
import { addDays, todayIn } from '../insight/insight-params.js';
import { NodeSelect } from '../org/shared/node-select.js';
import { percent, threeRates, trendOption } from './assessment-charts.js';
import { useFigures, useTrend, type FiguresQuery } from './assessment.api.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The server gives an indicator's name and definition in both languages. */
function wordsIn(w: { zh: string; en: string }, lang: string): string {
  return lang === 'en-US' ? w.en : w.zh;
}

/** The page's area, period and weight from the address; the period defaults to the last 12 months. */
function readQuery(params: URLSearchParams, today: string): FiguresQuery {
  const area = Number(params.get('area'));
  const from = params.get('from');
  const to = params.get('to');
  const weight = params.get('basicWeight');
  return {
    ...(Number.isInteger(area) && area > 0 ? { area } : {}),
    from: from && DAY.test(from) ? from : addDays(today, -364),
    to: to && DAY.test(to) ? to : today,
    ...(weight !== null && weight !== '' && Number.isFinite(Number(weight)) ? { basicWeight: Number(weight) } : {}),
  };
}

export function AssessmentPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage === 'en-US' ? 'en-US' : 'zh-CN';
  const words = (w: { zh: string; en: string }) => wordsIn(w, lang);
  const [params, setParams] = useSearchParams();
  const today = todayIn();
  const query = useMemo(() => readQuery(params, today), [params, today]);
  const figures = useFigures(query);
  const trend = useTrend(query);
  const go = (next: FiguresQuery) => setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])));
  const names = useMemo(() => Object.fromEntries((figures.data?.indicators ?? []).map((i) => [i.key, wordsIn(i.name, lang)])), [figures.data, lang]);
  const trendChart = useMemo(() => (trend.data ? trendOption(trend.data, names, lang) : undefined), [trend.data, names, lang]);

  return (
    <div className="gz-page" data-testid="assessment-page">
      <PageHeader title={t('assessment.figures.title')} hint={t('assessment.figures.hint')} />
      <Flex wrap gap={8} align="center" className="gz-filters">
        <NodeSelect value={query.area ?? figures.data?.area.id ?? null} onChange={(v) => go({ ...query, area: v ?? undefined })} placeholder={t('assessment.figures.area')} style={{ width: 240 }} data-testid="assessment-area" />
        <DatePicker.RangePicker
          value={[dayjs(query.from), dayjs(query.to)]}
          allowClear={false}
          onChange={(_, days) => (days[0] && days[1] ? go({ ...query, from: days[0], to: days[1] }) : undefined)}
          aria-label={t('assessment.figures.period')}
          data-testid="assessment-period"
        />
        <Flex align="center" gap={4}>
          <Typography.Text type="secondary">{t('assessment.figures.basicWeight')}</Typography.Text>
          <InputNumber min={0} max={1} step={0.1} value={figures.data?.basicWeight ?? query.basicWeight ?? null} onChange={(v) => go({ ...query, basicWeight: v ?? undefined })} style={{ width: 80 }} data-testid="assessment-weight" />
        </Flex>
      </Flex>
      {figures.error ? <ProblemAlert error={figures.error} /> : null}
      <Row gutter={[16, 16]} data-testid="assessment-indicators">
        {(figures.data?.indicators ?? []).map((i) => (
          <Col key={i.key} xs={24} sm={12} lg={8} xl={6}>
            <Card size="small" loading={figures.isPending} data-testid={`indicator-${i.key}`} data-value={i.value ?? ''}>
              <Statistic title={words(i.name)} value={percent(i.value, lang)} />
              <Typography.Text type="secondary" data-testid={`indicator-${i.key}-ratio`}>
                {t('assessment.figures.ratio', { numerator: i.numerator.toLocaleString(lang), denominator: i.denominator.toLocaleString(lang) })}
              </Typography.Text>
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }} ellipsis={{ rows: 2, expandable: true, symbol: t('assessment.figures.more') }}>
                {words(i.definition)}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={t('assessment.figures.trend', { rates: threeRates.map((k) => names[k] ?? k).join(' · ') })} style={{ marginTop: 16 }} size="small">
        {trendChart ? <EChart option={trendChart} height={300} label={t('assessment.figures.trendLabel')} data-testid="assessment-trend" /> : null}
      </Card>
    </div>
  );
}
