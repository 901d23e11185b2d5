import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/problem.js';
import { problemText } from './problem-text.js';

/** A failed load, shown in place of the content, with the request id support staff need. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const requestId = isApiProblem(error) ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      title={t('errors.loadFailed')}
      description={
        <>
          {problemText(error, t)}
          {requestId ? <div style={{ opacity: 0.6, fontSize: 12 }}>{t('errors.requestId')}: {requestId}</div> : null}
        </>
      }
      action={onRetry ? <Button size="small" onClick={onRetry}>{t('common.refresh')}</Button> : undefined}
      data-testid="problem-alert"
    />
  );
}
