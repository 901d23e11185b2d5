/**
 * The indicators of 党建考核 (DOMAIN.md §6), each a ratio of rollup counts (counters.ts)
 * with its definition in words — the console and docs/assessment.md show these texts, so
 * what a figure means is written once. A ratio with nothing to count is null, not 0 or 100 %.
 */
import type { Counts } from './counters.js';

export interface IndicatorOptions {
  /** What one 基本满意 counts for in 满意率 (满意 counts 1); local schemes differ. */
  basicWeight: number;
}

export const DEFAULT_BASIC_WEIGHT = 0.8;

export interface Indicator {
  key: string;
  name: { zh: string; en: string };
  definition: { zh: string; en: string };
  numerator(c: Counts, o: IndicatorOptions): number;
  denominator(c: Counts): number;
}

export const indicators: readonly Indicator[] = [
  {
    key: 'responseRate',
    name: { zh: '响应率', en: 'Response rate' },
    definition: {
      zh: '按时签收的派单 ÷ 应签收的派单（已签收的，及超过签收时限仍未签收的），按签收时限所在日计入；改派后按新的派单计。',
      en: 'Assignments signed for by their deadline ÷ assignments due (signed, or still unsigned past the deadline), counted on the day the sign deadline falls; a reassignment counts anew.',
    },
    numerator: (c) => c.signOnTime,
    denominator: (c) => c.signDue,
  },
  {
    key: 'resolutionRate',
    name: { zh: '解决率', en: 'Resolution rate' },
    definition: {
      zh: '回访中答“问题已解决”的工单 ÷ 回答了“问题是否解决”的工单，按评价日计入。',
      en: 'Cases whose reporter answered “resolved” ÷ cases whose reporter answered whether it was resolved, counted on the day of the rating.',
    },
    numerator: (c) => c.resolvedYes,
    denominator: (c) => c.resolvedAsked,
  },
  {
    key: 'satisfactionRate',
    name: { zh: '满意率', en: 'Satisfaction rate' },
    definition: {
      zh: '（满意 + 基本满意 × 权重）÷ 评价件数，按现行评价的评价日计入；重办后以新评价为准；权重默认 0.8，可按考核方案设置。',
      en: '(satisfied + basically satisfied × weight) ÷ ratings, counted on the day of the standing rating (a 重办 replaces it); the weight is 0.8 unless the scheme sets another.',
    },
    numerator: (c, o) => c.satisfied + o.basicWeight * c.basic,
    denominator: (c) => c.rated,
  },
  {
    key: 'onTimeClosureRate',
    name: { zh: '按期结案率', en: 'On-time closure rate' },
    definition: {
      zh: '按期办结的工单 ÷（到期工单 − 批准延期的工单），按办理时限所在日计入；到期工单指已办结反馈的，及超过时限仍未反馈的。',
      en: 'Cases answered by their deadline ÷ (cases due − deferred ones), counted on the day the deadline falls; due means answered, or unanswered past the deadline.',
    },
    numerator: (c) => c.feedbackOnTime,
    denominator: (c) => c.feedbackDue,
  },
  {
    key: 'closureRate',
    name: { zh: '结案率', en: 'Closure rate' },
    definition: {
      zh: '已结案的工单 ÷ 受理的工单（不含不予受理与合并的），按诉求提出日计入。',
      en: 'Closed cases ÷ cases taken up (neither refused nor merged), counted on the day they were raised.',
    },
    numerator: (c) => c.closed,
    denominator: (c) => c.handled,
  },
  {
    key: 'timelyIntakeRate',
    name: { zh: '及时受理率', en: 'Timely intake rate' },
    definition: {
      zh: '在派单时限内受理（受理、派单、即时答复、不予受理或合并）的诉求 ÷ 已受理的诉求，按受理日计入。',
      en: 'Requests taken up (accepted, dispatched, answered, refused or merged) within the dispatch deadline ÷ requests taken up, counted on the day they were taken up.',
    },
    numerator: (c) => c.intakeOnTime,
    denominator: (c) => c.intakeDone,
  },
  {
    key: 'returnRate',
    name: { zh: '返工率', en: 'Rework rate' },
    definition: {
      zh: '核查至少一次不通过（返工）的工单 ÷ 核查通过的工单，按核查通过日计入。',
      en: 'Cases that failed verification at least once ÷ cases that passed verification, counted on the day they passed.',
    },
    numerator: (c) => c.returned,
    denominator: (c) => c.verified,
  },
  {
    key: 'objectionRate',
    name: { zh: '异议率', en: 'Objection rate' },
    definition: {
      zh: '提出的派单异议 ÷（提出的派单异议 + 签收的派单），按提出日与签收日计入。',
      en: 'Objections filed ÷ (objections filed + assignments signed for), counted on the day filed or signed.',
    },
    numerator: (c) => c.objections,
    denominator: (c) => c.objections + c.signed,
  },
  {
    key: 'sendBackRate',
    name: { zh: '回退率', en: 'Send-back rate' },
    definition: {
      zh: '异议成立、退回重新派单的派单 ÷（提出的派单异议 + 签收的派单），按提出日与签收日计入。',
      en: 'Assignments sent back for redispatch (objection upheld) ÷ (objections filed + assignments signed for), counted on the day filed or signed.',
    },
    numerator: (c) => c.objectionsUpheld,
    denominator: (c) => c.objections + c.signed,
  },
  {
    key: 'redoRate',
    name: { zh: '重办率', en: 'Redo rate' },
    definition: {
      zh: '经过重办的工单 ÷ 评价件数，按现行评价的评价日计入。',
      en: 'Cases redone after a dissatisfied rating ÷ ratings, counted on the day of the standing rating.',
    },
    numerator: (c) => c.redone,
    denominator: (c) => c.rated,
  },
];

export interface Figure {
  key: string;
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator, 0–1, rounded to 4 places; null when the denominator is 0. */
  value: number | null;
}

export function figuresOf(c: Counts, o: IndicatorOptions): Figure[] {
  return indicators.map((i) => {
    const numerator = i.numerator(c, o);
    const denominator = i.denominator(c);
    return { key: i.key, numerator: Math.round(numerator * 100) / 100, denominator, value: denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000 };
  });
}
