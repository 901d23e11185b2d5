/**
 * Server-side paging of a list page: the page shown, the `limit`/`offset` to ask the server
 * for, and the pager that goes with them. Filters call `first()` when they change, so a
 * narrower result does not open on a page past its end.
 */
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Paging {
  page: number;
  pageSize: number;
  /** What the list endpoints take: `{ limit, offset }` of the page shown. */
  window: { limit: number; offset: number };
  goTo: (page: number) => void;
  first: () => void;
}

export function usePaging(pageSize: number): Paging {
  const [page, setPage] = useState(1);
  return { page, pageSize, window: { limit: pageSize, offset: (page - 1) * pageSize }, goTo: setPage, first: () => setPage(1) };
}

/**
 * The pager under a list, always with the total ("共 N 条"): server paging (the total is the
 * server's), a page size for rows that are all loaded already, or false for a single page.
 */
export function usePagination(paging: Paging | number | false, total: number | undefined): TablePaginationConfig | false {
  const { t } = useTranslation();
  if (paging === false) return false;
  const shared = { showSizeChanger: false, showTotal: (n: number) => t('common.total', { count: n }) };
  if (typeof paging === 'number') return { pageSize: paging, ...shared };
  return { current: paging.page, pageSize: paging.pageSize, total: total ?? 0, onChange: paging.goTo, ...shared };
}
