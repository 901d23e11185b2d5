import { useInfiniteQuery } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { AuditQuery } from '../api/types.js';

export type AuditFilters = Omit<AuditQuery, 'before' | 'limit'>;

const PAGE = 50;

export const auditKey = ['audit'] as const;

/** The audit log newest first, in keyset pages: each page asks for entries before the last seq seen. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: [...auditKey, filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) => call(api.GET('/api/audit', { params: { query: { ...filters, limit: PAGE, ...(pageParam ? { before: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
