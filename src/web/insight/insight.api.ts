/**
 * Data of the 主动治理 pages: the dashboard's figures, hot issues and 每月一题 candidates of an
 * area and period, the early warnings with their acknowledge and close, the warning rules —
 * typed from the generated API schema. The similar-case look-ups (疑似重复) live with the
 * case pages that show them.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client.js';
import type { BodyOf, JsonOf, QueryOf } from '../api/types.js';
import { refreshAfterWrite } from '../common/refresh-after-write.js';
import { casesKey } from '../cases/cases.api.js';

export type Overview = JsonOf<'/api/insight/overview', 'get'>;
export type HotIssues = JsonOf<'/api/insight/hot-issues', 'get'>;
export type HotIssue = HotIssues['items'][number];
export type MonthlyTopics = JsonOf<'/api/insight/monthly-topics', 'get'>;
export type MonthlyTopic = MonthlyTopics['items'][number];
export type CaseBrief = HotIssue['cases'][number];
export type InsightQuery = QueryOf<'/api/insight/overview', 'get'>;
export type WarningsQuery = QueryOf<'/api/insight/warnings', 'get'>;
export type WarningsPage = JsonOf<'/api/insight/warnings', 'get'>;
export type Warning = WarningsPage['items'][number];
export type WarningKind = Warning['kind'];
export type WarningStatus = Warning['status'];
export type WarningAction = Warning['actions'][number];
export type WarningRule = JsonOf<'/api/insight/warning-rules', 'get'>['items'][number];
export type WarningRuleInput = BodyOf<'/api/insight/warning-rules/{id}', 'put'>;
export type RuleParams = WarningRule['params'];

/**
 * Under the cases key: a write to any case (a merge, a rating) changes the figures. With the
 * UI language in the key, so a problem message comes back in the language switched to.
 */
export const insightKey = [...casesKey, 'insight'] as const;
const warningsKey = [...insightKey, 'warnings'] as const;
const rulesKey = [...insightKey, 'warning-rules'] as const;

/** The figures change slowly; a minute old is fresh enough, and switching areas keeps the old charts until the new ones come. */
const FIGURES = { staleTime: 60_000, placeholderData: keepPreviousData } as const;

export function useOverview(query: InsightQuery) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...insightKey, 'overview', query, i18n.resolvedLanguage],
    queryFn: () => call(api.GET('/api/insight/overview', { params: { query } })),
    ...FIGURES,
  });
}

export function useHotIssues(query: QueryOf<'/api/insight/hot-issues', 'get'>) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...insightKey, 'hot-issues', query, i18n.resolvedLanguage],
    queryFn: () => call(api.GET('/api/insight/hot-issues', { params: { query } })),
    ...FIGURES,
  });
}

export function useMonthlyTopics(query: InsightQuery) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...insightKey, 'monthly-topics', query, i18n.resolvedLanguage],
    queryFn: () => call(api.GET('/api/insight/monthly-topics', { params: { query } })),
    ...FIGURES,
  });
}

/** One page of warnings of a status, newest first. */
export function useWarnings(query: WarningsQuery) {
  return useQuery({
    queryKey: [...warningsKey, query],
    queryFn: () => call(api.GET('/api/insight/warnings', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** 确认 (acknowledge) or 关闭 (close) a warning, with an optional note; the lists are refetched. */
export function useWarningAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, note }: { id: number; action: WarningAction; note: string | null }) => {
      const opts = { params: { path: { id } }, body: { note } };
      return action === 'acknowledge' ? call(api.POST('/api/insight/warnings/{id}/acknowledge', opts)) : call(api.POST('/api/insight/warnings/{id}/close', opts));
    },
    onSuccess: () => refreshAfterWrite(qc, warningsKey),
  });
}

export function useWarningRules() {
  return useQuery({ queryKey: rulesKey, queryFn: async () => (await call(api.GET('/api/insight/warning-rules'))).items });
}

export function useUpdateWarningRule() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number; body: WarningRuleInput }) => call(api.PUT('/api/insight/warning-rules/{id}', { params: { path: { id } }, body })),
    onSuccess: () => refreshAfterWrite(qc, rulesKey),
  });
}
