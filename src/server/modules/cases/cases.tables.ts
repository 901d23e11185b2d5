/**
 * 接诉即办 work orders and what hangs on them: the category catalogue, the working-day
 * calendar, deadline rules, the timeline, objections, extensions, photos, "me too"
 * supports, alerts of the sweeper, and staff reply templates.
 *
 * Cases carry their area's tree path (`area_path`, immutable like the node's) so that
 * subtree filters need no join with the organization module's tables.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.tables.js';
import { adminNodes, organizations, posts } from '../org/org.tables.js';
import { caseStates } from './case.workflow.js';
import { urgencies } from './deadlines.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

const id = () => bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity();
const ref = (name: string) => bigint(name, { mode: 'number' });
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const caseTypes = ['enquiry', 'help', 'complaint', 'report', 'suggestion'] as const; // 咨询 求助 投诉 举报 建议
export type CaseType = (typeof caseTypes)[number];
export const caseChannels = ['web', 'hotline', 'api', 'patrol'] as const; // 网页 热线 接口 巡查上报
export type CaseChannel = (typeof caseChannels)[number];
export const categorySystems = ['taxonomy', 'urban', 'local'] as const;
export const dispatchModes = ['direct', 'territorial', 'manual', 'model'] as const; // 直派 属地 人工 智能派单
export type DispatchMode = (typeof dispatchModes)[number];
export const ratings = ['satisfied', 'basic', 'dissatisfied'] as const; // 满意 基本满意 不满意
export type Rating = (typeof ratings)[number];
/** The step whose deadline is running: 派单 → 签收 → 办理反馈. */
export const caseSteps = ['dispatch', 'sign', 'feedback'] as const;
export type CaseStep = (typeof caseSteps)[number];

