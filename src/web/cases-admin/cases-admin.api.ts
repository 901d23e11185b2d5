/**
 * Data of the 接诉即办 configuration pages: the category catalogue, the working-day
 * calendar, deadline rules, reply templates and the search dictionary (typed from the
 * generated API schema).
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import { boolParam, type BodyOf, type JsonOf } from '../api/types.js';
import { refreshAfterWrite } from '../common/refresh-after-write.js';


export type Category = JsonOf<'/api/cases/categories', 'get'>['items'][number];
export type CategoryInput = BodyOf<'/api/cases/categories', 'post'>;
export type CategoryPatch = BodyOf<'/api/cases/categories/{id}', 'patch'>;
export type CalendarYear = JsonOf<'/api/cases/calendar', 'get'>;
export type CalendarDay = CalendarYear['items'][number];
export type DayKind = CalendarDay['kind'];
export type DeadlineRules = JsonOf<'/api/cases/deadline-rules', 'get'>;
export type DeadlineRule = DeadlineRules['items'][number];
export type DeadlineDefault = DeadlineRules['defaults'][number];
export type DeadlineRuleInput = BodyOf<'/api/cases/deadline-rules', 'put'>;
export type Urgency = DeadlineRule['urgency'];
export type Template = JsonOf<'/api/cases/templates', 'get'>['items'][number];
export type TemplateInput = BodyOf<'/api/cases/templates', 'post'>;
export type TemplatePatch = BodyOf<'/api/cases/templates/{id}', 'patch'>;
export type CaseState = NonNullable<Template['state']>;

export const casesAdminKey = ['cases-admin'] as const;
const categoriesKey = [...casesAdminKey, 'categories'] as const;

/** A write: afterwards every configuration list is stale, as is the audit log. */
function useAdminMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => refreshAfterWrite(qc, casesAdminKey),
  });
}

// ---- categories ----

/** The whole catalogue, flat (a few hundred rows), inactive ones included. */
export function useCategories() {
  return useQuery({
    queryKey: categoriesKey,
    queryFn: async () => (await call(api.GET('/api/cases/categories', { params: { query: { activeOnly: boolParam(false) } } }))).items,
    staleTime: 60_000,
  });
}

export function useCategoryMutations() {
  return {
    create: useAdminMutation((body: CategoryInput) => call(api.POST('/api/cases/categories', { body }))),
    update: useAdminMutation(({ id, body }: { id: number; body: CategoryPatch }) => call(api.PATCH('/api/cases/categories/{id}', { params: { path: { id } }, body }))),
  };
}

// ---- calendar ----

export function useCalendar(year: number) {
  return useQuery({
    queryKey: [...casesAdminKey, 'calendar', year],
    queryFn: () => call(api.GET('/api/cases/calendar', { params: { query: { year } } })),
    placeholderData: keepPreviousData,
  });
}

export function useCalendarMutations() {
  return {
    set: useAdminMutation(({ day, kind, name }: CalendarDay) => call(api.PUT('/api/cases/calendar/{day}', { params: { path: { day } }, body: { kind, name } }))),
    clear: useAdminMutation((day: string) => call(api.DELETE('/api/cases/calendar/{day}', { params: { path: { day } } }))),
  };
}

// ---- deadline rules ----

export function useDeadlineRules() {
  return useQuery({ queryKey: [...casesAdminKey, 'deadline-rules'], queryFn: () => call(api.GET('/api/cases/deadline-rules')) });
}

export function useDeadlineRuleMutations() {
  return {
    set: useAdminMutation((body: DeadlineRuleInput) => call(api.PUT('/api/cases/deadline-rules', { body }))),
    remove: useAdminMutation((id: number) => call(api.DELETE('/api/cases/deadline-rules/{id}', { params: { path: { id } } }))),
  };
}

// ---- reply templates ----

export interface TemplateFilter {
  category?: string;
  state?: CaseState;
}

export function useTemplates(filter: TemplateFilter) {
  return useQuery({
    queryKey: [...casesAdminKey, 'templates', filter],
    queryFn: () => call(api.GET('/api/cases/templates', { params: { query: { ...filter, includeInactive: boolParam(true) } } })),
    placeholderData: keepPreviousData,
  });
}

export function useTemplateMutations() {
  return {
    create: useAdminMutation((body: TemplateInput) => call(api.POST('/api/cases/templates', { body }))),
    update: useAdminMutation(({ id, body }: { id: number; body: TemplatePatch }) => call(api.PATCH('/api/cases/templates/{id}', { params: { path: { id } }, body }))),
    remove: useAdminMutation((id: number) => call(api.DELETE('/api/cases/templates/{id}', { params: { path: { id } } }))),
  };
}

// ---- search dictionary (检索词典) ----

export type SearchTerm = JsonOf<'/api/cases/search-terms', 'get'>['items'][number];
export type SearchTermInput = BodyOf<'/api/cases/search-terms', 'post'>;

export function useSearchTerms() {
  return useQuery({ queryKey: [...casesAdminKey, 'search-terms'], queryFn: async () => (await call(api.GET('/api/cases/search-terms'))).items });
}

export function useSearchTermMutations() {
  return {
    add: useAdminMutation((body: SearchTermInput) => call(api.POST('/api/cases/search-terms', { body }))),
    remove: useAdminMutation((id: number) => call(api.DELETE('/api/cases/search-terms/{id}', { params: { path: { id } } }))),
  };
}
