/** Data of the 党建考核 pages: the figures and the monthly trend of an area and period, typed from the generated API schema. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import type { JsonOf, QueryOf } from '../api/types.js';
import { casesKey } from '../cases/cases.api.js';

export type Figures = JsonOf<'/api/assessment/figures', 'get'>;
export type Trend = JsonOf<'/api/assessment/trend', 'get'>;
export type FiguresQuery = QueryOf<'/api/assessment/figures', 'get'>;

/** Under the cases key: any write to a case moves the figures. */
const assessmentKey = [...casesKey, 'assessment'] as const;
const FIGURES = { staleTime: 60_000, placeholderData: keepPreviousData } as const;

export function useFigures(query: FiguresQuery) {
  const { i18n } = useTranslation();
  return useQuery({ queryKey: [...assessmentKey, 'figures', query, i18n.resolvedLanguage], queryFn: () => call(api.GET('/api/assessment/figures', { params: { query } })), ...FIGURES });
}

export function useTrend(query: FiguresQuery) {
  const { i18n } = useTranslation();
  return useQuery({ queryKey: [...assessmentKey, 'trend', query, i18n.resolvedLanguage], queryFn: () => call(api.GET('/api/assessment/trend', { params: { query } })), ...FIGURES });
}
