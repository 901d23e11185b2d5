/** Display helpers shared by the configuration pages. */
import type { TFunction } from 'i18next';
import type { CaseState, Urgency } from './cases-admin.api.js';

export const urgencyOrder: readonly Urgency[] = ['emergency', 'utility', 'general', 'complex'];
export const urgencyColors: Record<Urgency, string> = { emergency: 'red', utility: 'orange', general: 'blue', complex: 'purple' };

export const caseStateOrder: readonly CaseState[] = [
  'submitted', 'accepted', 'dispatched', 'objected', 'signed', 'in_progress', 'replied', 'answered', 'verified', 'rated', 'closed', 'merged', 'refused',
];

/** "24 小时" or "7 个工作日" (or — when neither is set). */
export function spanText(t: TFunction, hours: number | null, workingDays: number | null): string {
  if (hours !== null) return t('casesAdmin.deadlines.hours', { value: hours });
  if (workingDays !== null) return t('casesAdmin.deadlines.workingDays', { value: workingDays });
  return '—';
}

/** The weekday of a YYYY-MM-DD date (0 = Sunday), independent of the browser's zone. */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** The short weekday name in the UI language. */
export function weekdayName(day: string, lang: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}
