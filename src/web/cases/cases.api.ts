/**
 * Data of the 接诉即办 pages: the inboxes and their counts, a case with its timeline and
 * photos, the actions (one typed call per endpoint), bulk dispatch, objection statistics,
 * reply templates, hotline intake — typed from the generated API schema.
 */
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { BodyOf, JsonOf, QueryOf } from '../api/types.js';
import { refreshAfterWrite } from '../common/refresh-after-write.js';


export type CaseItem = JsonOf<'/api/cases/{id}', 'get'>;
export type CaseListQuery = QueryOf<'/api/cases', 'get'>;
export type Inbox = NonNullable<CaseListQuery['box']>;
export type CaseState = CaseItem['state'];
export type CaseType = CaseItem['type'];
export type CaseChannel = CaseItem['channel'];
export type Urgency = CaseItem['urgency'];
export type Rating = NonNullable<CaseItem['rating']>;
export type DispatchMode = NonNullable<CaseItem['dispatchMode']>;
export type CaseStep = NonNullable<CaseItem['step']>;
export type TimelineEntry = JsonOf<'/api/cases/{id}/timeline', 'get'>['items'][number];
export type Photo = JsonOf<'/api/cases/{id}/photos', 'get'>['items'][number];
export type StateTable = JsonOf<'/api/public/cases/states', 'get'>;
export type CaseEvent = StateTable['events'][number]['event'];
export type BulkResult = JsonOf<'/api/cases/bulk-dispatch', 'post'>['results'][number];
export type ObjectionStat = JsonOf<'/api/cases/objection-stats', 'get'>['items'][number];
export type ReplyTemplate = JsonOf<'/api/cases/templates', 'get'>['items'][number];
export type PublicCategory = JsonOf<'/api/public/categories', 'get'>['items'][number];
export type CaseInput = BodyOf<'/api/cases', 'post'>;
export type IntakeOut = JsonOf<'/api/cases', 'post', 201>;
export type Submitted = Extract<IntakeOut, { case: unknown }>;
/** A 举报 about an official, filed in the supervision channel instead: its receipt. */
export type HandedOff = Extract<IntakeOut, { handedOff: unknown }>;
export const isHandedOff = (out: IntakeOut): out is HandedOff => 'handedOff' in out;
export type SimilarCase = JsonOf<'/api/cases/{id}/similar', 'get'>['items'][number];

export const casesKey = ['cases'] as const;

/** Filters of the case list besides the inbox and the page. */
export type CaseFilters = Omit<CaseListQuery, 'box' | 'limit' | 'offset'>;

