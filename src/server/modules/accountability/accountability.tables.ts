/**
 * Accountability records (DOMAIN.md §5, issue #5 point 6): each measure of the "four forms"
 * (监督执纪四种形态) and 通报批评 is a record on the person, with its grounds (cases,
 * reports, scorecards), the deciding body, the date, and the person's appeal (申诉) and its
 * review.
 */
import { bigint, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.tables.js';
import { adminNodes, people } from '../org/org.tables.js';

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

export interface Ground {
  kind: 'case' | 'report' | 'scorecard' | 'other';
  /** The case number, report number, scorecard id … */
  ref: string;
  note?: string;
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
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('accountability_records_person_idx').on(t.personId, t.id), index('accountability_records_path_idx').on(t.nodePath, t.id)],
);
