/**
 * 工作日历: a year at a glance (holidays red, 调休 workdays blue; click a date to set it)
 * and the same days as a list.
 */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Row, Segmented, Select, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.js';
import { ProblemAlert } from '../common/problem-alert.js';
import { RowActions } from '../common/row-actions.js';
import { useProblem } from '../common/use-problem.js';
import { CalendarDayForm, type CalendarDayTarget } from './calendar-day-form.js';
import { useCalendar, useCalendarMutations, type CalendarDay } from './cases-admin.api.js';
import { weekdayName, weekdayOf } from './labels.js';

const pad = (n: number) => String(n).padStart(2, '0');

function Month({ year, month, days, onPick, lang }: { year: number; month: number; days: ReadonlyMap<string, CalendarDay>; onPick?: ((day: string) => void) | undefined; lang: string }) {
  const first = `${year}-${pad(month)}-01`;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (weekdayOf(first) + 6) % 7; // Monday first
  const cells: Array<string | null> = [...Array<null>(lead).fill(null), ...Array.from({ length }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`)];
  const heads = Array.from({ length: 7 }, (_, i) => weekdayName(`2024-01-${pad(i + 1)}`, lang)); // 2024-01-01 was a Monday
  const title = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  return (
    <Card size="small" title={title} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, textAlign: 'center', fontSize: 12 }}>
        {heads.map((h) => <Typography.Text key={h} type="secondary" style={{ fontSize: 11 }}>{h}</Typography.Text>)}
        {cells.map((d, i) => {
          if (!d) return <span key={`x${i}`} />;
          const entry = days.get(d);
          const weekend = [0, 6].includes(weekdayOf(d));
          const style = {
            borderRadius: 4,
            padding: '2px 0',
            cursor: onPick ? 'pointer' : 'default',
            background: entry?.kind === 'holiday' ? '#fff1f0' : entry?.kind === 'workday' ? '#e6f4ff' : undefined,
            color: entry?.kind === 'holiday' ? '#cf1322' : entry?.kind === 'workday' ? '#0958d9' : weekend ? 'rgba(0,0,0,0.35)' : undefined,
            fontWeight: entry ? 600 : undefined,
          };
          const cell = (
            <span key={d} style={style} onClick={onPick ? () => onPick(d) : undefined} data-testid={`calendar-cell-${d}`}>
              {Number(d.slice(8))}
            </span>
          );
          return entry ? <Tooltip key={d} title={entry.name}>{cell}</Tooltip> : cell;
        })}
      </div>
    </Card>
  );
}

export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const report = useProblem();
  const lang = i18n.resolvedLanguage ?? 'zh-CN';
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const [view, setView] = useState<'year' | 'list'>('year');
  const [target, setTarget] = useState<CalendarDayTarget | null>(null);
  const calendar = useCalendar(year);
  const { clear } = useCalendarMutations();
  const items = useMemo(() => calendar.data?.items ?? [], [calendar.data]);
  const byDay = useMemo(() => new Map(items.map((d) => [d.day, d])), [items]);
  const canEdit = !!calendar.data?.actions.includes('update');
  const years = Array.from({ length: 7 }, (_, i) => thisYear - 2 + i);
  const holidays = items.filter((d) => d.kind === 'holiday').length;

  const columns: TableColumnsType<CalendarDay> = [
    { title: t('casesAdmin.calendar.day'), dataIndex: 'day', render: (d: string) => <span className="gz-mono">{d}</span> },
    { title: t('casesAdmin.calendar.weekday'), key: 'weekday', render: (_, r) => weekdayName(r.day, lang) },
    { title: t('casesAdmin.calendar.kind'), dataIndex: 'kind', render: (k: CalendarDay['kind']) => <Tag color={k === 'holiday' ? 'red' : 'blue'}>{t(`casesAdmin.calendar.${k}`)}</Tag> },
    { title: t('casesAdmin.calendar.name'), dataIndex: 'name' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, r) => (
        <RowActions
          actions={calendar.data?.actions ?? []}
          name={r.day}
          testId={`calendar-${r.day}`}
          deleteLabel={t('casesAdmin.calendar.clear')}
          confirmText={t('casesAdmin.calendar.confirmClear', { day: r.day })}
          onEdit={() => setTarget({ day: r.day, current: r })}
          onDelete={() => clear.mutateAsync(r.day).then(() => void message.success(t('common.saved')), report)}
        />
      ),
    },
  ];

  return (
    <div className="gz-page" data-testid="calendar-page">
      <PageHeader
        title={t('casesAdmin.calendar.title')}
        hint={t('casesAdmin.calendar.hint')}
        extra={canEdit ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ day: null, current: null })} data-testid="calendar-add">{t('casesAdmin.calendar.addDay')}</Button> : null}
      />
      <Flex wrap gap={12} align="center" className="gz-filters">
        <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 110 }} data-testid="calendar-year" />
        <Segmented<'year' | 'list'> value={view} onChange={setView} options={[{ value: 'year', label: t('casesAdmin.calendar.yearView') }, { value: 'list', label: t('casesAdmin.calendar.listView') }]} />
        <Tag color="red">{t('casesAdmin.calendar.holidays', { count: holidays })}</Tag>
        <Tag color="blue">{t('casesAdmin.calendar.workdays', { count: items.length - holidays })}</Tag>
        {canEdit && view === 'year' ? <Typography.Text type="secondary">{t('casesAdmin.calendar.clickHint')}</Typography.Text> : null}
      </Flex>
      {calendar.error ? <ProblemAlert error={calendar.error} onRetry={() => void calendar.refetch()} /> : null}
      {view === 'year' ? (
        <Row gutter={[12, 12]}>
          {Array.from({ length: 12 }, (_, i) => (
            <Col key={i} xs={24} sm={12} lg={8} xl={6}>
              <Month year={year} month={i + 1} days={byDay} lang={lang} onPick={canEdit ? (d) => setTarget({ day: d, current: byDay.get(d) ?? null }) : undefined} />
            </Col>
          ))}
        </Row>
      ) : (
        <Table<CalendarDay> rowKey="day" size="middle" columns={columns} dataSource={items} loading={calendar.isFetching} pagination={false} scroll={{ x: 'max-content' }} />
      )}
      <CalendarDayForm target={target} onClose={() => setTarget(null)} onSaved={() => { void message.success(t('common.saved')); setTarget(null); }} />
    </div>
  );
}