export function useCaseList(query: CaseListQuery) {
  return useQuery({
    queryKey: [...casesKey, 'list', query],
    queryFn: () => call(api.GET('/api/cases', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The number of cases in each inbox (one `limit=1` call each), refreshed every minute. */
export function useInboxCounts(boxes: readonly Inbox[]): Partial<Record<Inbox, number>> {
  const results = useQueries({
    queries: boxes.map((box) => ({
      queryKey: [...casesKey, 'count', box],
      queryFn: async () => (await call(api.GET('/api/cases', { params: { query: { box, limit: 1 } } }))).total,
      refetchInterval: 60_000,
      staleTime: 30_000,
    })),
  });
  const out: Partial<Record<Inbox, number>> = {};
  boxes.forEach((box, i) => {
    const n = results[i]?.data;
    if (n !== undefined) out[box] = n;
  });
  return out;
}

export function useCase(id: number) {
  return useQuery({ queryKey: [...casesKey, 'case', id], queryFn: () => call(api.GET('/api/cases/{id}', { params: { path: { id } } })), enabled: id > 0 });
}

export function useTimeline(id: number) {
  return useQuery({ queryKey: [...casesKey, 'case', id, 'timeline'], queryFn: () => call(api.GET('/api/cases/{id}/timeline', { params: { path: { id } } })), enabled: id > 0 });
}

export function usePhotos(id: number) {
  return useQuery({ queryKey: [...casesKey, 'case', id, 'photos'], queryFn: () => call(api.GET('/api/cases/{id}/photos', { params: { path: { id } } })), retry: false });
}

/** 疑似重复: open cases of the same community that read like this one, most alike first. */
export function useSimilarCases(id: number) {
  return useQuery({
    queryKey: [...casesKey, 'case', id, 'similar'],
    queryFn: async () => (await call(api.GET('/api/cases/{id}/similar', { params: { path: { id } } }))).items,
    enabled: id > 0,
    staleTime: 60_000,
  });
}

/** The state machine's table (which events need a reason): fixed for a deployment. */
export function useStateTable() {
  return useQuery({ queryKey: [...casesKey, 'states'], queryFn: () => call(api.GET('/api/public/cases/states')), staleTime: Infinity });
}

export function useObjectionStats(enabled: boolean) {
  return useQuery({ queryKey: [...casesKey, 'objection-stats'], queryFn: () => call(api.GET('/api/cases/objection-stats')), enabled });
}

/** The 常用回复 that apply to a case's category (and its ancestors) and state. */
export function useReplyTemplates(category: string | null, state: CaseState) {
  return useQuery({
    queryKey: [...casesKey, 'templates', category, state],
    queryFn: async () => (await call(api.GET('/api/cases/templates', { params: { query: { state, ...(category ? { category } : {}) } } }))).items,
    staleTime: 60_000,
  });
}

/** The active category catalogue (the public list, so intake operators need no configuration rights). */
export function usePublicCategories() {
  return useQuery({ queryKey: [...casesKey, 'categories'], queryFn: async () => (await call(api.GET('/api/public/categories'))).items, staleTime: 5 * 60_000 });
}

/** Names of the administrative nodes (the public tree), to show a case's area. */
export function useNodeNames() {
  return useQuery({
    queryKey: [...casesKey, 'node-names'],
    queryFn: async () => {
      const items = (await call(api.GET('/api/public/nodes'))).items;
      return new Map(items.map((n) => [n.id, { name: n.name, parentId: n.parentId }]));
    },
    staleTime: 5 * 60_000,
  });
}

/** A write to one case: the answer is the case itself; lists, counts and the timeline are stale. */
function useCaseWrite<V>(mutationFn: (vars: V) => Promise<CaseItem>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (c) => {
      qc.setQueryData([...casesKey, 'case', c.id], c);
      await refreshAfterWrite(qc, casesKey);
    },
  });
}

/** Everything an action form may carry; each endpoint takes its part. */
export interface ActionValues {
  reason?: string | null;
  channel?: string;
  message?: string;
  intoCaseId?: number;
  orgId?: number | null;
  coOrgIds?: number[];
  /** A corrected category (dispatch only). */
  categoryId?: number;
  suggestedOrgId?: number | null;
  workingDays?: number;
  approved?: boolean;
  rating?: Rating;
  comment?: string | null;
}

export interface ActionCall {
  caseId: number;
  version: number;
  event: CaseEvent;
  values: ActionValues;
}

const blank = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);

/** Sends an event to its endpoint, with the version the caller saw (a lost race answers 409). */
function sendAction({ caseId, version, event, values: v }: ActionCall): Promise<CaseItem> {
  const path = { path: { id: caseId } };
  const reason = blank(v.reason);
  const optReason = { version, reason };
  switch (event) {
    case 'accept':
      return call(api.POST('/api/cases/{id}/accept', { params: path, body: optReason }));
    case 'refuse':
      return call(api.POST('/api/cases/{id}/refuse', { params: path, body: { version, reason: reason ?? '', channel: v.channel?.trim() ?? '' } }));
    case 'answer_now':
      return call(api.POST('/api/cases/{id}/answer', { params: path, body: { version, answer: v.message?.trim() ?? '' } }));
    case 'merge':
      return call(api.POST('/api/cases/{id}/merge', { params: path, body: { version, intoCaseId: v.intoCaseId ?? 0 } }));
    case 'dispatch':
    case 'redispatch':
      return call(api.POST('/api/cases/{id}/dispatch', { params: path, body: { version, ...(v.orgId ? { orgId: v.orgId } : {}), ...(v.categoryId ? { categoryId: v.categoryId } : {}), coOrgIds: v.coOrgIds ?? [], reason } }));
    case 'object':
      return call(api.POST('/api/cases/{id}/objection', { params: path, body: { version, reason: reason ?? '', suggestedOrgId: v.suggestedOrgId ?? null } }));
    case 'uphold_objection':
      return call(api.POST('/api/cases/{id}/objection-decision', { params: path, body: { version, decision: 'upheld', reason: reason ?? '', ...(v.orgId ? { orgId: v.orgId } : {}), coOrgIds: v.coOrgIds ?? [] } }));
    case 'reject_objection':
      return call(api.POST('/api/cases/{id}/objection-decision', { params: path, body: { version, decision: 'rejected', reason: reason ?? '' } }));
    case 'sign':
      return call(api.POST('/api/cases/{id}/sign', { params: path, body: optReason }));
    case 'start':
      return call(api.POST('/api/cases/{id}/start', { params: path, body: optReason }));
    case 'request_extension':
      return call(api.POST('/api/cases/{id}/extension', { params: path, body: { version, reason: reason ?? '', workingDays: v.workingDays ?? 0 } }));
    case 'decide_extension':
      return call(api.POST('/api/cases/{id}/extension-decision', { params: path, body: { version, approved: v.approved ?? false, reason: reason ?? '' } }));
    case 'reply':
      return call(api.POST('/api/cases/{id}/reply', { params: path, body: { version, message: v.message?.trim() ?? '' } }));
    case 'verify_pass':
      return call(api.POST('/api/cases/{id}/verify', { params: path, body: { version, passed: true, reason } }));
    case 'verify_fail':
      return call(api.POST('/api/cases/{id}/verify', { params: path, body: { version, passed: false, reason } }));
    case 'close':
      return call(api.POST('/api/cases/{id}/close', { params: path, body: optReason }));
    case 'rate':
      return call(api.POST('/api/cases/{id}/rate', { params: path, body: { version, rating: v.rating ?? 'satisfied', comment: blank(v.comment) } }));
    case 'redo':
      return call(api.POST('/api/cases/{id}/redo', { params: path, body: { version, reason: reason ?? '' } }));
    case 'reopen':
      return call(api.POST('/api/cases/{id}/reopen', { params: path, body: { version, reason: reason ?? '' } }));
  }
}

export function useCaseAction() {
  return useCaseWrite(sendAction);
}

/** Finds a case by its number (or takes a plain id), for merging. */
export async function findCaseId(text: string): Promise<number | null> {
  const v = text.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const page = await call(api.GET('/api/cases', { params: { query: { q: v, limit: 1 } } }));
  const hit = page.items.find((c) => c.number === v);
  return hit ? hit.id : null;
}

export function useBulkDispatch() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: { caseIds: number[]; orgId?: number }) => (await call(api.POST('/api/cases/bulk-dispatch', { body }))).results,
    onSettled: () => qc.invalidateQueries({ queryKey: casesKey }),
  });
}

export function useSubmitCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseInput) => call(api.POST('/api/cases', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: casesKey }),
  });
}

/** The spreadsheet of the current filter (served by GET /api/cases/export.xlsx). */
export function exportHref(box: Inbox, filters: CaseFilters): string {
  const params = new URLSearchParams({ box });
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  return `/api/cases/export.xlsx?${params.toString()}`;
}
