/**
 * What comes in and goes out of the cases API.
 */
import { z } from 'zod';
import { Actions, flag, Id, line, MULTI_LINE, page, Paging, phone, SINGLE_LINE } from '../../platform/http/fields.js';
import { caseChannels, caseSteps, caseTypes, dispatchModes, ratings } from './cases.tables.js';
import { caseEvents, caseStates } from './case.workflow.js';
import { urgencies } from './deadlines.js';

const text = (max: number) => z.string().trim().min(1).max(max).regex(MULTI_LINE);
const optionalLine = (max: number) => z.string().trim().max(max).regex(SINGLE_LINE).nullable().optional();

export const CaseIdParams = z.object({ id: Id });
/** The version the caller last saw (optional; sent, it turns a lost race into 409). */
const version = z.number().int().positive().optional();

export const CaseCreateBody = z.object({
  type: z.enum(caseTypes),
  title: line(100),
  description: text(5000),
  categoryId: Id.nullable().optional(),
  nodeId: Id,
  address: optionalLine(200),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  contactName: optionalLine(50),
  contactPhone: phone.nullable().optional(),
  urgency: z.enum(urgencies).default('general'),
  /** Staff recording for a caller: hotline or patrol; residents always submit through the web. */
  channel: z.enum(caseChannels).optional(),
  isPublic: z.boolean().default(true),
  /** A 举报 about a cadre or official: refused here, pointed to the supervision channel. */
  aboutOfficial: z.boolean().default(false),
});
export type CaseCreateBody = z.infer<typeof CaseCreateBody>;

/** A matter being written, to look for similar open cases near it (疑似重复). */
export const SimilarProbeBody = z.object({
  title: line(100),
  description: z.string().max(5000).default(''),
  nodeId: Id,
});

export const ReasonBody = z.object({ version, reason: text(2000) });
export const OptionalReasonBody = z.object({ version, reason: text(2000).nullable().optional() });
export const RefuseBody = z.object({ version, reason: text(2000), channel: line(200) });
export const AnswerBody = z.object({ version, answer: text(5000) });
export const MergeBody = z.object({ version, intoCaseId: Id });
export const DispatchBody = z.object({
  version,
  orgId: Id.optional(),
  postId: Id.nullable().optional(),
  coOrgIds: z.array(Id).max(10).optional(),
  /** The dispatcher's category, when the reporter's is missing or wrong (the dispatch model learns from it). */
  categoryId: Id.optional(),
  reason: text(2000).nullable().optional(),
});
export const BulkDispatchBody = z.object({ caseIds: z.array(Id).min(1).max(200), orgId: Id.optional() });
export const ObjectBody = z.object({ version, reason: text(2000), suggestedOrgId: Id.nullable().optional() });
export const ObjectionDecisionBody = z.object({ version, decision: z.enum(['upheld', 'rejected']), reason: text(2000), orgId: Id.optional(), coOrgIds: z.array(Id).max(10).optional() });
export const ReplyBody = z.object({ version, message: text(5000) });
export const ExtensionBody = z.object({ version, reason: text(2000), workingDays: z.number().int() });
export const ExtensionDecisionBody = z.object({ version, approved: z.boolean(), reason: text(2000) });
export const VerifyBody = z.object({ version, passed: z.boolean(), reason: text(2000).nullable().optional() });
export const RateBody = z.object({ version, rating: z.enum(ratings), resolved: z.boolean().nullable().optional(), comment: text(1000).nullable().optional() });

export const inboxes = ['to_dispatch', 'objections', 'to_sign', 'to_handle', 'to_verify', 'overdue', 'all'] as const;
export type Inbox = (typeof inboxes)[number];

