/**
 * The 全文检索 page keeps its query, filters and page in the address (`?q=垃圾&state=closed&page=2`),
 * so a search can be shared and the back button walks through earlier searches. Pure: what
 * the address holds ⇄ what the page asks the server. Whatever a hand-edited address holds
 * that the server would refuse (a word for an id, 2026-13-40, a state that does not exist)
 * is dropped here; a query too long is kept and left to the server to refuse, so the page
 * shows its message.
 */
import { caseStates } from './case-labels.js';
import type { CaseState } from './cases.api.js';
import { day, positiveInt } from '../common/url-values.js';

export const SEARCH_PAGE_SIZE = 20;
/** How far a search reaches: the server refuses pages past its first this many results (MAX_RESULTS). */
export const SEARCH_MAX_RESULTS = 1000;

/** What the address says. `q` is '' when there is nothing to search. */
export interface SearchState {
  q: string;
  state?: CaseState;
  categoryId?: number;
  nodeId?: number;
  /** Submitted on or after this day (YYYY-MM-DD, the deployment's zone). */
  from?: string;
  /** Submitted on or before this day. */
  to?: string;
  page: number;
}

/** The filters besides the words and the page. */
export type SearchFilters = Omit<SearchState, 'q' | 'page'>;


function caseState(v: string | null): CaseState | undefined {
  return v !== null && (caseStates as readonly string[]).includes(v) ? (v as CaseState) : undefined;
}

/** Reads the page's state from the address's query string. */
export function readSearchState(params: URLSearchParams): SearchState {
  const out: SearchState = { q: (params.get('q') ?? '').trim(), page: positiveInt(params.get('page')) ?? 1 };
  const state = caseState(params.get('state'));
  const categoryId = positiveInt(params.get('categoryId'));
  const nodeId = positiveInt(params.get('nodeId'));
  const from = day(params.get('from'));
  const to = day(params.get('to'));
  if (state) out.state = state;
  if (categoryId) out.categoryId = categoryId;
  if (nodeId) out.nodeId = nodeId;
  if (from) out.from = from;
  if (to) out.to = to;
  return out;
}

/** The query string of a state: empty values and page 1 left out, in a fixed order. */
export function searchStateParams(s: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const q = s.q.trim();
  if (q) params.set('q', q);
  if (s.state) params.set('state', s.state);
  if (s.categoryId) params.set('categoryId', String(s.categoryId));
  if (s.nodeId) params.set('nodeId', String(s.nodeId));
  if (s.from) params.set('from', s.from);
  if (s.to) params.set('to', s.to);
  if (s.page > 1) params.set('page', String(s.page));
  return params;
}

/** The filters of a state (what the filter bar shows). */
export function filtersOf(s: SearchState): SearchFilters {
  const { q: _q, page: _page, ...filters } = s;
  return filters;
}

/** What to ask `GET /api/cases/search`, or null when there is nothing to search. */
export function searchQueryOf(s: SearchState, pageSize = SEARCH_PAGE_SIZE) {
  if (!s.q) return null;
  return { ...filtersOf(s), q: s.q, limit: pageSize, offset: (s.page - 1) * pageSize };
}
