/**
 * Names and tags the 问责 pages share: the forms and their measures (the cascade of the record
 * form — the server checks the same pairs), appeal and review-item states, and figures.
 */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountabilityRecord, Form, Measure, ReviewItem, ReviewItemState } from './accountability.api.js';

/** The measures of each form, in the order of the 监督执纪四种形态 (mirrors the server's table; a wrong pair is refused there). */
export const measuresByForm = {
  form1: ['talk_reminder', 'criticism', 'self_examination', 'admonishment'],
  form2: ['warning', 'serious_warning', 'suspension', 'reassignment', 'ordered_resignation', 'dismissal'],
  form3: ['party_post_removal', 'probation', 'expulsion', 'major_reassignment'],
  form4: ['judicial_transfer'],
  circulated: ['circulated_criticism'],
} as const satisfies Record<Form, readonly Measure[]>;

export const forms = Object.keys(measuresByForm) as Form[];

const formColors: Record<Form, string> = { form1: 'blue', form2: 'orange', form3: 'red', form4: 'magenta', circulated: 'purple' };

export function MeasureTag({ record }: { record: Pick<AccountabilityRecord, 'form' | 'measure'> }) {
  const { t } = useTranslation();
  return (
    <Tag color={formColors[record.form]} data-testid="acc-measure-tag">
      {t(`accountability.forms.${record.form}`)} · {t(`accountability.measures.${record.measure as Measure}`)}
    </Tag>
  );
}

const appealColors: Record<AccountabilityRecord['appeal'], string> = { none: 'default', pending: 'gold', upheld: 'blue', changed: 'cyan', revoked: 'green' };

export function AppealTag({ appeal, testId }: { appeal: AccountabilityRecord['appeal']; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={appealColors[appeal]} data-testid={testId} data-state={appeal}>{t(`accountability.appeal.${appeal}`)}</Tag>;
}

const itemColors: Record<ReviewItemState, string> = { open: 'gold', dismissed: 'default', escalated: 'red' };

export function ItemStateTag({ state, testId }: { state: ReviewItemState; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={itemColors[state]} data-testid={testId} data-state={state}>{t(`accountability.itemStates.${state}`)}</Tag>;
}

/** "4 ≥ 3", "30% > 20%", "56 < 60": the figure against its threshold, as each trigger compares. */
export function figureText(i: Pick<ReviewItem, 'kind' | 'figure' | 'threshold'>): string {
  if (i.kind === 'dissatisfaction_rate') return `${i.figure}% > ${i.threshold}%`;
  if (i.kind === 'failing_scorecard') return `${i.figure} < ${i.threshold}`;
  return `${i.figure} ≥ ${i.threshold}`;
}

/** Where a case ground leads: a case number opens the case list looked up by that number. */
export function caseLink(number: string): string {
  return `/console/cases?box=all&q=${encodeURIComponent(number)}`;
}
