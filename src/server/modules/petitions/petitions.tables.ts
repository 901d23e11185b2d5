/**
 * Tables of petitions (信访, DOMAIN.md §7, issue #5 point 8): the petition with its state and
 * clocks, its timeline, and its 复查 / 复核 rounds. The 接诉即办 cases table is not reused: a
 * petition's states and clocks are the 信访工作条例's, not a work order's; a petition may name
 * the case it came from.
 */
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.tables.js';
import { cases } from '../cases/cases.tables.js';
import { adminNodes, organizations } from '../org/org.tables.js';

const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();
const ref = (name: string) => bigint(name, { mode: 'number' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 来信, 来访 (走访), 网上信访, 电话. */
export const petitionChannels = ['letter', 'visit', 'online', 'phone'] as const;
export type PetitionChannel = (typeof petitionChannels)[number];

/**
 * received → (登记 + 转送/交办) routed → accepted → concluded → review_requested → reviewed →
 * recheck_requested → rechecked; received → refused (不予受理); routed → returned (the handling
 * body's out-of-remit objection) → routed again. See petition-workflow.ts.
 */
export const petitionStates = ['received', 'returned', 'refused', 'routed', 'accepted', 'concluded', 'review_requested', 'reviewed', 'recheck_requested', 'rechecked'] as const;
export type PetitionState = (typeof petitionStates)[number];

/** The staff clock running now (the petitioner's own windows to ask for a review are not "overdue"). */
export const petitionClocks = ['register', 'objection', 'conclude', 'review', 'recheck'] as const;
export type PetitionClock = (typeof petitionClocks)[number];

/** 转送 (to the competent body) or 交办 (assigned, results reported back). */
export const routeKinds = ['transfer', 'assign'] as const;
export type RouteKind = (typeof routeKinds)[number];

/** 处理意见: 支持, 部分支持, 不支持. */
export const opinions = ['support', 'partial', 'reject'] as const;
export type Opinion = (typeof opinions)[number];

export const extensionStates = ['none', 'pending', 'approved', 'denied'] as const;
export type ExtensionState = (typeof extensionStates)[number];

/** 复查 (by the level above the handling body) and 复核 (the level above that). */
export const reviewLevels = ['review', 'recheck'] as const;
export type ReviewLevel = (typeof reviewLevels)[number];

/** 维持 or 变更 the opinion under review. */
export const reviewOutcomes = ['upheld', 'changed'] as const;
export type ReviewOutcome = (typeof reviewOutcomes)[number];

export const petitions = pgTable(
  'petitions',
  {
    id: id(),
    /** XF20261129-0001: what the petitioner is told and quotes back. */
    number: text('number').notNull(),
    channel: text('channel', { enum: petitionChannels }).notNull(),
    state: text('state', { enum: petitionStates }).notNull(),
    /** Where the matter is: the registrars of this subtree register and route it. */
    nodeId: ref('node_id')
      .notNull()
      .references(() => adminNodes.id),
    nodePath: text('node_path').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    /** The petitioner's account (网上信访), or null for a letter, visit or call recorded by staff. */
    petitionerUserId: ref('petitioner_user_id').references(() => users.id),
    /** Shown only to staff holding petitions.read over the petition (and to the petitioner). */
    petitionerName: text('petitioner_name').notNull(),
    petitionerPhone: text('petitioner_phone'),
    /** 走访: how many representatives a group sent (at most 5). */
    representatives: integer('representatives'),
    /** The 接诉即办 case the matter came from, if any. */
    caseId: ref('case_id').references(() => cases.id),
    /** An earlier petition on the same facts, linked by a registrar. */
    sameFactsOfId: ref('same_facts_of_id').references((): AnyPgColumn => petitions.id),
    recordedBy: ref('recorded_by').references(() => users.id),
    receivedAt: ts('received_at').notNull(),
    /** 登记 and 转送/交办 within 15 days of receipt. */
    registerDueAt: ts('register_due_at').notNull(),
    /** The handling body (a unit) and its place, while it holds the petition. */
    handlerOrgId: ref('handler_org_id').references(() => organizations.id),
    handlerPath: text('handler_path'),
    routeKind: text('route_kind', { enum: routeKinds }),
    routedAt: ts('routed_at'),
    /** The handling body may object that the matter is outside its remit until then (5 working days). */
    objectionDueAt: ts('objection_due_at'),
    acceptedAt: ts('accepted_at'),
    /** 60 days from acceptance, plus an approved extension (at most 30 days, once). */
    concludeDueAt: ts('conclude_due_at'),
    extensionState: text('extension_state', { enum: extensionStates }).notNull().default('none'),
    extensionDays: integer('extension_days'),
    extensionReason: text('extension_reason'),
    opinion: text('opinion', { enum: opinions }),
    opinionText: text('opinion_text'),
    concludedAt: ts('concluded_at'),
    /** Until when the petitioner may ask for the next review (30 days from the last answer). */
    reviewWindowEndsAt: ts('review_window_ends_at'),
    /** The 复查 and 复核 bodies' places (the levels above the handling body): who answers, who sees it. */
    reviewPath: text('review_path'),
    recheckPath: text('recheck_path'),
    refusalReason: text('refusal_reason'),
    /** 不予受理: where the petitioner should go instead. */
    refusalRedirect: text('refusal_redirect'),
    /** The staff clock running now and when it ends (the sweep's index). */
    clock: text('clock', { enum: petitionClocks }),
    clockDueAt: ts('clock_due_at'),
    /** The running clock ran out (set by the sweep; cleared when the clock changes). */
    overdue: boolean('overdue').notNull().default(false),
    updatedAt: ts('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('petitions_number_key').on(t.number),
    index('petitions_node_path_idx').on(t.nodePath, t.id),
    index('petitions_handler_path_idx').on(t.handlerPath, t.id),
    index('petitions_petitioner_idx').on(t.petitionerUserId, t.id),
    index('petitions_clock_due_idx').on(t.clockDueAt),
  ],
);

/** One 复查 or 复核 round: the petitioner's request and the body's answer. */
export const petitionReviews = pgTable(
  'petition_reviews',
  {
    id: id(),
    petitionId: ref('petition_id')
      .notNull()
      .references(() => petitions.id),
    level: text('level', { enum: reviewLevels }).notNull(),
    /** The answering body's place. */
    nodePath: text('node_path').notNull(),
    requestText: text('request_text').notNull(),
    requestedAt: ts('requested_at').notNull(),
    requestedBy: ref('requested_by').references(() => users.id),
    answerDueAt: ts('answer_due_at').notNull(),
    outcome: text('outcome', { enum: reviewOutcomes }),
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    answeredBy: ref('answered_by').references(() => users.id),
  },
  (t) => [uniqueIndex('petition_reviews_level_key').on(t.petitionId, t.level)],
);

/** The timeline; `public` entries are the petitioner's too (internal notes are staff only). */
export const petitionEvents = pgTable(
  'petition_events',
  {
    id: id(),
    petitionId: ref('petition_id')
      .notNull()
      .references(() => petitions.id),
    at: ts('at').notNull(),
    actorUserId: ref('actor_user_id').references(() => users.id),
    actorLabel: text('actor_label').notNull(),
    event: text('event').notNull(),
    fromState: text('from_state', { enum: petitionStates }),
    toState: text('to_state', { enum: petitionStates }).notNull(),
    note: text('note'),
    public: boolean('public').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('petition_events_petition_idx').on(t.petitionId, t.id)],
);
