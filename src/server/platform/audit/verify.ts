/**
 * Recomputes the audit chain from the first entry and reports the first entry that does
 * not fit: an altered row (hash mismatch), a removed row (sequence gap or head mismatch)
 * or reordered rows (previous-hash mismatch).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/database.js';
import { GENESIS_HASH, entryHash } from './audit-hash.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** Sequence number of the first broken entry, when not ok. */
  brokenAt?: number;
  reason?: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch';
}

interface Row {
  seq: number;
  at: Date | string;
  actor_id: number | null;
  actor_label: string;
  action: string;
  subject_type: string;
  subject_id: string | null;
  changes: unknown;
  request_id: string | null;
  ip: string | null;
  scope_path: string | null;
  prev_hash: string;
  hash: string;
}

const BATCH = 5000;

export async function verifyAudit(ex: Executor): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await queryRows<Row>(
      ex,
      sql`SELECT seq, at, actor_id, actor_label, action, subject_type, subject_id, changes, request_id, ip, scope_path, prev_hash, hash
          FROM audit_log WHERE seq >= ${expectedSeq} ORDER BY seq LIMIT ${BATCH}`,
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, checked, brokenAt: expectedSeq, reason: 'sequence_gap' };
      if (row.prev_hash !== prevHash) return { ok: false, checked, brokenAt: seq, reason: 'prev_hash_mismatch' };
      const changes = typeof row.changes === 'string' ? (JSON.parse(row.changes) as unknown) : row.changes;
      const hash = entryHash(prevHash, {
        seq,
        at: new Date(row.at),
        actorId: row.actor_id === null ? null : Number(row.actor_id),
        actorLabel: row.actor_label,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        changes,
        requestId: row.request_id,
        ip: row.ip,
        scopePath: row.scope_path,
      });
      if (hash !== row.hash) return { ok: false, checked, brokenAt: seq, reason: 'hash_mismatch' };
      prevHash = hash;
      expectedSeq = seq + 1;
      checked++;
    }
    if (rows.length < BATCH) break;
  }
  const [head] = await queryRows<{ seq: number; hash: string }>(ex, sql`SELECT seq, hash FROM audit_head WHERE id = 1`);
  if (!head || Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
    return { ok: false, checked, brokenAt: expectedSeq, reason: 'head_mismatch' };
  }
  return { ok: true, checked };
}
