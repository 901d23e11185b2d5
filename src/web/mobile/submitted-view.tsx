/**
 * After 我要反映: the case number and the tracking code, shown this once (the server keeps
 * only the code's hash), with copy buttons, the warning, and the photo upload outcome. A
 * replayed submission (same Idempotency-Key, first answer lost) comes without the code.
 */
import { CheckCircleFilled, CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Submitted } from './resident.api.js';

/** Copies text: the Clipboard API where the page is a secure context, else the old selection trick. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (window.isSecureContext && navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection trick
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

function CopyRow({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    if (await copyText(value)) void message.success(t('resident.submitted.copied'));
    else void message.error(t('resident.submitted.copyFailed'));
  };
  return (
    <div className="gz-res-code">
      <div style={{ minWidth: 0 }}>
        <div className="gz-res-code__label">{label}</div>
        <div className="gz-res-code__value" data-testid={testId}>{value}</div>
      </div>
      <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid={`${testId}-copy`}>{t('resident.submitted.copy')}</Button>
    </div>
  );
}

export interface PhotoOutcome {
  uploaded: number;
  failed: { name: string; reason: string }[];
}

export function SubmittedView({ submitted, photos, retrying, onRetryPhotos, onAnother }: { submitted: Submitted; photos: PhotoOutcome; retrying: boolean; onRetryPhotos: () => void; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <Card className="gz-mobile__card" data-testid="case-submitted">
      <Flex vertical gap={12}>
        <Flex vertical align="center" gap={4}>
          <CheckCircleFilled style={{ fontSize: 48, color: '#52c41a' }} />
          <Typography.Title level={4} style={{ margin: 0 }}>{t('resident.submitted.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('resident.submitted.subtitle')}</Typography.Text>
        </Flex>
        <CopyRow label={t('resident.submitted.number')} value={submitted.case.number} testId="case-number" />
        {submitted.trackingCode ? (
          <>
            <CopyRow label={t('resident.submitted.trackingCode')} value={submitted.trackingCode} testId="tracking-code" />
            <Alert type="warning" showIcon title={t('resident.submitted.warning')} data-testid="tracking-code-warning" />
          </>
        ) : (
          // A replay of a submission whose first answer was lost: the code was made then and is not kept.
          <Alert type="info" showIcon title={t('resident.submitted.codeLost')} data-testid="tracking-code-missing" />
        )}
        {photos.uploaded > 0 ? <Typography.Text type="success" data-testid="photos-uploaded">{t('resident.submitted.photosDone', { count: photos.uploaded })}</Typography.Text> : null}
        {photos.failed.length > 0 ? (
          <Alert
            type="error"
            showIcon
            title={t('resident.submitted.photoFailed', { count: photos.failed.length })}
            description={photos.failed.map((f) => <div key={f.name}>{t('resident.common.labelled', { label: f.name, value: f.reason })}</div>)}
            action={<Button size="small" loading={retrying} onClick={onRetryPhotos} data-testid="photos-retry">{t('resident.submitted.retryPhotos')}</Button>}
            data-testid="photos-failed"
          />
        ) : null}
        <Link to={`/m/cases/${submitted.case.id}`}>
          <Button type="primary" block size="large" data-testid="submitted-view">{t('resident.submitted.view')}</Button>
        </Link>
        <Button block onClick={onAnother} data-testid="submitted-another">{t('resident.submitted.another')}</Button>
      </Flex>
    </Card>
  );
}
