/** HTTP shapes of petitions (信访, issue #5 point 8): what comes in and what goes out. */
import { z } from 'zod';
import { flag, Id, line, MULTI_LINE, Paging, phone } from '../../platform/http/fields.js';
import { petitionEvents as events } from './petition-workflow.js';
import { extensionStates, opinions, petitionChannels, petitionClocks, petitionStates, reviewLevels, reviewOutcomes, routeKinds } from './petitions.tables.js';

const text = (max: number) => z.string().trim().min(1).max(max).regex(MULTI_LINE);
const version = z.number().int().positive();
const iso = z.string();
const when = iso.nullable();

export const PetitionBody = z.object({
  /** online: the signed-in account's own 网上信访; letter, visit, phone: recorded by a registrar. */
  channel: z.enum(petitionChannels),
  title: line(100),
  content: text(10_000),
  nodeId: Id.optional(),
  petitioner: z.object({ name: line(50).optional(), phone: phone.optional() }).optional(),
  /** 走访 only: at most 5 (checked by the command, which explains the rule). */
  representatives: z.number().int().min(1).max(1000).optional(),
  /** The 接诉即办 work-order number the matter came from (registrars). */
  caseNumber: line(40).optional(),
});

export const PetitionQuery = z.object({
  state: z.enum(petitionStates).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** Only the caller's own petitions (the resident pages). */
  mine: flag,
  ...Paging,
});

const Petitioner = z.object({ name: z.string(), phone: z.string().nullable() });

export const PetitionListItem = z.object({
  id: z.number(),
  number: z.string(),
  channel: z.enum(petitionChannels),
  state: z.enum(petitionStates),
  title: z.string(),
  nodeId: z.number(),
  handler: z.object({ orgId: z.number(), name: z.string() }).nullable(),
  receivedAt: iso,
  clock: z.enum(petitionClocks).nullable(),
  clockDueAt: when,
  overdue: z.boolean(),
  final: z.boolean(),
  /** Staff over the petition only. */
  petitioner: Petitioner.nullable(),
});

export const PetitionListOut = z.object({ items: z.array(PetitionListItem), total: z.number() });

const Review = z.object({
  level: z.enum(reviewLevels),
  requestText: z.string(),
  requestedAt: iso,
  answerDueAt: iso,
  outcome: z.enum(reviewOutcomes).nullable(),
  answer: z.string().nullable(),
  answeredAt: when,
});

const TimelineEntry = z.object({
  id: z.number(),
  at: iso,
  event: z.string(),
  actor: z.string(),
  fromState: z.enum(petitionStates).nullable(),
  toState: z.enum(petitionStates),
  note: z.string().nullable(),
  public: z.boolean(),
});

export const PetitionOut = PetitionListItem.extend({
  content: z.string(),
  representatives: z.number().nullable(),
  /** The 接诉即办 case it came from (staff only). */
  caseId: z.number().nullable(),
  /** The earlier petition on the same facts (its number), as far as the caller may know it. */
  sameFactsOf: z.string().nullable(),
  routeKind: z.enum(routeKinds).nullable(),
  registerDueAt: iso,
  routedAt: when,
  objectionDueAt: when,
  acceptedAt: when,
  concludeDueAt: when,
  extension: z.object({ state: z.enum(extensionStates), days: z.number().nullable(), reason: z.string().nullable() }),
  opinion: z.enum(opinions).nullable(),
  opinionText: z.string().nullable(),
  concludedAt: when,
  reviewWindowEndsAt: when,
  refusalReason: z.string().nullable(),
  refusalRedirect: z.string().nullable(),
  reviews: z.array(Review),
  timeline: z.array(TimelineEntry),
  version: z.number(),
  /** What the caller may do now. */
  actions: z.array(z.enum(events)),
});

export const LinkBody = z.object({ version, earlierNumber: line(40).nullable() });
export const RegisterBody = z.object({ version, orgId: Id, routeKind: z.enum(routeKinds), note: text(1000).optional() });
export const RefuseBody = z.object({ version, reason: text(1000), redirect: text(500) });
export const AcceptBody = z.object({ version, note: text(1000).optional() });
export const ObjectBody = z.object({ version, reason: text(2000) });
export const ConcludeBody = z.object({ version, opinion: z.enum(opinions), text: text(10_000) });
/** Days are checked by the command (at most 30), which explains the rule. */
export const ExtendBody = z.object({ version, days: z.number().int().min(1).max(365), reason: text(2000) });
export const DecideExtensionBody = z.object({ version, approve: z.boolean(), note: text(1000).optional() });
export const RequestReviewBody = z.object({ version, text: text(5000) });
export const AnswerReviewBody = z.object({ version, outcome: z.enum(reviewOutcomes), text: text(10_000) });
