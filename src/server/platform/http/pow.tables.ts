/** Proof-of-work state shared by all app servers: the challenges' HMAC key, and the challenges spent. */
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const powKeys = pgTable('pow_keys', {
  id: integer('id').primaryKey(),
  key: text('key').notNull(),
});

export const powSpent = pgTable(
  'pow_spent',
  {
    challenge: text('challenge').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('pow_spent_expires_idx').on(t.expiresAt)],
);
