/**
 * HTTP shapes of 主动治理 insight (issue #4): the dashboard's figures, hot issues, 每月一题
 * candidates, early-warning rules and the warnings they raise.
 */
import { z } from 'zod';
import { Id, line } from '../../platform/http/fields.js';
import { caseStates } from '../cases/case.workflow.js';

/** The area (a node id; default: the top of the caller's scope) and the period (default: the last 90 days). */
export const InsightQuery = z.object({
  nodeId: Id.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type InsightQuery = z.infer<typeof InsightQuery>;

/** A case as a drill-down list shows it. */
export const CaseBrief = z.object({
  id: z.number(),
  number: z.string(),
  title: z.string(),
  state: z.enum(caseStates),
  submittedAt: z.string(),
  nodeName: z.string(),
});
export type CaseBrief = z.infer<typeof CaseBrief>;

const Count = z.object({ id: z.number(), name: z.string(), count: z.number() });

export const OverviewOut = z.object({
  nodeId: z.number(),
  from: z.string(),
  to: z.string(),
  total: z.number(),
  /** One entry a day of the period: cases submitted, and cases closed that day. */
  trend: z.array(z.object({ day: z.string(), submitted: z.number(), closed: z.number() })),
  states: z.array(z.object({ state: z.enum(caseStates), count: z.number() })),
  /** First-level categories, each with its second-level children (a treemap). */
  categories: z.array(z.object({ name: z.string(), count: z.number(), children: z.array(z.object({ id: z.number(), name: z.string(), count: z.number() })) })),
  /** The area's child nodes: cases, open ones, overdue ones, dissatisfied ratings. */
  areas: z.array(z.object({ id: z.number(), name: z.string(), count: z.number(), open: z.number(), overdue: z.number(), dissatisfied: z.number() })),
});

export const HotIssuesQuery = InsightQuery.extend({
  /** Trend buckets: weeks (default for periods up to 90 days) or months. */
  bucket: z.enum(['week', 'month']).optional(),
});
export type HotIssuesQuery = z.infer<typeof HotIssuesQuery>;

export const HotIssueOut = z.object({
  label: z.string(),
  keywords: z.array(z.string()),
  size: z.number(),
  /** Cases counted with their support (1 + ln of the residents who said 我也遇到). */
  weightedSize: z.number(),
  /** Cases per bucket, aligned with the response's `buckets`. */
  series: z.array(z.number()),
  /** The last bucket against the mean of the ones before (growth: last / mean − 1). */
  trend: z.object({ last: z.number(), previousMean: z.number(), growth: z.number() }),
  places: z.array(Count),
  score: z.number(),
  /** The most typical cases first, at most 50 (drill-down). */
  cases: z.array(CaseBrief),
});

export const HotIssuesOut = z.object({
  nodeId: z.number(),
  from: z.string(),
  to: z.string(),
  bucket: z.enum(['week', 'month']),
  buckets: z.array(z.string()),
  /** Cases looked at, and how many of them fell into a reported issue. */
  considered: z.number(),
  clustered: z.number(),
  items: z.array(HotIssueOut),
});

export const MonthlyTopicsOut = z.object({
  nodeId: z.number(),
  from: z.string(),
  to: z.string(),
  months: z.array(z.string()),
  items: z.array(
    z.object({
      label: z.string(),
      keywords: z.array(z.string()),
      /** Cases per month, aligned with `months`. */
      counts: z.array(z.number()),
      monthsPresent: z.number(),
      total: z.number(),
      places: z.array(Count),
      cases: z.array(CaseBrief),
    }),
  ),
});

export const warningKinds = ['repeat_reporter', 'escalation', 'dissatisfaction', 'group'] as const;
export type WarningKind = (typeof warningKinds)[number];
export const warningStatuses = ['open', 'acknowledged', 'closed'] as const;

/**
 * A rule's figures: `count` matters (or dissatisfied ratings, or people) within `days`;
 * `ratio` (escalation only): at least this many times the period before.
 */
export const RuleParams = z.object({
  count: z.number().int().min(1).max(1000),
  days: z.number().int().min(1).max(365),
  ratio: z.number().min(1).max(100).optional(),
});

export const WarningRuleOut = z.object({
  id: z.number(),
  kind: z.enum(warningKinds),
  params: RuleParams,
  active: z.boolean(),
});
export const WarningRulesOut = z.object({ items: z.array(WarningRuleOut) });
export const WarningRuleBody = z.object({ params: RuleParams, active: z.boolean() });

export const WarningsQuery = z.object({
  status: z.enum(warningStatuses).optional(),
  nodeId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

export const WarningOut = z.object({
  id: z.number(),
  kind: z.enum(warningKinds),
  /** What it is about, by name: a place and topic, a unit, a case; empty for a resident (never named). The page words it with the kind and figures. */
  subject: z.string(),
  nodeId: z.number(),
  nodeName: z.string(),
  /** The figure that crossed the rule's line (matters, ratings or people) and the rule's figures then. */
  count: z.number(),
  params: RuleParams,
  /** Escalation: how many in the period before. */
  before: z.number().nullable(),
  status: z.enum(warningStatuses),
  openedAt: z.string(),
  updatedAt: z.string(),
  note: z.string().nullable(),
  cases: z.array(CaseBrief),
  actions: z.array(z.enum(['acknowledge', 'close'])),
});
export const WarningsOut = z.object({ items: z.array(WarningOut), total: z.number() });
export const WarningActionBody = z.object({ note: line(500).nullable().optional() });
