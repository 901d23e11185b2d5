/**
 * Accountability records (DOMAIN.md §5, issue #5 point 6): each measure of the "four forms"
 * (监督执纪四种形态) and 通报批评 is a record on the person, with its grounds (cases,
 * reports, scorecards), the deciding body, the date, and the person's appeal (申诉) and its
 * review.
 */
import { bigint, boolean, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.tables.js';
import { adminNodes, people } from '../org/org.tables.js';
import { reviewItemStates, reviewSubjectKinds, triggerKinds, type ReviewEvidence, type ReviewItemState, type ReviewSubjectKind } from './review-rules.js';

/** The measures of each form. */
export const measuresByForm = {
  form1: ['talk_reminder', 'criticism', 'self_examination', 'admonishment'], // 谈话提醒 批评教育 责令检查 诫勉
  form2: ['warning', 'serious_warning', 'suspension', 'reassignment', 'ordered_resignation', 'dismissal'], // 警告 严重警告 停职检查 调整职务 责令辞职 免职
  form3: ['party_post_removal', 'probation', 'expulsion', 'major_reassignment'], // 撤销党内职务 留党察看 开除党籍 重大职务调整
  form4: ['judicial_transfer'], // 移送司法机关
  circulated: ['circulated_criticism'], // 通报批评
} as const;

export type AccountabilityForm = keyof typeof measuresByForm;
export const accountabilityForms = Object.keys(measuresByForm) as AccountabilityForm[];
export const measures = Object.values(measuresByForm).flat();
export type Measure = (typeof measures)[number];

export const appealStates = ['none', 'pending', 'upheld', 'changed', 'revoked'] as const;
export type AppealState = (typeof appealStates)[number];

export const groundKinds = ['case', 'report', 'scorecard', 'review_item', 'other'] as const;

export interface Ground {
  kind: (typeof groundKinds)[number];
  /** The case number, report number, scorecard id, review item id … */
  ref: string;
  note?: string;
}

/** What a 通报批评 was published to: a subtree's staff (optionally of some roles), and how many accounts got it. */
export interface Publication {
  nodeId: number;
  /** Null: every staff role of the subtree. */
  roles: string[] | null;
  recipients: number;
  publishedAt: string;
}

export const accountabilityRecords = pgTable(
  'accountability_records',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => people.id),
    /** The person's place when recorded (who may see it: the subtree's authorized roles). */
    nodeId: bigint('node_id', { mode: 'number' })
      .notNull()
      .references(() => adminNodes.id),
    nodePath: text('node_path').notNull(),
    form: text('form', { enum: accountabilityForms as [AccountabilityForm, ...AccountabilityForm[]] }).notNull(),
    measure: text('measure').notNull(),
    grounds: jsonb('grounds').$type<Ground[]>().notNull(),
    summary: text('summary').notNull(),
    /** The deciding body (区纪委, 街道党工委 …). */
    decidedBy: text('decided_by').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    recordedBy: bigint('recorded_by', { mode: 'number' })
      .notNull()
      .references(() => users.id),
    appeal: text('appeal', { enum: appealStates }).notNull().default('none'),
    appealText: text('appeal_text'),
    appealedAt: timestamp('appealed_at', { withTimezone: true, mode: 'date' }),
    reviewNote: text('review_note'),
    reviewedBy: bigint('reviewed_by', { mode: 'number' }).references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    /** 通报批评 only: to whom it was circulated as a notice (null: not published). */
    publication: jsonb('publication').$type<Publication>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('accountability_records_person_idx').on(t.personId, t.id), index('accountability_records_path_idx').on(t.nodePath, t.id)],
);

/**
 * 问责复核事项 (issue #5 point 7): figures that crossed a threshold open an item for a person to
 * review — never a penalty by themselves. One per (trigger, subject, period), so evaluating a
 * period again never opens a second one. Dismissed with a note, or escalated into a record.
 */
export const accountabilityReviewItems = pgTable(
  'accountability_review_items',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    triggerKind: text('trigger_kind', { enum: triggerKinds }).notNull(),
    /** A person (people.id) or a unit (organizations.id): polymorphic, like the audit log's subject. */
    subjectKind: text('subject_kind', { enum: reviewSubjectKinds }).notNull().$type<ReviewSubjectKind>(),
    subjectId: bigint('subject_id', { mode: 'number' }).notNull(),
    /** The subject's name when the item opened (kept as seen then). */
    subjectName: text('subject_name').notNull(),
    /** The subject's place: who may see the item (accountability.read over it). */
    nodeId: bigint('node_id', { mode: 'number' })
      .notNull()
      .references(() => adminNodes.id),
    nodePath: text('node_path').notNull(),
    /** `2026-03` (month), `2026-Q1` (quarter) or `2026` (year). */
    period: text('period').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    /** The period's last day (inclusive). */
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    /** What was measured (a count, or a percentage for rates) and the threshold it crossed. */
    figure: doublePrecision('figure').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    evidence: jsonb('evidence').$type<ReviewEvidence>().notNull(),
    state: text('state', { enum: reviewItemStates }).notNull().default('open').$type<ReviewItemState>(),
    /** Why it was dismissed (or a note on the escalation). */
    note: text('note'),
    recordId: bigint('record_id', { mode: 'number' }).references(() => accountabilityRecords.id),
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    /** Null: opened by the scheduled evaluation. */
    openedBy: bigint('opened_by', { mode: 'number' }).references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('accountability_review_items_key').on(t.triggerKind, t.subjectKind, t.subjectId, t.period),
    index('accountability_review_items_path_idx').on(t.nodePath.op('text_pattern_ops'), t.id),
  ],
);

/**
 * Thresholds of the review triggers: a row with path `/` is the deployment's; a row on a node
 * overrides it for that subtree (the deepest row wins). No row: the defaults of review-rules.ts.
 */
export const accountabilityReviewSettings = pgTable(
  'accountability_review_settings',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    triggerKind: text('trigger_kind', { enum: triggerKinds }).notNull(),
    /** Null for the deployment-wide row. */
    nodeId: bigint('node_id', { mode: 'number' }).references(() => adminNodes.id),
    nodePath: text('node_path').notNull(),
    enabled: boolean('enabled').notNull(),
    /** Counts: at least this many; rates: a percentage that must be exceeded. Null for failing_scorecard. */
    threshold: doublePrecision('threshold'),
    /** Rates only: the fewest rated cases for the rate to count. */
    minCases: integer('min_cases'),
    updatedBy: bigint('updated_by', { mode: 'number' }).references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('accountability_review_settings_key').on(t.triggerKind, t.nodePath)],
);