export const CaseListQuery = z.object({
  box: z.enum(inboxes).default('all'),
  state: z.enum(caseStates).optional(),
  categoryId: Id.optional(),
  /** Cases in the subtree of this node. */
  nodeId: Id.optional(),
  /** A case number, a phone number, or words of the title, description or address. */
  q: z.string().trim().max(100).regex(SINGLE_LINE).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  overdue: flag.optional(),
  ...Paging,
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

/** A search reaches back this many matches at most (further pages are refused): refine the query instead. */
export const MAX_RESULTS = 1000;

export const CaseSearchQuery = z.object({
  /** Words of the title, description, address or replies (all must be found). */
  q: z.string().trim().min(1).max(100).regex(SINGLE_LINE),
  state: z.enum(caseStates).optional(),
  categoryId: Id.optional(),
  nodeId: Id.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  ...Paging,
}).refine((q) => q.offset + q.limit <= MAX_RESULTS, { path: ['offset'], message: `A search shows its first ${MAX_RESULTS} results: narrow it with more words or filters` });
export type CaseSearchQuery = z.infer<typeof CaseSearchQuery>;

const Unit = z.object({ id: z.number(), name: z.string() }).nullable();

export const CaseOut = z.object({
  id: z.number(),
  number: z.string(),
  type: z.enum(caseTypes),
  title: z.string(),
  description: z.string(),
  category: z.object({ id: z.number(), path: z.string() }).nullable(),
  nodeId: z.number(),
  areaPath: z.string(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  channel: z.enum(caseChannels),
  urgency: z.enum(urgencies),
  isPublic: z.boolean(),
  state: z.enum(caseStates),
  version: z.number(),
  lead: Unit,
  coUnits: z.array(z.object({ id: z.number(), name: z.string() })),
  dispatchMode: z.enum(dispatchModes).nullable(),
  route: z.object({ unit: Unit, mode: z.enum(['direct', 'territorial']).nullable() }),
  mergedInto: z.object({ id: z.number(), number: z.string() }).nullable(),
  refusalReason: z.string().nullable(),
  refusalChannel: z.string().nullable(),
  rating: z.enum(ratings).nullable(),
  ratingComment: z.string().nullable(),
  redoCount: z.number(),
  supportCount: z.number(),
  step: z.enum(caseSteps).nullable(),
  stepDueAt: z.string().nullable(),
  feedbackDueAt: z.string().nullable(),
  overdue: z.boolean(),
  submittedAt: z.string(),
  dispatchedAt: z.string().nullable(),
  repliedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The events the caller may send now. */
  actions: Actions,
});
export type CaseOut = z.infer<typeof CaseOut>;

export const CaseListOut = page(CaseOut);

/** Similar open cases near a matter, most similar first; `score` is the cosine of their words (0..1). */
export const SimilarCasesOut = z.object({ items: z.array(z.object({ case: CaseOut, score: z.number() })) });

/** A piece of an excerpt; `hit` pieces are the words found. */
const Segment = z.object({ text: z.string(), hit: z.boolean() });
export const CaseSearchOut = page(z.object({ case: CaseOut, excerpt: z.array(Segment) })).extend({
  /** False when `total` is an estimate (many matches: counted among the newest cases and scaled). */
  totalExact: z.boolean(),
});

export const TimelineEntryOut = z.object({
  id: z.number(),
  at: z.string(),
  event: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  /** Staff see the person; residents see the role (reporter, dispatch_center, handling_unit, verifier, system). */
  actor: z.string(),
  reason: z.string().nullable(),
  message: z.string().nullable(),
  public: z.boolean(),
  data: z.record(z.string(), z.unknown()),
});
export const TimelineOut = z.object({ items: z.array(TimelineEntryOut) });

/** `trackingCode` is shown once: a replayed submission (same Idempotency-Key) comes without it. */
export const SubmittedOut = z.object({ case: CaseOut, trackingCode: z.string().optional() });
/** A 举报 about an official, filed in the supervision channel instead of as a case: its receipt, shown once. */
export const HandedOffOut = z.object({ handedOff: z.literal('supervision'), receipt: z.string().optional() });

export const TrackQuery = z.object({ code: z.string().trim().min(16).max(24) });
export const TrackedOut = z.object({ case: CaseOut, timeline: z.array(TimelineEntryOut) });

export const PublicCaseListQuery = z.object({ nodeId: Id.optional(), ...Paging });

export const StateTableOut = z.object({
  states: z.array(z.enum(caseStates)),
  events: z.array(z.object({ event: z.enum(caseEvents), from: z.array(z.enum(caseStates)), to: z.enum(caseStates).nullable(), needsReason: z.boolean(), keep: z.array(z.enum(caseStates)) })),
});

export const BulkDispatchOut = z.object({ results: z.array(z.object({ caseId: z.number(), ok: z.boolean(), code: z.string().nullable(), number: z.string().nullable() })) });
export const SupportOut = z.object({ supportCount: z.number(), added: z.boolean() });
export const ObjectionStatsOut = z.object({ items: z.array(z.object({ orgId: z.number(), orgName: z.string(), filed: z.number(), upheld: z.number(), rejected: z.number(), pending: z.number() })) });
