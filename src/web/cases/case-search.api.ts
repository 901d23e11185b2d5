/**
 * Data of the 全文检索 page: one page of matches (best first), each with its excerpt, typed
 * from the generated API schema.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import type { JsonOf, QueryOf } from '../api/types.js';
import { casesKey } from './cases.api.js';

export type CaseSearchQuery = QueryOf<'/api/cases/search', 'get'>;
/** One page of results. `totalExact` false: `total` is an estimate (many matches). */
export type CaseSearchPage = JsonOf<'/api/cases/search', 'get'>;
export type CaseSearchHit = CaseSearchPage['items'][number];
export type ExcerptSegment = CaseSearchHit['excerpt'][number];

/**
 * One page of search results; asks nothing while there is no query. Under the cases key, so
 * a write to any case refreshes it; with the UI language in the key, so a problem message
 * comes back in the language the user switched to.
 */
export function useCaseSearch(query: CaseSearchQuery | null) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...casesKey, 'search', query, i18n.resolvedLanguage],
    queryFn: (): Promise<CaseSearchPage> => call(api.GET('/api/cases/search', { params: { query: query! } })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}
