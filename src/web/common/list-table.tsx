/**
 * The table of a list page: the failed-load alert (with a retry) above the rows of a list
 * query, the query's fetching state as the table's, and the pager with the total. Pages pass
 * the query result as it is; table props (columns, locale, scroll, test id …) pass through.
 */
import { Table, type TableProps } from 'antd';
import { ProblemAlert } from './problem-alert.js';
import { usePagination, type Paging } from './use-paging.js';

/** The part of a list query's result (TanStack Query) the table reads. */
export interface ListQuery<T> {
  data?: { items: T[]; total?: number } | undefined;
  error: unknown;
  isFetching: boolean;
  refetch: () => unknown;
}

interface Props<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> {
  list: ListQuery<T>;
  /** See usePagination: server paging, a page size for rows loaded at once, or false. */
  paging: Paging | number | false;
}

export function ListTable<T extends object>({ list, paging, ...table }: Props<T>) {
  const pagination = usePagination(paging, list.data?.total);
  return (
    <>
      {list.error ? <ProblemAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Table<T> rowKey="id" size="middle" scroll={{ x: 'max-content' }} {...table} dataSource={list.data?.items ?? []} loading={list.isFetching} pagination={pagination} />
    </>
  );
}
