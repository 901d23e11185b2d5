/** HTTP shapes of 党建考核 assessment (issue #6). */
import { z } from 'zod';
import { Id } from '../../platform/http/fields.js';
import { subjectKinds } from './assessment.tables.js';
import { counters, type Counter } from './counters.js';

/**
 * `GET /api/assessment/figures`: an area's subtree (default: the top of the caller's), a unit
 * (`org`) or a person's account (`user`) — one of the three — over a period of local dates
 * (both included).
 */
export const FiguresQuery = z.object({
  area: Id.optional(),
  org: Id.optional(),
  user: Id.optional(),
  from: z.iso.date(),
  to: z.iso.date(),
  /** What one 基本满意 counts for in 满意率 (default 0.8). */
  basicWeight: z.coerce.number().min(0).max(1).optional(),
});
export type FiguresQuery = z.infer<typeof FiguresQuery>;

const Words = z.object({ zh: z.string(), en: z.string() });

const SubjectOut = z.object({ kind: z.enum(subjectKinds), id: z.number(), name: z.string() });

export const FiguresOut = z.object({
  subject: SubjectOut,
  /** The area the subject belongs to (an area: itself). */
  area: z.object({ id: z.number(), name: z.string(), path: z.string() }),
  from: z.string(),
  to: z.string(),
  basicWeight: z.number(),
  indicators: z.array(
    z.object({
      key: z.string(),
      name: Words,
      definition: Words,
      numerator: z.number(),
      denominator: z.number(),
      /** 0–1; null when there is nothing to count. */
      value: z.number().nullable(),
    }),
  ),
  /** The rollup counts the indicators are ratios of. */
  counts: z.object(Object.fromEntries(counters.map((c) => [c, z.number()])) as Record<Counter, z.ZodNumber>),
});

const Value = z.object({ key: z.string(), numerator: z.number(), denominator: z.number(), value: z.number().nullable() });

/** `GET /api/assessment/trend`: every indicator per calendar month of the period. */
export const TrendOut = z.object({
  subject: SubjectOut,
  area: z.object({ id: z.number(), name: z.string(), path: z.string() }),
  from: z.string(),
  to: z.string(),
  basicWeight: z.number(),
  months: z.array(z.object({ month: z.string(), indicators: z.array(Value) })),
});
