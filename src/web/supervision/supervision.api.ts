/**
 * Data of the console's 监督举报 pages: the reports sealed to the signed-in inspector, one
 * report with its thread, the actions, questions to the reporter, identity requests, and the
 * custodian's lists of requests (identity, key recovery), the inspector's key state, 回避 and
 * the attachments' download addresses — typed from the generated API schema.
 *
 * A report's words are opened on the server with the inspector's session key and come back
 * `no-store`; here they are kept only while a page shows them (a short gcTime), not for the
 * rest of the session.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import { isApiProblem } from '../api/problem.js';
import type { BodyOf, JsonOf } from '../api/types.js';
import { refreshAfterWrite } from '../common/refresh-after-write.js';
import type { ReportEvent } from './report-flow.js';

export type ReportListItem = JsonOf<'/api/supervision/reports', 'get'>['items'][number];
export type Report = JsonOf<'/api/supervision/reports/{id}', 'get'>;
export type ReportMessage = Report['messages'][number];
export type ReportAttachment = Report['attachments'][number];
export type KeyState = JsonOf<'/api/supervision/key-status', 'get'>['state'];
export type KeyRecovery = JsonOf<'/api/supervision/key-recoveries', 'get'>['items'][number];
export type Identity = JsonOf<'/api/supervision/reports/{id}/identity', 'get'>;
export type IdentityRequest = JsonOf<'/api/supervision/identity-requests', 'get'>['items'][number];
export type ActionBody = BodyOf<'/api/supervision/reports/{id}/accept', 'post'>;
export type InspectorMessageKind = BodyOf<'/api/supervision/reports/{id}/messages', 'post'>['kind'];

export const supervisionKey = ['supervision'] as const;
const reportsKey = [...supervisionKey, 'reports'] as const;
const reportKey = (id: number) => [...reportsKey, id] as const;
const identityKey = (id: number) => [...reportKey(id), 'identity'] as const;
const requestsKey = [...supervisionKey, 'identity-requests'] as const;
const keyStatusKey = [...supervisionKey, 'key-status'] as const;
const recoveriesKey = [...supervisionKey, 'key-recoveries'] as const;

/** Sealed words leave memory a minute after no page shows them. */
const SEALED = { gcTime: 60_000 } as const;

export function useReports() {
  return useQuery({ queryKey: reportsKey, queryFn: () => call(api.GET('/api/supervision/reports')), ...SEALED });
}

export function useReport(id: number) {
  return useQuery({ queryKey: reportKey(id), queryFn: () => call(api.GET('/api/supervision/reports/{id}', { params: { path: { id } } })), enabled: id > 0, ...SEALED });
}

/**
 * The reporter's identity, once a custodian approved a request for it; null until then
 * (the server answers 404 — there is nothing to retry).
 */
export function useIdentity(id: number, enabled: boolean) {
  return useQuery({
    queryKey: identityKey(id),
    queryFn: async (): Promise<Identity | null> => {
      try {
        return await call(api.GET('/api/supervision/reports/{id}/identity', { params: { path: { id } } }));
      } catch (e) {
        if (isApiProblem(e) && e.status === 404) return null;
        throw e;
      }
    },
    enabled,
    retry: false,
    ...SEALED,
  });
}

const actionPaths = {
  accept: '/api/supervision/reports/{id}/accept',
  dispose: '/api/supervision/reports/{id}/dispose',
  conclude: '/api/supervision/reports/{id}/conclude',
  close: '/api/supervision/reports/{id}/close',
  archive: '/api/supervision/reports/{id}/archive',
} as const satisfies Record<ReportEvent, string>;

/** 受理 / 处置 / 办结 / 结案 / 归档, with the version the inspector was looking at (409 when it moved on). */
export function useReportAction(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ event, body }: { event: ReportEvent; body: ActionBody }) => call(api.POST(actionPaths[event], { params: { path: { id } }, body })),
    onSuccess: () => refreshAfterWrite(qc, reportsKey),
  });
}

/** A question or an answer to the reporter (sealed to the report). */
export function useInspectorMessage(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (m: { kind: InspectorMessageKind; body: string }) => call(api.POST('/api/supervision/reports/{id}/messages', { params: { path: { id } }, body: m })),
    onSuccess: () => refreshAfterWrite(qc, reportKey(id)),
  });
}

/** 申请查看举报人身份, with the reason the custodian weighs. */
export function useRequestIdentity(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => call(api.POST('/api/supervision/reports/{id}/identity-requests', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => refreshAfterWrite(qc, identityKey(id)),
  });
}

export function useIdentityRequests() {
  return useQuery({ queryKey: requestsKey, queryFn: () => call(api.GET('/api/supervision/identity-requests')), ...SEALED });
}

/** A custodian's 同意 / 不同意. */
export function useDecideIdentity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, approve }: { requestId: number; approve: boolean }) => call(api.POST('/api/supervision/identity-requests/{id}/decision', { params: { path: { id: requestId } }, body: { approve } })),
    onSuccess: () => refreshAfterWrite(qc, requestsKey),
  });
}

/**
 * 转交 to the competent level of another place, with the reason (an internal note). The
 * report's key is then taken from this level's inspectors, so its page is dropped rather than
 * fetched again (it would answer 404).
 */
export function useTransfer(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/supervision/reports/{id}/transfer', 'post'>) => call(api.POST('/api/supervision/reports/{id}/transfer', { params: { path: { id } }, body })),
    onSuccess: () => {
      qc.removeQueries({ queryKey: reportKey(id) });
      return qc.invalidateQueries({ queryKey: reportsKey, exact: true });
    },
  });
}

/**
 * An attachment's download address. A plain link is enough: the session cookie goes along
 * (same origin), the server answers `content-disposition: attachment` and audits each opening.
 */
export function attachmentUrl(reportId: number, attachmentId: number): string {
  return `/api/supervision/reports/${reportId}/attachments/${attachmentId}`;
}

/**
 * 回避: the inspector steps aside with a reason; their key to the report is destroyed, so its
 * page is dropped rather than fetched again (it would answer 404). 409
 * `supervision_last_reader` when no other inspector holds it.
 */
export function useRecuse(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => call(api.POST('/api/supervision/reports/{id}/recuse', { params: { path: { id } }, body: { reason } })),
    onSuccess: () => {
      qc.removeQueries({ queryKey: reportKey(id) });
      return qc.invalidateQueries({ queryKey: reportsKey, exact: true });
    },
  });
}

/** Whether the signed-in user's supervision key is open in this session, or awaits a custodian's recovery. */
export function useKeyStatus() {
  return useQuery({ queryKey: keyStatusKey, queryFn: async () => (await call(api.GET('/api/supervision/key-status'))).state });
}

/** 密钥恢复申请: users whose key a custodian holds in escrow and who lost it to a password reset. */
export function useKeyRecoveries() {
  return useQuery({ queryKey: recoveriesKey, queryFn: () => call(api.GET('/api/supervision/key-recoveries')) });
}

/** A custodian's 恢复: the escrowed key is sealed to the user, theirs again at their next sign-in. */
export function useApproveRecovery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (userId: number) => call(api.POST('/api/supervision/key-recoveries/{id}/approve', { params: { path: { id: userId } } })),
    onSuccess: () => refreshAfterWrite(qc, recoveriesKey),
  });
}
