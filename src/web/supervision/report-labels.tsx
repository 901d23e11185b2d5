/** The report's state as a tag, the same on the reporter's page and in the console. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { stateColors, type ReportState } from './report-flow.js';

export function ReportStateTag({ state, testId }: { state: ReportState; testId?: string }) {
  const { t } = useTranslation();
  return <Tag color={stateColors[state]} data-testid={testId} data-state={state}>{t(`supervision.states.${state}`)}</Tag>;
}
