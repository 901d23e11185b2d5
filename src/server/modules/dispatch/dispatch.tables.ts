/**
 * Tables of 智能派单 (issue #4 point 3): the trained models, one row per version (the newest
 * is the one in use; older ones stay for comparison and rollback), the one row of settings
 * (auto-dispatch, off by default), and what auto-dispatch decided for each new case.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/bytea.js';
import { users } from '../../platform/auth/auth.tables.js';
import { cases } from '../cases/cases.tables.js';

const ref = (name: string) => bigint(name, { mode: 'number' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** What a version learned from and how it scores (shown in the console, kept with the model). */
export interface ModelStats {
  /** Labelled messages the project ships, and dispatched cases from the database. */
  shipped: number;
  history: number;
  /** Cases whose category or unit a dispatcher changed from the one first given (learned as given at last). */
  corrections: number;
  unlabelled: number;
  /** Labels of each head (first-level categories, deeper paths, units). */
  heads: Record<string, number>;
  seconds: number;
}

export const dispatchModels = pgTable(
  'dispatch_models',
  {
    version: integer('version').primaryKey().generatedAlwaysAsIdentity(),
    trainedAt: ts('trained_at').notNull(),
    /** Who asked (null: the schedule or the command line). */
    trainedBy: ref('trained_by').references(() => users.id),
    trigger: text('trigger', { enum: ['schedule', 'console', 'cli'] }).notNull(),
    stats: jsonb('stats').$type<ModelStats>().notNull(),
    /** The heads as gzipped JSON (`SerializedHeads`): a few MB. */
    model: bytea('model').notNull(),
  },
  (t) => [index('dispatch_models_trained_idx').on(t.trainedAt)],
);

export const dispatchSettings = pgTable(
  'dispatch_settings',
  {
    id: integer('id').primaryKey().default(1),
    /** Dispatch new cases without a dispatcher when the model is sure enough (off by default). */
    autoDispatch: boolean('auto_dispatch').notNull().default(false),
    /** The confidence (0.5–1) of the unit a case would go to, at or above which it is dispatched. */
    minConfidence: real('min_confidence').notNull().default(0.9),
    updatedBy: ref('updated_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [check('dispatch_settings_one_row', sql`${t.id} = 1`), check('dispatch_settings_confidence', sql`${t.minConfidence} >= 0.5 AND ${t.minConfidence} <= 1`)],
);

/** One row per case auto-dispatch looked at: dispatched, or left to a dispatcher and why. */
export const dispatchDecisions = pgTable(
  'dispatch_decisions',
  {
    caseId: ref('case_id')
      .primaryKey()
      .references(() => cases.id),
    modelVersion: integer('model_version')
      .notNull()
      .references(() => dispatchModels.version),
    orgId: ref('org_id'),
    categoryId: ref('category_id'),
    confidence: real('confidence').notNull(),
    dispatched: boolean('dispatched').notNull(),
    /** Why it was left (below the threshold, no unit, the case moved on). */
    reason: text('reason'),
    decidedAt: ts('decided_at').notNull(),
  },
  (t) => [index('dispatch_decisions_decided_idx').on(t.decidedAt)],
);
