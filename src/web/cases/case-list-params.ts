/**
 * The 工单中心 keeps its inbox and filters in the address (`?box=all&nodeId=7&from=2026-09-01`),
 * so a chart on the 热点分析 page can open the list already filtered, a filtered list can be
 * shared, and the back button returns to it. The same rules as the 全文检索 address: whatever
 * the server would refuse is dropped.
 */
import { readSearchState, searchStateParams } from './case-search-params.js';
import type { CaseFilters } from './cases.api.js';

/** The list's filters from the address (the lookup box, state, category, area, days). */
export function readListFilters(params: URLSearchParams): CaseFilters {
  const { q, page: _page, ...filters } = readSearchState(params);
  return q ? { q, ...filters } : filters;
}

/** The address of an inbox (none: the caller's first) with filters, the inbox first. */
export function listParams(box: string | null, f: CaseFilters): URLSearchParams {
  const params = new URLSearchParams(box ? { box } : {});
  const { overdue: _overdue, ...rest } = f;
  for (const [k, v] of searchStateParams({ ...rest, q: rest.q ?? '', page: 1 })) params.set(k, v);
  return params;
}
