/** HTTP shapes of accountability records (issue #5 point 6). */
import { z } from 'zod';
import { Id, line, MULTI_LINE } from '../../platform/http/fields.js';
import { accountabilityForms, appealStates, groundKinds, measures } from './accountability.tables.js';
import { audienceRoles } from './publication.js';

export const text = (max: number) => z.string().trim().min(1).max(max).regex(MULTI_LINE);
const version = z.number().int().positive().optional();

export const Ground = z.object({ kind: z.enum(groundKinds), ref: line(60), note: line(200).optional() });

/** 通报批评 only: the subtree whose staff get the notice, optionally only some roles. */
export const PublishBody = z.object({ nodeId: Id, roles: z.array(z.enum(audienceRoles as [string, ...string[]])).max(audienceRoles.length).optional() });

const recordFields = {
  personId: Id,
  form: z.enum(accountabilityForms as [string, ...string[]]),
  measure: z.enum(measures as unknown as [string, ...string[]]),
  summary: text(5000),
  decidedBy: line(100),
  decidedOn: z.iso.date(),
  publish: PublishBody.optional(),
};

export const RecordBody = z.object({ ...recordFields, grounds: z.array(Ground).min(1).max(20) });
/** Escalating a review item: the item itself is the first ground, so more are optional. */
export const EscalatedRecordBody = z.object({ ...recordFields, grounds: z.array(Ground).max(19) });

export const PublicationOut = z.object({ nodeId: z.number(), roles: z.array(z.string()).nullable(), recipients: z.number(), publishedAt: z.string() });

export const RecordOut = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  nodeId: z.number(),
  form: z.enum(accountabilityForms as [string, ...string[]]),
  measure: z.string(),
  grounds: z.array(Ground),
  summary: z.string(),
  decidedBy: z.string(),
  decidedOn: z.string(),
  appeal: z.enum(appealStates),
  appealText: z.string().nullable(),
  appealedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  publication: PublicationOut.nullable(),
  createdAt: z.string(),
  version: z.number(),
  /** What the caller may do now: `appeal` (the person, once), `review` (a pending appeal). */
  actions: z.array(z.enum(['appeal', 'review'])),
});

export const RecordListOut = z.object({ items: z.array(RecordOut) });
export const RecordQuery = z.object({ personId: Id.optional() });
export const AppealBody = z.object({ text: text(5000), version });
export const ReviewBody = z.object({ outcome: z.enum(['upheld', 'changed', 'revoked']), note: text(2000), version });
