/**
 * The resident's side of 接诉即办: their cases, one case with its timeline and photos, the
 * public list with "我也遇到", tracking by code, and the reference data the intake form needs
 * (category catalogue, administrative tree). Every rule is the server's; these only fetch.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, decorateHeaders } from '../api/client.js';
import { ApiProblem } from '../api/problem.js';
import type { BodyOf, JsonOf } from '../api/types.js';


export type CaseView = JsonOf<'/api/cases/{id}', 'get'>;
export type CaseState = CaseView['state'];
export type CaseType = CaseView['type'];
export type Rating = NonNullable<CaseView['rating']>;
export type TimelineEntry = JsonOf<'/api/cases/{id}/timeline', 'get'>['items'][number];
export type Photo = JsonOf<'/api/cases/{id}/photos', 'get'>['items'][number];
export type PublicCategory = JsonOf<'/api/public/categories', 'get'>['items'][number];
export type Tracked = JsonOf<'/api/public/cases/track', 'get'>;
export type CaseInput = BodyOf<'/api/cases', 'post'>;
export type IntakeOut = JsonOf<'/api/cases', 'post', 201>;
export type Submitted = Extract<IntakeOut, { case: unknown }>;
export const isHandedOff = (out: IntakeOut): out is Extract<IntakeOut, { handedOff: unknown }> => 'handedOff' in out;
export type SimilarProbe = BodyOf<'/api/cases/similar', 'post'>;
export type SimilarMatter = JsonOf<'/api/cases/similar', 'post'>['items'][number];

const PAGE = 20;

export const residentKeys = {
  all: ['resident'] as const,
  myCases: ['resident', 'my-cases'] as const,
  case: (id: number) => ['resident', 'case', id] as const,
  timeline: (id: number) => ['resident', 'case', id, 'timeline'] as const,
  photos: (id: number) => ['resident', 'case', id, 'photos'] as const,
  publicCases: ['public', 'cases'] as const,
  categories: ['public', 'categories'] as const,
  nodes: ['public', 'nodes'] as const,
};

function nextOffset(last: { items: unknown[]; total: number }, pages: { items: unknown[] }[]): number | undefined {
  const loaded = pages.reduce((n, p) => n + p.items.length, 0);
  return last.items.length > 0 && loaded < last.total ? loaded : undefined;
}

/** 我的诉求, newest first, a page at a time. */
export function useMyCases() {
  return useInfiniteQuery({
    queryKey: residentKeys.myCases,
    queryFn: ({ pageParam }) => call(api.GET('/api/me/cases', { params: { query: { limit: PAGE, offset: pageParam } } })),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
  });
}

/** 大家都在反映: public cases, newest first. */
export function usePublicCases() {
  return useInfiniteQuery({
    queryKey: residentKeys.publicCases,
    queryFn: ({ pageParam }) => call(api.GET('/api/public/cases', { params: { query: { limit: PAGE, offset: pageParam } } })),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
  });
}

export function useCase(id: number) {
  return useQuery({ queryKey: residentKeys.case(id), queryFn: () => call(api.GET('/api/cases/{id}', { params: { path: { id } } })) });
}

export function useTimeline(id: number) {
  return useQuery({ queryKey: residentKeys.timeline(id), queryFn: () => call(api.GET('/api/cases/{id}/timeline', { params: { path: { id } } })) });
}

export function usePhotos(id: number) {
  return useQuery({ queryKey: residentKeys.photos(id), queryFn: () => call(api.GET('/api/cases/{id}/photos', { params: { path: { id } } })) });
}

export function useCategories() {
  return useQuery({ queryKey: residentKeys.categories, queryFn: () => call(api.GET('/api/public/categories')), staleTime: 10 * 60_000 });
}

export function usePublicNodes() {
  return useQuery({ queryKey: residentKeys.nodes, queryFn: () => call(api.GET('/api/public/nodes')), staleTime: 10 * 60_000 });
}

/** Follows a case by its tracking code (no account needed). */
export function useTrack() {
  return useMutation({ mutationFn: (code: string) => call(api.GET('/api/public/cases/track', { params: { query: { code } } })) });
}

/**
 * A fresh Idempotency-Key. `crypto.randomUUID` exists only in secure contexts (HTTPS or
 * localhost); an intranet deployment over plain HTTP gets the same v4 UUID from getRandomValues.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** 提交诉求. The key stays the same for retries of one submission, so a lost answer never makes two cases. */
export async function submitCase(body: CaseInput, idempotencyKey: string): Promise<IntakeOut> {
  return call(api.POST('/api/cases', { body, headers: { 'Idempotency-Key': idempotencyKey } }));
}

/** One photo of a case (multipart field `file`); the browser sets the multipart boundary. */
export async function uploadPhoto(caseId: number, file: File): Promise<Photo> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers = new Headers({ accept: 'application/json' });
  decorateHeaders(headers, 'POST');
  let response: Response;
  try {
    response = await fetch(`/api/cases/${caseId}/photos`, { method: 'POST', headers, body: form, credentials: 'same-origin' });
  } catch (cause) {
    throw ApiProblem.network(cause);
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = undefined;
  }
  if (!response.ok) throw ApiProblem.from(response, parsed);
  return parsed as Photo;
}

/** The reporter's actions on their case; each answers the updated case, and everything about it is refetched. */
export function useCaseAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: { kind: 'rate'; rating: Rating; resolved: boolean | null; comment: string | null; version: number } | { kind: 'redo' | 'reopen'; reason: string; version: number }) => {
      const path = { params: { path: { id } } };
      if (a.kind === 'rate') return call(api.POST('/api/cases/{id}/rate', { ...path, body: { version: a.version, rating: a.rating, resolved: a.resolved, comment: a.comment } }));
      if (a.kind === 'redo') return call(api.POST('/api/cases/{id}/redo', { ...path, body: { version: a.version, reason: a.reason } }));
      return call(api.POST('/api/cases/{id}/reopen', { ...path, body: { version: a.version, reason: a.reason } }));
    },
    onSuccess: (updated) => qc.setQueryData(residentKeys.case(id), updated),
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: residentKeys.case(id) }), qc.invalidateQueries({ queryKey: residentKeys.myCases })]),
  });
}

/**
 * Open public cases near the place whose words resemble the matter being written (附近已有类似
 * 诉求); asks nothing while `probe` is null. Never retried: the box is a hint, and a refusal
 * (too many look-ups) only hides it.
 */
export function useSimilarMatters(probe: SimilarProbe | null) {
  return useQuery({
    queryKey: ['resident', 'similar', probe],
    queryFn: async () => (await call(api.POST('/api/cases/similar', { body: probe! }))).items,
    enabled: probe !== null,
    retry: false,
    staleTime: 60_000,
    // The cards stay while the next look-up runs, instead of blinking out at every pause.
    placeholderData: keepPreviousData,
  });
}

/** 我也遇到. */
export function useSupport() {
  return useMutation({ mutationFn: (id: number) => call(api.POST('/api/cases/{id}/support', { params: { path: { id } } })) });
}
