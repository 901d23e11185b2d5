import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { auditKey } from '../audit/audit.api.js';

/**
 * After a successful write: refetches what it changed (awaited, so a form closes onto fresh
 * rows) and marks the audit log stale, since every write adds an entry to it.
 */
export async function refreshAfterWrite(qc: QueryClient, changed: QueryKey): Promise<void> {
  await qc.invalidateQueries({ queryKey: changed });
  void qc.invalidateQueries({ queryKey: auditKey });
}
