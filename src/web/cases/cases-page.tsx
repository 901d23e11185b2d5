/**
 * 工单中心: one tab per inbox the caller's permissions open (待派单, 派单异议, 待签收,
 * 办理中, 待核查, 已超期, 全部) with its count, the filters, the table, 批量派单 in the
 * dispatch inbox, the Excel export of the current filter, and the objection statistics.
 * The inbox and the filters live in the address (case-list-params.ts), so the 热点分析 charts
 * open the list already filtered.
 */
import { DownloadOutlined, SendOutlined } from '@ant-design/icons';
import { Badge, Button, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSignedInMe } from '../auth/me-context.js';
import { PageHeader } from '../common/page-header.js';
import { usePaging } from '../common/use-paging.js';
import { BulkDispatchModal } from './bulk-dispatch-modal.js';
import { CaseFiltersBar } from './case-filters.js';
import { inboxes } from './case-labels.js';
import { listParams, readListFilters } from './case-list-params.js';
import { CaseTable } from './case-table.js';
import { exportHref, useCaseList, useInboxCounts, type CaseFilters, type CaseItem, type Inbox } from './cases.api.js';
import { ObjectionStats } from './objection-stats.js';

const STATS_TAB = 'objection-stats';

export function CasesPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const may = (p: string) => me.permissions.includes(p);
  const boxes = useMemo(() => inboxes.filter((b) => me.permissions.includes(b.permission)).map((b) => b.box), [me.permissions]);
  const [params, setParams] = useSearchParams();
  const requested = params.get('box');
  const tab = requested === STATS_TAB || boxes.includes(requested as Inbox) ? requested! : (boxes[0] ?? 'all');
  const box: Inbox = tab === STATS_TAB ? 'all' : (tab as Inbox);
  const filters = useMemo(() => readListFilters(params), [params]);
  const paging = usePaging(20);
  const [selected, setSelected] = useState<CaseItem[]>([]);
  const [bulkOpen, setBulkOpen] = useState(false);
  const counts = useInboxCounts(boxes);
  const list = useCaseList({ box, ...paging.window, ...filters });
  const canBulk = box === 'to_dispatch' && may('cases.dispatch');

  const switchTab = (key: string) => {
    setParams(listParams(key === boxes[0] ? null : key, filters), { replace: true });
    paging.first();
    setSelected([]);
  };
  const setFilters = (f: CaseFilters) => setParams(listParams(requested, f), { replace: true });

  const tabLabel = (b: Inbox) => (
    <span data-testid={`inbox-tab-${b}`}>
      {t(`cases.boxes.${b}`)}
      {counts[b] !== undefined ? (
        <Badge count={counts[b]} showZero overflowCount={999} size="small" color={counts[b] === 0 ? '#bfbfbf' : b === 'overdue' ? 'red' : 'blue'} style={{ marginInlineStart: 6 }} data-testid={`inbox-count-${b}`} />
      ) : null}
    </span>
  );

  const tabs = [
    ...boxes.map((b) => ({ key: b, label: tabLabel(b) })),
    ...(may('cases.read') ? [{ key: STATS_TAB, label: <span data-testid={`inbox-tab-${STATS_TAB}`}>{t('cases.list.stats')}</span> }] : []),
  ];

  return (
    <div className="gz-page" data-testid="cases-page">
      <PageHeader
        title={t('cases.list.title')}
        hint={t('cases.list.hint')}
        extra={
          tab !== STATS_TAB && may('cases.export') ? (
            <Button icon={<DownloadOutlined />} href={exportHref(box, filters)} download data-testid="case-export">{t('cases.list.export')}</Button>
          ) : null
        }
      />
      <Tabs activeKey={tab} onChange={switchTab} items={tabs} data-testid="inbox-tabs" />
      {tab === STATS_TAB ? (
        <ObjectionStats />
      ) : (
        <>
          <CaseFiltersBar value={filters} onChange={(f) => { setFilters(f); paging.first(); setSelected([]); }} />
          {canBulk ? (
            <div className="gz-filters">
              <Button type="primary" icon={<SendOutlined />} disabled={selected.length === 0} onClick={() => setBulkOpen(true)} data-testid="bulk-dispatch">
                {selected.length > 0 ? t('cases.bulk.buttonCount', { count: selected.length }) : t('cases.bulk.button')}
              </Button>
            </div>
          ) : null}
          <CaseTable
            list={list}
            paging={paging}
            rowSelection={canBulk ? { selectedRowKeys: selected.map((c) => c.id), onChange: (_, rows) => setSelected(rows), preserveSelectedRowKeys: true } : undefined}
          />
          <BulkDispatchModal cases={selected} open={bulkOpen} onClose={() => setBulkOpen(false)} onDone={() => setSelected([])} />
        </>
      )}
    </div>
  );
}
