/** HTTP shapes of accountability records (issue #5 point 6). */
import { z } from 'zod';
import { Id, line, MULTI_LINE } from '../../platform/http/fields.js';
import { accountabilityForms, appealStates, measures } from './accountability.tables.js';

const text = (max: number) => z.string().trim().min(1).max(max).regex(MULTI_LINE);

const Ground = z.object({ kind: z.enum(['case', 'report', 'scorecard', 'other']), ref: line(60), note: line(200).optional() });

export const RecordBody = z.object({
  personId: Id,
  form: z.enum(accountabilityForms as [string, ...string[]]),
  measure: z.enum(measures as unknown as [string, ...string[]]),
  grounds: z.array(Ground).min(1).max(20),
  summary: text(5000),
  decidedBy: line(100),
  decidedOn: z.iso.date(),
});

export const RecordOut = z.object({
  id: z.number(),
  personId: z.number(),
  nodeId: z.number(),
  form: z.enum(accountabilityForms as [string, ...string[]]),
  measure: z.string(),
  grounds: z.array(Ground),
  summary: z.string(),
  decidedBy: z.string(),
  decidedOn: z.string(),
  appeal: z.enum(appealStates),
  appealText: z.string().nullable(),
  reviewNote: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
});

export const RecordListOut = z.object({ items: z.array(RecordOut) });
export const RecordQuery = z.object({ personId: Id.optional() });
export const AppealBody = z.object({ text: text(5000) });
export const ReviewBody = z.object({ outcome: z.enum(['upheld', 'changed', 'revoked']), note: text(2000) });
