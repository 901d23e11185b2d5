/**
 * The vocabulary of early warnings: the statuses in tab order, a colour per kind, and a
 * rule's figures in words ("同一居民 30 天内反映 ≥ 3 件"), checked against the generated API
 * types so a new kind fails `tsc`.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RuleParams, Warning, WarningKind, WarningStatus } from './insight.api.js';

type AssertNever<T extends never> = T;

export const warningStatuses = ['open', 'acknowledged', 'closed'] as const satisfies readonly WarningStatus[];
export type _AllStatuses = AssertNever<Exclude<WarningStatus, (typeof warningStatuses)[number]>>;

export const warningKinds = ['repeat_reporter', 'escalation', 'dissatisfaction', 'group'] as const satisfies readonly WarningKind[];
export type _AllKinds = AssertNever<Exclude<WarningKind, (typeof warningKinds)[number]>>;

export const warningKindColors: Record<WarningKind, string> = {
  repeat_reporter: 'orange',
  escalation: 'red',
  dissatisfaction: 'purple',
  group: 'volcano',
};

/** Only the escalation rule compares with the period before (its `ratio`). */
export function hasRatio(kind: WarningKind): boolean {
  return kind === 'escalation';
}

/** What a warning is about, in the page's language: the subject's name with the kind's figures. */
export function warningSubject(t: TFunction, w: Pick<Warning, 'kind' | 'subject' | 'count' | 'params' | 'before'>): string {
  return t(`insight.warnings.subjects.${w.kind}`, { name: w.subject, count: w.count, days: w.params.days, before: w.before ?? 0 });
}

/** A rule's figures in words. */
export function RuleText({ kind, params }: { kind: WarningKind; params: RuleParams }) {
  const { t } = useTranslation();
  return <>{t(`insight.rules.explain.${kind}`, { count: params.count, days: params.days, ratio: params.ratio ?? 1 })}</>;
}
