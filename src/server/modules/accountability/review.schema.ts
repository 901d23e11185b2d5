/** HTTP shapes of 问责复核事项 and their threshold settings (issue #5 point 7). */
import { z } from 'zod';
import { Id, Paging } from '../../platform/http/fields.js';
import { EscalatedRecordBody, RecordOut, text } from './accountability.schema.js';
import { PERIOD_PATTERN } from './review-period.js';
import { reviewItemStates, reviewSubjectKinds, triggerKinds } from './review-rules.js';

const version = z.number().int().positive();

export const Evidence = z.object({
  cases: z.array(z.object({ caseId: z.number(), number: z.string() })).optional(),
  rated: z.number().optional(),
  dissatisfied: z.number().optional(),
  scorecardId: z.number().optional(),
  note: z.string().optional(),
});

export const ReviewItemOut = z.object({
  id: z.number(),
  kind: z.enum(triggerKinds),
  subject: z.object({ kind: z.enum(reviewSubjectKinds), id: z.number(), name: z.string() }),
  nodeId: z.number(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  /** A count, or for rates a percentage (e.g. 30 for 30 %). */
  figure: z.number(),
  threshold: z.number(),
  evidence: Evidence,
  state: z.enum(reviewItemStates),
  note: z.string().nullable(),
  recordId: z.number().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  actions: z.array(z.enum(['dismiss', 'escalate'])),
});

export const ReviewItemQuery = z.object({ state: z.enum(reviewItemStates).optional(), kind: z.enum(triggerKinds).optional(), ...Paging });
export const ReviewItemPage = z.object({ items: z.array(ReviewItemOut), total: z.number() });
export const DismissBody = z.object({ version, note: text(2000) });
export const EscalateBody = z.object({ version, note: text(2000).nullable().optional(), record: EscalatedRecordBody });
export const EscalateOut = z.object({ item: ReviewItemOut, record: RecordOut });

export const EvaluateBody = z.object({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).describe('A month that has ended, e.g. 2026-03') });
export const EvaluateOut = z.object({ period: z.string().regex(PERIOD_PATTERN), opened: z.number(), items: z.array(ReviewItemOut) });

const Setting = {
  kind: z.enum(triggerKinds),
  enabled: z.boolean(),
  /** Counts: at least this many (1–1000); rates: a percentage to exceed (0–99); null for failing_scorecard. */
  threshold: z.number().nullable(),
  /** Rates: the fewest rated cases (1–10000); null otherwise. */
  minCases: z.number().int().nullable(),
};

export const SettingsQuery = z.object({ nodeId: Id.optional() });
export const SettingsOut = z.object({
  nodeId: z.number().nullable(),
  path: z.string(),
  items: z.array(z.object({ ...Setting, fromPath: z.string().nullable(), version: z.number() })),
  overrides: z.array(z.object({ ...Setting, nodeId: z.number(), path: z.string() })),
});
export const SettingsBody = z.object({
  /** Null: the deployment's settings; a node: that subtree's overrides. */
  nodeId: Id.nullable(),
  items: z.array(z.object({ ...Setting, version: z.number().int().min(0), inherit: z.boolean().optional() })).min(1).max(triggerKinds.length),
});
