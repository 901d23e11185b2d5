/**
 * Stored responses of create requests sent with an `Idempotency-Key`: a retry with the
 * same key (and the same body) gets the first response instead of making a second record.
 */
import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** Who sent it: `user:<id>`, `apikey:<id>` or `anon:<ip>` — keys are per caller. */
    caller: text('caller').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with another body is refused. */
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: jsonb('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caller, t.key] })],
);
