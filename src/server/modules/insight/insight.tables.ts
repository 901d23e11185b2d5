/**
 * Tables of 矛盾预警 early warning (issue #4 point 6): the rules (one per kind, figures
 * editable) and the warnings they raise. A subject (a resident, a place and topic, a unit,
 * a case) has at most one warning not closed per rule.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.tables.js';
import { adminNodes } from '../org/org.tables.js';

const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();
const ref = (name: string) => bigint(name, { mode: 'number' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export interface RuleFigures {
  count: number;
  days: number;
  ratio?: number;
}

export const warningRules = pgTable(
  'warning_rules',
  {
    id: id(),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<RuleFigures>().notNull(),
    active: boolean('active').notNull().default(true),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('warning_rules_kind_key').on(t.kind)],
);

export const warnings = pgTable(
  'warnings',
  {
    id: id(),
    ruleId: ref('rule_id')
      .notNull()
      .references(() => warningRules.id),
    kind: text('kind').notNull(),
    /** Who or what it is about, as a key (`reporter:12`, `place:7|噪音`, `unit:3`, `case:99`) — never shown. */
    subjectKey: text('subject_key').notNull(),
    /** What it is about, in words for the list (a resident is never named). */
    subject: text('subject').notNull(),
    nodeId: ref('node_id')
      .notNull()
      .references(() => adminNodes.id),
    /** The figure that crossed the rule's line, and the rule's figures then. */
    count: integer('count').notNull(),
    params: jsonb('params').$type<RuleFigures>().notNull(),
    caseIds: bigint('case_ids', { mode: 'number' }).array().notNull(),
    status: text('status').notNull().default('open'),
    note: text('note'),
    handledBy: ref('handled_by').references(() => users.id),
    openedAt: ts('opened_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('warnings_live_key').on(t.ruleId, t.subjectKey).where(sql`${t.status} <> 'closed'`),
    index('warnings_status_idx').on(t.status, t.id),
  ],
);
