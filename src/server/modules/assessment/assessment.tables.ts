/**
 * 党建考核 rollups: per subject (an area node — counting its whole subtree —, a unit or a
 * person's account) and local day, the counts of counters.ts. Kept by database triggers in
 * the transaction that changes a case or an objection (migrations/0028_assessment_rollups.sql),
 * so any subtree × period figure is a sum over at most one row per day.
 */
import { sql } from 'drizzle-orm';
import { bigint, check, date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { columnOf, counters, type Counter } from './counters.js';

export const subjectKinds = ['area', 'org', 'user'] as const;
export type SubjectKind = (typeof subjectKinds)[number];

const countColumns = Object.fromEntries(counters.map((c) => [c, integer(columnOf(c)).notNull().default(0)])) as Record<Counter, ReturnType<typeof integer>>;

export const assessmentDaily = pgTable(
  'assessment_daily',
  {
    kind: text('kind', { enum: subjectKinds }).notNull(),
    /** admin_nodes.id, organizations.id or users.id, by `kind`. */
    ref: bigint('ref', { mode: 'number' }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    ...countColumns,
  },
  (t) => [primaryKey({ columns: [t.kind, t.ref, t.day] }), check('assessment_daily_kind_check', sql`${t.kind} IN ('area', 'org', 'user')`)],
);
