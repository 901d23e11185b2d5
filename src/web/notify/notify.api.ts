/**
 * Notifications (the header bell) and the outbox (消息发送记录) over the typed client.
 * The bell polls its unread count; reading or marking refreshes it.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { JsonOf, QueryOf } from '../api/types.js';


export type NotificationsPage = JsonOf<'/api/me/notifications', 'get'>;
export type Notification = NotificationsPage['items'][number];
export type OutboxPage = JsonOf<'/api/admin/outbox', 'get'>;
export type OutboxEntry = OutboxPage['items'][number];
export type OutboxQuery = QueryOf<'/api/admin/outbox', 'get'>;
export type OutboxStatus = OutboxEntry['status'];
export type OutboxChannel = OutboxEntry['channel'];

export const outboxStatuses: OutboxStatus[] = ['pending', 'sent', 'failed'];
export const outboxChannels: OutboxChannel[] = ['in_app', 'email', 'sms', 'wechat'];

const POLL_MS = 60_000;
const NOTIFICATIONS = ['notify', 'mine'] as const;

/** The latest notifications and the unread count, refreshed every minute and on focus. */
export function useMyNotifications(limit = 10) {
  return useQuery({
    queryKey: [...NOTIFICATIONS, limit],
    queryFn: () => call(api.GET('/api/me/notifications', { params: { query: { limit } } })),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(api.POST('/api/me/notifications/{id}/read', { params: { path: { id } } })),
    onSettled: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/me/notifications/read-all')),
    onSettled: () => qc.invalidateQueries({ queryKey: NOTIFICATIONS }),
  });
}

export function useOutbox(query: OutboxQuery) {
  return useQuery({
    queryKey: ['notify', 'outbox', query],
    queryFn: () => call(api.GET('/api/admin/outbox', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useRetryOutbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(api.POST('/api/admin/outbox/{id}/retry', { params: { path: { id } } })),
    onSettled: () => qc.invalidateQueries({ queryKey: ['notify', 'outbox'] }),
  });
}