/** The category catalogue (派单目录): the 3-level national taxonomy, urban-management classes, local extensions. */
export const caseCategories = pgTable(
  'case_categories',
  {
    id: id(),
    parentId: ref('parent_id').references((): AnyPgColumn => caseCategories.id),
    level: integer('level').notNull(),
    name: text('name').notNull(),
    /** Names from the root joined by '/': 城乡建设/安全生产/事故处理. Responsibilities match on its prefixes. */
    path: text('path').notNull(),
    system: text('system', { enum: categorySystems }).notNull(),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_categories_path_key').on(t.path), index('case_categories_parent_idx').on(t.parentId), check('case_categories_level_check', sql`${t.level} BETWEEN 1 AND 3`)],
);

/** Days that differ from the Monday-to-Friday rule: public holidays and 调休 make-up workdays. */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  name: text('name').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Deadline overrides per category (path prefix) and urgency; absent → the defaults of deadlines.ts. */
export const deadlineRules = pgTable(
  'deadline_rules',
  {
    id: id(),
    category: text('category').notNull(),
    urgency: text('urgency', { enum: urgencies }).notNull(),
    dispatchHours: doublePrecision('dispatch_hours').notNull(),
    signHours: doublePrecision('sign_hours').notNull(),
    /** Exactly one of the two feedback spans is set. */
    feedbackHours: doublePrecision('feedback_hours'),
    feedbackWorkingDays: integer('feedback_working_days'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('deadline_rules_key').on(t.category, t.urgency),
    check('deadline_rules_feedback_check', sql`(${t.feedbackHours} IS NULL) <> (${t.feedbackWorkingDays} IS NULL)`),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: id(),
    /** Public number: date + sequence, 20261129-000123. */
    number: text('number').notNull(),
    /** SHA-256 of the resident's tracking code (the code itself is shown once). */
    trackingHash: text('tracking_hash').notNull(),
    type: text('type', { enum: caseTypes }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    categoryId: ref('category_id').references(() => caseCategories.id),
    nodeId: ref('node_id')
      .notNull()
      .references(() => adminNodes.id),
    /** Tree path of `node_id` (immutable), for subtree filters. */
    areaPath: text('area_path').notNull(),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    reporterUserId: ref('reporter_user_id').references(() => users.id),
    channel: text('channel', { enum: caseChannels }).notNull(),
    urgency: text('urgency', { enum: urgencies }).notNull(),
    /** Visible on the public list (and "me too") once accepted; the reporter may opt out. */
    isPublic: boolean('is_public').notNull().default(true),
    state: text('state', { enum: caseStates }).notNull(),
    /** Bumped by every change: the optimistic-concurrency token (two handlers → one wins). */
    version: integer('version').notNull().default(1),
    /** 首接负责: the one accountable unit, and the post within it. */
    leadOrgId: ref('lead_org_id').references(() => organizations.id),
    leadPostId: ref('lead_post_id').references(() => posts.id),
    /** Who signed for it in the lead unit. */
    handlerUserId: ref('handler_user_id').references(() => users.id),
    dispatchMode: text('dispatch_mode', { enum: dispatchModes }),
    /** What the responsibility list names for this category and place (the dispatcher's default). */
    routeOrgId: ref('route_org_id').references(() => organizations.id),
    routePostId: ref('route_post_id').references(() => posts.id),
    routeMode: text('route_mode', { enum: ['direct', 'territorial'] }),
    mergedIntoId: ref('merged_into_id').references((): AnyPgColumn => cases.id),
    refusalReason: text('refusal_reason'),
    refusalChannel: text('refusal_channel'),
    rating: text('rating', { enum: ratings }),
    ratingComment: text('rating_comment'),
    redoCount: integer('redo_count').notNull().default(0),
    supportCount: integer('support_count').notNull().default(0),
    /** The step whose deadline is running and its due time (null when none runs). */
    step: text('step', { enum: caseSteps }),
    stepDueAt: ts('step_due_at'),
    /** The feedback deadline, shown to the reporter from dispatch on. */
    feedbackDueAt: ts('feedback_due_at'),
    overdue: boolean('overdue').notNull().default(false),
    submittedAt: ts('submitted_at').notNull(),
    // What assessment's indicators read (docs/assessment.md): each is set by the
    // action it names (case-assessment-stamps.ts), so an indicator is a function of the row.
    /** When the case first left 待受理 (accepted, dispatched, answered, refused or merged), and whether after the dispatch deadline. */
    takenAt: ts('taken_at'),
    intakeLate: boolean('intake_late').notNull().default(false),
    /** The sign deadline of the current assignment, and when its unit signed (cleared by a new assignment). */
    signDueAt: ts('sign_due_at'),
    signedAt: ts('signed_at'),
    /** An extension was approved in the current handling round (按期结案率 leaves such cases out). */
    deferred: boolean('deferred').notNull().default(false),
    /** When the standing rating was given, and the reporter's answer to 问题是否解决 (null: not asked). */
    ratedAt: ts('rated_at'),
    resolved: boolean('resolved'),
    /** When verification passed, and how often it failed (返工). */
    verifiedAt: ts('verified_at'),
    returnCount: integer('return_count').notNull().default(0),
    dispatchedAt: ts('dispatched_at'),
    repliedAt: ts('replied_at'),
    closedAt: ts('closed_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('cases_number_key').on(t.number),
    uniqueIndex('cases_tracking_key').on(t.trackingHash),
    index('cases_lead_state_idx').on(t.leadOrgId, t.state, t.id),
    index('cases_state_area_idx').on(t.state, t.areaPath.op('text_pattern_ops')),
    index('cases_area_idx').on(t.areaPath.op('text_pattern_ops'), t.id),
    index('cases_reporter_idx').on(t.reporterUserId, t.id),
    index('cases_step_due_idx').on(t.stepDueAt).where(sql`${t.step} IS NOT NULL`),
    // Work queues in the order the inboxes show them (most urgent first): a page reads 50
    // index entries instead of sorting the whole box. The state lists match `inboxFilter`.
    index('cases_unit_queue_idx').on(t.leadOrgId, t.stepDueAt, t.id).where(sql`${t.state} IN ('dispatched', 'signed', 'in_progress')`),
    index('cases_dispatch_queue_idx').on(t.stepDueAt, t.id).where(sql`${t.state} IN ('submitted', 'accepted', 'objected', 'replied')`),
    index('cases_contact_phone_idx').on(t.contactPhone),
  ],
);

/** The timeline: every transition and note, with who, when and why. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: id(),
    caseId: ref('case_id')
      .notNull()
      .references(() => cases.id),
    at: ts('at').notNull(),
    actorUserId: ref('actor_user_id').references(() => users.id),
    /** The acting unit's or person's name as shown on the timeline. */
    actorLabel: text('actor_label').notNull(),
    event: text('event').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    reason: text('reason'),
    /** Reply text, note or message to the resident. */
    message: text('message'),
    /** Shown to the reporter and on the public page (replies, state changes); internal notes are not. */
    public: boolean('public').notNull().default(true),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
);

/** Co-handling units (协办) beside the lead unit on `cases`. */
export const caseCoUnits = pgTable(
  'case_co_units',
  {
    caseId: ref('case_id')
      .notNull()
      .references(() => cases.id),
    orgId: ref('org_id')
      .notNull()
      .references(() => organizations.id),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.orgId] }), index('case_co_units_org_idx').on(t.orgId)],
);

