/**
 * Data of the console's 问责 pages: records (a person's own among them), appeals and their
 * review, 问责复核事项 with their decisions and the evaluation of a month, and the triggers'
 * thresholds — typed from the generated API schema. Every write refreshes what it changed.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { BodyOf, JsonOf, QueryOf } from '../api/types.js';
import { refreshAfterWrite } from '../common/refresh-after-write.js';

export type AccountabilityRecord = JsonOf<'/api/accountability/records/{id}', 'get'>;
export type RecordBody = BodyOf<'/api/accountability/records', 'post'>;
export type Form = RecordBody['form'];
export type Measure = RecordBody['measure'];
export type Ground = RecordBody['grounds'][number];
export type AudienceRole = NonNullable<NonNullable<RecordBody['publish']>['roles']>[number];
export type ReviewOutcome = BodyOf<'/api/accountability/records/{id}/review', 'post'>['outcome'];
export type ReviewItem = JsonOf<'/api/accountability/review-items/{id}', 'get'>;
export type ReviewItemQuery = QueryOf<'/api/accountability/review-items', 'get'>;
export type TriggerKind = ReviewItem['kind'];
export type ReviewItemState = ReviewItem['state'];
export type SettingsView = JsonOf<'/api/accountability/review-settings', 'get'>;
export type SettingsBody = BodyOf<'/api/accountability/review-settings', 'put'>;
export type EscalatedRecord = BodyOf<'/api/accountability/review-items/{id}/escalate', 'post'>['record'];

export const accountabilityKey = ['accountability'] as const;
const recordsKey = [...accountabilityKey, 'records'] as const;
const itemsKey = [...accountabilityKey, 'review-items'] as const;
const settingsKey = [...accountabilityKey, 'settings'] as const;

export function useRecords(personId?: number | null) {
  const query = personId ? { personId } : {};
  return useQuery({ queryKey: [...recordsKey, 'list', personId ?? null], queryFn: () => call(api.GET('/api/accountability/records', { params: { query } })) });
}

export function useRecord(id: number) {
  return useQuery({ queryKey: [...recordsKey, id], queryFn: () => call(api.GET('/api/accountability/records/{id}', { params: { path: { id } } })), enabled: id > 0 });
}

/** 记录问责措施 (and publish a 通报批评). */
export function useRecordMeasure() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordBody) => call(api.POST('/api/accountability/records', { body })),
    onSuccess: () => refreshAfterWrite(qc, recordsKey),
  });
}

/** 申诉, by the person, at the version they read. */
export function useAppeal(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string; version: number }) => call(api.POST('/api/accountability/records/{id}/appeal', { params: { path: { id } }, body })),
    onSuccess: () => refreshAfterWrite(qc, recordsKey),
  });
}

/** 申诉复查: upheld, changed or revoked. */
export function useReviewAppeal(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { outcome: ReviewOutcome; note: string; version: number }) => call(api.POST('/api/accountability/records/{id}/review', { params: { path: { id } }, body })),
    onSuccess: () => refreshAfterWrite(qc, recordsKey),
  });
}

export function useReviewItems(query: ReviewItemQuery) {
  return useQuery({ queryKey: [...itemsKey, 'list', query], queryFn: () => call(api.GET('/api/accountability/review-items', { params: { query } })) });
}

export function useReviewItem(id: number) {
  return useQuery({ queryKey: [...itemsKey, id], queryFn: () => call(api.GET('/api/accountability/review-items/{id}', { params: { path: { id } } })), enabled: id > 0 });
}

/** 不予问责, with the reasons. */
export function useDismissItem(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; note: string }) => call(api.POST('/api/accountability/review-items/{id}/dismiss', { params: { path: { id } }, body })),
    onSuccess: () => refreshAfterWrite(qc, itemsKey),
  });
}

/** 转为问责记录: the record and the item's decision in one request. */
export function useEscalateItem(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; record: EscalatedRecord }) => call(api.POST('/api/accountability/review-items/{id}/escalate', { params: { path: { id } }, body })),
    onSuccess: async () => {
      await refreshAfterWrite(qc, itemsKey);
      void qc.invalidateQueries({ queryKey: recordsKey });
    },
  });
}

/** 立即评估 an ended month. */
export function useEvaluate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => call(api.POST('/api/accountability/review-items/evaluate', { body: { period } })),
    onSuccess: () => refreshAfterWrite(qc, itemsKey),
  });
}

export function useReviewSettings(nodeId: number | null) {
  const query = nodeId === null ? {} : { nodeId };
  return useQuery({ queryKey: [...settingsKey, nodeId], queryFn: () => call(api.GET('/api/accountability/review-settings', { params: { query } })), retry: false });
}

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SettingsBody) => call(api.PUT('/api/accountability/review-settings', { body })),
    onSuccess: () => refreshAfterWrite(qc, settingsKey),
  });
}
