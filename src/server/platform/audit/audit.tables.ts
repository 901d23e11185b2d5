import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log. `seq` is assigned from `audit_head` under a row
 * lock, so entries form one gap-free chain even with many app servers.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    /** Changed fields as `{ field: [before, after] }` or a payload; secrets redacted. */
    changes: jsonb('changes').notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    /** Tree path of the subject when it has one; scopes who may read the entry. */
    scopePath: text('scope_path'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_action_idx').on(t.action),
    index('audit_log_scope_idx').on(t.scopePath.op('text_pattern_ops')),
  ],
);

/**
 * The chain's head: one row holding the last sequence number, its hash and the hash
 * before it. An append updates this row (which serializes appends) and computes the new
 * hash in the same statement, so the lock is never held across a round trip.
 */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  prevHash: text('prev_hash').notNull().default('0000000000000000000000000000000000000000000000000000000000000000'),
});