/** 派单异议: a unit disputes an order; a reviewer upholds (redispatch) or rejects it. */
export const caseObjections = pgTable(
  'case_objections',
  {
    id: id(),
    caseId: ref('case_id')
      .notNull()
      .references(() => cases.id),
    orgId: ref('org_id')
      .notNull()
      .references(() => organizations.id),
    reason: text('reason').notNull(),
    /** The unit the objector says is competent, if any. */
    suggestedOrgId: ref('suggested_org_id').references(() => organizations.id),
    filedBy: ref('filed_by')
      .notNull()
      .references(() => users.id),
    filedAt: ts('filed_at').notNull(),
    decision: text('decision', { enum: ['upheld', 'rejected'] }),
    decisionReason: text('decision_reason'),
    decidedBy: ref('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    newOrgId: ref('new_org_id').references(() => organizations.id),
  },
  (t) => [index('case_objections_case_idx').on(t.caseId), index('case_objections_org_idx').on(t.orgId, t.decision)],
);

/** Extension requests (申请延期) and their decisions; the resident is told why. */
export const caseExtensions = pgTable(
  'case_extensions',
  {
    id: id(),
    caseId: ref('case_id')
      .notNull()
      .references(() => cases.id),
    requestedBy: ref('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: ts('requested_at').notNull(),
    workingDays: integer('working_days').notNull(),
    reason: text('reason').notNull(),
    decision: text('decision', { enum: ['approved', 'denied'] }),
    decisionReason: text('decision_reason'),
    decidedBy: ref('decided_by').references(() => users.id),
    decidedAt: ts('decided_at'),
  },
  (t) => [index('case_extensions_case_idx').on(t.caseId)],
);

/** Photos: the original (staff, evidence) and a copy without metadata (what the public sees). */
export const casePhotos = pgTable(
  'case_photos',
  {
    id: id(),
    caseId: ref('case_id')
      .notNull()
      .references(() => cases.id),
    /** Who added it: the reporter at intake, or the handler as evidence. */
    stage: text('stage', { enum: ['intake', 'evidence'] }).notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    original: bytea('original').notNull(),
    stripped: bytea('stripped').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('case_photos_case_idx').on(t.caseId)],
);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * What full-text search matches (issue #4): the segmented words (platform/text/segmenter.ts)
 * of the title (weight A), the description and address (B) and the replies (C), parsed by
 * PostgreSQL's 'simple' configuration. Apart from `cases` so that pages of cases never
 * carry it. Filled at intake and on each reply; `gongzhi search-reindex` rewrites them all.
 */
export const caseSearch = pgTable(
  'case_search',
  {
    caseId: ref('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    vector: tsvector('vector').notNull(),
  },
  // The index holds the words plus the case's id slice (`case_words`, migration 0013), so
  // that a search can ask for the newest slices only (search/case-search.ts).
  // New entries wait in the index's pending list (cheap for intake); every search scans
  // that list, so the `cases.search-merge` job merges it every few seconds (PGlite has no
  // autovacuum to do it).
  (t) => [index('case_search_vector_idx').using('gin', sql`case_words(${t.vector}, ${t.caseId})`)],
);

/** Words the search segmenter keeps whole, added by admins (on top of place, unit and category names). */
export const searchTerms = pgTable(
  'search_terms',
  {
    id: id(),
    word: text('word').notNull(),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('search_terms_word_key').on(t.word)],
);

/** "我也遇到" — residents who support a public case and follow its progress. */
export const caseSupports = pgTable(
  'case_supports',
  {
    caseId: ref('case_id')
      .notNull()
      .references(() => cases.id),
    userId: ref('user_id')
      .notNull()
      .references(() => users.id),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index('case_supports_user_idx').on(t.userId)],
);

/**
 * What the sweeper has done about a deadline: 催办 before expiry, at expiry, and the
 * escalation. The unique key makes each happen once per due time, however many servers sweep.
 */
export const caseAlerts = pgTable(
  'case_alerts',
  {
    caseId: ref('case_id')
      .notNull()
      .references(() => cases.id),
    step: text('step', { enum: caseSteps }).notNull(),
    kind: text('kind', { enum: ['remind', 'overdue', 'escalate'] }).notNull(),
    dueAt: ts('due_at').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.step, t.kind, t.dueAt] })],
);

/** 常用回复: reply templates per category and state, kept by staff. */
export const replyTemplates = pgTable(
  'reply_templates',
  {
    id: id(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Category path prefix it applies to (null: any). */
    category: text('category'),
    /** State it applies to (null: any). */
    state: text('state'),
    active: boolean('active').notNull().default(true),
    createdBy: ref('created_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('reply_templates_category_idx').on(t.category)],
);

/** Case numbers per local day: the sequence part of 20261129-000123. */
export const caseNumberDays = pgTable('case_number_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  last: integer('last').notNull(),
});
